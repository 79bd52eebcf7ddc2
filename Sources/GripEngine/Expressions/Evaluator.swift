/// Supplies answers to the evaluator by question index.
public protocol AnswerLookup {
    func resolvedAnswer(at index: Int) -> ResolvedAnswer
}

/// A value met while evaluating an expression.
enum EvaluatedValue: Equatable {
    case absent
    case unknown
    case boolean(Bool)
    case number(Int)
    case string(String)
    case options([String])

    var truth: Truth {
        switch self {
        case .boolean(let value): Truth(value)
        case .unknown: .unknown
        default: .false
        }
    }
}

extension CompiledExpression {
    /// Evaluates a condition with three-valued logic.
    public func truth(in answers: some AnswerLookup) -> Truth {
        value(in: answers).truth
    }

    /// Evaluates a numeric expression; `nil` when it depends on an absent answer,
    /// `.unknown` is reported through `isUnknown`.
    public func number(in answers: some AnswerLookup) -> (value: Int?, isUnknown: Bool) {
        switch value(in: answers) {
        case .number(let number): (number, false)
        case .unknown: (nil, true)
        default: (nil, false)
        }
    }

    func value(in answers: some AnswerLookup) -> EvaluatedValue {
        switch self {
        case .boolean(let value):
            return .boolean(value)
        case .number(let value):
            return .number(value)
        case .string(let value):
            return .string(value)
        case .answer(let index):
            switch answers.resolvedAnswer(at: index) {
            case .absent: return .absent
            case .unknown: return .unknown
            case .value(let answer):
                switch answer {
                case .yes: return .boolean(true)
                case .no: return .boolean(false)
                case .unknown: return .unknown
                case .option(let id): return .string(id)
                case .options(let ids): return .options(ids)
                case .number(let value): return .number(value)
                case .text(let value): return .string(value)
                }
            }
        case .isUnknown(let index):
            switch answers.resolvedAnswer(at: index) {
            case .unknown, .value(.unknown): return .boolean(true)
            default: return .boolean(false)
            }
        case .isAnswered(let index):
            return .boolean(answers.resolvedAnswer(at: index) != .absent)
        case .count(let index, let only):
            switch answers.resolvedAnswer(at: index) {
            case .absent: return .absent
            case .unknown, .value(.unknown): return .unknown
            case .value(.options(let ids)):
                guard let only else { return .number(ids.count) }
                return .number(ids.filter(only.contains).count)
            case .value: return .absent
            }
        case .not(let inner):
            return .boolean(from: !inner.value(in: answers).truth)
        case .and(let left, let right):
            return .boolean(from: left.value(in: answers).truth && right.value(in: answers).truth)
        case .or(let left, let right):
            return .boolean(from: left.value(in: answers).truth || right.value(in: answers).truth)
        case .compare(let comparison, let left, let right):
            return Self.compare(comparison, left.value(in: answers), right.value(in: answers))
        case .oneOf(let inner, let list, let negated):
            switch inner.value(in: answers) {
            case .absent: return .boolean(false)
            case .unknown: return .unknown
            case .string(let value): return .boolean(list.contains(value) != negated)
            default: return .boolean(false)
            }
        case .selected(let option, let index, let negated):
            switch answers.resolvedAnswer(at: index) {
            case .absent: return .boolean(false)
            case .unknown, .value(.unknown): return .unknown
            case .value(.options(let ids)): return .boolean(ids.contains(option) != negated)
            case .value: return .boolean(false)
            }
        case .arithmetic(let op, let left, let right):
            let left = left.value(in: answers), right = right.value(in: answers)
            guard case .number(let a) = left, case .number(let b) = right else {
                return left == .absent || right == .absent ? .absent : .unknown
            }
            // Saturate instead of trapping: a questionnaire must never crash the tool.
            let (result, overflow): (Int, Bool) =
                switch op {
                case .plus: a.addingReportingOverflow(b)
                case .minus: a.subtractingReportingOverflow(b)
                case .times: a.multipliedReportingOverflow(by: b)
                }
            if overflow {
                // A sum or difference overflows towards the sign of `a`; a product towards the signs' product.
                let negative = op == .times ? (a < 0) != (b < 0) : a < 0
                return .number(negative ? .min : .max)
            }
            return .number(result)
        case .negate(let inner):
            switch inner.value(in: answers) {
            case .number(let value): return .number(value == .min ? .max : -value)
            case let other: return other
            }
        }
    }

    private static func compare(_ comparison: Comparison, _ left: EvaluatedValue, _ right: EvaluatedValue) -> EvaluatedValue {
        // Absent satisfies no comparison, not even '!='; unknown makes the comparison unknown.
        if left == .absent || right == .absent { return .boolean(false) }
        if left == .unknown || right == .unknown { return .unknown }
        switch comparison {
        case .equal: return .boolean(left == right)
        case .notEqual: return .boolean(left != right)
        case .less, .lessEqual, .greater, .greaterEqual:
            guard case .number(let a) = left, case .number(let b) = right else { return .boolean(false) }
            switch comparison {
            case .less: return .boolean(a < b)
            case .lessEqual: return .boolean(a <= b)
            case .greater: return .boolean(a > b)
            default: return .boolean(a >= b)
            }
        }
    }
}

extension EvaluatedValue {
    static func boolean(from truth: Truth) -> EvaluatedValue {
        switch truth {
        case .true: .boolean(true)
        case .false: .boolean(false)
        case .unknown: .unknown
        }
    }
}
