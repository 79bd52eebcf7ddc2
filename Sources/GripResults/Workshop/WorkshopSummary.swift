import Foundation
import GripEngine
import GripScoring

/// What a group of workshop participants answered, for the trainer: per question the
/// distribution of answers and the agreement with the reference (or, without one, with
/// the group's most common answer), per assessment the distribution of levels, and the
/// questions the group disagreed on most first.
public struct WorkshopSummary: Sendable, Equatable {
    public struct Share: Sendable, Equatable {
        public var answer: String
        public var count: Int
        /// This is the reference answer.
        public var isReference: Bool
    }

    public struct Question: Sendable, Equatable {
        public var id: String
        public var text: String
        /// Most common first; ties by answer text.
        public var shares: [Share]
        public var answered: Int
        /// Share (0–100) of participants giving the reference answer, or the most common one.
        public var agreement: Int
        public var hasReference: Bool
    }

    public struct Assessment: Sendable, Equatable {
        public var id: String
        public var title: String
        public var levels: [Share]
        public var referenceLevel: String?
    }

    public var questionnaireID: String
    public var participants: Int
    /// Disagreement first (lowest agreement), then questionnaire order.
    public var questions: [Question]
    public var assessments: [Assessment]
    /// Files left out, with why (not a practice result, does not verify, another questionnaire).
    public var skipped: [(path: String, reason: String)]

    public static func == (left: WorkshopSummary, right: WorkshopSummary) -> Bool {
        left.questionnaireID == right.questionnaireID && left.participants == right.participants && left.questions == right.questions
            && left.assessments == right.assessments && left.skipped.map(\.path) == right.skipped.map(\.path)
    }

    /// The reference a case gives: answers in words per question, and a level per assessment.
    public struct Reference: Sendable {
        public var answers: [String: String]
        public var levels: [String: String]

        public init(answers: [String: String], levels: [String: String]) {
            self.answers = answers
            self.levels = levels
        }

        /// From a reference session: its shown answers in the words results store, and the
        /// levels it scores to (in the results' language).
        public init(session: Session, language: Language = .nl) {
            var answers: [String: String] = [:]
            for (index, question) in session.questionnaire.questions.enumerated() where session.isVisible(index) {
                if let value = session.answer(at: index) { answers[question.id] = question.describe(value, language: language) }
            }
            self.answers = answers
            levels = Dictionary(uniqueKeysWithValues: Scorer.outcome(for: session).assessments.map { ($0.id, $0.level.rawValue) })
        }
    }

    /// Summarises practice results (parsed documents with their verification). Only valid
    /// practice results of `questionnaireID` (or, when nil, of the most common
    /// questionnaire among them) count; `caseID`, when given, must match their `case`.
    public init(
        results: [(path: String, document: JSONValue, verification: VerificationReport)], questionnaireID: String? = nil,
        caseID: String? = nil, reference: Reference? = nil
    ) {
        var skipped: [(String, String)] = []
        var usable: [(path: String, result: JSONValue)] = []
        for entry in results {
            guard entry.verification.isValid else {
                skipped.append((entry.path, entry.verification.status.reason(.en) ?? "does not verify"))
                continue
            }
            guard entry.verification.isPractice, let result = entry.document["result"] else {
                skipped.append((entry.path, "not a practice result"))
                continue
            }
            if let caseID, result["case"]?.stringValue != caseID {
                skipped.append((entry.path, "another case"))
                continue
            }
            usable.append((entry.path, result))
        }
        let counts = Dictionary(grouping: usable, by: { $0.result["questionnaire"]?["id"]?.stringValue ?? "" }).mapValues(\.count)
        let chosen = questionnaireID ?? counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
        var included: [JSONValue] = []
        for entry in usable {
            if entry.result["questionnaire"]?["id"]?.stringValue == chosen { included.append(entry.result) } else { skipped.append((entry.path, "another questionnaire")) }
        }
        self.questionnaireID = chosen
        participants = included.count
        self.skipped = skipped.sorted { $0.0 < $1.0 }

        // Questions in the order the results list them (questionnaire order), shown answers only.
        var order: [String] = []
        var texts: [String: String] = [:]
        var answers: [String: [String: Int]] = [:]
        for result in included {
            for answer in result["answers"]?.arrayValue ?? [] {
                guard let id = answer["question"]?.stringValue, answer["visibility"]?.stringValue != "hidden" else { continue }
                let words = answer["answerText"]?.stringValue ?? ""
                guard !words.isEmpty else { continue }
                if texts[id] == nil {
                    order.append(id)
                    texts[id] = answer["text"]?.stringValue ?? id
                }
                answers[id, default: [:]][words, default: 0] += 1
            }
        }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        questions = order.map { id in
            let counted = answers[id] ?? [:]
            let answered = counted.values.reduce(0, +)
            let referenceAnswer = reference?.answers[id]
            let shares = counted.map { Share(answer: $0.key, count: $0.value, isReference: $0.key == referenceAnswer) }
                .sorted { ($1.count, $0.answer) < ($0.count, $1.answer) }
            let agreeing = referenceAnswer.map { counted[$0] ?? 0 } ?? (shares.first?.count ?? 0)
            return Question(
                id: id, text: texts[id] ?? id, shares: shares, answered: answered,
                agreement: answered == 0 ? 100 : agreeing * 100 / answered, hasReference: referenceAnswer != nil)
        }
        .sorted { ($0.agreement, position[$0.id] ?? 0) < ($1.agreement, position[$1.id] ?? 0) }

        var assessmentOrder: [String] = []
        var titles: [String: String] = [:]
        var levels: [String: [String: Int]] = [:]
        for result in included {
            for assessment in result["outcome"]?["assessments"]?.arrayValue ?? [] {
                guard let id = assessment["id"]?.stringValue, let level = assessment["level"]?.stringValue else { continue }
                if titles[id] == nil {
                    assessmentOrder.append(id)
                    titles[id] = assessment["title"]?.stringValue ?? id
                }
                levels[id, default: [:]][level, default: 0] += 1
            }
        }
        assessments = assessmentOrder.map { id in
            let referenceLevel = reference?.levels[id]
            let shares = (levels[id] ?? [:]).map { Share(answer: $0.key, count: $0.value, isReference: $0.key == referenceLevel) }
                .sorted { ($1.count, $0.answer) < ($0.count, $1.answer) }
            return Assessment(id: id, title: titles[id] ?? id, levels: shares, referenceLevel: referenceLevel)
        }
    }
}
