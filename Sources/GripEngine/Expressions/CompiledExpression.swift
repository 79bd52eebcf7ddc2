/// A type-checked condition whose question references are resolved to indices.
/// This is what the session evaluates; it never sees source text again.
public indirect enum CompiledExpression: Sendable, Equatable {
    case boolean(Bool)
    case number(Int)
    case string(String)
    /// The answer of the question at this index (hidden or unanswered reads as absent).
    case answer(Int)
    /// `unknown(q)`: answered "weet ik niet".
    case isUnknown(Int)
    /// `answered(q)`: shown and answered.
    case isAnswered(Int)
    /// `count(q)` or `count(q, [options])`: selected options of a multi-choice question.
    case count(Int, only: [String]?)
    case not(CompiledExpression)
    case and(CompiledExpression, CompiledExpression)
    case or(CompiledExpression, CompiledExpression)
    case compare(Comparison, CompiledExpression, CompiledExpression)
    /// Single-choice answer (or string) is one of `list`.
    case oneOf(CompiledExpression, [String], negated: Bool)
    /// `option in q`: the option is selected in multi-choice question `q`.
    case selected(String, question: Int, negated: Bool)
    case arithmetic(Arithmetic, CompiledExpression, CompiledExpression)
    case negate(CompiledExpression)

    public enum Comparison: String, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    }

    public enum Arithmetic: String, Sendable {
        case plus = "+", minus = "-", times = "*"
    }

    /// Indices of every question this expression reads, without repeats.
    public var referencedQuestions: [Int] {
        var seen = Set<Int>()
        var ordered: [Int] = []
        func visit(_ expression: CompiledExpression) {
            switch expression {
            case .boolean, .number, .string: break
            case .answer(let index), .isUnknown(let index), .isAnswered(let index), .count(let index, _),
                .selected(_, let index, _):
                if seen.insert(index).inserted { ordered.append(index) }
            case .not(let inner), .negate(let inner), .oneOf(let inner, _, _):
                visit(inner)
            case .and(let left, let right), .or(let left, let right), .compare(_, let left, let right),
                .arithmetic(_, let left, let right):
                visit(left)
                visit(right)
            }
        }
        visit(self)
        return ordered
    }
}
