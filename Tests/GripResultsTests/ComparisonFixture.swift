import Foundation
import GripEngine
import GripScoring
import Testing
@testable import GripResults

/// A small questionnaire for diffs and rescores, and result documents made from it the
/// way `grip run` makes them (unsigned: diff and rescore read content, not signatures).
enum ComparisonFixture {
    /// Version 1.0.0. Tests derive later versions from it by replacing text.
    static let yaml = """
        id: review-fixture
        version: 1.0.0
        title: {nl: Fixture, en: Fixture}
        description: {nl: x, en: x}
        sections:
          - id: s
            title: {nl: S, en: S}
            questions:
              - {id: personal, type: yes_no, text: {nl: Persoonsgegevens?, en: Personal data?}, help: {nl: h, en: h}}
              - id: kinds
                type: multi
                when: personal
                allow_unknown: true
                text: {nl: Welke gegevens?, en: Which data?}
                help: {nl: h, en: h}
                options:
                  - {id: special, label: {nl: Bijzonder, en: Special}}
                  - {id: bsn, label: {nl: BSN, en: BSN}}
                  - {id: none, label: {nl: Geen, en: None}, exclusive: true}
              - {id: subjects, type: number, when: personal, allow_unknown: true, text: {nl: Hoeveel mensen?, en: How many people?}, help: {nl: h, en: h}}
              - id: origin
                type: single
                text: {nl: Herkomst?, en: Origin?}
                help: {nl: h, en: h}
                options:
                  - {id: bought, label: {nl: Gekocht, en: Bought}}
                  - {id: in_house, label: {nl: Zelf gemaakt, en: In-house}}
              - {id: purpose, type: text, required: false, text: {nl: Doel?, en: Purpose?}, help: {nl: h, en: h}}
        outcomes:
          criteria:
            - {id: special, when: "'special' in kinds", text: {nl: Bijzondere gegevens., en: Special data.}}
            - {id: large, when: "subjects >= 10000", text: {nl: Veel mensen., en: Many people.}}
            - {id: bought, when: "origin == 'bought'", text: {nl: Gekocht., en: Bought.}}
          assessments:
            - id: dpia
              title: {nl: DPIA, en: DPIA}
              required: [special, large]
              not_needed: {nl: Geen criterium., en: No criterion.}
            - id: procurement
              title: {nl: Inkoopcheck, en: Procurement check}
              required: [bought]
              not_needed: {nl: Niet ingekocht., en: Not bought.}
          classifications:
            - id: category
              title: {nl: Categorie, en: Category}
              categories:
                - {id: a, title: {nl: A, en: A}, when: [special]}
                - {id: b, title: {nl: B, en: B}, when: [large]}
                - {id: c, title: {nl: C, en: C}}
        """

    /// The fixture, or a later version: each pair replaces text in the YAML.
    static func questionnaire(_ edits: [(String, String)] = []) throws -> Questionnaire {
        var text = yaml
        for (old, new) in edits {
            #expect(text.contains(old), "the fixture has no '\(old)' to replace")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let report = QuestionnaireLoader.load(Data(text.utf8), file: "review-fixture.yaml")
        guard let questionnaire = report.questionnaire else { throw DiagnosticsError(report.diagnostics) }
        return questionnaire
    }

    static let base: [String: AnswerValue] = [
        "personal": .yes, "kinds": .options(["bsn"]), "subjects": .number(500), "origin": .option("in_house"),
    ]

    /// A result document (`format`, `result`) for these answers and notes.
    static func document(
        _ answers: [String: AnswerValue] = base, notes: [String: String] = [:], subject: Subject = Subject(system: "Risicomodel", organisation: "Gemeente", assessor: "Anna"),
        language: Language = .nl, questionnaire: Questionnaire? = nil
    ) throws -> JSONValue {
        var session = Session(questionnaire: try questionnaire ?? Self.questionnaire(), subject: subject)
        // In question order, so a later answer to a question that gets hidden is kept.
        for (index, question) in session.questionnaire.questions.enumerated() {
            if let value = answers[question.id] { #expect(session.setAnswer(value, at: index) == .ok, "\(question.id)") }
            if let note = notes[question.id] { session.setNote(note, at: index) }
        }
        let result = ResultDocument.result(
            for: session, outcome: Scorer.outcome(for: session), id: UUID(), language: language,
            startedAt: Date(timeIntervalSince1970: 1_795_000_000), completedAt: Date(timeIntervalSince1970: 1_795_000_600))
        return ["format": .string(ResultDocument.format), "result": result]
    }

    static func with(_ changes: [String: AnswerValue?]) -> [String: AnswerValue] {
        var answers = base
        for (id, value) in changes { answers[id] = value }
        return answers
    }

    /// `document` with one member of one stored answer replaced, as a hand-made file has it.
    static func replacing(in document: JSONValue, question: String, member: String, with value: JSONValue) -> JSONValue {
        guard case .object(var top) = document, let resultIndex = top.firstIndex(where: { $0.key == "result" }),
            case .object(var result) = top[resultIndex].value, let answersIndex = result.firstIndex(where: { $0.key == "answers" }),
            case .array(var answers) = result[answersIndex].value,
            let answerIndex = answers.firstIndex(where: { $0["question"]?.stringValue == question }), case .object(var entry) = answers[answerIndex]
        else { return document }
        entry.removeAll { $0.key == member }
        entry.append((member, value))
        answers[answerIndex] = .object(entry)
        result[answersIndex].value = .array(answers)
        top[resultIndex].value = .object(result)
        return .object(top)
    }
}
