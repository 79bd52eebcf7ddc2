import Foundation
@testable import GripResults

/// SplitMix64: a small deterministic generator, so every run builds the same corpus.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}

/// One step from a container to a child: the n-th array item or the n-th object member.
enum JSONStep: Hashable {
    case item(Int)
    case member(Int)
}

/// A JSON document as written text: scalars are kept as tokens, so a mutant can spell a
/// value in ways Grip never writes (`1.0`, `\u0041`, `-0`) and objects may hold
/// duplicate keys.
indirect enum JSONText {
    /// A number, literal or string exactly as written (strings with their quotes).
    case token(String)
    case array([JSONText])
    /// Keys as written string tokens, quotes included.
    case object([(key: String, value: JSONText)])

    init(_ value: JSONValue) {
        switch value {
        case .array(let items): self = .array(items.map(JSONText.init))
        case .object(let members): self = .object(members.map { (JSONText.quote($0.key), JSONText($0.value)) })
        default: self = .token(String(decoding: CanonicalJSON.bytes(value), as: UTF8.self))
        }
    }

    /// A string token, escaped minimally (as RFC 8785 does); the scalars at `escaping`
    /// as `\uXXXX` (a surrogate pair above the BMP), upper- or lower-case hex.
    static func quote(_ text: String, escaping: Set<Int> = [], upperCase: Bool = false) -> String {
        if escaping.isEmpty {
            var bytes: [UInt8] = []
            CanonicalJSON.writeString(text, into: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = "\""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if escaping.contains(index) {
                if scalar == "/" && !upperCase {
                    out += "\\/"
                    continue
                }
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + (upperCase ? hex.uppercased() : hex)
                }
            } else {
                var bytes: [UInt8] = []
                CanonicalJSON.writeString(String(scalar), into: &bytes)
                out += String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
            }
        }
        return out + "\""
    }

    /// Every node with its path, this one first.
    func nodes(_ path: [JSONStep] = []) -> [(path: [JSONStep], node: JSONText)] {
        var found = [(path, self)]
        switch self {
        case .token: break
        case .array(let items):
            for (index, item) in items.enumerated() { found += item.nodes(path + [.item(index)]) }
        case .object(let members):
            for (index, member) in members.enumerated() { found += member.value.nodes(path + [.member(index)]) }
        }
        return found
    }

    mutating func update(_ path: ArraySlice<JSONStep>, _ body: (inout JSONText) -> Void) {
        guard let step = path.first else {
            body(&self)
            return
        }
        switch (self, step) {
        case (.array(var items), .item(let index)):
            items[index].update(path.dropFirst(), body)
            self = .array(items)
        case (.object(var members), .member(let index)):
            members[index].value.update(path.dropFirst(), body)
            self = .object(members)
        default: break
        }
    }

    /// The member named exactly `key` (an unescaped name).
    func memberIndex(_ key: String) -> Int? {
        guard case .object(let members) = self else { return nil }
        return members.firstIndex { $0.key.equalsExactly(JSONText.quote(key)) }
    }

    /// Written out: pretty (as Grip writes), compact, or with random whitespace.
    func render(pretty: Bool, whitespace: inout SeededGenerator?) -> String {
        var out = ""
        write(into: &out, indent: 0, pretty: pretty, whitespace: &whitespace)
        return pretty ? out + "\n" : out
    }

    private func write(into out: inout String, indent: Int, pretty: Bool, whitespace: inout SeededGenerator?) {
        func space() -> String {
            guard whitespace != nil else { return "" }
            return whitespace!.pick(["", "", " ", "\n", "\t", "\r\n", "  "])
        }
        let inner = pretty ? "\n" + String(repeating: "  ", count: indent + 1) : ""
        let outer = pretty ? "\n" + String(repeating: "  ", count: indent) : ""
        switch self {
        case .token(let text): out += text
        case .array(let items):
            out += "[" + space()
            for (index, item) in items.enumerated() {
                out += (index > 0 ? "," : "") + inner + space()
                item.write(into: &out, indent: indent + 1, pretty: pretty, whitespace: &whitespace)
                out += space()
            }
            out += (items.isEmpty ? "" : outer) + "]"
        case .object(let members):
            out += "{" + space()
            for (index, member) in members.enumerated() {
                out += (index > 0 ? "," : "") + inner + space() + member.key + space() + (pretty ? ": " : ":") + space()
                member.value.write(into: &out, indent: indent + 1, pretty: pretty, whitespace: &whitespace)
                out += space()
            }
            out += (members.isEmpty ? "" : outer) + "}"
        }
    }
}
