/// Supplies answers (and, for outcome rules, computed scores and criteria) to the
/// evaluator by index.
public protocol AnswerLookup {
    func resolvedAnswer(at index: Int) -> ResolvedAnswer
    func score(at index: Int) -> RangedNumber
    func criterion(at index: Int) -> Truth
    /// The answer given to a shown question, "weet ik niet" included; nil when it is
    /// hidden or not answered. Reasons name these answers.
    func givenAnswer(at index: Int) -> AnswerValue?
}

extension AnswerLookup {
    // Visibility conditions cannot name rules (the type checker refuses), so a plain
    // answer source never needs these.
    public func score(at index: Int) -> RangedNumber { .exact(0) }
    public func criterion(at index: Int) -> Truth { .false }
    /// A source that cannot tell "weet ik niet" from not answered names values only.
    public func givenAnswer(at index: Int) -> AnswerValue? {
        if case .value(let value) = resolvedAnswer(at: index) { value } else { nil }
    }
}

/// A value met while evaluating an expression.
enum EvaluatedValue: Equatable {
    case absent
    case unknown
    case boolean(Bool)
    case number(Int)
    /// A number known only to lie between two bounds (low < high).
    case range(Int, Int)
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
        case .unknown, .range: (nil, true)
        default: (nil, false)
        }
    }

    /// Evaluates a numeric expression to a possibly partly known number; `nil` when it
    /// depends on an absent answer.
    public func rangedNumber(in answers: some AnswerLookup) -> RangedNumber? {
        switch value(in: answers) {
        case .number(let number): .exact(number)
        case .range(let low, let high): .between(low, high)
        case .unknown: .unbounded
        default: nil
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
            guard let (a, b) = left.bounds, let (c, d) = right.bounds else {
                return left == .absent || right == .absent ? .absent : .unknown
            }
            // Interval arithmetic: exact numbers are intervals of width zero.
            switch op {
            case .plus: return .ranged(Self.apply(op, a, c), Self.apply(op, b, d))
            case .minus: return .ranged(Self.apply(op, a, d), Self.apply(op, b, c))
            case .times:
                let products = [Self.apply(op, a, c), Self.apply(op, a, d), Self.apply(op, b, c), Self.apply(op, b, d)]
                return .ranged(products.min()!, products.max()!)
            }
        case .negate(let inner):
            switch inner.value(in: answers) {
            case .number(let value): return .number(Self.negated(value))
            case .range(let low, let high): return .ranged(Self.negated(high), Self.negated(low))
            case let other: return other
            }
        case .score(let index):
            switch answers.score(at: index) {
            case .exact(let value): return .number(value)
            case .between(let low, let high): return .ranged(low, high)
            case .unbounded: return .unknown
            }
        case .criterion(let index):
            return .boolean(from: answers.criterion(at: index))
        }
    }

    private static func negated(_ value: Int) -> Int { value == .min ? .max : -value }

    /// Saturates instead of trapping: a questionnaire must never crash the tool.
    private static func apply(_ op: Arithmetic, _ a: Int, _ b: Int) -> Int {
        let (result, overflow): (Int, Bool) =
            switch op {
            case .plus: a.addingReportingOverflow(b)
            case .minus: a.subtractingReportingOverflow(b)
            case .times: a.multipliedReportingOverflow(by: b)
            }
        guard overflow else { return result }
        // A sum or difference overflows towards the sign of `a`; a product towards the signs' product.
        let negative = op == .times ? (a < 0) != (b < 0) : a < 0
        return negative ? .min : .max
    }

    private static func compare(_ comparison: Comparison, _ left: EvaluatedValue, _ right: EvaluatedValue) -> EvaluatedValue {
        // Absent satisfies no comparison, not even '!='; unknown makes the comparison unknown.
        if left == .absent || right == .absent { return .boolean(false) }
        if left == .unknown || right == .unknown { return .unknown }
        if case .range = left { return compareRanges(comparison, left, right) }
        if case .range = right { return compareRanges(comparison, left, right) }
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

extension CompiledExpression {
    /// A comparison that holds for every value in the ranges is true, for none false,
    /// otherwise unknown.
    private static func compareRanges(_ comparison: Comparison, _ left: EvaluatedValue, _ right: EvaluatedValue) -> EvaluatedValue {
        guard let (a, b) = left.bounds, let (c, d) = right.bounds else { return .boolean(false) }
        let always: Bool, never: Bool
        switch comparison {
        case .less: (always, never) = (b < c, a >= d)
        case .lessEqual: (always, never) = (b <= c, a > d)
        case .greater: (always, never) = (a > d, b <= c)
        case .greaterEqual: (always, never) = (a >= d, b < c)
        case .equal: (always, never) = (a == b && c == d && a == c, b < c || d < a)
        case .notEqual: (always, never) = (b < c || d < a, a == b && c == d && a == c)
        }
        return always ? .boolean(true) : never ? .boolean(false) : .unknown
    }
}

extension EvaluatedValue {
    /// Lowest and highest value of a number or range.
    var bounds: (Int, Int)? {
        switch self {
        case .number(let value): (value, value)
        case .range(let low, let high): (low, high)
        default: nil
        }
    }

    static func ranged(_ low: Int, _ high: Int) -> EvaluatedValue {
        low == high ? .number(low) : .range(Swift.min(low, high), Swift.max(low, high))
    }

    static func boolean(from truth: Truth) -> EvaluatedValue {
        switch truth {
        case .true: .boolean(true)
        case .false: .boolean(false)
        case .unknown: .unknown
        }
    }
}
