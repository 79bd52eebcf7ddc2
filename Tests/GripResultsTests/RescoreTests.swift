import Foundation
import GripBundled
import GripEngine
import GripScoring
import Testing
@testable import GripResults

struct RescoreTests {
    typealias Fixture = ComparisonFixture

    static let inHouseOption = "          - {id: in_house, label: {nl: Zelf gemaakt, en: In-house}}\n"
    /// The in-house option replaced by two finer ones.
    static let optionsSplit = [
        newVersion,
        (inHouseOption, "          - {id: own_staff, label: {nl: Eigen mensen, en: Own staff}}\n          - {id: hired, label: {nl: Ingehuurd, en: Hired}}\n"),
    ]
    static let purposeQuestion = "      - {id: purpose, type: text, required: false, text: {nl: Doel?, en: Purpose?}, help: {nl: h, en: h}}\n"
    static let dpiaCriteria = "required: [special, large]"
    static let newVersion = ("version: 1.0.0", "version: 1.1.0")

    /// A new question after `purpose`, with a criterion on it that makes a DPIA required.
    static func automatedQuestion(required: Bool) -> [(String, String)] {
        [
            newVersion,
            (purposeQuestion, purposeQuestion + "      - {id: automated, type: yes_no, required: \(required), text: {nl: Automatisch?, en: Automated?}, help: {nl: h, en: h}}\n"),
            ("  criteria:\n", "  criteria:\n    - {id: auto, when: automated, text: {nl: Automatisch., en: Automated.}}\n"),
            (dpiaCriteria, "required: [special, large, auto]"),
        ]
    }

