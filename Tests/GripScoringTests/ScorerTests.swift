import Foundation
import GripEngine
import Testing
@testable import GripScoring

/// A small DPIA-like rule set that exercises every construct of the outcome rules.
let rulesFixture = """
    id: fixture
    version: 1.0.0
    title: {nl: Fixture, en: Fixture}
    description: {nl: x, en: x}
    sections:
      - id: s
        title: {nl: S, en: S}
        questions:
          - {id: new_law, type: yes_no, text: {nl: a, en: a}, help: {nl: h, en: h}}
          - id: kinds
            type: multi
            allow_unknown: true
            text: {nl: b, en: b}
            help: {nl: h, en: h}
            options:
              - {id: special, label: {nl: Bijzonder, en: Special}}
              - {id: bsn, label: {nl: BSN, en: BSN}}
              - {id: none, label: {nl: Geen, en: None}, exclusive: true}
          - id: edpb
            type: multi
            allow_unknown: true
            text: {nl: c, en: c}
            help: {nl: h, en: h}
            options:
              - {id: a, label: {nl: A, en: A}}
              - {id: b, label: {nl: B, en: B}}
              - {id: none, label: {nl: Geen, en: None}, exclusive: true}
          - {id: subjects, type: number, allow_unknown: true, text: {nl: d, en: d}, help: {nl: h, en: h}}
          - id: claim
            type: single
            text: {nl: e, en: e}
            help: {nl: h, en: h}
            options:
              - {id: minimal, label: {nl: Minimaal, en: Minimal}}
              - {id: high, label: {nl: Hoog, en: High}}
    outcomes:
      scores:
        - id: risk
          title: {nl: Risicoscore, en: Risk score}
          terms:
            - {question: kinds, weights: {special: 2, bsn: 1}}
            - {when: "subjects >= 10000", points: 1}
            - {when: many_edpb}
        - id: edpb_count
          terms:
            - value: count(edpb)
      criteria:
        - {id: law, when: new_law, text: {nl: Nieuwe wet., en: New law.}, sources: [{title: {nl: AVG, en: GDPR}, article: Art. 35(10)}]}
        - {id: risky, when: risk > 2, text: {nl: Risico boven 2., en: Risk above 2.}}
        - {id: many_edpb, when: edpb_count >= 2, text: {nl: Twee of meer., en: Two or more.}}
        - {id: one_edpb, when: edpb_count == 1, text: {nl: Precies een., en: Exactly one.}}
        - {id: claims_minimal_with_special, when: "claim == 'minimal' and 'special' in kinds", text: {nl: x, en: x}}
      assessments:
        - id: dpia
          title: {nl: DPIA, en: DPIA}
          instrument: dpia-lite
          required: [law, risky, many_edpb]
          recommended: [one_edpb]
          not_needed: {nl: Geen criterium., en: No criterion.}
      classifications:
        - id: category
          title: {nl: Categorie, en: Category}
          categories:
            - {id: a, title: {nl: A, en: A}, when: [law]}
            - {id: b, title: {nl: B, en: B}, when: [risky]}
            - {id: c, title: {nl: C, en: C}}
      dimensions:
        - {id: privacy, title: {nl: Privacy, en: Privacy}, value: risk, max: 3}
      warnings:
        - {id: contradiction, when: claims_minimal_with_special, text: {nl: Tegenstrijdig., en: Contradictory.}}
    """

func fixture() throws -> Questionnaire {
    let report = QuestionnaireLoader.load(Data(rulesFixture.utf8), file: "fixture.yaml")
    guard let questionnaire = report.questionnaire else {
        throw DiagnosticsError(report.diagnostics)
    }
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
    return questionnaire
}

func session(_ answers: [String: AnswerValue]) throws -> Session {
    var session = Session(questionnaire: try fixture())
    for (id, value) in answers.sorted(by: { $0.key < $1.key }) {
        let result = session.setAnswer(value, for: id)
        #expect(result == .ok, "\(id): \(result)")
    }
    return session
}

