import Foundation

/// Reads a composed YAML tree while collecting diagnostics at exact positions.
/// Every accessor reports what it expected and returns `nil` instead of throwing, so
/// one pass finds every problem in a file.
struct NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func location(_ node: YAMLNode?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func error(_ node: YAMLNode?, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location(node), message))
    }

    mutating func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    mutating func warning(_ node: YAMLNode?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location(node), message))
    }

    /// Anchors and aliases could make a small file expand enormously, and questionnaires
    /// have no need for them: a list or mapping met a second time is refused, not read
    /// again (the tree keeps it as one `repeated` node).
    private mutating func refuseAnchor(_ node: YAMLNode) -> Bool {
        switch node.kind {
        case .alias:
            error(node, "anchors and aliases (& and *) are not supported; write the value out")
            return true
        case .repeated:
            error(node, "this value is repeated through an alias (*); anchors and aliases are not supported, write the value out")
            return true
        case .scalar, .mapping, .sequence:
            return false
        }
    }

    // MARK: Structure

    static let localizedKeys = KeySet(["nl", "en"], required: ["nl", "en"])

    /// A mapping's values by key, after checking for unknown and missing keys.
    struct Fields {
        let node: YAMLNode
        let keys: KeySet
        /// For each allowed key, where its pair starts in the tree's entries; -1 when
        /// absent. Inline: a load reads thousands of mappings, and an array each was an
        /// allocation and a release each.
        private var pairs = InlineArray<16, Int32>(repeating: -1)  // KeySet.capacity

        init(node: YAMLNode, keys: KeySet) {
            self.node = node
            self.keys = keys
        }

        /// A key met twice keeps its last value, as a YAML reader that allows it does.
        mutating func set(_ slot: Int, pair: Int32) { pairs[slot] = pair }

        // Looked up by literal names, matched on their bytes as keys are: the decoders
        // look up thousands of values, and a `String` per look-up cost more than the rest.
        private func pair(_ slot: Int?) -> Int? {
            guard let slot, pairs[slot] >= 0 else { return nil }
            return Int(pairs[slot])
        }

        subscript(name: StaticString) -> YAMLNode? { node(at: pair(keys.index(of: name)), offset: 1) }

        /// The value of a key named at run time.
        subscript(named name: String) -> YAMLNode? { node(at: pair(keys.index(of: name)), offset: 1) }

        func contains(slot: Int) -> Bool { pairs[slot] >= 0 }

        /// The value's place in the tree for the key at `slot` of `keys`, for readers that
        /// know where it is and need no node.
        func valueIndex(slot: Int) -> Int32? { pair(slot).map { node.tree.entries[$0 + 1] } }

        func key(_ name: StaticString) -> YAMLNode? { node(at: pair(keys.index(of: name)), offset: 0) }

        func key(named name: String) -> YAMLNode? { node(at: pair(keys.index(of: name)), offset: 0) }

        private func node(at pair: Int?, offset: Int) -> YAMLNode? {
            pair.map { YAMLNode(tree: node.tree, index: node.tree.entries[$0 + offset]) }
        }
    }

    /// The mapping's values by key; an error for each key `keys` does not allow and each
    /// it requires that is missing.
    mutating func fields(_ node: YAMLNode, of what: @autoclosure () -> String, keys allowed: KeySet) -> Fields? {
        guard !refuseAnchor(node) else { return nil }
        guard node.kind == .mapping else {
            error(node, "\(what()) must be a mapping of keys to values, but this is \(kind(of: node))")
            return nil
        }
        // By index: a node per key and value would be a counted reference to the tree each,
        // and a load reads thousands of mappings. Keys are matched on their bytes; a string
        // is made only for a message.
        let tree = node.tree, pairs = node.pairs
        var fields = Fields(node: node, keys: allowed)
        for entry in stride(from: pairs.start, to: pairs.start + 2 * pairs.count, by: 2) {
            let keyIndex = tree.entries[entry]
            let slot = tree.withScalarBytes(keyIndex) { allowed.index(of: $0) }
            switch slot {
            case .some(.some(let slot)):
                fields.set(slot, pair: Int32(entry))
            case .none:
                error(YAMLNode(tree: tree, index: keyIndex), "keys in \(what()) must be plain names")
            case .some(.none):
                let key = tree.string(keyIndex) ?? ""
                var message = "unknown key '\(key)' in \(what())"
                if let suggestion = closestMatch(to: key, in: allowed.names) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += " (allowed: \(allowed.names.joined(separator: ", ")))"
                }
                error(YAMLNode(tree: tree, index: keyIndex), message)
            }
        }
        for slot in allowed.required where !fields.contains(slot: slot) {
            error(node, "\(what()) is missing the required key '\(allowed.names[slot])'")
        }
        return fields
    }

    /// The items of a list, read in place (not copied into an array of nodes).
    mutating func sequence(_ node: YAMLNode, of what: @autoclosure () -> String) -> YAMLNode.Items? {
        guard !refuseAnchor(node) else { return nil }
        guard node.kind == .sequence else {
            error(node, "\(what()) must be a list, but this is \(kind(of: node))")
            return nil
        }
        return node.items
    }

    // MARK: Scalars

    mutating func string(_ node: YAMLNode, of what: @autoclosure () -> String, allowEmpty: Bool = false) -> String? {
        string(at: node.index, in: node.tree, of: what(), allowEmpty: allowEmpty)
    }

    /// As above, for the node at `index`; a node is made only for a message.
    mutating func string(at index: Int32, in tree: YAMLTree, of what: @autoclosure () -> String, allowEmpty: Bool = false) -> String? {
        guard let string = tree.string(index) else {
            let node = YAMLNode(tree: tree, index: index)
            if !refuseAnchor(node) {
                error(node, "\(what()) must be a single value, but this is \(kind(of: node))")
            }
            return nil
        }
        if !allowEmpty, !hasVisibleText(string) {
            error(YAMLNode(tree: tree, index: index), "\(what()) is empty")
            return nil
        }
        return string
    }

    mutating func identifier(_ node: YAMLNode, of what: @autoclosure () -> String, allowHyphen: Bool = false) -> String? {
        guard let value = string(node, of: what()) else { return nil }
        guard isIdentifier(value, allowHyphen: allowHyphen) else {
            error(node, "\(what()) '\(value)' must start with a lower-case letter and contain only a–z, 0–9\(allowHyphen ? ", '-'" : "") and '_'")
            return nil
        }
        return value
    }

    mutating func integer(_ node: YAMLNode, of what: @autoclosure () -> String) -> Int? {
        guard let value = string(node, of: what()) else { return nil }
        guard let number = Int(value) else {
            error(node, "\(what()) must be a whole number, but is '\(value)'")
            return nil
        }
        return number
    }

    mutating func boolean(_ node: YAMLNode, of what: @autoclosure () -> String) -> Bool? {
        guard let value = string(node, of: what()) else { return nil }
        switch value {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, "\(what()) must be true or false, but is '\(value)'")
            return nil
        }
    }

    mutating func localized(_ node: YAMLNode, of what: @autoclosure () -> String) -> LocalizedText? {
        if node.isScalar {
            error(node, "\(what()) must give a Dutch and an English text, as {nl: \"...\", en: \"...\"}")
            return nil
        }
        guard let fields = fields(node, of: what(), keys: Self.localizedKeys) else { return nil }
        let tree = node.tree
        // By slot: texts are most of a questionnaire's mappings.
        let nl = fields.valueIndex(slot: 0).flatMap { string(at: $0, in: tree, of: "the Dutch (nl) text of \(what())") }
        let en = fields.valueIndex(slot: 1).flatMap { string(at: $0, in: tree, of: "the English (en) text of \(what())") }
        guard let nl, let en else { return nil }
        return LocalizedText(nl: nl, en: en)
    }

    private func kind(of node: YAMLNode) -> String {
        switch node.kind {
        case .scalar:
            let string = node.string ?? ""
            return string.isEmpty ? "empty" : "a single value ('\(string.prefix(40))')"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias, .repeated: return "an alias"
        }
    }

    // MARK: Positions inside scalars

    /// The file position of a character offset inside a scalar, e.g. an error inside a
    /// condition. Exact for plain and single-line quoted values, close for block values.
    func location(in node: YAMLNode, offset: Int) -> SourceLocation {
        guard node.isScalar else { return location(node) }
        let mark = node.mark
        switch node.style {
        case .literal, .folded:
            var line = mark.line + 1
            var remaining = offset
            // Split only now, for an error: splitting every file up front cost a sixth of a load.
            let lines = String(decoding: node.tree.source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            while line - 1 < lines.count {
                let text = lines[line - 1]
                let indentation = text.prefix { $0 == " " }.count
                let length = text.unicodeScalars.count - indentation
                if remaining <= length {
                    return SourceLocation(file: file, line: line, column: indentation + remaining + 1)
                }
                remaining -= length + 1
                line += 1
            }
            return location(node)
        case .singleQuoted, .doubleQuoted:
            return SourceLocation(file: file, line: mark.line, column: mark.column + 1 + offset)
        default:
            return SourceLocation(file: file, line: mark.line, column: mark.column + offset)
        }
    }
}