    enum RejectedAs: Equatable, Sendable {
        case removed
        case refused(AnswerProblem)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var answers: [String: AnswerValue] = Fixture.base
        var edits: [(String, String)] = []
        var sameFile = false
        /// Assessment id → recorded level → level now.
        var levels: [String: [String?]] = [:]
        var classifications: [String] = []
        var openPointsAdded: [String] = []
        var unanswered: [String] = []
        var rejected: [String: RejectedAs] = [:]
        var empty = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "the same file: nothing changes", sameFile: true, empty: true),
        Case(name: "a reworded new version: nothing changes", edits: [newVersion, ("Herkomst?", "Waar komt het vandaan?")], empty: true),
        Case(
            name: "a removed option refuses the answer; the question reads as don't know and raises the level",
            answers: Fixture.with(["origin": .option("in_house")]), edits: optionsSplit,
            levels: ["procurement": ["not-needed", "possibly-required"]], openPointsAdded: ["procurement/bought"], unanswered: ["origin"],
            rejected: ["origin": .refused(.notAnOption("in_house", valid: ["bought", "own_staff", "hired"]))]),
        Case(
            name: "a changed type refuses the stored answer",
            answers: Fixture.with(["purpose": .text("Selectie")]),
            edits: [newVersion, ("{id: purpose, type: text,", "{id: purpose, type: yes_no,")],
            rejected: ["purpose": .refused(.wrongType(expected: .yesNo))]),
        Case(
            name: "a removed question refuses its answer",
            answers: Fixture.with(["purpose": .text("Selectie")]), edits: [newVersion, (purposeQuestion, "")],
            rejected: ["purpose": .removed]),
        Case(
            name: "a new required question becomes an open point and never lowers the outcome",
            edits: automatedQuestion(required: true),
            levels: ["dpia": ["not-needed", "possibly-required"]], openPointsAdded: ["dpia/auto"], unanswered: ["automated"]),
        Case(name: "a new optional question left open changes nothing", edits: automatedQuestion(required: false), empty: true),
        Case(
            name: "a stricter criterion raises the level and the classification",
            edits: [newVersion, ("subjects >= 10000", "subjects >= 100")],
            levels: ["dpia": ["not-needed", "required"]], classifications: ["category"]),
        Case(
            name: "a hidden answer did not count and is not replayed when its question is shown now",
            answers: Fixture.with(["personal": .no, "kinds": .options(["special"]), "subjects": nil]),
            edits: [newVersion, ("        when: personal\n", "")],
            levels: ["dpia": ["not-needed", "possibly-required"]], classifications: ["category"], openPointsAdded: ["dpia/special"],
            unanswered: ["kinds"]),
    ]

    @Test(arguments: cases)
    func rescore(_ test: Case) throws {
        let document = try Fixture.document(test.answers)
        let questionnaire = try Fixture.questionnaire(test.edits)
        let rescore = try Rescore(document: document, questionnaire: questionnaire)
        #expect(rescore.sameFile == test.sameFile)
        #expect(rescore.version.old == "1.0.0")
        #expect(rescore.version.new == questionnaire.version)
        #expect(Dictionary(uniqueKeysWithValues: rescore.outcome.assessments.map { ($0.id, [$0.old, $0.new]) }) == test.levels)
        #expect(rescore.outcome.classifications.map(\.id) == test.classifications)
        #expect(rescore.outcome.openPointsAdded.map { "\($0.assessment)/\($0.criterion)" } == test.openPointsAdded)
        #expect(rescore.outcome.openPointsRemoved.isEmpty)
        #expect(rescore.unanswered.map(\.question) == test.unanswered)
        let rejected = rescore.rejected.map { item -> (String, RejectedAs) in
            switch item.reason {
            case .questionRemoved: (item.entry.question, .removed)
            case .notAccepted(let problem): (item.entry.question, .refused(problem))
            }
        }
        #expect(Dictionary(uniqueKeysWithValues: rejected) == test.rejected)
        #expect(rescore.changesOutcome == !(test.levels.isEmpty && test.classifications.isEmpty && test.openPointsAdded.isEmpty))
        #expect(rescore.isEmpty == test.empty)
        #expect(Rescore.outcomeChanges(result: document, questionnaire: questionnaire) == rescore.changesOutcome)
    }

    /// Every example answers file, made into a result with its bundled questionnaire and
    /// rescored with the same file: the recorded outcome comes back exactly.
    @Test func everyExampleRescoresToItsOwnOutcome() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = root.appendingPathComponent("Examples/answers")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count > 10)
        for name in names {
            let file = try AnswersFile.parse(try Data(contentsOf: directory.appendingPathComponent(name)), file: name).get()
            let id = try #require(file.questionnaireID, "\(name) names its questionnaire")
            let bundled = try #require(BundledQuestionnaires.files.first { $0.name == "\(id).yaml" })
            let questionnaire = try #require(QuestionnaireLoader.load(bundled.contents, file: bundled.name).questionnaire)
            var session = Session(questionnaire: questionnaire)
            _ = file.apply(to: &session)
            for language in Language.allCases {
                let result = ResultDocument.result(
                    for: session, outcome: Scorer.outcome(for: session), id: UUID(), language: language, startedAt: Date(), completedAt: Date())
                let rescore = try Rescore(document: ["result": result], questionnaire: questionnaire)
                #expect(rescore.sameFile, "\(name)")
                #expect(rescore.isEmpty, "\(name) \(language): \(rescore.text(language: language))")
                #expect(rescore.current == Scorer.outcome(for: session), "\(name)")
            }
        }
    }

    @Test func aResultOfAnotherQuestionnaireIsRefused() throws {
        let other = try Fixture.questionnaire([("id: review-fixture", "id: other")])
        #expect(throws: Rescore.Problem.otherQuestionnaire(result: "review-fixture", given: "other")) {
            try Rescore(document: try Fixture.document(), questionnaire: other)
        }
        #expect(throws: Rescore.Problem.noQuestionnaire) { try Rescore(document: ["result": ["answers": []]], questionnaire: other) }
        #expect(Rescore.outcomeChanges(result: try Fixture.document(), questionnaire: other) == nil)
    }

    @Test func theTextSaysWhatChangesAndEscapesTheResultsTexts() throws {
        let hostile = "in_house\u{1B}[1A\u{202E}"
        // The stored answer text of origin, as a hand-made (or hand-signed) file could have it.
        let document = Fixture.replacing(in: try Fixture.document(), question: "origin", member: "answerText", with: .string(hostile))
        let rescore = try Rescore(document: document, questionnaire: try Fixture.questionnaire(Self.optionsSplit))
        let text = rescore.text(language: .en)
        #expect(text.hasPrefix("Questionnaire review-fixture: 1.0.0 in the result → 1.1.0 now\nOutcome:\n  Inkoopcheck: not needed → possibly required\n"), "\(text)")
        #expect(text.contains("Questions the result does not answer (new or now required; read as \"don't know\"):\n  origin: Herkomst?\n"), "\(text)")
        #expect(text.contains("  origin: Herkomst?\n    answer: in_house\\e[1A\\u{202E} — ‘in_house’ is not one of the options; choose from: bought, own_staff, hired.\n"), "\(text)")
        #expect(text.hasSuffix("The outcome changes.\n"))
        let edited = try Rescore(document: try Fixture.document(), questionnaire: try Fixture.questionnaire([("Herkomst?", "Waar vandaan?")]))
        #expect(edited.text(language: .nl).hasPrefix("Questionnaire review-fixture 1.0.0: not the file the result was made with, although the version is the same\n"))
        let same = try Rescore(document: try Fixture.document(), questionnaire: try Fixture.questionnaire()).text(language: .nl)
        #expect(same == "Questionnaire review-fixture 1.0.0: the same file the result was made with\nOutcome: no change\nNo change: the current questionnaire gives the same outcome.\n")
    }
}
