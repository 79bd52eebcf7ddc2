/// What changed between two results of the same system: subject, questionnaire,
/// answers and outcome. Pure: two parsed result documents in, the differences out.
///
/// Files from others are hostile, so every member is optional here: a missing or
/// mistyped member reads as empty, never as a crash. Ids are compared by their exact
/// characters, as the signature does.
public struct ResultDiff: Sendable, Equatable {
    /// A value in the older and the newer result.
    public struct Change<Value: Sendable & Equatable>: Sendable, Equatable {
        public var old: Value
        public var new: Value

        public init(old: Value, new: Value) {
            self.old = old
            self.new = new
        }
    }

    public enum SubjectField: String, Sendable, CaseIterable {
        case system, organisation, assessor
    }

    public struct SubjectChange: Sendable, Equatable {
        public var field: SubjectField
        public var change: Change<String>
    }

    public var subject: [SubjectChange]
    /// The system names differ beyond case and spacing: probably two different systems.
    public var differentSystem: Bool
    /// Set when the questionnaire ids differ: the results are not comparable, and
    /// answers and outcome are not compared.
    public var questionnaireID: Change<String>?
    public var questionnaireVersion: Change<String>?
    public var questionnaireSHA256: Change<String>?
    /// Set when the results are in different languages: stored texts then differ
    /// without a change of answer (answers are compared by value).
    public var language: Change<String>?
    /// When each result was completed; informative, never a difference in itself.
    public var completedAt: Change<String>
    public var answers: [AnswerChange]
    public var outcome: OutcomeDiff

    public var isComparable: Bool { questionnaireID == nil }

    /// Nothing differs that a reader would act on (the completion time aside).
    public var isEmpty: Bool {
        subject.isEmpty && questionnaireID == nil && questionnaireVersion == nil && questionnaireSHA256 == nil && language == nil
            && answers.isEmpty && outcome.isEmpty
    }

    /// Compares two result documents (`{"format", "result", "signature"}`).
    public init(old: JSONValue, new: JSONValue) {
        let before = old["result"] ?? .object([])
        let after = new["result"] ?? .object([])
        func text(_ value: JSONValue?, _ key: String) -> String { value?[key]?.stringValue ?? "" }
        func change(_ old: String, _ new: String) -> Change<String>? {
            old.equalsExactly(new) ? nil : Change(old: old, new: new)
        }

        subject = SubjectField.allCases.compactMap { field in
            change(text(before["subject"], field.rawValue), text(after["subject"], field.rawValue)).map { SubjectChange(field: field, change: $0) }
        }
        differentSystem = !Self.sameName(text(before["subject"], "system"), text(after["subject"], "system"))
        questionnaireID = change(text(before["questionnaire"], "id"), text(after["questionnaire"], "id"))
        questionnaireVersion = change(text(before["questionnaire"], "version"), text(after["questionnaire"], "version"))
        questionnaireSHA256 = change(text(before["questionnaire"], "sha256"), text(after["questionnaire"], "sha256"))
        language = change(text(before, "language"), text(after, "language"))
        completedAt = Change(old: text(before, "completedAt"), new: text(after, "completedAt"))
        if questionnaireID == nil {
            answers = AnswerChange.changes(old: before["answers"], new: after["answers"])
            outcome = OutcomeDiff(old: before["outcome"], new: after["outcome"])
        } else {
            // A quickscan and a DPIA-lite share few questions and no assessments:
            // listing everything as added and removed would hide the real message.
            answers = []
            outcome = OutcomeDiff(old: nil, new: nil)
        }
    }

    /// Names equal apart from letter case and runs of white space.
    static func sameName(_ left: String, _ right: String) -> Bool {
        func folded(_ name: String) -> String {
            name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return folded(left).equalsExactly(folded(right))
    }
}

/// One question whose answer, note or visibility differs, or that only one result answers.
public struct AnswerChange: Sendable, Equatable {
    /// A stored answer as the diff sees it.
    public struct State: Sendable, Equatable {
        /// The value as stored; compared, never shown.
        public var value: JSONValue?
        /// The answer in words: the stored answer text, or else the value.
        public var answer: String?
        public var note: String?
        public var shown: Bool
    }

    public enum Kind: String, Sendable {
        case added, removed, changed
    }

    public var question: String
    /// The question's text in the newer result (the older one's for a removed answer).
    public var text: String
    public var old: State?
    public var new: State?

    public var kind: Kind { old == nil ? .added : new == nil ? .removed : .changed }
    public var answerChanged: Bool { old?.value != new?.value }
    public var noteChanged: Bool { !(old?.note ?? "").equalsExactly(new?.note ?? "") }
    public var visibilityChanged: Bool { old != nil && new != nil && old?.shown != new?.shown }

    /// The changed and added answers in the newer result's order, then the removed ones
    /// in the older result's order. A question's first entry counts; later duplicates
    /// in a hand-made file are ignored.
    static func changes(old: JSONValue?, new: JSONValue?) -> [AnswerChange] {
        let before = entries(old)
        let after = entries(new)
        let oldByID = Dictionary(before.map { (ExactString($0.question), $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(after.map { ExactString($0.question) })
        var changes: [AnswerChange] = []
        for entry in after {
            let previous = oldByID[ExactString(entry.question)]
            let change = AnswerChange(question: entry.question, text: entry.text, old: previous?.state, new: entry.state)
            if previous == nil || change.answerChanged || change.noteChanged || change.visibilityChanged {
                changes.append(change)
            }
        }
        for entry in before where !newIDs.contains(ExactString(entry.question)) {
            changes.append(AnswerChange(question: entry.question, text: entry.text, old: entry.state, new: nil))
        }
        return changes
    }

    private struct Entry {
        var question: String
        var text: String
        var state: State
    }

    private static func entries(_ answers: JSONValue?) -> [Entry] {
        var seen = Set<ExactString>()
        return (answers?.arrayValue ?? []).compactMap { item in
            guard let question = item["question"]?.stringValue, seen.insert(ExactString(question)).inserted else { return nil }
            let value = item["value"]
            let state = State(
                value: value, answer: item["answerText"]?.stringValue ?? value?.plainText, note: item["note"]?.stringValue,
                shown: item["visibility"]?.stringValue != "hidden")
            return Entry(question: question, text: item["text"]?.stringValue ?? "", state: state)
        }
    }
}
