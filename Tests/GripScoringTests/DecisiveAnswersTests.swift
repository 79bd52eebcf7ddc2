import Foundation
import GripBundled
import GripEngine
import Testing
@testable import GripScoring

/// "What made the difference" in the workshop comparison: the answers that, set to the
/// reference one at a time, change a level (issue 12).
struct DecisiveAnswersTests {
    static let quickscan: Questionnaire = {
        let file = BundledQuestionnaires.files.first { $0.name == "quickscan.yaml" }!
        return QuestionnaireLoader.load(file.contents, file: file.name).questionnaire!
    }()

    /// The bundled example "meldingen" (a rule table that prioritises reports), with
    /// some answers replaced as a participant might give them.
    static func session(_ replacements: [(String, String)]) throws -> Session {
        var text = try String(contentsOfFile: "Examples/answers/quickscan-meldingen.yaml", encoding: .utf8)
        for (key, value) in replacements {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("  \(key): ") ? "  \(key): \(value)" : String(line)
            }
            text = lines.joined(separator: "\n")
        }
        guard case .success(let answers) = AnswersFile.parse(Data(text.utf8), file: "participant.yaml") else {
            throw CocoaError(.coderReadCorrupt)
        }
        var session = Session(questionnaire: quickscan)
        _ = answers.apply(to: &session)
        return session
    }

    static func index(_ id: String) -> Int { quickscan.index(of: id)! }

    @Test(arguments: [
        // Same answers: nothing to explain.
        ([], [String]()),
        // Profiling makes the DPIA required; a longer retention or less frequent use alone changes nothing.
        ([("profiling", "yes"), ("retention_over_year", "yes"), ("frequent_processing", "no")], ["profiling: dpia required→recommended"]),
        ([("retention_over_year", "yes")], []),
    ])
    func decisiveAnswers(_ replacements: [(String, String)], _ expected: [String]) throws {
        let reference = try Self.session([])
        let participant = try Self.session(replacements)
        let decisive = DecisiveAnswers.between(participant: participant, reference: reference)
        let described = decisive.map { answer in
            "\(Self.quickscan.questions[answer.questionIndex].id): " + answer.changes.map { "\($0.id) \($0.from)→\($0.to)" }.joined(separator: ", ")
        }
        #expect(described == expected)
        // Every decisive answer is one the participant gave differently.
        for answer in decisive { #expect(answer.given != answer.reference) }
    }

    @Test func anotherQuestionnaireHasNoComparison() throws {
        let reference = try Self.session([])
        let other = Session(questionnaire: BundledQuestionnaires.files.first { $0.name == "dpia-lite.yaml" }.flatMap {
            QuestionnaireLoader.load($0.contents, file: $0.name).questionnaire
        }!)
        #expect(DecisiveAnswers.between(participant: other, reference: reference).isEmpty)
    }
}
