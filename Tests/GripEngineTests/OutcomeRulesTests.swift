import Foundation
import Testing
@testable import GripEngine

/// Loading the `outcomes` and `prefill` parts: each mistake at its line and column.
struct OutcomeRulesTests {
    /// A questionnaire with questions `a` (yes_no) and `k` (multi with a/b/none), then `tail`.
    static func yaml(_ tail: String) -> String {
        questionnaireYAML(qs(q("a", "yes_no"), q("k", "multi", choices))) + "\n" + tail
    }

    static let valid = """
        outcomes:
          scores:
            - {id: s, terms: [{question: k, weights: {a: 2}}, {when: a, points: 3}]}
          criteria:
            - {id: c1, when: s > 2, text: {nl: x, en: x}}
          assessments:
            - {id: dpia, title: {nl: D, en: D}, required: [c1]}
        """

    @Test func validRulesLoadInDependencyOrder() throws {
        #expect(diagnostics(Self.yaml(Self.valid)) == [])
        let questionnaire = try loadQuestionnaire(Self.yaml(Self.valid))
        #expect(questionnaire.outcomes.evaluationOrder == [.score(0), .criterion(0)])
        #expect(questionnaire.outcomes.criteria[0].questions == [1, 0], "a criterion knows the questions behind its score")
    }

    @Test("Each mistake in the outcome rules is reported at its position", arguments: [
        (Self.valid.replacingOccurrences(of: "required: [c1]", with: "required: [c2]"),
         "27:52: error: unknown criterion 'c2' in 'required' of assessment 'dpia'"),
        (Self.valid.replacingOccurrences(of: "when: s > 2", with: "when: s > 'x'"),
         "25:26: error: in the condition of criterion 'c1': '>' needs a number, but this is a string"),
        (Self.valid.replacingOccurrences(of: "when: s > 2", with: "when: t > 2"),
         "25:22: error: in the condition of criterion 'c1': unknown question, score or criterion 't'"),
        (Self.valid.replacingOccurrences(of: "weights: {a: 2}", with: "weights: {c: 2}"),
         "23:47: error: 'c' is not an option of question 'k'"),
        (Self.valid.replacingOccurrences(of: "{when: a, points: 3}", with: "{when: c1, points: 3}"),
         "23:7: error: these rules depend on each other in a circle: s → c1 → s"),
        (Self.valid.replacingOccurrences(of: "id: s,", with: "id: a,"),
         "23:7: error: 'a' is already a question id; give the score or criterion its own name"),
        (Self.valid.replacingOccurrences(of: "required: [c1]", with: "requird: [c1]"),
         "27:41: error: unknown key 'requird' in an assessment; did you mean 'required'?"),
        (Self.valid.replacingOccurrences(of: "{question: k, weights: {a: 2}}", with: "{value: k}"),
         "23:31: error: in a term of score 's': this must be a number, but is a multi-choice answer"),
        (Self.valid.replacingOccurrences(of: "[c1]}", with: "[c1], applies_from: 2026-13-02}"),
         "27:71: error: 'applies_from' of assessment 'dpia' must be a date written as YYYY-MM-DD"),
    ])
    func mistakes(rules: String, expected: String) {
        #expect(diagnostics(Self.yaml(rules)).contains(expected), "\(diagnostics(Self.yaml(rules)))")
    }

    @Test func unusedCriteriaAreWarnedAbout() {
        let extra = Self.valid.replacingOccurrences(of: "    - {id: c1,", with: "    - {id: idle, when: a, text: {nl: x, en: x}}\n    - {id: c1,")
        #expect(diagnostics(Self.yaml(extra)) == ["25:7: warning: criterion 'idle' is not used by any assessment, classification, score or other criterion"])
    }

    @Test func countLeavesOutTheNoneOption() throws {
        let rules = Self.valid.replacingOccurrences(of: "when: s > 2", with: "when: count(k) == 0")
        let questionnaire = try loadQuestionnaire(Self.yaml(rules))
        #expect(questionnaire.outcomes.criteria[0].condition == .compare(.equal, .count(1, only: ["a", "b"]), .number(0)))
    }

    @Test func prefillNamesQuestionsOfThisFileAndYesNoTargetsForConditions() {
        let prefill = """
            prefill:
              - from: quickscan
                answers:
                  a: personal_data
                  k: {when: "x == 1"}
                  zz: other
            """
        #expect(diagnostics(Self.yaml(prefill)) == [
            "25:17: error: a condition alone can only prefill a yes/no question; 'k' is multi, so name what it chooses: {options: [ids], when: condition}",
            "26:7: error: unknown question 'zz' in the prefill from quickscan",
        ])
    }
}