/// The keys a mapping may have and those it must have, matched on a key's bytes: the first sixteen compared as
/// two words, the rest (rare) byte by byte.
///
/// A class, so a `Fields` (copied often while decoding) holds one reference to it, not
/// one per list inside.
final class KeySet: ExpressibleByArrayLiteral, Sendable {
    /// The most keys a mapping may allow, so `Fields` keeps its values inline.
    static let capacity = 16

    let names: [String]
    private let packed: [Packed]

    private struct Packed: Equatable, Sendable {
        var length: Int
        var head: UInt64
        var tail: UInt64

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            // Whole words where the bytes fill them, the rest byte by byte: no read past
            // the end, and no call to memcpy for a key of a few bytes.
            func word(_ range: Range<Int>) -> UInt64 {
                if range.count == 8 { return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + range.lowerBound).loadUnaligned(as: UInt64.self)) }
                var word: UInt64 = 0
                for index in range.reversed() { word = word << 8 | UInt64(bytes[index]) }
                return word
            }
            let count = bytes.count
            length = count
            head = word(0..<min(count, 8))
            tail = count > 8 ? word(8..<min(count, 16)) : 0
        }

        init(_ name: String) {
            var name = name
            self = name.withUTF8 { Packed($0) }
        }
    }

    /// Positions in `names` of the keys a mapping must have, in the order they are
    /// reported when missing.
    let required: [Int]

    init(_ names: [String], required: [String] = []) {
        precondition(names.count <= Self.capacity, "a mapping allows at most \(Self.capacity) keys")
        self.names = names
        packed = names.map(Packed.init)
        self.required = required.map { name in
            guard let slot = names.firstIndex(of: name) else { preconditionFailure("required key '\(name)' is not allowed") }
            return slot
        }
    }

    convenience init(arrayLiteral names: String...) {
        self.init(names)
    }

    /// Keys that a mapping must all have.
    static func allRequired(_ names: [String]) -> KeySet {
        KeySet(names, required: names)
    }

    /// The position of the key with these bytes, or nil when it is not allowed.
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let key = Packed(bytes)
        return packed.withUnsafeBufferPointer { packed in
            for index in 0..<packed.count where packed[index] == key {
                if key.length <= 16 || names[index].utf8.dropFirst(16).elementsEqual(bytes.dropFirst(16)) { return index }
            }
            return nil
        }
    }

    /// The position of `name`, or nil when it is not allowed.
    func index(of name: StaticString) -> Int? {
        name.withUTF8Buffer { index(of: $0) }
    }

    /// The position of `name`, or nil when it is not allowed.
    func index(of name: String) -> Int? {
        names.firstIndex(of: name)
    }
}

/// Whether the text holds more than white space. Not Foundation's trimming: it bridges
/// every string and dominated load time; and a printable ASCII first byte answers
/// without a Unicode property lookup.
func hasVisibleText(_ text: String) -> Bool {
    if let first = text.utf8.first, first > 0x20, first < 0x7F { return true }
    return text.unicodeScalars.contains { !$0.properties.isWhitespace }
}

func isIdentifier(_ value: String, allowHyphen: Bool = false) -> Bool {
    guard let first = value.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return value.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || (allowHyphen && $0 == "-")
    }
}
