import GripEngine

/// Human-readable JSON for result files: two-space indentation, keys sorted like the
/// canonical form so a reader finds them in the same place every time. Characters that
/// could drive a terminal (C1 controls, DEL, bidi controls) are written as `\u` escapes,
/// so `cat` on a result is safe; the value, and so the signature, is the same.
public enum PrettyJSON {
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        write(value, indent: 0, into: &output)
        output.append(0x0A)
        return output
    }

    /// One line of JSON (keys sorted), with the same terminal-safe escaping: for
    /// machine-readable output such as `grip verify --json`.
    public static func line(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        writeCompact(value, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func writeCompact(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeCompact(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                writeCompact(member.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .string(let text):
            writeString(text, into: &output)
        default:
            output += CanonicalJSON.bytes(value)
        }
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
        let inner = [UInt8](repeating: 0x20, count: (indent + 1) * 2)
        let outer = [UInt8](repeating: 0x20, count: indent * 2)
        switch value {
        case .array(let items) where !items.isEmpty:
            output += Array("[\n".utf8)
            for (index, item) in items.enumerated() {
                output += inner
                write(item, indent: indent + 1, into: &output)
                output += Array((index < items.count - 1 ? ",\n" : "\n").utf8)
            }
            output += outer + [UInt8(ascii: "]")]
        case .object(let members) where !members.isEmpty:
            output += Array("{\n".utf8)
            let sorted = members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            for (index, member) in sorted.enumerated() {
                output += inner
                writeString(member.key, into: &output)
                output += Array(": ".utf8)
                write(member.value, indent: indent + 1, into: &output)
                output += Array((index < sorted.count - 1 ? ",\n" : "\n").utf8)
            }
            output += outer + [UInt8(ascii: "}")]
        case .string(let text):
            writeString(text, into: &output)
        default:
            output += CanonicalJSON.bytes(value)
        }
    }

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x7F && DisplaySafety.isUnsafe($0) }) else {
            CanonicalJSON.writeString(text, into: &output)
            return
        }
        var escaped: [UInt8] = []
        CanonicalJSON.writeString(text, into: &escaped)
        // Re-scan the canonical string, replacing the unsafe scalars (all in the BMP).
        var result = ""
        for scalar in String(decoding: escaped, as: UTF8.self).unicodeScalars {
            if scalar.value >= 0x7F && DisplaySafety.isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        output += Array(result.utf8)
    }
}
