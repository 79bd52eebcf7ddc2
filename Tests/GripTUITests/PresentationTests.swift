import Foundation
import GripEngine
import Testing
@testable import GripResults
@testable import GripTUI

/// The group summary on a projector: outcomes first, then one question per screen, read
/// from the back of a room at 80×24 (issue 12).
struct PresentationTests {
    static func participant(_ profiling: String, _ level: String) -> (path: String, document: JSONValue, verification: VerificationReport) {
        let result: JSONValue = [
            "questionnaire": ["id": "quickscan"],
            "answers": [
                ["question": "profiling", "text": "Maakt het systeem een inschatting over mensen?", "answerText": .string(profiling), "visibility": "shown"],
                ["question": "personal_data", "text": "Gebruikt het systeem persoonsgegevens?", "answerText": "Ja", "visibility": "shown"],
            ],
            "outcome": ["assessments": [["id": "dpia", "title": "DPIA", "level": .string(level)]]],
        ]
        var verification = VerificationReport(status: .validUnknownSigner)
        verification.purpose = "training"
        return ("/p/\(UUID().uuidString).json", ["result": result], verification)
    }

    static let summary = WorkshopSummary(results: [
        participant("Ja", "required"), participant("Ja", "required"), participant("Nee", "recommended"), participant("Weet ik niet", "possibly-required"),
    ], reference: WorkshopSummary.Reference(answers: ["profiling": "Ja"], levels: ["dpia": "required"]))

    @Test func pagesThroughOutcomesAndQuestions() {
        var state = makeState(width: 80, height: 24)
        App.openPresentation(Self.summary, &state)
        var text = App.view(state).text
        #expect(text.contains("4 deelnemers") && text.contains("UITKOMSTEN") && text.contains("2 verplicht ✓"), "\(text)")
        expectGolden(App.view(state), "presentation-outcomes-nl")
        send(&state, [.key(.right)])
        text = App.view(state).text
        #expect(text.contains("Maakt het systeem een inschatting over mensen?"), "the most disputed question first: \(text)")
        #expect(text.contains("50% gelijk aan de referentie") && text.contains("2  Ja  ✓"))
        expectGolden(App.view(state), "presentation-question-nl")
        send(&state, [.key(.right), .key(.right), .key(.right)])
        #expect(App.view(state).text.contains("3/3"), "stops at the last page")
        send(&state, [.key(.home)])
        #expect(App.view(state).text.contains("1/3"))
    }
}