struct ScorerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var answers: [String: AnswerValue]
        var level: AssessmentLevel
        var reasons: [String] = []
        var openPoints: [String: [String]] = [:]
        var risk: RangedNumber
        var testDescription: String { name }
    }

    static let base: [String: AnswerValue] = [
        "new_law": .no, "kinds": .options(["none"]), "edpb": .options(["none"]), "subjects": .number(10), "claim": .option("high"),
    ]

    static func with(_ changes: [String: AnswerValue]) -> [String: AnswerValue] { base.merging(changes) { $1 } }

    static let cases: [Case] = [
        Case(name: "nothing applies", answers: base, level: .notNeeded, risk: .exact(0)),
        Case(name: "new legislation alone is enough", answers: with(["new_law": .yes]), level: .required, reasons: ["law"], risk: .exact(0)),
        Case(name: "exactly one EDPB criterion: recommended", answers: with(["edpb": .options(["a"])]), level: .recommended, reasons: ["one_edpb"], risk: .exact(0)),
        Case(name: "two EDPB criteria: required, and the score counts them", answers: with(["edpb": .options(["a", "b"])]),
             level: .required, reasons: ["many_edpb"], risk: .exact(1)),
        Case(name: "risk at the boundary (2) is not above 2", answers: with(["kinds": .options(["special"])]), level: .notNeeded, risk: .exact(2)),
        Case(name: "risk one above the boundary (3)", answers: with(["kinds": .options(["special", "bsn"])]), level: .required, reasons: ["risky"], risk: .exact(3)),
        Case(name: "weighted options plus a threshold term", answers: with(["kinds": .options(["special"]), "subjects": .number(10_000)]),
             level: .required, reasons: ["risky"], risk: .exact(3)),
        Case(name: "unknown data kinds make the risk a range and the DPIA possibly required",
             answers: with(["kinds": .unknown]), level: .possiblyRequired, openPoints: ["risky": ["kinds"]], risk: .between(0, 3)),
        Case(name: "an unknown that cannot reach the boundary decides nothing",
             answers: with(["kinds": .options(["bsn"]), "subjects": .unknown]), level: .notNeeded, risk: .between(1, 2)),
        Case(name: "unknown never lowers: a definite reason stays, the open point stays visible",
             answers: with(["edpb": .options(["a"]), "kinds": .unknown]), level: .possiblyRequired, reasons: ["one_edpb"],
             openPoints: ["risky": ["kinds"]], risk: .between(0, 3)),
        Case(name: "required settles it: no open points once a required criterion holds",
             answers: with(["new_law": .yes, "kinds": .unknown]), level: .required, reasons: ["law"], risk: .between(0, 3)),
        Case(name: "unknown EDPB answer leaves both EDPB rules open",
             answers: with(["edpb": .unknown]), level: .possiblyRequired,
             openPoints: ["many_edpb": ["edpb"], "one_edpb": ["edpb"]], risk: .between(0, 1)),
    ]

    @Test(arguments: cases)
    func levels(_ testCase: Case) throws {
        let outcome = Scorer.outcome(for: try session(testCase.answers))
        let dpia = try #require(outcome.assessments.first)
        #expect(dpia.level == testCase.level)
        #expect(dpia.reasons.map(\.criterion) == testCase.reasons)
        #expect(Dictionary(uniqueKeysWithValues: dpia.openPoints.map { ($0.criterion, $0.questions) }) == testCase.openPoints)
        #expect(outcome.scores.first { $0.id == "risk" }?.value == testCase.risk)
        #expect(dpia.isSettled == testCase.openPoints.isEmpty)
        #expect((dpia.rationale != nil) == (testCase.level == .notNeeded))
    }

    @Test func reasonsCarryTheirSourcesAndTheNextInstrumentIsNamed() throws {
        let outcome = Scorer.outcome(for: try session(Self.with(["new_law": .yes])))
        #expect(outcome.assessments[0].reasons[0].sources.map(\.article) == ["Art. 35(10)"])
        #expect(outcome.nextInstruments == ["dpia-lite"])
        #expect(Scorer.outcome(for: try session(Self.base)).nextInstruments.isEmpty)
    }

    @Test func classificationTakesTheFirstCategoryThatHoldsAndNamesPossibleStrongerOnes() throws {
        let plain = Scorer.outcome(for: try session(Self.base)).classifications[0]
        #expect(plain.category?.id == "c")
        #expect(plain.possible.isEmpty)
        let risky = Scorer.outcome(for: try session(Self.with(["kinds": .options(["special", "bsn"])]))).classifications[0]
        #expect(risky.category?.id == "b")
        #expect(risky.reasons.map(\.criterion) == ["risky"])
        // A stronger category still undecided: the headline is never the weaker one.
        let unsure = Scorer.outcome(for: try session(Self.with(["kinds": .unknown]))).classifications[0]
        #expect(unsure.category == nil)
        #expect(unsure.atLeast?.id == "c")
        #expect(!unsure.isDecided)
        #expect(unsure.possible.map(\.id) == ["b"])
        #expect(unsure.headline.nl == "Nog niet te bepalen — mogelijk B")
        #expect(unsure.headline.en == "Not yet decided — possibly B")
        #expect(plain.headline.nl == "C")
    }

    @Test(arguments: [("Hoog risico", "hoog risico"), ("AI-systeem", "AI-systeem"), ("GPAI", "GPAI"), ("Bijlage III", "bijlage III"), ("x", "x")])
    func undecidedHeadlinesReadAsASentence(_ title: String, _ expected: String) {
        #expect(ClassificationOutcome.lowercasedFirstWord(title) == expected)
    }

    @Test func dimensionsAreClampedAndTakeTheUpperBoundWhenUnsure() throws {
        let exact = Scorer.outcome(for: try session(Self.with(["kinds": .options(["special"])]))).dimensions[0]
        #expect((exact.value, exact.lowest, exact.maximum) == (2, 2, 3))
        let capped = Scorer.outcome(for: try session(Self.with(["kinds": .options(["special", "bsn"]), "subjects": .number(20_000), "edpb": .options(["a", "b"])]))).dimensions[0]
        #expect((capped.value, capped.lowest) == (3, 3))
        let unsure = Scorer.outcome(for: try session(Self.with(["kinds": .unknown]))).dimensions[0]
        #expect((unsure.value, unsure.lowest) == (3, 0))
    }

    @Test func contradictionsAreWarnedAbout() throws {
        #expect(Scorer.outcome(for: try session(Self.with(["claim": .option("minimal"), "kinds": .options(["special"])]))).warnings.map(\.id) == ["contradiction"])
        #expect(Scorer.outcome(for: try session(Self.with(["claim": .option("minimal")]))).warnings.isEmpty)
    }

    @Test func provisionalAnswersShowWhatIsAlreadySettled() throws {
        var partial = Session(questionnaire: try fixture())
        #expect(partial.setAnswer(.yes, for: "new_law") == .ok)
        let settled = Scorer.outcome(for: partial.questionnaire, answers: ProvisionalAnswers(session: partial))
        #expect(settled.assessments[0].level == .required)
        #expect(settled.assessments[0].isSettled)

        var open = Session(questionnaire: try fixture())
        #expect(open.setAnswer(.no, for: "new_law") == .ok)
        let provisional = Scorer.outcome(for: open.questionnaire, answers: ProvisionalAnswers(session: open))
        #expect(provisional.assessments[0].level == .possiblyRequired)
        #expect(!provisional.assessments[0].isSettled)
        // Read as finished, the unanswered questions are absent and nothing holds.
        #expect(Scorer.outcome(for: open).assessments[0].level == .notNeeded)
    }
}
