/// The outcome part of a questionnaire: named scores and criteria written in the
/// expression language, and per assessment the criteria that set its level. Loaded and
/// compiled with the questionnaire; evaluated by GripScoring.
public struct OutcomeRules: Sendable, Codable {
    public var scores: [ScoreRule]
    public var criteria: [Criterion]
    public var assessments: [AssessmentRule]
    public var classifications: [ClassificationRule]
    public var dimensions: [DimensionRule]
    public var warnings: [ConsistencyRule]
    /// Scores and criteria in an order where each comes after everything it reads.
    public var evaluationOrder: [RuleSymbol]

    public static let empty = OutcomeRules(
        scores: [], criteria: [], assessments: [], classifications: [], dimensions: [], warnings: [], evaluationOrder: [])
}

/// A named number: the sum of its terms.
public struct ScoreRule: Sendable, Codable {
    public var id: String
    public var title: LocalizedText?
    public var terms: [ScoreTerm]
    public var location: SourceLocation
}

public enum ScoreTerm: Sendable, Codable {
    /// `points` when the condition holds.
    case points(CompiledExpression, Int)
    /// The value of a numeric expression (an absent answer adds nothing).
    case value(CompiledExpression)
    /// The summed weights of the options chosen in a single- or multi-choice question.
    case weights(question: Int, [String: Int])
}

/// A named yes/no rule with the reason it gives in words and its legal sources.
public struct Criterion: Sendable, Codable {
    public var id: String
    public var condition: CompiledExpression
    public var text: LocalizedText
    public var sources: [LegalSource]
    /// Every question this criterion depends on, through scores and other criteria too:
    /// the candidates for an open point when it is undecided.
    public var questions: [Int]
    public var location: SourceLocation
}

/// The levels of an assessment. "Possibly required" ranks above "recommended": it
/// says a legal obligation may apply once open answers are resolved.
public enum AssessmentLevel: String, CaseIterable, Sendable, Codable, Comparable {
    case required
    case recommended
    case possiblyRequired = "possibly-required"
    case notNeeded = "not-needed"

    /// The key in the questionnaire file.
    public var key: String { self == .possiblyRequired ? "possibly_required" : self == .notNeeded ? "not_needed" : rawValue }

    var strength: Int {
        switch self {
        case .required: 4
        case .possiblyRequired: 3
        case .recommended: 2
        case .notNeeded: 1
        }
    }

    public static func < (left: AssessmentLevel, right: AssessmentLevel) -> Bool { left.strength < right.strength }
}

/// One assessment (a DPIA, a FRIA, a set of AI Act obligations, ...) and the criteria
/// that set its level.
public struct AssessmentRule: Sendable, Codable {
    public var id: String
    public var title: LocalizedText
    /// The questionnaire to run next when this assessment is (possibly) needed.
    public var instrument: String?
    /// When the obligation applies (YYYY-MM-DD), with a note on its source or caveats.
    public var appliesFrom: String?
    public var appliesNote: LocalizedText?
    /// Criterion indices per level; any one that holds sets the level.
    public var criteria: [AssessmentLevel: [Int]]
    /// Why nothing is needed when no criterion holds: the recorded rationale.
    public var notNeeded: LocalizedText?
    public var nextSteps: [AssessmentLevel: LocalizedText]
    public var location: SourceLocation
}

/// An ordered list of categories; the first whose criteria hold applies.
public struct ClassificationRule: Sendable, Codable {
    public var id: String
    public var title: LocalizedText
    public var categories: [Category]
    public var location: SourceLocation

    public struct Category: Sendable, Codable {
        public var id: String
        public var title: LocalizedText
        /// Criterion indices; empty for the last, default category.
        public var criteria: [Int]
    }
}

/// A small number for a bar chart, clamped to `0...maximum`.
public struct DimensionRule: Sendable, Codable {
    public var id: String
    public var title: LocalizedText
    public var value: CompiledExpression
    public var maximum: Int
}

/// Answers that contradict each other: said plainly in the outcome.
public struct ConsistencyRule: Sendable, Codable {
    public var id: String
    public var condition: CompiledExpression
    public var text: LocalizedText
    public var sources: [LegalSource]
}

/// Answers another questionnaire can hand over to this one.
public struct PrefillRule: Sendable, Codable {
    /// The questionnaire the answers come from.
    public var from: String
    public var mappings: [Mapping]
    public var location: SourceLocation

    public struct Mapping: Sendable, Codable {
        /// The question of this questionnaire that receives the answer.
        public var target: Int
        public var source: Source
        public var location: SourceLocation
    }

    public enum Source: Sendable, Codable {
        /// Copy the answer of this question of the other questionnaire.
        case question(String)
        /// Answer yes/no/unknown by a condition over the other questionnaire's answers.
        case condition(String)
        /// Choose options of a single- or multi-choice question: the first candidate whose
        /// condition holds; "weet ik niet" when none holds but one is undecided.
        case choice([ChoiceCandidate])
    }

    public struct ChoiceCandidate: Sendable, Codable {
        public var options: [String]
        public var condition: String
        public var location: SourceLocation
    }
}

/// Encoded as object keys, so a compiled questionnaire is the same bytes every time
/// (a dictionary's order differs between runs; sorted keys fix it only for keys).
extension AssessmentLevel: CodingKeyRepresentable {}
