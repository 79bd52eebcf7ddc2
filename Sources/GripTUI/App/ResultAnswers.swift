import GripEngine
import GripResults

/// What a saved result hands to the instruments it points to: its answers, subject and
/// next instruments, read from the signed file so a follow-up can start with them as
/// suggestions, as it does straight after the quickscan.
public struct ResultAnswers: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var question: String
        public var value: JSONValue
    }

    public var questionnaireID: String
    public var subject: Subject
    public var answers: [Entry]
    public var nextInstruments: [String]

    /// Read from a result document; nil when it has no questionnaire id.
    public init?(document: JSONValue) {
        guard let result = document["result"], let id = result["questionnaire"]?["id"]?.stringValue else { return nil }
        questionnaireID = id
        let subject = result["subject"]
        self.subject = Subject(
            system: subject?["system"]?.stringValue ?? "", organisation: subject?["organisation"]?.stringValue ?? "",
            assessor: subject?["assessor"]?.stringValue ?? "")
        // Hidden answers did not count in the result, so they are not handed on.
        answers = (result["answers"]?.arrayValue ?? []).compactMap { item in
            guard let question = item["question"]?.stringValue, let value = item["value"], item["visibility"]?.stringValue != "hidden" else { return nil }
            return Entry(question: question, value: value)
        }
        nextInstruments = (result["outcome"]?["nextInstruments"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// The answers as a session of `questionnaire` (the current version of the result's
    /// questionnaire): answers it no longer accepts are left out.
    public func session(_ questionnaire: Questionnaire) -> Session {
        var session = Session(questionnaire: questionnaire, subject: subject)
        let values = Dictionary(answers.map { ($0.question, $0.value) }, uniquingKeysWith: { first, _ in first })
        for (index, question) in questionnaire.questions.enumerated() {
            guard let raw = values[question.id], let value = Self.answer(raw, for: question) else { continue }
            _ = session.setAnswer(value, at: index)
        }
        return session
    }

    static func answer(_ raw: JSONValue, for question: Question) -> AnswerValue? {
        switch (question.type, raw) {
        case (_, .string("unknown")) where question.allowsUnknown: return .unknown
        case (.yesNo, .string("yes")), (.yesNoUnknown, .string("yes")): return .yes
        case (.yesNo, .string("no")), (.yesNoUnknown, .string("no")): return .no
        case (.single, .string(let id)): return .option(id)
        case (.multi, .array(let items)): return .options(items.compactMap(\.stringValue))
        case (.number, .integer(let number)), (.scale, .integer(let number)):
            return Int(exactly: number).map(AnswerValue.number)
        case (.text, .string(let text)): return .text(text)
        default: return nil
        }
    }
}
