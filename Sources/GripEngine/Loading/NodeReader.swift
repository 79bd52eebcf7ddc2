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

    /// A mapping's values by key, after checking for unknown and missing keys.
    struct Fields {
        let node: YAMLNode
        /// A mapping has a handful of keys: a list searched in order beats hashing them.
        /// Nodes are kept as indices into `node`'s tree (a node would be a reference each).
        private var entries: [(name: String, key: Int32, value: Int32)] = []

        init(node: YAMLNode, capacity: Int) {
            self.node = node
            entries.reserveCapacity(capacity)
        }

        mutating func set(_ name: String, key: Int32, value: Int32) {
            if let index = entries.firstIndex(where: { $0.name == name }) {
                entries[index] = (name, key, value)
            } else {
                entries.append((name, key, value))
            }
        }

        subscript(name: String) -> YAMLNode? {
            entries.first { $0.name == name }.map { YAMLNode(tree: node.tree, index: $0.value) }
        }

        func contains(_ name: String) -> Bool { entries.contains { $0.name == name } }

        /// The value's place in the tree, for readers that need no node.
        func valueIndex(_ name: String) -> Int32? { entries.first { $0.name == name }?.value }

        func key(_ name: String) -> YAMLNode? {
            entries.first { $0.name == name }.map { YAMLNode(tree: node.tree, index: $0.key) }
        }
    }

    mutating func fields(_ node: YAMLNode, of what: @autoclosure () -> String, allowed: [String], required: [String]) -> Fields? {
        guard !refuseAnchor(node) else { return nil }
        guard node.kind == .mapping else {
            error(node, "\(what()) must be a mapping of keys to values, but this is \(kind(of: node))")
            return nil
        }
        // By index: a node per key and value would be a counted reference to the tree each,
        // and a load reads thousands of mappings.
        let tree = node.tree, pairs = node.pairs
        var fields = Fields(node: node, capacity: min(pairs.count, allowed.count))
        for entry in stride(from: pairs.start, to: pairs.start + 2 * pairs.count, by: 2) {
            let keyIndex = tree.entries[entry], valueIndex = tree.entries[entry + 1]
            guard let key = tree.string(keyIndex) else {
                error(YAMLNode(tree: tree, index: keyIndex), "keys in \(what()) must be plain names")
                continue
            }
            guard allowed.contains(key) else {
                let keyNode = YAMLNode(tree: tree, index: keyIndex)
                var message = "unknown key '\(key)' in \(what())"
                if let suggestion = closestMatch(to: key, in: allowed) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += " (allowed: \(allowed.joined(separator: ", ")))"
                }
                error(keyNode, message)
                continue
            }
            fields.set(key, key: keyIndex, value: valueIndex)
        }
        for key in required where !fields.contains(key) {
            error(node, "\(what()) is missing the required key '\(key)'")
        }
        return fields
    }

    mutating func sequence(_ node: YAMLNode, of what: @autoclosure () -> String) -> [YAMLNode]? {
        guard !refuseAnchor(node) else { return nil }
        guard node.kind == .sequence else {
            error(node, "\(what()) must be a list, but this is \(kind(of: node))")
            return nil
        }
        return Array(node.items)
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
        guard let fields = fields(node, of: what(), allowed: ["nl", "en"], required: ["nl", "en"]) else { return nil }
        let tree = node.tree
        let nl = fields.valueIndex("nl").flatMap { string(at: $0, in: tree, of: "the Dutch (nl) text of \(what())") }
        let en = fields.valueIndex("en").flatMap { string(at: $0, in: tree, of: "the English (en) text of \(what())") }
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
