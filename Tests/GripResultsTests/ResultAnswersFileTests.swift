import Foundation
import GripEngine
import GripScoring
import Testing
@testable import GripResults

/// `grip answers`: the answers file written from a result reproduces its outcome, keeps
/// every shown answer and note exactly, and leaves hidden answers as comments.
struct ResultAnswersFileTests {
    typealias Fixture = ComparisonFixture

    static let hostile = "Regel één\n\"citaat\" \\ # geen commentaar: \u{1B}[2J \u{202E}omgekeerd"

    static func read(_ text: String) throws -> AnswersFile {
        switch AnswersFile.parse(Data(text.utf8), file: "answers.yaml") {
        case .success(let file): return file
        case .failure(let error):
            Issue.record("does not parse:\n\(error.description)\n\(text)")
            throw error
        }
    }

    @Test(arguments: [Language.nl, .en])
    func theAnswersFileReproducesTheOutcomeAndEveryShownAnswerAndNote(_ language: Language) throws {
        let questionnaire = try Fixture.questionnaire()
        // 'kinds' and 'subjects' are answered, then hidden by 'personal: no'.
        let document = try Fixture.document(
            ["personal": .no, "kinds": .options(["special"]), "subjects": .number(20_000), "origin": .option("bought"), "purpose": .text(Self.hostile)],
            notes: ["origin": "Zie contract \"K-12\".\nTweede regel.", "kinds": "verborgen notitie"],
            subject: Subject(system: "Systeem: \"X\"", organisation: "", assessor: "A. de Vries\u{202E}"), language: language, questionnaire: questionnaire)
        let text = try #require(ResultAnswersFile.text(of: document, file: "result.json"))
        #expect(!text.unicodeScalars.contains { DisplaySafety.isUnsafe($0) && $0 != "\n" }, "\(text)")
        #expect(text.contains("\n  # kinds: [special]\n"), "\(text)")
        #expect(text.contains("\n  # subjects: 20000\n"), "\(text)")
        #expect(text.contains("\n  # kinds: \"verborgen notitie\"\n"), "\(text)")

        let file = try Self.read(text)
        #expect(file.questionnaireID == "review-fixture")
        #expect(file.subject == Subject(system: "Systeem: \"X\"", organisation: "", assessor: "A. de Vries\u{202E}"))
        var session = Session(questionnaire: questionnaire)
        #expect(file.apply(to: &session).isEmpty)
        #expect(session.answer(for: "purpose") == .text(Self.hostile))
        #expect(session.answer(for: "kinds") == nil)
        #expect(session.note(at: 3) == "Zie contract \"K-12\".\nTweede regel.")
        let outcome = OutcomeJSON.json(Scorer.outcome(for: session), language: language)
        #expect(outcome == document["result"]?["outcome"])
    }

    @Test func aWarningHeadsTheFileAndANonResultGivesNone() throws {
        let document = try Fixture.document()
        let text = try #require(ResultAnswersFile.text(of: document, file: "r.json", warning: "INVALID: r.json: changed\nafter signing"))
        #expect(text.hasPrefix("# WARNING: INVALID: r.json: changed\n# after signing\n"))
        #expect(ResultAnswersFile.text(of: ["format": "grip-review/1", "review": [:]], file: "x") == nil)
    }

    /// The signed outcome names the answers behind each reason, in the result's language.
    @Test func reasonsInTheResultNameTheirAnswers() throws {
        let document = try Fixture.document(Fixture.with(["kinds": .options(["special", "bsn"]), "origin": .option("bought")]), language: .en)
        let assessments = try #require(document["result"]?["outcome"]?["assessments"]?.arrayValue)
        let reasons = assessments.flatMap { $0["reasons"]?.arrayValue ?? [] }
        #expect(reasons.map { $0["answers"] } == [
            // The criterion reads 'kinds' only ('personal' decides whether it is asked).
            [["question": "kinds", "answer": "Special; BSN"]],
            [["question": "origin", "answer": "Bought"]],
        ])
        let classification = try #require(document["result"]?["outcome"]?["classifications"]?.arrayValue?.first)
        #expect(classification["reasons"]?.arrayValue?.first?["answers"] == reasons[0]["answers"])
    }
}
