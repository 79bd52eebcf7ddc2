import Foundation
import Yams

/// A position in a YAML file: 1-based line and column, the column counted in characters
/// (as libyaml counts them, so both parsers give the same positions).
struct YAMLMark: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// A parsed YAML document in flat storage: one record per node, the entries of lists and
/// mappings as indices, the text of every scalar in one buffer. A tree of separately
/// allocated nodes cost more to build, retain and free than reading the file did.
final class YAMLTree: Sendable {
    enum Kind: UInt8, Sendable {
        case scalar, mapping, sequence
        /// Only from Yams, which keeps an alias it cannot resolve as its own node.
        case alias
        /// A list or mapping met again through an alias (Yams resolves `*name` to the very
        /// node it names): kept as one node, so an alias cannot make a small file expand.
        case repeated
    }

    struct Record: Sendable {
        var kind: Kind
        var style: YAMLNode.Style
        var line: Int32
        var column: Int32
        /// Scalars: where their text starts in `text`; lists and mappings: where their
        /// entries start in `entries`.
        var start: Int32
        /// Scalars: bytes of text; lists: entries; mappings: pairs (key, value, key…).
        var count: Int32
    }

    let records: [Record]
    let entries: [Int32]
    let text: [UInt8]
    let rootIndex: Int32
    /// The file's bytes, for positions inside block text (only an error needs them).
    let source: Data

    init(records: [Record], entries: [Int32], text: [UInt8], rootIndex: Int32, source: Data) {
        self.records = records
        self.entries = entries
        self.text = text
        self.rootIndex = rootIndex
        self.source = source
    }

    var root: YAMLNode { YAMLNode(tree: self, index: rootIndex) }

    /// `body` of the bytes of scalar `index`; nil for anything else.
    func withScalarBytes<Result>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let record = records[Int(index)]
        guard record.kind == .scalar else { return nil }
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(record.start)..<Int(record.start + record.count)])) }
    }

    /// The text of scalar `index`; nil for anything else.
    func string(_ index: Int32) -> String? {
        let record = records[Int(index)]
        guard record.kind == .scalar else { return nil }
        return text.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(record.start)..<Int(record.start + record.count)]), as: UTF8.self)
        }
    }
}

/// A YAML value as the decoders read it: text with its style, lists and mappings, each
/// with the position it starts at. A node is a place in its tree, cheap to copy.
struct YAMLNode: Sendable {
    enum Style: UInt8, Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    let tree: YAMLTree
    let index: Int32

    private var record: YAMLTree.Record { tree.records[Int(index)] }

    var kind: YAMLTree.Kind { record.kind }
    var isScalar: Bool { kind == .scalar }
    var style: Style { record.style }
    var mark: YAMLMark { YAMLMark(line: Int(record.line), column: Int(record.column)) }

    /// A scalar's text; nil for anything else.
    var string: String? { tree.string(index) }

    /// Whether this is a scalar whose text is exactly `expected`, without making a string.
    func isScalar(_ expected: StaticString) -> Bool {
        let record = record
        guard record.kind == .scalar, Int(record.count) == expected.utf8CodeUnitCount else { return false }
        guard record.count > 0 else { return true }
        return tree.text.withUnsafeBufferPointer { text in
            memcmp(text.baseAddress! + Int(record.start), expected.utf8Start, expected.utf8CodeUnitCount) == 0
        }
    }

    /// The entries of a list; empty for anything else.
    var items: Items {
        let record = record
        return Items(tree: tree, start: Int(record.start), count: record.kind == .sequence ? Int(record.count) : 0)
    }

    /// The pairs of a mapping; empty for anything else.
    var pairs: Pairs {
        let record = record
        return Pairs(tree: tree, start: Int(record.start), count: record.kind == .mapping ? Int(record.count) : 0)
    }

    struct Items: RandomAccessCollection, Sendable {
        let tree: YAMLTree
        let start: Int
        let count: Int
        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(position: Int) -> YAMLNode {
            precondition(position >= 0 && position < count, "index out of range")
            return YAMLNode(tree: tree, index: tree.entries[start + position])
        }
    }

