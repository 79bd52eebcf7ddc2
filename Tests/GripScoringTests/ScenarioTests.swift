import Foundation
import GripBundled
import GripEngine
import Testing
import Yams
@testable import GripScoring

/// The bundled instruments' outcome rules, case by case, from `Scenarios/<id>.yaml`:
/// every level of every assessment must be reached, and every case is a complete,
/// valid set of answers.
struct ScenarioTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scenarios")

    static let bundled: [Questionnaire] = BundledQuestionnaires.files.compactMap {
        QuestionnaireLoader.load($0.contents, file: $0.name).questionnaire
    }

    static var instruments: [String] { bundled.filter { !$0.outcomes.assessments.isEmpty }.map(\.id) }

    struct Case {
        var name: String
        var answers: [String: Any]
        var levels: [String: String]
        var warnings: Set<String>
        var classifications: [String: String]?
    }

    static func cases(_ id: String) throws -> [Case] {
        let text = try String(contentsOf: directory.appendingPathComponent("\(id).yaml"), encoding: .utf8)
        let root = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(root["questionnaire"] as? String == id)
        let items = try #require(root["cases"] as? [[String: Any]])
        return try items.map { item in
            Case(
                name: try #require(item["name"] as? String),
                answers: item["answers"] as? [String: Any] ?? [:],
                levels: try #require(item["levels"] as? [String: String]),
                warnings: Set(item["warnings"] as? [String] ?? []),
                classifications: item["classifications"] as? [String: String])
        }
    }

    /// How a scenario names a classification: the category id, `none`, or, while a
    /// stronger category is undecided, `possibly:<strongest possible id>`.
    static func expectation(_ classification: ClassificationOutcome) -> String {
        if let strongest = classification.possible.first { return "possibly:" + strongest.id }
        return classification.category?.id ?? "none"
    }

    /// An answer from plain YAML, read the way its question needs it.
    static func value(_ raw: Any, for question: Question) -> AnswerValue? {
        switch raw {
        case let flag as Bool: return flag ? .yes : .no
        case let number as Int: return .number(number)
        case let list as [Any]: return .options(list.map { "\($0)" })
        case let text as String:
            switch (question.type, text) {
            case (_, "unknown"): return .unknown
            case (.yesNo, "yes"), (.yesNoUnknown, "yes"): return .yes
            case (.yesNo, "no"), (.yesNoUnknown, "no"): return .no
            case (.single, _): return .option(text)
            case (.text, _): return .text(text)
            default: return nil
            }
        default: return nil
        }
    }

    @Test(arguments: instruments)
    func everyCaseScoresAsExpected(_ id: String) throws {
        let questionnaire = try #require(Self.bundled.first { $0.id == id })
        let cases = try Self.cases(id)
        #expect(!cases.isEmpty)
        for testCase in cases {
            var session = Session(questionnaire: questionnaire)
            // File order, as a person answers, so conditions see earlier answers.
            for (index, question) in questionnaire.questions.enumerated() {
                guard let raw = testCase.answers[question.id] else { continue }
                let value = try #require(Self.value(raw, for: question), "\(testCase.name): \(question.id) = \(raw)")
                let result = session.setAnswer(value, at: index)
                #expect(result == .ok, "\(testCase.name): \(question.id): \(result)")
            }
            for key in testCase.answers.keys where questionnaire.index(of: key) == nil {
                Issue.record("\(testCase.name): no question '\(key)' in \(id)")
            }
            for key in testCase.answers.keys {
                if let index = questionnaire.index(of: key), !session.isVisible(index) {
                    Issue.record("\(testCase.name): '\(key)' is answered but hidden")
                }
            }
            #expect(session.missingRequired.isEmpty, "\(testCase.name): unanswered \(session.missingRequired.map { questionnaire.questions[$0].id })")

            let outcome = Scorer.outcome(for: session)
            #expect(Set(testCase.levels.keys) == Set(outcome.assessments.map(\.id)), "\(testCase.name): levels must name every assessment")
            for assessment in outcome.assessments {
                #expect(testCase.levels[assessment.id] == assessment.level.rawValue, "\(testCase.name): \(assessment.id)")
            }
            #expect(Set(outcome.warnings.map(\.id)) == testCase.warnings, "\(testCase.name): warnings")
            for (classification, category) in testCase.classifications ?? [:] {
                let found = outcome.classifications.first { $0.id == classification }
                #expect(found != nil, "\(testCase.name): no classification \(classification)")
                #expect(found.map(Self.expectation) == category, "\(testCase.name): \(classification)")
            }
        }
    }

    /// Each level an assessment has criteria for, "not needed", and "possibly required"
    /// where a required criterion can be undecided, is reached by some case.
    @Test(arguments: instruments)
    func everyLevelOfEveryAssessmentIsReached(_ id: String) throws {
        let questionnaire = try #require(Self.bundled.first { $0.id == id })
        let cases = try Self.cases(id)
        let rules = questionnaire.outcomes
        for assessment in rules.assessments {
            // A criterion that reads no answer (`when: "true"`) always holds: such an
            // assessment (duties that apply to every system) is never "not needed".
            let always = assessment.criteria.values.joined().contains { rules.criteria[$0].questions.isEmpty }
            var reachable: Set<AssessmentLevel> = always ? [] : [.notNeeded]
            for (level, criteria) in assessment.criteria where !criteria.isEmpty { reachable.insert(level) }
            let required = assessment.criteria[.required] ?? []
            if required.contains(where: { rules.criteria[$0].questions.contains { questionnaire.questions[$0].allowsUnknown } }) {
                reachable.insert(.possiblyRequired)
            }
            let reached = Set(cases.compactMap { $0.levels[assessment.id] }.compactMap(AssessmentLevel.init(rawValue:)))
            #expect(reachable.isSubset(of: reached), "\(id).\(assessment.id): never reaches \(reachable.subtracting(reached).map(\.rawValue).sorted())")
        }
    }

    /// A case's answers in a session, in file order as a person answers.
    static func session(_ testCase: Case, _ questionnaire: Questionnaire) -> Session {
        var session = Session(questionnaire: questionnaire)
        for (index, question) in questionnaire.questions.enumerated() {
            guard let raw = testCase.answers[question.id], let value = value(raw, for: question) else { continue }
            _ = session.setAnswer(value, at: index)
        }
        return session
    }

    /// The follow-up instruments never come out lower than the quickscan on the same facts:
    /// for every quickscan case, each instrument prefilled from it (everything else left
    /// unanswered) reaches at least the quickscan's level for every assessment they share.
    @Test(arguments: ["dpia-lite", "iama-lite", "ai-act", "procurement"])
    func aPrefilledFollowUpIsNeverLessStrictThanTheQuickscan(_ followUp: String) throws {
        let quickscan = try #require(Self.bundled.first { $0.id == "quickscan" })
        let target = try #require(Self.bundled.first { $0.id == followUp })
        let shared = Set(quickscan.outcomes.assessments.map(\.id)).intersection(target.outcomes.assessments.map(\.id))
        for testCase in try Self.cases("quickscan") {
            let source = Self.session(testCase, quickscan)
            let before = Scorer.outcome(for: source)
            var session = Session(questionnaire: target)
            session.applyPrefill(from: source)
            let after = Scorer.outcome(for: session)
            for id in shared.sorted() {
                let expected = try #require(before.assessments.first { $0.id == id }?.level)
                let reached = try #require(after.assessments.first { $0.id == id }?.level)
                #expect(reached >= expected, "\(testCase.name): \(followUp).\(id) is \(reached.rawValue), the quickscan says \(expected.rawValue)")
            }
        }
    }

    @Test func everyInstrumentNamedAsANextStepIsBundled() {
        let ids = Set(Self.bundled.map(\.id))
        for questionnaire in Self.bundled {
            for assessment in questionnaire.outcomes.assessments {
                if let instrument = assessment.instrument {
                    #expect(ids.contains(instrument), "\(questionnaire.id).\(assessment.id) points to '\(instrument)'")
                }
            }
            #expect(Prefill.diagnostics(for: questionnaire, sources: Self.bundled).isEmpty, "\(questionnaire.id) prefill")
        }
    }
}
