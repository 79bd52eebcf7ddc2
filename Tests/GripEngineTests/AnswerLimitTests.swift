import Foundation
import Testing
@testable import GripEngine

/// Answers that a result file could not hold are refused when given, so `grip run` and
/// the interface never write a result that verification rejects.
struct AnswerLimitTests {
    static let yaml = questionnaireYAML(qs(
        q("count", "number"),
        q("bounded", "number", "min: -5\nmax: 99999999999999999"),
        q("remark", "text", "required: false"),
        q("short", "text", "required: false\nmax_length: 10"),
    ))

    static let limit = AnswerLimits.maximumInteger
    static let longText = String(repeating: "x", count: AnswerLimits.maximumTextLength + 1)

    @Test("Answers at and beyond the limits", arguments: [
        ("count", AnswerValue.number(9_007_199_254_740_991), AnswerResult.ok),
        ("count", .number(9_007_199_254_740_992), .invalid(.aboveMaximum(9_007_199_254_740_991))),
        ("count", .number(9_007_199_254_740_993), .invalid(.aboveMaximum(9_007_199_254_740_991))),
        ("count", .number(Int.max), .invalid(.aboveMaximum(9_007_199_254_740_991))),
        ("count", .number(-9_007_199_254_740_991), .ok),
        ("count", .number(-9_007_199_254_740_992), .invalid(.belowMinimum(-9_007_199_254_740_991))),
        ("count", .number(Int.min), .invalid(.belowMinimum(-9_007_199_254_740_991))),
        // The question's own maximum is above the limit: the limit wins; its minimum stays.
        ("bounded", .number(9_007_199_254_740_992), .invalid(.aboveMaximum(9_007_199_254_740_991))),
        ("bounded", .number(-6), .invalid(.belowMinimum(-5))),
        ("remark", .text(String(repeating: "x", count: AnswerLimits.maximumTextLength)), .ok),
        ("remark", .text(longText), .invalid(.tooLong(maximum: 100_000))),
        // Combining marks make one Character of many scalars: they count one by one.
        ("remark", .text("e" + String(repeating: "\u{301}", count: AnswerLimits.maximumTextLength)), .invalid(.tooLong(maximum: 100_000))),
        ("short", .text(longText), .invalid(.tooLong(maximum: 10))),
    ])
    func answers(id: String, value: AnswerValue, expected: AnswerResult) throws {
        var session = Session(questionnaire: try loadQuestionnaire(Self.yaml))
        #expect(session.setAnswer(value, for: id) == expected)
        if expected != .ok { #expect(session.answer(for: id) == nil, "a refused answer is not stored") }
    }

    @Test func tooLongNoteIsRefusedAndTheEarlierOneKept() throws {
        var session = Session(questionnaire: try loadQuestionnaire(Self.yaml))
        #expect(session.setNote("eerder", at: 2) == .ok)
        #expect(session.setNote(Self.longText, at: 2) == .invalid(.tooLong(maximum: AnswerLimits.maximumTextLength)))
        #expect(session.note(at: 2) == "eerder")
        #expect(session.setNote(String(repeating: "y", count: AnswerLimits.maximumTextLength), at: 2) == .ok)
    }

    @Test func messagesInBothLanguages() {
        #expect(AnswerProblem.aboveMaximum(Self.limit).message(in: .nl) == "Het getal mag hoogstens 9007199254740991 zijn.")
        #expect(AnswerProblem.aboveMaximum(Self.limit).message(in: .en) == "The number must be at most 9007199254740991.")
        #expect(AnswerProblem.tooLong(maximum: 100_000).message(in: .nl) == "De tekst mag hoogstens 100000 tekens lang zijn.")
    }

    @Test func answersFileNamesTheQuestionAndPosition() throws {
        let questionnaire = try loadQuestionnaire(Self.yaml)
        let answers = """
            subject: {system: "\(Self.longText)"}
            answers:
              count: 9007199254740993
              remark: "\(Self.longText)"
            notes:
              count: "\(Self.longText)"
            """
        let file = try AnswersFile.parse(Data(answers.utf8), file: "a.yaml").get()
        var session = Session(questionnaire: questionnaire)
        let messages = file.apply(to: &session).errors.map(\.description)
        #expect(messages.contains("a.yaml:3:3: error: answer to 'count': The number must be at most 9007199254740991."), "\(messages)")
        #expect(messages.contains("a.yaml:4:3: error: answer to 'remark': The text must be at most 100000 characters long."), "\(messages)")
        #expect(messages.contains("a.yaml:6:3: error: note on 'count': The text must be at most 100000 characters long."), "\(messages)")
        #expect(messages.contains("a.yaml:1:19: error: subject 'system': The text must be at most 100000 characters long."), "\(messages)")
        #expect(session.note(at: 0) == nil)
    }
}
