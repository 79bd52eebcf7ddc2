import Foundation
import GripEngine
import Testing
@testable import GripResults

struct ResultDiffTests {
    typealias Fixture = ComparisonFixture

    /// One answer change as a test expects it: kind, and which of answer / note /
    /// visibility changed.
    struct ExpectedAnswer: Equatable, CustomStringConvertible {
        var question: String
        var kind: AnswerChange.Kind
        var answer = false
        var note = false
        var visibility = false

        var description: String { "\(kind) \(question) answer:\(answer) note:\(note) visibility:\(visibility)" }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var old: @Sendable () throws -> JSONValue
        var new: @Sendable () throws -> JSONValue
        var answers: [ExpectedAnswer] = []
        /// Assessment id → old level → new level (nil: absent).
        var levels: [String: [String?]] = [:]
        var classifications: [String] = []
        var openPointsAdded: [String] = []
        var openPointsRemoved: [String] = []
        var subject: [ResultDiff.SubjectField] = []
        var differentSystem = false
        var comparable = true
        var language = false
        var empty = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "the same answers: nothing differs", old: { try Fixture.document() }, new: { try Fixture.document() }, empty: true),
        Case(
            name: "a changed answer hides the questions that depend on it and lowers nothing it should not",
            old: { try Fixture.document(Fixture.with(["kinds": .options(["special"])])) },
            new: { try Fixture.document(Fixture.with(["kinds": .options(["special"]), "personal": .no])) },
            answers: [
                ExpectedAnswer(question: "personal", kind: .changed, answer: true),
                ExpectedAnswer(question: "kinds", kind: .changed, visibility: true),
                ExpectedAnswer(question: "subjects", kind: .changed, visibility: true),
            ],
            levels: ["dpia": ["required", "not-needed"]], classifications: ["category"]),
        Case(
            name: "a note alone is a change of note, not of answer",
            old: { try Fixture.document() }, new: { try Fixture.document(notes: ["origin": "Zie het contract."]) },
            answers: [ExpectedAnswer(question: "origin", kind: .changed, note: true)]),
        Case(
            name: "added answers in the newer result's order, removed ones after them",
            old: { try Fixture.document(Fixture.with(["purpose": .text("Selectie")])) },
            new: { try Fixture.document(Fixture.with(["personal": .no, "kinds": nil, "subjects": nil, "origin": .option("bought")]), notes: ["kinds": "n.v.t."]) },
            answers: [
                ExpectedAnswer(question: "personal", kind: .changed, answer: true),
                // A note-only entry: the answer was taken back, the note stays.
                ExpectedAnswer(question: "kinds", kind: .changed, answer: true, note: true, visibility: true),
                ExpectedAnswer(question: "origin", kind: .changed, answer: true),
                ExpectedAnswer(question: "subjects", kind: .removed, answer: true),
                ExpectedAnswer(question: "purpose", kind: .removed, answer: true),
            ],
            levels: ["procurement": ["not-needed", "required"]]),
        Case(
            name: "an unknown number adds an open point and leaves the classification undecided",
            old: { try Fixture.document() }, new: { try Fixture.document(Fixture.with(["subjects": .unknown])) },
            answers: [ExpectedAnswer(question: "subjects", kind: .changed, answer: true)],
            levels: ["dpia": ["not-needed", "possibly-required"]], classifications: ["category"], openPointsAdded: ["dpia/large"]),
        Case(
            name: "resolving the unknown removes the open point",
            old: { try Fixture.document(Fixture.with(["subjects": .unknown])) }, new: { try Fixture.document(Fixture.with(["subjects": .number(20000)])) },
            answers: [ExpectedAnswer(question: "subjects", kind: .changed, answer: true)],
            levels: ["dpia": ["possibly-required", "required"]], classifications: ["category"], openPointsRemoved: ["dpia/large"]),
        Case(
            name: "another system name is flagged",
            old: { try Fixture.document() }, new: { try Fixture.document(subject: Subject(system: "Chatbot", organisation: "Gemeente", assessor: "Anna")) },
            subject: [.system], differentSystem: true),
        Case(
            name: "the same name in other capitals and spacing is a change, not another system",
            old: { try Fixture.document() }, new: { try Fixture.document(subject: Subject(system: " risicomodel ", organisation: "Gemeente", assessor: "Bert")) },
            subject: [.system, .assessor]),
        Case(
            name: "another language changes every text but no answer",
            old: { try Fixture.document() }, new: { try Fixture.document(language: .en) }, language: true),
        Case(
            name: "another questionnaire is not comparable; its answers and outcome are not listed",
            old: { try Fixture.document() },
            new: { try Fixture.document(Fixture.with(["origin": .option("bought")]), questionnaire: Fixture.questionnaire([("id: review-fixture", "id: other")])) },
            comparable: false),
    ]

    @Test(arguments: cases)
    func diff(_ test: Case) throws {
        let diff = ResultDiff(old: try test.old(), new: try test.new())
        let answers = diff.answers.map {
            ExpectedAnswer(question: $0.question, kind: $0.kind, answer: $0.answerChanged, note: $0.noteChanged, visibility: $0.visibilityChanged)
        }
        #expect(answers == test.answers)
        #expect(Dictionary(uniqueKeysWithValues: diff.outcome.assessments.map { ($0.id, [$0.old, $0.new]) }) == test.levels)
        #expect(diff.outcome.classifications.map(\.id) == test.classifications)
        #expect(diff.outcome.openPointsAdded.map { "\($0.assessment)/\($0.criterion)" } == test.openPointsAdded)
        #expect(diff.outcome.openPointsRemoved.map { "\($0.assessment)/\($0.criterion)" } == test.openPointsRemoved)
        #expect(diff.subject.map(\.field) == test.subject)
        #expect(diff.differentSystem == test.differentSystem)
        #expect(diff.isComparable == test.comparable)
        #expect((diff.language != nil) == test.language)
        #expect(diff.isEmpty == test.empty)
    }

    @Test func answersAreShownInWordsOldToNew() throws {
        let diff = ResultDiff(old: try Fixture.document(), new: try Fixture.document(Fixture.with(["kinds": .options(["special", "bsn"])])))
        let change = try #require(diff.answers.first)
        #expect(change.text == "Welke gegevens?")
        #expect(change.old?.answer == "BSN")
        #expect(change.new?.answer == "Bijzonder; BSN")
        let text = diff.text(language: .en)
        #expect(text.contains("  changed kinds: Welke gegevens?\n    answer: BSN → Bijzonder; BSN\n"), "\(text)")
        #expect(text.contains("  DPIA: not needed → required\n"), "\(text)")
        #expect(text.contains("  Categorie: C → A\n"), "\(text)")
        #expect(diff.text(language: .nl).contains("  DPIA: niet nodig → verplicht\n"))
    }

    @Test func anUndecidedClassificationShowsItsHeadline() throws {
        let diff = ResultDiff(old: try Fixture.document(), new: try Fixture.document(Fixture.with(["subjects": .unknown])))
        let change = try #require(diff.outcome.classifications.first)
        #expect(change.old == OutcomeDiff.ClassificationState(decided: true, category: "c", atLeast: nil, possible: [], headline: "C"))
        #expect(change.new?.decided == false)
        #expect(change.new?.atLeast == "c")
        #expect(change.new?.possible == ["b"])
        #expect(change.new?.headline.hasPrefix("Nog niet te bepalen") == true)
    }

    @Test func questionnaireVersionAndFileChangesAreReported() throws {
        let later = try Fixture.questionnaire([("version: 1.0.0", "version: 1.1.0")])
        let diff = ResultDiff(old: try Fixture.document(), new: try Fixture.document(questionnaire: later))
        #expect(diff.questionnaireVersion == ResultDiff.Change(old: "1.0.0", new: "1.1.0"))
        #expect(diff.questionnaireSHA256 != nil)
        #expect(diff.answers.isEmpty && diff.outcome.isEmpty)
        #expect(!diff.isEmpty)
        #expect(diff.text(language: .en).contains("Questionnaire:\n  version: 1.0.0 → 1.1.0\n"))
    }

    @Test func notComparableIsSaidFirst() throws {
        let other = try Fixture.questionnaire([("id: review-fixture", "id: other")])
        let text = ResultDiff(old: try Fixture.document(), new: try Fixture.document(questionnaire: other)).text(language: .en)
        #expect(text.hasPrefix("NOT COMPARABLE: the questionnaires differ (review-fixture → other)"), "\(text)")
        #expect(!text.contains("Answers:") && !text.contains("Outcome:"))
    }

    /// Hand-made files: members missing or of the wrong type, duplicate ids, non-objects.
    @Test(arguments: [
        #"{}"#, #"{"result": 5}"#, #"{"result": {"answers": "yes", "outcome": []}}"#,
        #"{"result": {"answers": [1, "x", null, {"question": 7}, {"value": "yes"}], "outcome": {"assessments": [{"level": "required"}, 3]}}}"#,
        #"{"result": {"subject": {"system": ["x"]}, "outcome": {"classifications": [{"id": "c", "possible": "all", "category": "a"}], "assessments": [{"id": "d", "openPoints": [{"text": "no criterion"}, 1]}]}}}"#,
    ])
    func oddDocumentsNeverCrash(_ json: String) throws {
        let odd = try StrictJSONParser.parse(Array(json.utf8))
        let real = try Fixture.document()
        for diff in [ResultDiff(old: odd, new: real), ResultDiff(old: real, new: odd), ResultDiff(old: odd, new: odd)] {
            _ = diff.text(language: .nl)
            _ = PrettyJSON.bytes(diff.json)
        }
        #expect(ResultDiff(old: odd, new: odd).answers.isEmpty)
    }

    @Test func aQuestionAnsweredTwiceInAHandMadeFileCountsOnce() throws {
        let old = try StrictJSONParser.parse(Array(#"{"result": {"answers": [{"question": "a", "value": "yes"}, {"question": "a", "value": "no"}]}}"#.utf8))
        let new = try StrictJSONParser.parse(Array(#"{"result": {"answers": [{"question": "a", "value": "yes"}]}}"#.utf8))
        #expect(ResultDiff(old: old, new: new).answers.isEmpty)
    }

    /// Ids compare by their exact characters, as signatures do: a Kelvin sign is not a K.
    @Test func idsCompareExactly() throws {
        let old = try StrictJSONParser.parse(Array(#"{"result": {"answers": [{"question": "K", "value": "yes"}]}}"#.utf8))
        let new = try StrictJSONParser.parse(Array(#"{"result": {"answers": [{"question": "\u212a", "value": "yes"}]}}"#.utf8))
        #expect(ResultDiff(old: old, new: new).answers.map(\.kind) == [.added, .removed])
    }

    @Test func manyAnswersAreComparedInLinearTime() throws {
        func document(_ count: Int, flip: Bool) -> JSONValue {
            let answers = (0..<count).map { index -> JSONValue in
                ["question": .string("q\(index)"), "value": .string(flip && index % 2 == 0 ? "no" : "yes")]
            }
            return ["result": ["answers": .array(answers)]]
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(ResultDiff(old: document(50_000, flip: false), new: document(50_000, flip: true)).answers.count == 25_000)
        }
        #expect(elapsed < .seconds(10), "quadratic comparison: \(elapsed)")
    }

    @Test func hostileTextsComeOutEscapedOnOneLine() throws {
        let hostile = "Nee\u{1B}[2J\nDPIA: niet nodig\u{202E}"
        let old = try Fixture.document(Fixture.with(["purpose": .text("x")]))
        let new = try Fixture.document(
            Fixture.with(["purpose": .text(hostile)]), notes: ["origin": hostile], subject: Subject(system: "Risico\u{1B}]52;c;SGk=\u{07}model"))
        let text = ResultDiff(old: old, new: new).text(language: .nl)
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }, "\(text)")
        #expect(text.contains("    answer: x → Nee\\e[2J\\nDPIA: niet nodig\\u{202E}\n"), "\(text)")
        #expect(text.contains("system: Risicomodel → Risico\\e]52;c;SGk=\\u{7}model"), "\(text)")
    }

    @Test func jsonHasEveryMemberAlways() throws {
        let json = ResultDiff(old: try Fixture.document(), new: try Fixture.document()).json
        let keys = try #require(json.objectValue).map(\.key)
        #expect(Set(keys) == ["comparable", "differentSystem", "completedAt", "subject", "questionnaire", "language", "answers", "outcome"])
        #expect(json["questionnaire"]?["version"] == .null)
        #expect(json["outcome"]?["changed"] == .bool(false))
    }
}
