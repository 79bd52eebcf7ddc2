import Foundation

/// An answers file for headless runs:
///
///     questionnaire: quickscan        # optional; checked when present
///     subject: {system: ..., organisation: ..., assessor: ...}
///     answers: {question_id: yes | no | unknown | option | [options] | 42 | text}
///     notes: {question_id: text}
public struct AnswersFile: Sendable {
    /// One answer as written, before it is checked against its question.
    public struct Entry: Sendable {
        public var questionID: String
        public var value: RawValue
        public var location: SourceLocation
    }

    public enum RawValue: Sendable, Equatable {
        case scalar(String)
        case list([String])
    }

    public var file: String
    public var questionnaireID: String?
    public var subject: Subject
    public var answers: [Entry]
    public var notes: [(questionID: String, text: String, location: SourceLocation)]
    var answersLocation: SourceLocation
    /// Where each subject field is written, for the length check.
    var subjectLocations: [String: SourceLocation] = [:]

    static let topLevelKeys = KeySet(["questionnaire", "subject", "answers", "notes"], required: ["subject", "answers"])
    static let subjectKeys = KeySet(["system", "organisation", "assessor"], required: ["system"])

    /// Parses an answers file, reporting every shape problem with its position.
    public static func parse(_ data: Data, file: String) -> Result<AnswersFile, DiagnosticsError> {
        let root: YAMLNode
        switch YAMLDocument.compose(data, file: file) {
        case .failure(let diagnostic): return .failure(DiagnosticsError([diagnostic]))
        case .success(let node): root = node
        }
        var reader = NodeReader(file: file)
        var result = AnswersFile(
            file: file, questionnaireID: nil, subject: Subject(), answers: [], notes: [],
            answersLocation: reader.location(root))
        if let fields = reader.fields(root, of: "the answers file", keys: Self.topLevelKeys) {
            result.questionnaireID = fields["questionnaire"].flatMap { reader.string($0, of: "'questionnaire'") }
            if let node = fields["subject"], let subject = reader.fields(node, of: "the subject", keys: Self.subjectKeys) {
                // Empty is checked when applied, so a template's other gaps are named too.
                result.subject.system = subject["system"].flatMap { reader.string($0, of: "the system name", allowEmpty: true) } ?? ""
                result.subject.organisation = subject["organisation"].flatMap { reader.string($0, of: "the organisation", allowEmpty: true) } ?? ""
                result.subject.assessor = subject["assessor"].flatMap { reader.string($0, of: "the assessor", allowEmpty: true) } ?? ""
                for field in ["system", "organisation", "assessor"] {
                    if let value = subject[named: field] { result.subjectLocations[field] = reader.location(value) }
                }
            }
            if let node = fields["answers"] {
                result.answersLocation = reader.location(fields.key("answers"))
                result.answers = entries(node, of: "answers", reader: &reader).compactMap { key, keyNode, value in
                    switch value.kind {
                    case .sequence:
                        let values = value.items.compactMap { reader.string($0, of: "an option of the answer to '\(key)'") }
                        return Entry(questionID: key, value: .list(values), location: reader.location(keyNode))
                    default:
                        guard let scalar = reader.string(value, of: "the answer to '\(key)'", allowEmpty: true) else { return nil }
                        return Entry(questionID: key, value: .scalar(scalar), location: reader.location(keyNode))
                    }
                }
            }
            if let node = fields["notes"] {
                result.notes = entries(node, of: "notes", reader: &reader).compactMap { key, keyNode, value in
                    reader.string(value, of: "the note on '\(key)'").map { (key, $0, reader.location(keyNode)) }
                }
            }
        }
        let errors = reader.diagnostics.errors
        return errors.isEmpty ? .success(result) : .failure(DiagnosticsError(errors.sortedByLocation()))
    }

    private static func entries(_ node: YAMLNode, of what: String, reader: inout NodeReader) -> [(String, YAMLNode, YAMLNode)] {
        guard node.kind == .mapping else {
            if node.isScalar("") { return [] }
            reader.error(node, "'\(what)' must map question ids to values")
            return []
        }
        return node.pairs.compactMap { key, value in
            reader.string(key, of: "a question id in '\(what)'").map { ($0, key, value) }
        }
    }

