/// A workshop case from `Questionnaires/cases/`: a realistic story, and per instrument it
/// exercises the reference answers (each with why) and the outcome they lead to. Trainers
/// run it with a group; participants' answers are compared with the reference.
public struct WorkshopCase: Sendable {
    public var id: String
    public var title: LocalizedText
    /// A few short paragraphs: organisation, system, what it does, whom it affects.
    public var story: LocalizedText
    public var level: CaseLevel
    public var durationMinutes: Int
    /// Questions for the group discussion after the exercise.
    public var discussion: [LocalizedText]
    /// Where the case comes from: seed documents, public reports, the law.
    public var sources: [LegalSource]
    /// One per instrument the case exercises, in the order the group works through them.
    public var exercises: [CaseExercise]
    /// The file name the case was loaded as, used in every diagnostic.
    public var file: String
}

/// How much prior knowledge a case assumes.
public enum CaseLevel: String, CaseIterable, Sendable, Codable {
    /// For anyone who works with algorithms; no legal background needed.
    case basis
    /// For privacy officers, lawyers, procurement advisers and the like.
    case gevorderd
}

/// One instrument filled in for the case: the reference answers and the reference outcome.
public struct CaseExercise: Sendable {
    /// The questionnaire id, e.g. `quickscan`.
    public var instrument: String
    public var subject: Subject
    /// In file order.
    public var answers: [ReferenceAnswer]
    public var outcome: ReferenceOutcome
    /// Where the exercise starts, and where its `answers` key is (missing answers are
    /// reported there).
    public var location: SourceLocation
    public var answersLocation: SourceLocation

    /// The reference answer to this question, if the case gives one.
    public func answer(for questionID: String) -> ReferenceAnswer? {
        answers.first { $0.questionID == questionID }
    }
}

/// The reference answer to one question, with the reason it is the right one.
public struct ReferenceAnswer: Sendable {
    public var questionID: String
    /// Written as in an answers file: `yes`, `no`, `unknown`, an option id, a list of
    /// option ids, a whole number or a text.
    public var value: AnswersFile.RawValue
    /// Why this is the right answer, for the trainer and the participants.
    public var explain: LocalizedText
    /// Where the law or a guideline decides it.
    public var source: LegalSource?
    /// The position of the question id, where problems with the answer are reported.
    public var location: SourceLocation
}

/// The outcome the reference answers must score to, exactly.
public struct ReferenceOutcome: Sendable {
    /// One entry per assessment of the instrument, in file order.
    public var levels: [Expected<AssessmentLevel>]
    /// One entry per classification of the instrument that the case states.
    public var classifications: [Expected<ExpectedCategory>]
    /// The ids of the consistency warnings the answers raise; usually none.
    public var warnings: [String]
    public var location: SourceLocation
    /// Where `warnings` is written, or the outcome itself when it is left out.
    public var warningsLocation: SourceLocation

    /// An expected value for one rule id, and where the case states it.
    public struct Expected<Value: Sendable & Equatable>: Sendable {
        public var id: String
        public var value: Value
        public var location: SourceLocation
    }

    /// The stated level of an assessment, if any.
    public func level(of assessmentID: String) -> AssessmentLevel? {
        levels.first { $0.id == assessmentID }?.value
    }
}

/// How a case names the result of a classification, as the scenario tests do: the
/// category id, `none` when no category applies, or `possibly:<id>` while a stronger
/// category (the strongest still possible) is undecided.
public enum ExpectedCategory: Sendable, Equatable, CustomStringConvertible {
    case category(String)
    case none
    case possibly(String)

    /// Reads `a`, `none` or `possibly:a`; nil when the text has another shape.
    public init?(_ text: String) {
        if text == "none" {
            self = .none
        } else if text.hasPrefix("possibly:") {
            let id = String(text.dropFirst("possibly:".count))
            guard isIdentifier(id) else { return nil }
            self = .possibly(id)
        } else if isIdentifier(text) {
            self = .category(text)
        } else {
            return nil
        }
    }

    /// The category id it names, if any.
    public var categoryID: String? {
        switch self {
        case .category(let id), .possibly(let id): id
        case .none: nil
        }
    }

    public var description: String {
        switch self {
        case .category(let id): id
        case .none: "none"
        case .possibly(let id): "possibly:\(id)"
        }
    }
}

/// The outcome of loading one case file: the case when it has no errors, and every
/// diagnostic in file order.
public struct CaseLoadReport: Sendable {
    public var workshopCase: WorkshopCase?
    public var diagnostics: [Diagnostic]
}
