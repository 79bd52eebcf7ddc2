import GripEngine

/// The answers of a result, read from the signed file so they can be given again to a
/// questionnaire: handed on to the instruments the result points to (as suggestions), or
/// replayed through the current version of its own questionnaire (rescoring).
public struct ResultAnswers: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var question: String
        public var value: JSONValue
        /// The question's text and the answer in words as the result stored them, to name
        /// an answer the current questionnaire no longer accepts.
        public var text: String
        public var answerText: String
    }

    /// A stored answer that a questionnaire does not accept.
    public struct Rejected: Sendable, Equatable {
        public enum Reason: Sendable, Equatable {
            /// The questionnaire has no question with this id any more.
            case questionRemoved
            /// The question exists but refuses the answer (option removed, type changed, …).
            case notAccepted(AnswerProblem)
        }

        public var entry: Entry
        public var reason: Reason
    }

    /// The answers given to a questionnaire, and those it refused.
    public struct Replay: Sendable {
        public var session: Session
        public var rejected: [Rejected]
    }

    public var questionnaireID: String
    public var subject: Subject
    /// Shown answers in the result's order; a question's first answer only.
    public var answers: [Entry]
    /// Notes of shown questions (with or without an answer); a question's first only.
    public var notes: [Note]
    public var nextInstruments: [String]

    public struct Note: Sendable, Equatable {
        public var question: String
        public var text: String
    }

    /// Read from a result document; nil when it has no questionnaire id.
    public init?(document: JSONValue) {
        guard let result = document["result"], let id = result["questionnaire"]?["id"]?.stringValue else { return nil }
        questionnaireID = id
        let subject = result["subject"]
        self.subject = Subject(
            system: subject?["system"]?.stringValue ?? "", organisation: subject?["organisation"]?.stringValue ?? "",
            assessor: subject?["assessor"]?.stringValue ?? "")
        // Hidden answers did not count in the result, so they are neither handed on nor
        // replayed: a question they belong to reads as unanswered.
        var seen = Set<ExactString>()
        answers = (result["answers"]?.arrayValue ?? []).compactMap { item in
            guard let question = item["question"]?.stringValue, let value = item["value"], item["visibility"]?.stringValue != "hidden",
                seen.insert(ExactString(question)).inserted
            else { return nil }
            return Entry(
                question: question, value: value, text: item["text"]?.stringValue ?? "",
                answerText: item["answerText"]?.stringValue ?? value.plainText)
        }
        var noted = Set<ExactString>()
        notes = (result["answers"]?.arrayValue ?? []).compactMap { item in
            guard let question = item["question"]?.stringValue, let text = item["note"]?.stringValue, item["visibility"]?.stringValue != "hidden",
                noted.insert(ExactString(question)).inserted
            else { return nil }
            return Note(question: question, text: text)
        }
        nextInstruments = (result["outcome"]?["nextInstruments"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// The answers as a session of `questionnaire` (the current version of the result's
    /// questionnaire): answers it no longer accepts are left out.
    public func session(_ questionnaire: Questionnaire) -> Session {
        replay(on: questionnaire).session
    }

    /// The answers given to `questionnaire` in its question order, with every answer it
    /// refuses and why.
    public func replay(on questionnaire: Questionnaire) -> Replay {
        var session = Session(questionnaire: questionnaire, subject: subject)
        var rejected: [Rejected] = []
        var accepted: [Int: AnswerValue] = [:]
        for entry in answers {
            guard let index = questionnaire.index(of: entry.question) else {
                rejected.append(Rejected(entry: entry, reason: .questionRemoved))
                continue
            }
            let question = questionnaire.questions[index]
            let checked = Self.answer(entry.value, for: question).flatMap(question.normalize)
            switch checked {
            case .success(let value?): accepted[index] = value
            case .success(nil): break  // an empty text or selection: no answer
            case .failure(let problem): rejected.append(Rejected(entry: entry, reason: .notAccepted(problem)))
            }
        }
        // In question order, so visibility settles the way it did while answering.
        for index in accepted.keys.sorted() {
            _ = session.setAnswer(accepted[index], at: index)
        }
        // Notes carry over as written; one the questionnaire refuses (too long) is left out.
        for note in notes {
            if let index = questionnaire.index(of: note.question) { _ = session.setNote(note.text, at: index) }
        }
        return Replay(session: session, rejected: rejected)
    }

    /// The stored JSON value as an answer of the question's type (not yet checked against
    /// its options or limits).
    static func answer(_ raw: JSONValue, for question: Question) -> Result<AnswerValue, AnswerProblem> {
        // "unknown" is how a result stores "weet ik niet"; for a choice or a text it may
        // also be an option id or the text itself.
        if case .string("unknown") = raw, question.allowsUnknown || (question.type != .single && question.type != .text) {
            return .success(.unknown)
        }
        switch (question.type, raw) {
        case (.yesNo, .string("yes")), (.yesNoUnknown, .string("yes")): return .success(.yes)
        case (.yesNo, .string("no")), (.yesNoUnknown, .string("no")): return .success(.no)
        case (.single, .string(let id)): return .success(.option(id))
        case (.multi, .array(let items)) where items.allSatisfy({ $0.stringValue != nil }):
            return .success(.options(items.compactMap(\.stringValue)))
        case (.number, .integer(let number)), (.scale, .integer(let number)):
            guard let value = Int(exactly: number) else { return .failure(.wrongType(expected: question.type)) }
            return .success(.number(value))
        case (.text, .string(let text)): return .success(.text(text))
        default: return .failure(.wrongType(expected: question.type))
        }
    }
}
