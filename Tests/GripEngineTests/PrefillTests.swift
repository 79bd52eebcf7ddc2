import Foundation
import Testing
@testable import GripEngine

struct PrefillTests {
    static let source = """
        id: first
        version: 1.0.0
        title: {nl: Eerste, en: First}
        description: {nl: x, en: x}
        sections:
          - id: s
            title: {nl: S, en: S}
            questions:
              - {id: personal, type: yes_no_unknown, text: {nl: a, en: a}, help: {nl: h, en: h}}
              - id: kinds
                type: multi
                text: {nl: b, en: b}
                help: {nl: h, en: h}
                options:
                  - {id: special, label: {nl: B, en: S}}
                  - {id: bsn, label: {nl: BSN, en: BSN}}
                  - {id: none, label: {nl: Geen, en: None}, exclusive: true}
              - {id: people, type: number, text: {nl: c, en: c}, help: {nl: h, en: h}}
        """

    static func target(_ prefill: String) -> String {
        """
        id: second
        version: 1.0.0
        title: {nl: Tweede, en: Second}
        description: {nl: x, en: x}
        sections:
          - id: s
            title: {nl: S, en: S}
            questions:
              - {id: personal_data, type: yes_no, text: {nl: a, en: a}, help: {nl: h, en: h}}
              - {id: special, type: yes_no_unknown, text: {nl: b, en: b}, help: {nl: h, en: h}}
              - id: data
                type: multi
                text: {nl: c, en: c}
                help: {nl: h, en: h}
                options:
                  - {id: bsn, label: {nl: BSN, en: BSN}}
                  - {id: health, label: {nl: G, en: H}}
              - {id: subjects, type: number, max: 100, text: {nl: d, en: d}, help: {nl: h, en: h}}
        prefill:
          - from: first
            answers:
        \(prefill)
        """
    }

    static let mappings = """
              personal_data: personal
              special: {when: "'special' in kinds"}
              data: kinds
              subjects: people
        """

    @Test func answersCarryOverWhereTheTargetAcceptsThem() throws {
        let first = try loadQuestionnaire(Self.source)
        let second = try loadQuestionnaire(Self.target(Self.mappings))
        #expect(Prefill.diagnostics(for: second, sources: [first]).isEmpty)

        var session = Session(questionnaire: first)
        _ = session.setAnswer(.yes, for: "personal")
        _ = session.setAnswer(.options(["special", "bsn"]), for: "kinds")
        _ = session.setAnswer(.number(5_000), for: "people")
        let answers = Prefill.answers(for: second, from: session)
        #expect(answers[0] == .yes)
        #expect(answers[1] == .yes, "a condition over the source answers")
        #expect(answers[2] == .options(["bsn"]), "only options the target has")
        #expect(answers[3] == nil, "5,000 is above the target's maximum of 100, so it is not suggested")

        _ = session.setAnswer(.unknown, for: "personal")
        #expect(Prefill.answers(for: second, from: session)[0] == nil, "a yes_no target cannot take 'weet ik niet'")
    }

    @Test func namesAreCheckedAgainstTheSource() throws {
        let first = try loadQuestionnaire(Self.source)
        let second = try loadQuestionnaire(Self.target("""
                  personal_data: persnal
                  special: {when: "kinds == 1"}
                  data: people
            """))
        let messages = Prefill.diagnostics(for: second, sources: [first]).map(\.message)
        #expect(messages == [
            "unknown question 'persnal' in first, prefilling 'personal_data'; did you mean 'personal'?",
            "in the condition prefilling 'special' (over first), at character 7: 'kinds' is multi-choice: test an option with 'option' in kinds, or use count(kinds)",
            "'people' of first is number and cannot prefill 'data', which is multi",
        ])
        #expect(Prefill.diagnostics(for: second, sources: []).isEmpty, "an absent source is not an error")
    }

    /// A single- or multi-choice target chosen by conditions over the source: the first
    /// that holds; "weet ik niet" while an earlier one is undecided; nothing otherwise.
    static let choiceTarget = """
        id: third
        version: 1.0.0
        title: {nl: Derde, en: Third}
        description: {nl: x, en: x}
        sections:
          - id: s
            title: {nl: S, en: S}
            questions:
              - id: kind
                type: single
                allow_unknown: true
                text: {nl: a, en: a}
                help: {nl: h, en: h}
                options:
                  - {id: sensitive, label: {nl: G, en: S}}
                  - {id: ordinary, label: {nl: N, en: O}}
              - id: data
                type: multi
                text: {nl: c, en: c}
                help: {nl: h, en: h}
                options:
                  - {id: bsn, label: {nl: BSN, en: BSN}}
                  - {id: health, label: {nl: G, en: H}}
        prefill:
          - from: first
            answers:
              kind:
                - {option: sensitive, when: "'special' in kinds"}
                - {option: ordinary, when: "personal"}
              data: {options: [bsn, health], when: "'special' in kinds and 'bsn' in kinds"}
        """

    @Test(arguments: [
        (AnswerValue.yes, AnswerValue.options(["special", "bsn"]), AnswerValue?.some(.option("sensitive")), AnswerValue?.some(.options(["bsn", "health"]))),
        (.yes, .options(["bsn"]), .option("ordinary"), nil),
        (.no, .options(["none"]), nil, nil),
        (.unknown, .options(["none"]), .unknown, nil),
        (.unknown, .options(["special"]), .option("sensitive"), nil),
    ])
    func choicesArePrefilledByTheFirstConditionThatHolds(_ personal: AnswerValue, _ kinds: AnswerValue, _ kind: AnswerValue?, _ data: AnswerValue?) throws {
        let first = try loadQuestionnaire(Self.source)
        let third = try loadQuestionnaire(Self.choiceTarget)
        #expect(Prefill.diagnostics(for: third, sources: [first]).isEmpty)
        var session = Session(questionnaire: first)
        _ = session.setAnswer(personal, for: "personal")
        _ = session.setAnswer(kinds, for: "kinds")
        let answers = Prefill.answers(for: third, from: session)
        #expect(answers[0] == kind)
        #expect(answers[1] == data)
    }

    @Test func choiceOptionsAreCheckedAgainstTheTarget() throws {
        let first = try loadQuestionnaire(Self.source)
        let third = try loadQuestionnaire(Self.choiceTarget.replacingOccurrences(of: "{option: ordinary,", with: "{option: ordinairy,"))
        #expect(Prefill.diagnostics(for: third, sources: [first]).map(\.message) == ["'ordinairy' is not an option of 'kind'; did you mean 'ordinary'?"])
    }

    /// A note on a copied answer travels with it (issue 13 item 8).
    @Test func notesComeAlongWithCopiedAnswers() throws {
        let first = try loadQuestionnaire(Self.source)
        let second = try loadQuestionnaire(Self.target(Self.mappings))
        var source = Session(questionnaire: first)
        _ = source.setAnswer(.yes, for: "personal")
        source.setNote("Zie het verwerkingsregister, regel 14.", at: 0)
        _ = source.setAnswer(.options(["special"]), for: "kinds")
        source.setNote("Alleen bij bezwaar.", at: 1)
        var target = Session(questionnaire: second)
        target.applyPrefill(from: source)
        #expect(target.note(at: 0) == "Zie het verwerkingsregister, regel 14.")
        #expect(target.note(at: 1) == nil, "a condition is not the same answer: its note stays behind")
    }
}
