import Foundation
import GripEngine
import Testing
@testable import GripScoring

/// Every reason names the answers its criterion read: given answers only (shown,
/// "weet ik niet" included), never hidden or absent ones, in questionnaire order.
struct ReasonAnswersTests {
    static let conditional = """
        id: conditional
        version: 1.0.0
        title: {nl: C, en: C}
        description: {nl: x, en: x}
        sections:
          - id: s
            title: {nl: S, en: S}
            questions:
              - {id: first, type: yes_no_unknown, text: {nl: Eerste vraag?, en: First question?}, help: {nl: h, en: h}}
              - {id: second, type: yes_no, when: first == yes, text: {nl: Tweede?, en: Second?}, help: {nl: h, en: h}}
              - {id: third, type: yes_no, required: false, text: {nl: Derde?, en: Third?}, help: {nl: h, en: h}}
        outcomes:
          criteria:
            - {id: either, when: "first == no or second == yes or third == yes", text: {nl: E, en: E}}
            - {id: doubt, when: unknown(first), text: {nl: T, en: T}}
          assessments:
            - {id: a, title: {nl: A, en: A}, required: [either, doubt]}
        """

    static func answers(_ reason: Reason) -> [String] {
        reason.answers.map { "\($0.question)=\($0.answer.nl)/\($0.answer.en)" }
    }

    @Test func aReasonNamesTheAnswersItReadThroughScoresAndOtherCriteria() throws {
        // 'risky' reads the score 'risk': kinds (weights), subjects (a threshold) and,
        // through the criterion 'many_edpb', edpb.
        let outcome = Scorer.outcome(for: try session(ScorerTests.with(["kinds": .options(["special", "bsn"]), "subjects": .unknown])))
        let reason = try #require(outcome.assessments[0].reasons.first { $0.criterion == "risky" })
        #expect(Self.answers(reason) == ["kinds=Bijzonder; BSN/Special; BSN", "edpb=Geen/None", "subjects=Weet ik niet/I don't know"])
        #expect(reason.answers.first?.questionText.nl == "b")
        // Classification reasons carry them too.
        #expect(Self.answers(outcome.classifications[0].reasons[0]) == Self.answers(reason))
        let law = Scorer.outcome(for: try session(ScorerTests.with(["new_law": .yes]))).assessments[0].reasons[0]
        #expect(Self.answers(law) == ["new_law=Ja/Yes"])
    }

    @Test func hiddenAndAbsentAnswersAreNotNamed() throws {
        var session = Session(questionnaire: try loadFixture(Self.conditional))
        #expect(session.setAnswer(.yes, for: "first") == .ok)
        #expect(session.setAnswer(.yes, for: "second") == .ok)
        // 'second' is kept but hidden once 'first' is no; 'third' was never answered.
        #expect(session.setAnswer(.no, for: "first") == .ok)
        #expect(!session.isVisible(1))
        let reasons = Scorer.outcome(for: session).assessments[0].reasons
        #expect(reasons.map(\.criterion) == ["either"])
        #expect(Self.answers(reasons[0]) == ["first=Nee/No"])
    }

    @Test func weetIkNietThatMakesACriterionHoldIsNamed() throws {
        var session = Session(questionnaire: try loadFixture(Self.conditional))
        #expect(session.setAnswer(.unknown, for: "first") == .ok)
        #expect(session.setAnswer(.yes, for: "third") == .ok)
        let reasons = Scorer.outcome(for: session).assessments[0].reasons
        #expect(reasons.map(\.criterion) == ["either", "doubt"])
        #expect(Self.answers(reasons[0]) == ["first=Weet ik niet/I don't know", "third=Ja/Yes"])
        #expect(Self.answers(reasons[1]) == ["first=Weet ik niet/I don't know"])
    }

    @Test func whileAnsweringOnlyGivenAnswersAreNamedNotTheOnesStillOpen() throws {
        var partial = Session(questionnaire: try loadFixture(Self.conditional))
        #expect(partial.setAnswer(.yes, for: "third") == .ok)
        // 'first' and 'second' read as "weet ik niet" provisionally, but nobody said so.
        let outcome = Scorer.outcome(for: partial.questionnaire, answers: ProvisionalAnswers(session: partial))
        let reason = try #require(outcome.assessments[0].reasons.first)
        #expect(Self.answers(reason) == ["third=Ja/Yes"])
        #expect(partial.setAnswer(.unknown, for: "first") == .ok)
        let doubt = Scorer.outcome(for: partial.questionnaire, answers: ProvisionalAnswers(session: partial)).assessments[0].reasons
        #expect(doubt.map { Self.answers($0) } == [["first=Weet ik niet/I don't know", "third=Ja/Yes"], ["first=Weet ik niet/I don't know"]])
    }

    func loadFixture(_ yaml: String) throws -> Questionnaire {
        let report = QuestionnaireLoader.load(Data(yaml.utf8), file: "conditional.yaml")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
        return try #require(report.questionnaire)
    }
}
