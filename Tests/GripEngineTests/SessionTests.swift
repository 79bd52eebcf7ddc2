import Foundation
import Testing
@testable import GripEngine

/// A small branching questionnaire: uses_data → kinds (multi) → special_basis (only with
/// special data) → volume (number, unknown allowed) → large (only when volume ≥ 10000 or unknown).
let branching = questionnaireYAML(qs(
    q("uses_data", "yes_no_unknown"),
    q("kinds", "multi", "when: uses_data\noptions:\n  - {id: special, label: {nl: Bijzonder, en: Special}}\n  - {id: bsn, label: {nl: BSN, en: BSN}}\n  - {id: none, label: {nl: Geen, en: None}, exclusive: true}"),
    q("special_basis", "text", "when: \"'special' in kinds\"\nmax_length: 20"),
    q("volume", "number", "when: uses_data\nallow_unknown: true\nmin: 0"),
    q("large", "yes_no", "when: volume >= 10000"),
    q("remark", "text", "required: false"),
))

struct SessionTests {
    func session() throws -> Session { Session(questionnaire: try loadQuestionnaire(branching)) }

    func visibleIDs(_ session: Session) -> [String] {
        session.visibleIndices.map { session.questionnaire.questions[$0].id }
    }

    @Test func onlyUnconditionalQuestionsAreVisibleAtStart() throws {
        let session = try session()
        #expect(visibleIDs(session) == ["uses_data", "remark"])
        #expect(session.progress == Progress(answered: 0, visible: 2))
        #expect(session.currentQuestion?.id == "uses_data")
    }

    @Test func answeringOpensTheBranches() throws {
        var session = try session()
        let result1 = session.setAnswer(.yes, for: "uses_data")
        #expect(result1 == .ok)
        #expect(visibleIDs(session) == ["uses_data", "kinds", "volume", "remark"])
        let result2 = session.setAnswer(.options(["special", "bsn"]), for: "kinds")
        #expect(result2 == .ok)
        let result3 = session.setAnswer(.number(12_000), for: "volume")
        #expect(result3 == .ok)
        #expect(visibleIDs(session) == ["uses_data", "kinds", "special_basis", "volume", "large", "remark"])
        #expect(session.progress == Progress(answered: 3, visible: 6))
        #expect(session.missingRequired.map { session.questionnaire.questions[$0].id } == ["special_basis", "large"])
    }

    @Test func unknownKeepsDependentQuestionsVisible() throws {
        var session = try session()
        session.setAnswer(.unknown, for: "uses_data")
        #expect(visibleIDs(session) == ["uses_data", "kinds", "volume", "remark"])
        session.setAnswer(.unknown, for: "volume")
        #expect(visibleIDs(session).contains("large"), "volume unknown: whether it is large is unknown, so ask")
    }

    @Test func changingAnEarlierAnswerHidesButKeepsLaterAnswers() throws {
        var session = try session()
        session.setAnswer(.yes, for: "uses_data")
        session.setAnswer(.options(["special"]), for: "kinds")
        session.setAnswer(.text("Art. 9(2)(g)"), for: "special_basis")
        session.setAnswer(.number(50_000), for: "volume")
        session.setAnswer(.yes, for: "large")

        let usesData = try #require(session.questionnaire.index(of: "uses_data"))
        let warned = session.questionsHidden(byAnswering: .no, at: usesData).map { session.questionnaire.questions[$0].id }
        #expect(warned == ["kinds", "special_basis", "volume", "large"])

        session.setAnswer(.no, for: "uses_data")
        #expect(visibleIDs(session) == ["uses_data", "remark"])
        #expect(session.answer(for: "special_basis") == .text("Art. 9(2)(g)"), "hidden answers stay stored")
        #expect(session.resolvedAnswer(at: try #require(session.questionnaire.index(of: "large"))) == .absent, "but read as absent")
        #expect(session.isComplete)

        session.setAnswer(.yes, for: "uses_data")
        #expect(visibleIDs(session) == ["uses_data", "kinds", "special_basis", "volume", "large", "remark"], "undoing the change brings every answer back")
        #expect(session.progress == Progress(answered: 5, visible: 6))
    }

    @Test func hidingPropagatesThroughChains() throws {
        var session = try session()
        session.setAnswer(.yes, for: "uses_data")
        session.setAnswer(.options(["special"]), for: "kinds")
        #expect(visibleIDs(session).contains("special_basis"))
        session.setAnswer(.options(["bsn"]), for: "kinds")
        #expect(!visibleIDs(session).contains("special_basis"))
    }