    struct Pairs: RandomAccessCollection, Sendable {
        let tree: YAMLTree
        let start: Int
        let count: Int
        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
            precondition(position >= 0 && position < count, "index out of range")
            let at = start + 2 * position
            return (YAMLNode(tree: tree, index: tree.entries[at]), YAMLNode(tree: tree, index: tree.entries[at + 1]))
        }
    }
}

/// Collects a tree's records. Lists and mappings are built from the inside out: their
/// entries wait on a stack until the collection ends, then move to `entries` together.
struct YAMLTreeBuilder {
    private var records: [YAMLTree.Record] = []
    private var entries: [Int32] = []
    private var text: [UInt8] = []
    private var pending: [Int32] = []

    init(expectedBytes: Int) {
        // A questionnaire has about one node per 12 bytes, and most of its bytes are text.
        records.reserveCapacity(expectedBytes / 12)
        entries.reserveCapacity(expectedBytes / 12)
        text.reserveCapacity(expectedBytes)
    }

    /// For a reader of `source`: the text starts as a copy of the file, so a scalar that
    /// stands in it as it reads (most keys and values) is a range of it, not a copy of its
    /// own. Block text and escapes, rewritten, follow it.
    init(source: UnsafeBufferPointer<UInt8>) {
        records.reserveCapacity(source.count / 12)
        entries.reserveCapacity(source.count / 12)
        text.reserveCapacity(2 * source.count)
        text.append(contentsOf: source)
    }

    /// The largest file the 32-bit offsets can describe, with room to spare: its text,
    /// escapes expanded (at most 1.5 bytes per byte, `\L`), stays under 2 GB.
    static let byteLimit = 1 << 30

    /// The largest file read with `init(source:)`, whose text holds the file and then
    /// the rewritten text (at most 2.5 bytes per byte together): larger ones go to Yams.
    static let sourceCopyLimit = byteLimit / 2

    mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, style: YAMLNode.Style, mark: YAMLMark) -> Int32 {
        let start = Int32(text.count)
        text.append(contentsOf: bytes)
        return add(.init(kind: .scalar, style: style, line: Int32(clamping: mark.line), column: Int32(clamping: mark.column), start: start, count: Int32(bytes.count)))
    }

    mutating func scalar(_ string: String, style: YAMLNode.Style, mark: YAMLMark) -> Int32 {
        var string = string
        return string.withUTF8 { scalar($0, style: style, mark: mark) }
    }

    /// A scalar whose text is `range` of the source this builder was made with.
    mutating func sourceScalar(_ range: Range<Int>, style: YAMLNode.Style, mark: YAMLMark) -> Int32 {
        add(.init(
            kind: .scalar, style: style, line: Int32(clamping: mark.line), column: Int32(clamping: mark.column),
            start: Int32(range.lowerBound), count: Int32(range.count)))
    }

    /// The text written so far: where a scalar written piece by piece starts.
    var textCount: Int { text.count }

    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: bytes) }

    mutating func appendText(_ byte: UInt8, count: Int) { text.append(contentsOf: repeatElement(byte, count: count)) }

    /// A scalar whose text was appended from `start` on.
    mutating func scalar(textFrom start: Int, style: YAMLNode.Style, mark: YAMLMark) -> Int32 {
        add(.init(
            kind: .scalar, style: style, line: Int32(clamping: mark.line), column: Int32(clamping: mark.column),
            start: Int32(start), count: Int32(text.count - start)))
    }

    /// A node without entries or text: an alias or a repeated collection.
    mutating func leaf(_ kind: YAMLTree.Kind, mark: YAMLMark) -> Int32 {
        add(.init(kind: kind, style: .plain, line: Int32(clamping: mark.line), column: Int32(clamping: mark.column), start: 0, count: 0))
    }

    /// Where the entries of a list or mapping that starts now begin on the pending stack.
    var entryMark: Int { pending.count }

    mutating func addEntry(_ node: Int32) { pending.append(node) }

    /// The number of entries pending since `entryMark`.
    func pendingCount(from entryMark: Int) -> Int { pending.count - entryMark }

    /// Whether a mapping that started at `entryMark` already has a key with `key`'s text.
    func hasKey(like key: Int32, from entryMark: Int) -> Bool {
        var index = entryMark
        while index < pending.count {
            if sameText(pending[index], key) { return true }
            index += 2
        }
        return false
    }

    /// Whether scalar `index` has exactly this text and style.
    func scalar(_ index: Int32, is string: String, style: YAMLNode.Style) -> Bool {
        let record = records[Int(index)]
        var string = string
        guard record.kind == .scalar, record.style == style, Int(record.count) == string.utf8.count else { return false }
        guard record.count > 0 else { return true }
        return string.withUTF8 { utf8 in
            text.withUnsafeBufferPointer { memcmp($0.baseAddress! + Int(record.start), utf8.baseAddress!, utf8.count) == 0 }
        }
    }

    /// Whether scalars `a` and `b` have the same text.
    func sameText(_ a: Int32, _ b: Int32) -> Bool {
        let first = records[Int(a)], second = records[Int(b)]
        guard first.count == second.count else { return false }
        guard first.count > 0 else { return true }
        return text.withUnsafeBufferPointer {
            memcmp($0.baseAddress! + Int(first.start), $0.baseAddress! + Int(second.start), Int(first.count)) == 0
        }
    }

    mutating func endCollection(_ kind: YAMLTree.Kind, from entryMark: Int, mark: YAMLMark) -> Int32 {
        let start = Int32(entries.count)
        let count = pending.count - entryMark
        entries.append(contentsOf: pending[entryMark...])
        pending.removeSubrange(entryMark...)
        return add(.init(
            kind: kind, style: .plain, line: Int32(clamping: mark.line), column: Int32(clamping: mark.column),
            start: start, count: Int32(kind == .mapping ? count / 2 : count)))
    }

    private mutating func add(_ record: YAMLTree.Record) -> Int32 {
        records.append(record)
        return Int32(records.count - 1)
    }

    func finish(root: Int32, source: Data) -> YAMLTree {
        YAMLTree(records: records, entries: entries, text: text, rootIndex: root, source: source)
    }
}

