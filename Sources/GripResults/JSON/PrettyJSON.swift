/// Human-readable JSON for result files: two-space indentation, keys sorted like the
/// canonical form so a reader finds them in the same place every time.
public enum PrettyJSON {
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        write(value, indent: 0, into: &output)
        output.append(0x0A)
        return output
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
                CanonicalJSON.writeString(member.key, into: &output)
                output += Array(": ".utf8)
                write(member.value, indent: indent + 1, into: &output)
                output += Array((index < sorted.count - 1 ? ",\n" : "\n").utf8)
            }
            output += outer + [UInt8(ascii: "}")]
        default:
            output += CanonicalJSON.bytes(value)
        }
    }
}