    @Test func navigationSkipsHiddenQuestions() throws {
        var session = try session()
        session.setAnswer(.no, for: "uses_data")
        let moved = session.goToNext()
        #expect(moved && session.currentQuestion?.id == "remark")
        let pastEnd = session.goToNext()
        #expect(!pastEnd, "at the end")
        let back = session.goToPrevious()
        #expect(back && session.currentQuestion?.id == "uses_data")
        let pastStart = session.goToPrevious()
        #expect(!pastStart, "at the start")
        let large = try #require(session.questionnaire.index(of: "large"))
        let jumped = session.jump(to: large)
        #expect(!jumped, "cannot jump to a hidden question")
    }

    @Test("Answers are checked against their question", arguments: [
        ("uses_data", AnswerValue.option("a"), AnswerResult.invalid(.wrongType(expected: .yesNoUnknown))),
        ("large", .unknown, .invalid(.unknownNotAllowed)),
        ("kinds", .options(["special", "none"]), .invalid(.exclusiveCombined("none"))),
        ("kinds", .options(["bsn", "bsn"]), .invalid(.repeatedOption("bsn"))),
        ("kinds", .options(["x"]), .invalid(.notAnOption("x", valid: ["special", "bsn", "none"]))),
        ("kinds", .options([]), .requiredButEmpty),
        ("volume", .number(-1), .invalid(.belowMinimum(0))),
        ("special_basis", .text(String(repeating: "x", count: 21)), .invalid(.tooLong(maximum: 20))),
        ("special_basis", .text("   "), .requiredButEmpty),
        ("remark", .text("  "), .ok),
        ("nope", .yes, .invalid(.noSuchQuestion("nope"))),
    ])
    func answerValidation(id: String, value: AnswerValue, expected: AnswerResult) throws {
        var session = try session()
        let result = session.setAnswer(value, for: id)
        #expect(result == expected)
    }

    @Test func anInvalidAnswerChangesNothing() throws {
        var session = try session()
        session.setAnswer(.number(5), for: "volume")
        session.setAnswer(.number(-5), for: "volume")
        #expect(session.answer(for: "volume") == .number(5))
    }

    @Test func problemsAreExplainedInBothLanguages() {
        let problem = AnswerProblem.belowMinimum(0)
        #expect(problem.message(in: .nl) == "Het getal moet minstens 0 zijn.")
        #expect(problem.message(in: .en) == "The number must be at least 0.")
    }

    @Test func snapshotRoundTripsThroughJSON() throws {
        var session = try session()
        session.subject = Subject(system: "Chatbot", organisation: "Gemeente", assessor: "A")
        session.setAnswer(.yes, for: "uses_data")
        session.setAnswer(.options(["special"]), for: "kinds")
        session.setNote("Zie register", at: 0)
        session.goToNext()
        let data = try JSONEncoder().encode(session.snapshot)
        let decoded = try JSONDecoder().decode(SessionSnapshot.self, from: data)
        var dropped: [DroppedAnswer] = []
        let restored = Session(questionnaire: session.questionnaire, snapshot: decoded, dropped: &dropped)
        #expect(dropped.isEmpty)
        #expect(restored.snapshot == session.snapshot)
        #expect(restored.currentQuestion?.id == "kinds")
        #expect(restored.note(at: 0) == "Zie register")
    }

    @Test func restoringReportsWhatANewerVersionNoLongerAccepts() throws {
        let session = try session()
        let snapshot = SessionSnapshot(
            questionnaireID: "test", questionnaireVersion: "0.9.0", subject: Subject(),
            answers: ["uses_data": .yes, "kinds": .options(["gone"]), "removed_question": .no],
            notes: [:], currentQuestion: "large")
        var dropped: [DroppedAnswer] = []
        let restored = Session(questionnaire: session.questionnaire, snapshot: snapshot, dropped: &dropped)
        #expect(dropped == [
            DroppedAnswer(questionID: "kinds", problem: .notAnOption("gone", valid: ["special", "bsn", "none"])),
            DroppedAnswer(questionID: "removed_question", problem: .noSuchQuestion("removed_question")),
        ])
        #expect(restored.currentQuestion?.id == "remark", "the saved question is hidden now: resume at the next one shown")
    }
}
