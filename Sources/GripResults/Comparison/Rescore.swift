import GripEngine
import GripScoring

/// A result's answers run through the current version of its questionnaire: what the
/// outcome would be now, and why it differs from the one the result records. Pure: a
/// parsed result document and a loaded questionnaire in.
public struct Rescore: Sendable {
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The document names no questionnaire, so it is not a result.
        case noQuestionnaire
        /// The questionnaire given is another one than the result's.
        case otherQuestionnaire(result: String, given: String)

        public var description: String {
            switch self {
            case .noQuestionnaire: "the result names no questionnaire"
            case .otherQuestionnaire(let result, let given): "the result is of questionnaire '\(result)', not '\(given)'"
            }
        }
    }

    /// A question shown for the answers that the result does not answer although it is
    /// required: new, or newly shown or required. It reads as "weet ik niet", so it can
    /// only raise a level, and becomes an open point where a criterion needs it.
    public struct Unanswered: Sendable, Equatable {
        public var question: String
        /// In the language asked for.
        public var text: String
    }

    public var questionnaireID: String
    /// The version the result records → the version given.
    public var version: ResultDiff.Change<String>
    /// The questionnaire given is byte for byte the file the result was made with.
    public var sameFile: Bool
    /// The recorded outcome → the outcome now.
    public var outcome: OutcomeDiff
    public var unanswered: [Unanswered]
    /// Stored answers the questionnaire no longer accepts; they are left out.
    public var rejected: [ResultAnswers.Rejected]
    /// The outcome now, in full.
    public var current: Outcome

    /// The current questionnaire gives another outcome (a level, a classification or an
    /// open point differs): the flag the review desk shows.
    public var changesOutcome: Bool { !outcome.isEmpty }

    /// Nothing to report beyond a version number: same outcome, every answer accepted,
    /// no new questions.
    public var isEmpty: Bool { outcome.isEmpty && unanswered.isEmpty && rejected.isEmpty }

    /// Rescores a result document (`{"format", "result", "signature"}`) with
    /// `questionnaire`. Texts of the new outcome are in `language`, by default the
    /// result's own, so they compare with what it stored.
    public init(document: JSONValue, questionnaire: Questionnaire, language: Language? = nil) throws(Problem) {
        guard let answers = ResultAnswers(document: document) else { throw .noQuestionnaire }
        guard answers.questionnaireID.equalsExactly(questionnaire.id) else {
            throw .otherQuestionnaire(result: answers.questionnaireID, given: questionnaire.id)
        }
        let result = document["result"]
        let language = language ?? result?["language"]?.stringValue.flatMap(Language.init(rawValue:)) ?? .nl
        let replay = answers.replay(on: questionnaire)
        let lookup = RescoredAnswers(session: replay.session)
        current = Scorer.outcome(for: questionnaire, answers: lookup)
        questionnaireID = questionnaire.id
        version = ResultDiff.Change(old: result?["questionnaire"]?["version"]?.stringValue ?? "", new: questionnaire.version)
        sameFile = result?["questionnaire"]?["sha256"]?.stringValue?.equalsExactly(questionnaire.sourceSHA256) == true
        outcome = OutcomeDiff(old: result?["outcome"], new: OutcomeJSON.json(current, language: language))
        unanswered = lookup.unanswered.map { Unanswered(question: questionnaire.questions[$0].id, text: questionnaire.questions[$0].text[language]) }
        rejected = replay.rejected
    }

    /// Whether `questionnaire` (the current version of the result's) gives the result's
    /// answers another outcome; nil when the result is not one of that questionnaire.
    public static func outcomeChanges(result document: JSONValue, questionnaire: Questionnaire) -> Bool? {
        try? Rescore(document: document, questionnaire: questionnaire).changesOutcome
    }
}

/// Replayed answers as scoring reads them: as in a finished session (hidden and optional
/// unanswered questions are absent), except that a shown required question without an
/// answer reads as "weet ik niet". A result could not leave one open, so the question is
/// new to it, and an answer nobody gave must never lower an outcome.
struct RescoredAnswers: AnswerLookup {
    private var resolved: [ResolvedAnswer] = []
    private var given: [Int: AnswerValue] = [:]
    /// Indices of the shown required questions without an answer, in order.
    private(set) var unanswered: [Int] = []

    init(session: Session) {
        let questions = session.questionnaire.questions
        resolved.reserveCapacity(questions.count)
        // One pass in file order: a condition only reads earlier questions.
        for (index, question) in questions.enumerated() {
            let shown = question.condition.map { $0.expression.truth(in: self) != .false } ?? true
            switch (shown, session.answer(at: index)) {
            case (false, _):
                resolved.append(.absent)
            case (true, .unknown?):
                given[index] = .unknown
                resolved.append(.unknown)
            case (true, let answer?):
                given[index] = answer
                resolved.append(.value(answer))
            case (true, nil) where question.isRequired:
                unanswered.append(index)
                resolved.append(.unknown)
            case (true, nil):
                resolved.append(.absent)
            }
        }
    }

    func resolvedAnswer(at index: Int) -> ResolvedAnswer {
        resolved.indices.contains(index) ? resolved[index] : .absent
    }

    func givenAnswer(at index: Int) -> AnswerValue? { given[index] }
}