    /// Gives every answer and note to the session. Returns the problems: errors for
    /// unknown questions, unfit values, an empty system name and (with `requireComplete`)
    /// missing required answers; warnings for answers to questions that end up hidden
    /// (they are kept, but not used). An empty value (`id:`, `""`, `[]`, as a template
    /// leaves them) is no answer: a required question left so is named at its line.
    public func apply(to session: inout Session, requireComplete: Bool = true) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let questionnaire = session.questionnaire
        if let questionnaireID, questionnaireID != questionnaire.id {
            diagnostics.append(Diagnostic(at: answersLocation, "this answers file is for '\(questionnaireID)', not for '\(questionnaire.id)'"))
        }
        session.subject = subject
        if subject.system.allSatisfy(\.isWhitespace) {
            diagnostics.append(Diagnostic(at: subjectLocations["system"] ?? answersLocation, "subject 'system' is empty: fill in the name of the system"))
        }
        for (field, value) in [("system", subject.system), ("organisation", subject.organisation), ("assessor", subject.assessor)] where !AnswerLimits.fits(value) {
            diagnostics.append(Diagnostic(at: subjectLocations[field] ?? answersLocation, "subject '\(field)': \(AnswerProblem.tooLong(maximum: AnswerLimits.maximumTextLength).message(in: .en))"))
        }
        let knownIDs = questionnaire.questions.map(\.id)
        func unknownQuestion(_ id: String, at location: SourceLocation) {
            var message = "unknown question '\(id)' in \(questionnaire.id)"
            if let suggestion = closestMatch(to: id, in: knownIDs) { message += "; did you mean '\(suggestion)'?" }
            diagnostics.append(Diagnostic(at: location, message))
        }
        var located: [Int: Entry] = [:]
        var placeholders: [Int: Entry] = [:]
        for entry in answers {
            if let index = questionnaire.index(of: entry.questionID) {
                if entry.value.isEmpty { placeholders[index] = entry } else { located[index] = entry }
            } else {
                unknownQuestion(entry.questionID, at: entry.location)
            }
        }
        // File order of the questionnaire, so conditions see what they depend on.
        for index in located.keys.sorted() {
            let entry = located[index]!
            let question = questionnaire.questions[index]
            switch entry.value.answer(for: question) {
            case .failure(let problem):
                diagnostics.append(Diagnostic(at: entry.location, "answer to '\(question.id)': \(problem.message(in: .en))"))
            case .success(let value):
                if case .invalid(let problem) = session.setAnswer(value, at: index) {
                    diagnostics.append(Diagnostic(at: entry.location, "answer to '\(question.id)': \(problem.message(in: .en))"))
                }
            }
        }
        for note in notes {
            if let index = questionnaire.index(of: note.questionID) {
                if case .invalid(let problem) = session.setNote(note.text, at: index) {
                    diagnostics.append(Diagnostic(at: note.location, "note on '\(note.questionID)': \(problem.message(in: .en))"))
                }
            } else {
                unknownQuestion(note.questionID, at: note.location)
            }
        }
        for (index, entry) in located.sorted(by: { $0.key < $1.key }) where !session.isVisible(index) {
            let condition = questionnaire.questions[index].condition?.source ?? ""
            diagnostics.append(Diagnostic(.warning, at: entry.location, "answer to '\(entry.questionID)' is not used: the question is not shown because its condition is not met (\(condition))"))
        }
        for index in session.missingRequired where requireComplete {
            let question = questionnaire.questions[index]
            if let placeholder = placeholders[index] {
                diagnostics.append(Diagnostic(at: placeholder.location, "'\(question.id)' is not answered yet; fill in \(AnswersFileText.hint(for: question))"))
            } else {
                diagnostics.append(Diagnostic(at: answersLocation, "missing answer to required question '\(question.id)' (\(question.text.en))"))
            }
        }
        return diagnostics
    }
}

extension AnswersFile.RawValue {
    /// Nothing written: a placeholder, not an answer.
    var isEmpty: Bool {
        switch self {
        case .scalar(let text): text.allSatisfy(\.isWhitespace)
        case .list(let items): items.isEmpty
        }
    }

    /// Reads the written value the way the question's type expects it.
    func answer(for question: Question) -> Result<AnswerValue, AnswerProblem> {
        // As in a result file: "unknown" is the text or option id itself where a choice
        // or text question does not accept "weet ik niet".
        if case .scalar("unknown") = self, question.allowsUnknown || (question.type != .single && question.type != .text) {
            return .success(.unknown)
        }
        switch (question.type, self) {
        case (.yesNo, .scalar(let word)), (.yesNoUnknown, .scalar(let word)):
            switch word {
            case "yes", "true": return .success(.yes)
            case "no", "false": return .success(.no)
            default: return .failure(.wrongType(expected: question.type))
            }
        case (.single, .scalar(let id)):
            return .success(.option(id))
        case (.multi, .list(let ids)):
            return .success(.options(ids))
        case (.multi, .scalar(let id)):
            return .success(.options([id]))
        case (.number, .scalar(let text)), (.scale, .scalar(let text)):
            guard let number = Int(text) else { return .failure(.wrongType(expected: question.type)) }
            return .success(.number(number))
        case (.text, .scalar(let text)):
            return .success(.text(text))
        default:
            return .failure(.wrongType(expected: question.type))
        }
    }
}
