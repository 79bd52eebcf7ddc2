import Foundation
import GripEngine
import Testing
@testable import GripResults

/// Reading a result's answers back: handed on by the interface, replayed by rescoring.
struct ResultAnswersTests {
    typealias Fixture = ComparisonFixture

    /// Each stored value is accepted as the answer it was, or refused with the reason.
    @Test(arguments: [
        (#""yes""#, "personal", AnswerValue.yes as AnswerValue?, nil as AnswerProblem?),
        (#""unknown""#, "personal", nil, .unknownNotAllowed),
        (#"3"#, "personal", nil, .wrongType(expected: .yesNo)),
        (#""bought""#, "origin", .option("bought"), nil),
        (#""gone""#, "origin", nil, .notAnOption("gone", valid: ["bought", "in_house"])),
        (#"["special", "bsn"]"#, "kinds", .options(["special", "bsn"]), nil),
        (#"["special", 3]"#, "kinds", nil, .wrongType(expected: .multi)),
        (#"["none", "bsn"]"#, "kinds", nil, .exclusiveCombined("none")),
        (#""unknown""#, "kinds", .unknown, nil),
        (#"500"#, "subjects", .number(500), nil),
        (#""500""#, "subjects", nil, .wrongType(expected: .number)),
        (#""Selectie""#, "purpose", .text("Selectie"), nil),
        (#""  ""#, "purpose", nil, nil),
    ])
    func storedValuesReplay(_ json: String, _ question: String, _ accepted: AnswerValue?, _ problem: AnswerProblem?) throws {
        let document = try StrictJSONParser.parse(Array(#"{"result": {"questionnaire": {"id": "review-fixture"}, "answers": [{"question": "\#(question)", "value": \#(json)}]}}"#.utf8))
        let answers = try #require(ResultAnswers(document: document))
        let replay = answers.replay(on: try Fixture.questionnaire())
        #expect(replay.session.answer(for: question) == accepted)
        #expect(replay.rejected.map(\.reason) == problem.map { [.notAccepted($0)] } ?? [])
    }

    @Test func hiddenAndRepeatedAnswersAreNotHandedOn() throws {
        let document = try StrictJSONParser.parse(Array(#"{"result": {"questionnaire": {"id": "quickscan"}, "answers": [{"question": "personal_data", "value": "yes", "visibility": "hidden"}, {"question": "origin", "value": "bought"}, {"question": "origin", "value": "in_house"}], "outcome": {"nextInstruments": ["dpia-lite"]}}}"#.utf8))
        let answers = try #require(ResultAnswers(document: document))
        #expect(answers.answers.map(\.question) == ["origin"])
        #expect(answers.answers.first?.value == "bought")
        #expect(answers.nextInstruments == ["dpia-lite"])
    }
}
