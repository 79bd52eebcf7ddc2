/// The untyped syntax tree of a condition, as parsed. Only the cases that hold a node
/// are boxed: values and names (half the nodes) are stored in place, not allocated.
enum Syntax: Equatable, Sendable {
    case integer(Int, offset: Int)
    case string(String, offset: Int)
    case boolean(Bool, offset: Int)
    case name(String, offset: Int)
    case list([Syntax], offset: Int)
    case call(String, [Syntax], offset: Int)
    indirect case not(Syntax, offset: Int)
    indirect case negate(Syntax, offset: Int)
    indirect case binary(BinaryOperator, Syntax, Syntax, offset: Int)

    var offset: Int {
        switch self {
        case .integer(_, let offset), .string(_, let offset), .boolean(_, let offset),
            .name(_, let offset), .list(_, let offset), .call(_, _, let offset),
            .not(_, let offset), .negate(_, let offset), .binary(_, _, _, let offset):
            offset
        }
    }
}

extension Syntax {
    var children: [Syntax] {
        switch self {
        case .integer, .string, .boolean, .name: []
        case .list(let items, _), .call(_, let items, _): items
        case .not(let inner, _), .negate(let inner, _): [inner]
        case .binary(_, let left, let right, _): [left, right]
        }
    }

    /// The offset of the first node, in source order, whose subtree is more than `limit`
    /// levels deep (a single value is one level); `nil` when the whole tree fits.
    /// Iterative, so measuring a tree of any depth cannot exhaust the stack.
    func offset(beyondDepth limit: Int) -> Int? {
        var pending: [(node: Syntax, expanded: Bool)] = [(self, false)]
        var heights: [Int] = []
        while let (node, expanded) = pending.popLast() {
            let children = node.children
            if !expanded && !children.isEmpty {
                pending.append((node, true))
                // Reversed, so the leftmost child is measured first.
                pending.append(contentsOf: children.reversed().map { ($0, false) })
                continue
            }
            let height = 1 + (heights.suffix(children.count).max() ?? 0)
            heights.removeLast(children.count)
            if height > limit { return node.offset }
            heights.append(height)
        }
        return nil
    }
}

enum BinaryOperator: String, Sendable {
    case and, or
    case equal = "==", notEqual = "!="
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in` = "in", notIn = "not in"
    case plus = "+", minus = "-", times = "*"
}

/// Words with a meaning of their own; they cannot be question ids.
public let reservedWords: Set<String> = Set(Keyword.allCases.map(\.rawValue))
