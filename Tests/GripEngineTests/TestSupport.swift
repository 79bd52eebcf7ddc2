import Foundation
import Testing
@testable import GripEngine

/// Loads a questionnaire from inline YAML, failing the test with every diagnostic if it does not load.
func loadQuestionnaire(_ yaml: String, file: String = "test.yaml", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Questionnaire {
    let report = QuestionnaireLoader.load(Data(yaml.utf8), file: file)
    guard let questionnaire = report.questionnaire else {
        Issue.record("did not load:\n\(report.diagnostics.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        throw DiagnosticsError(report.diagnostics)
    }
    return questionnaire
}

/// The diagnostics of loading inline YAML, as `LINE:COLUMN: severity: message` strings.
func diagnostics(_ yaml: String) -> [String] {
    QuestionnaireLoader.load(Data(yaml.utf8), file: "f.yaml").diagnostics.map {
        "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)"
    }
}

/// A questionnaire header with one section; `questions` is the YAML list under it.
func questionnaireYAML(_ questions: String) -> String {
    """
    id: test
    version: 1.0.0
    title: {nl: Test, en: Test}
    description: {nl: Test, en: Test}
    sections:
      - id: main
        title: {nl: Hoofd, en: Main}
        questions:
    \(questions.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n"))
    """
}

/// Question YAML with help text so only the problem under test is reported.
func q(_ id: String, _ type: String, _ extra: String = "") -> String {
    var text = "- id: \(id)\n  type: \(type)\n  text: {nl: \(id)?, en: \(id)?}\n  help: {nl: h, en: h}"
    if !extra.isEmpty { text += "\n" + extra.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") }
    return text
}

let choices = "options:\n  - {id: a, label: {nl: A, en: A}}\n  - {id: b, label: {nl: B, en: B}}\n  - {id: none, label: {nl: Geen, en: None}, exclusive: true}"

/// Several questions' YAML, one after another.
func qs(_ questions: String...) -> String { questions.joined(separator: "\n") }
