import GripEngine

/// What the answers mean: per assessment a level with reasons and open points, plus
/// classifications, scores, dimension values and consistency warnings.
public struct Outcome: Sendable, Equatable {
    public var assessments: [AssessmentOutcome]
    public var classifications: [ClassificationOutcome]
    public var scores: [ScoreOutcome]
    public var dimensions: [DimensionOutcome]
    public var warnings: [WarningOutcome]

    /// Instruments to run next: those of assessments that are (possibly) needed, in order.
    public var nextInstruments: [String] {
        var seen = Set<String>()
        return assessments.compactMap { assessment in
            guard assessment.level != .notNeeded, let instrument = assessment.instrument, seen.insert(instrument).inserted else { return nil }
            return instrument
        }
    }

    /// True when no answer still open could change any assessment's level.
    public var isSettled: Bool { assessments.allSatisfy(\.isSettled) }
}

public struct AssessmentOutcome: Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    public var level: AssessmentLevel
    /// Every criterion that holds, strongest level first.
    public var reasons: [Reason]
    /// Criteria that are undecided because of "weet ik niet" (or, for a session in
    /// progress, unanswered) questions and could still raise the level.
    public var openPoints: [OpenPoint]
    public var nextStep: LocalizedText
    /// Why nothing is needed; set only at `not-needed`.
    public var rationale: LocalizedText?
    public var instrument: String?
    public var appliesFrom: String?
    public var appliesNote: LocalizedText?

    public var isSettled: Bool { openPoints.isEmpty }
}

/// A criterion that holds, in words, with its legal sources and the answers it read.
public struct Reason: Sendable, Equatable {
    public var criterion: String
    /// The level this criterion sets.
    public var level: AssessmentLevel
    public var text: LocalizedText
    public var sources: [LegalSource]
    /// The given answers (shown, "weet ik niet" included) to the questions the criterion
    /// reads, directly or through scores and other criteria, in questionnaire order.
    public var answers: [Answer]

    /// One answer behind a reason: the question and the answer in words.
    public struct Answer: Sendable, Equatable {
        public var question: String
        public var questionText: LocalizedText
        public var answer: LocalizedText
    }
}

/// A criterion not yet decided, and the questions whose answers would decide it.
public struct OpenPoint: Sendable, Equatable {
    public var criterion: String
    /// The level the assessment reaches if the criterion turns out to hold.
    public var level: AssessmentLevel
    public var text: LocalizedText
    /// Ids of the questions to resolve.
    public var questions: [String]
}

/// Which category of an ordered list applies. A headline is never lower than a stronger
/// category that is still undecided: while one may apply, the classification is
/// undecided ("Nog niet te bepalen — mogelijk hoog risico"), not the weaker category.
public struct ClassificationOutcome: Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    /// The category that applies; `nil` when none does, or while undecided.
    public var category: ClassificationRule.Category.Summary?
    /// While undecided: the category that applies if no stronger one turns out to.
    public var atLeast: ClassificationRule.Category.Summary?
    /// Stronger categories that may apply once open answers are resolved, strongest first.
    public var possible: [ClassificationRule.Category.Summary]
    /// The criteria that put it in `category` (or `atLeast`).
    public var reasons: [Reason]

    public var isDecided: Bool { possible.isEmpty }

    /// The category in words, or "not yet decided — possibly …" naming the strongest
    /// category still possible.
    public var headline: LocalizedText {
        guard let strongest = possible.first else {
            return category?.title ?? LocalizedText(nl: "—", en: "—")
        }
        return ClassificationOutcome.undecidedHeadline(possibly: strongest.title)
    }

    public static func undecidedHeadline(possibly title: LocalizedText) -> LocalizedText {
        LocalizedText(
            nl: "Nog niet te bepalen — mogelijk \(lowercasedFirstWord(title.nl))",
            en: "Not yet decided — possibly \(lowercasedFirstWord(title.en))")
    }

    /// "Hoog risico" reads "mogelijk hoog risico"; "AI-systeem" and "GPAI" keep their capitals.
    static func lowercasedFirstWord(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count > 1, characters[0].isUppercase, !characters[1].isUppercase, characters[1] != "-" else { return text }
        return characters[0].lowercased() + String(characters.dropFirst())
    }
}

extension ClassificationRule.Category {
    public struct Summary: Sendable, Equatable {
        public var id: String
        public var title: LocalizedText
    }
}

public struct ScoreOutcome: Sendable, Equatable {
    public var id: String
    public var title: LocalizedText?
    public var value: RangedNumber
}

public struct DimensionOutcome: Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    /// The value to chart, clamped to `0...maximum`; the upper bound when open answers
    /// leave it uncertain, since "weet ik niet" never lowers an outcome.
    public var value: Int
    /// The lower bound when uncertain; equal to `value` otherwise.
    public var lowest: Int
    public var maximum: Int
}

public struct WarningOutcome: Sendable, Equatable {
    public var id: String
    public var text: LocalizedText
    public var sources: [LegalSource]
}