extension YAMLTree {
    /// The same tree from Yams, which reads every file the subset parser leaves alone.
    /// Yams resolves an alias to the node it names, so a list or mapping met a second time
    /// becomes one `repeated` node instead of a copy: without that, ten nested aliases of
    /// ten each (a 'billion laughs' file of a few hundred bytes) would be copied a billion
    /// times. A repeated scalar shares its record.
    static func from(_ node: Yams.Node, source: Data) -> YAMLTree {
        var converter = YamsConverter(builder: YAMLTreeBuilder(expectedBytes: source.count))
        let root = converter.convert(node)
        return converter.builder.finish(root: root, source: source)
    }
}

private struct YamsConverter {
    var builder: YAMLTreeBuilder
    /// Positions are how a node met again is told: a mapping and its first key start at
    /// the same place, so lists and mappings are kept apart from scalars.
    var collections = Set<YAMLMark>()
    var scalars: [YAMLMark: Int32] = [:]

    mutating func convert(_ node: Yams.Node) -> Int32 {
        let mark = node.mark.map { YAMLMark(line: $0.line, column: $0.column) } ?? YAMLMark(line: 1, column: 1)
        switch node {
        case .scalar(let scalar):
            let style: YAMLNode.Style = switch scalar.style {
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            default: .plain
            }
            // The same text and style at the same place: the same scalar (through an alias),
            // or one no reader could tell from it.
            if let known = scalars[mark], builder.scalar(known, is: scalar.string, style: style) { return known }
            let index = builder.scalar(scalar.string, style: style, mark: mark)
            scalars[mark] = index
            return index
        case .mapping(let mapping):
            guard collections.insert(mark).inserted else { return builder.leaf(.repeated, mark: mark) }
            let entryMark = builder.entryMark
            for (key, value) in mapping {
                builder.addEntry(convert(key))
                builder.addEntry(convert(value))
            }
            return builder.endCollection(.mapping, from: entryMark, mark: mark)
        case .sequence(let sequence):
            guard collections.insert(mark).inserted else { return builder.leaf(.repeated, mark: mark) }
            let entryMark = builder.entryMark
            for item in sequence { builder.addEntry(convert(item)) }
            return builder.endCollection(.sequence, from: entryMark, mark: mark)
        case .alias:
            return builder.leaf(.alias, mark: mark)
        }
    }
}
