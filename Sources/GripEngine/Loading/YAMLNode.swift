import Yams

/// A position in a YAML file: 1-based line and column, the column counted in characters
/// (as libyaml counts them, so both parsers give the same positions).
struct YAMLMark: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// A YAML value as the decoders read it: text with its style, lists and mappings, each
/// with the position it starts at. Lighter than `Yams.Node` (no tag objects, no
/// resolver), which made up a large part of loading a questionnaire.
indirect enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)
    /// Only from Yams, which keeps an alias it cannot resolve as its own node.
    case alias(YAMLMark)

    struct Scalar: Sendable {
        enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }
        var string: String
        var style: Style
        var mark: YAMLMark
    }

    struct Mapping: RandomAccessCollection, Sendable {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var mark: YAMLMark
        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(index: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[index] }
    }

    struct Sequence: RandomAccessCollection, Sendable {
        var nodes: [YAMLNode]
        var mark: YAMLMark
        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(index: Int) -> YAMLNode { nodes[index] }
    }

    var mark: YAMLMark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        case .alias(let mark): mark
        }
    }
}

extension YAMLNode {
    /// The same tree from Yams, which reads every file the subset parser leaves alone.
    init(_ node: Yams.Node) {
        let mark = node.mark.map { YAMLMark(line: $0.line, column: $0.column) } ?? YAMLMark(line: 1, column: 1)
        switch node {
        case .scalar(let scalar):
            let style: Scalar.Style = switch scalar.style {
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            default: .plain
            }
            self = .scalar(Scalar(string: scalar.string, style: style, mark: mark))
        case .mapping(let mapping):
            self = .mapping(Mapping(pairs: mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) }, mark: mark))
        case .sequence(let sequence):
            self = .sequence(Sequence(nodes: sequence.map(YAMLNode.init), mark: mark))
        case .alias:
            self = .alias(mark)
        }
    }
}
