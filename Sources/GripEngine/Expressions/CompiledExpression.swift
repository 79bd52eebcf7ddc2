/// A type-checked condition whose question references are resolved to indices.
/// This is what the session evaluates; it never sees source text again. Only the cases
/// that hold an expression are boxed: answers and values are stored in place.
public enum CompiledExpression: Sendable, Equatable, Codable {
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
    indirect case not(CompiledExpression)
    indirect case and(CompiledExpression, CompiledExpression)
    indirect case or(CompiledExpression, CompiledExpression)
    indirect case compare(Comparison, CompiledExpression, CompiledExpression)
    /// Single-choice answer (or string) is one of `list`.
    indirect case oneOf(CompiledExpression, [String], negated: Bool)
    /// `option in q`: the option is selected in multi-choice question `q`.
    case selected(String, question: Int, negated: Bool)
    indirect case arithmetic(Arithmetic, CompiledExpression, CompiledExpression)
    indirect case negate(CompiledExpression)
    /// A named score of the outcome rules (index into `OutcomeRules.scores`).
    case score(Int)
    /// A named criterion of the outcome rules (index into `OutcomeRules.criteria`).
    case criterion(Int)

    public enum Comparison: String, Sendable, Codable {
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    }

    public enum Arithmetic: String, Sendable, Codable {
        case plus = "+", minus = "-", times = "*"
    }

    /// Indices of every question this expression reads, without repeats.
    public var referencedQuestions: [Int] { references.questions }

    /// The scores and criteria this expression reads directly, without repeats.
    public var referencedRules: [RuleSymbol] { references.rules }

    /// The questions and the scores and criteria this expression reads, each without
    /// repeats, in the order they first occur: one walk for both.
    public var references: ExpressionReferences {
        var references = ExpressionReferences()
        collect(into: &references)
        return references
    }

    // Depth first, left to right, into one accumulator: the loader walks every condition,
    // and a closure call per node cost a few percent of a load. An expression has at most
    // `ExpressionLimits.maximumTokens` tokens and mostly a handful of references:
    // searching the lists beats hashing.
    private func collect(into references: inout ExpressionReferences) {
        switch self {
        case .boolean, .number, .string:
            break
        case .answer(let index), .isUnknown(let index), .isAnswered(let index), .count(let index, _), .selected(_, let index, _):
            if !references.questions.contains(index) { references.questions.append(index) }
        case .score(let index):
            if !references.rules.contains(.score(index)) { references.rules.append(.score(index)) }
        case .criterion(let index):
            if !references.rules.contains(.criterion(index)) { references.rules.append(.criterion(index)) }
        case .not(let inner), .negate(let inner), .oneOf(let inner, _, _):
            inner.collect(into: &references)
        case .and(let left, let right), .or(let left, let right), .compare(_, let left, let right), .arithmetic(_, let left, let right):
            left.collect(into: &references)
            right.collect(into: &references)
        }
    }
}

/// What an expression reads: question indices and named rules, each in order of first use.
public struct ExpressionReferences: Sendable, Equatable {
    public var questions: [Int] = []
    public var rules: [RuleSymbol] = []

    public init(questions: [Int] = [], rules: [RuleSymbol] = []) {
        self.questions = questions
        self.rules = rules
    }
}

/// A named rule an outcome expression can read: a score (a number) or a criterion (yes/no).
public enum RuleSymbol: Hashable, Sendable, Codable {
    case score(Int)
    case criterion(Int)
}

/// A number that may be only partly known: a score with terms that depend on
/// "weet ik niet" answers lies between bounds, or is unbounded.
public enum RangedNumber: Sendable, Equatable {
    case exact(Int)
    case between(Int, Int)
    case unbounded

    /// The lowest and highest value it can take; `nil` when unbounded.
    public var bounds: (low: Int, high: Int)? {
        switch self {
        case .exact(let value): (value, value)
        case .between(let low, let high): (low, high)
        case .unbounded: nil
        }
    }

    /// `.exact` when both bounds meet.
    public static func bounded(_ low: Int, _ high: Int) -> RangedNumber {
        low == high ? .exact(low) : .between(Swift.min(low, high), Swift.max(low, high))
    }
}

extension CompiledExpression {
    /// Parses and type-checks a yes/no condition, as the loader does for a `when`
    /// (for tools and fuzzing; errors carry the 0-based column).
    public static func condition(_ source: String, scope: ExpressionScope) throws(ExpressionError) -> CompiledExpression {
        try TypeChecker.compileCondition(source, scope: scope)
    }
}
