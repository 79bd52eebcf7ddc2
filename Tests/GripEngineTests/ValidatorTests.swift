import Foundation
import Testing
@testable import GripEngine

/// One fixture per class of mistake, asserting the exact line, column and wording.
struct ValidatorTests {
    /// A required text must hold more than white space, Unicode white space included.
    @Test(arguments: [
        ("Ja", true), (" x", true), ("\u{00A0}x", true), ("é", true), ("~", true),
        ("", false), (" ", false), ("\t\n ", false), ("\u{00A0}", false), ("\u{2003}\u{3000}", false), ("\u{7F}", true),
    ])
    func requiredTextNeedsMoreThanWhiteSpace(_ text: String, visible: Bool) {
        #expect(hasVisibleText(text) == visible)
    }

    @Test func validQuestionnaireHasNoDiagnostics() {
        #expect(diagnostics(questionnaireYAML(qs(q("a", "yes_no"), q("b", "multi", choices + "\nwhen: a")))) == [])
    }

    @Test("Each mistake is reported at its position", arguments: [
        // YAML syntax
        ("id: x\nversion: [1.0\n", "3:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at 2:10)"),
        ("id: a\nid: b\n", "1:1: error: duplicate key 'id' in the same mapping"),
        ("", "1:1: error: the file is empty"),
        // Top level
        ("id: x\n", "1:1: error: the questionnaire is missing the required key 'version'"),
        ("- 1\n- 2\n", "1:1: error: the questionnaire must be a mapping of keys to values, but this is a list"),
    ])
    func documentLevelProblems(yaml: String, expected: String) {
        #expect(diagnostics(yaml).first == expected)
    }

    static let questionCases: [(String, String)] = [
        (q("a", "yes_no", "optoins: []"), "13:9: error: unknown key 'optoins' in a question; did you mean 'options'?"),
        (q("a", "yes_nope"), "10:15: error: unknown question type 'yes_nope' in question 'a'; did you mean 'yes_no'?"),
        (q("a", "single", "options: []"), "13:18: error: question 'a' has an empty option list"),
        (q("a", "single"), "9:9: error: question 'a' is single-choice and needs 'options'"),
        (q("a", "yes_no", "options: []"), "13:9: error: 'options' does not apply to a yes_no question (question 'a')"),
        (qs(q("a", "yes_no"), q("a", "text")), "13:13: error: duplicate question id 'a'; first used at line 9"),
        ("- id: a\n  type: yes_no\n  text: {nl: Vraag}", "11:15: error: the text of question 'a' is missing the required key 'en'"),
        ("- id: a\n  type: yes_no\n  text: Vraag", "11:15: error: the text of question 'a' must give a Dutch and an English text, as {nl: \"...\", en: \"...\"}"),
        (q("a", "number", "min: ten"), "13:14: error: 'min' of question 'a' must be a whole number, but is 'ten'"),
        (q("a", "number", "min: 5\nmax: 1"), "13:14: error: 'min' (5) is larger than 'max' (1) in question 'a'"),
        (q("a", "scale"), "9:9: error: question 'a' is a scale and needs both 'min' and 'max'"),
        (q("a", "yes_no", "required: maybe"), "13:19: error: 'required' of question 'a' must be true or false, but is 'maybe'"),
        (q("A-1", "yes_no"), "9:13: error: the question id 'A-1' must start with a lower-case letter and contain only a–z, 0–9 and '_'"),
        (q("no", "yes_no"), "9:13: error: 'no' cannot be a question id: conditions use it as a keyword"),
        (q("a", "multi", "options:\n  - {id: x, label: {nl: X, en: X}}\n  - {id: x, label: {nl: Y, en: Y}}"), "15:18: error: duplicate option id 'x' in question 'a'; first used at line 14"),
        // In a long list, and with the first use far above.
        (q("a", "multi", "options:\n" + (0..<40).map { "  - {id: o\($0), label: {nl: X, en: X}}" }.joined(separator: "\n") + "\n  - {id: o3, label: {nl: Y, en: Y}}"), "54:18: error: duplicate option id 'o3' in question 'a'; first used at line 17"),
        (qs(q("a", "yes_no", "when: b == yes"), q("b", "yes_no")), "13:15: error: in the condition of question 'a': question 'b' comes later in the file; a condition may only depend on earlier questions"),
        (qs(q("a", "single", choices), q("b", "yes_no", "when: a == 'c'")), "21:20: error: in the condition of question 'b': 'c' is not an option of question 'a' (options: a, b, none)"),
        (qs(q("a", "single", choices), q("b", "yes_no", "when: \"a == 'zz'\"")), "21:21: error: in the condition of question 'b': 'zz' is not an option of question 'a' (options: a, b, none)"),
        (qs(q("a", "yes_no"), q("b", "yes_no", "when: a and and")), "17:21: error: in the condition of question 'b': expected a value, found 'and'"),
        (q("a", "yes_no", "sources:\n  - {title: {nl: AVG, en: GDPR}, url: eur-lex}"), "14:47: error: the url of a source of question 'a' must start with https://"),
        (q("a", "single", "options:\n  - {id: x, label: {nl: X, en: X}, exclusive: true}\n  - {id: y, label: {nl: Y, en: Y}}"), "14:55: error: 'exclusive' only applies to options of a multi question; in question 'a' every option already excludes the others"),
    ]

    @Test("Question-level mistakes", arguments: questionCases)
    func questionProblems(questions: String, expected: String) {
        let found = diagnostics(questionnaireYAML(questions))
        #expect(found.contains(expected), "\(found)")
    }

    @Test func everyProblemIsReportedInOnePass() {
        let yaml = questionnaireYAML(qs(q("a", "yes_nope"), q("b", "single", "options: []"), q("b", "yes_no", "colour: red")))
        #expect(diagnostics(yaml).filter { $0.contains("error") }.count == 4)
    }

    @Test func missingHelpIsAWarningNotAnError() throws {
        let yaml = questionnaireYAML("- id: a\n  type: yes_no\n  text: {nl: A?, en: A?}")
        #expect(diagnostics(yaml) == ["9:13: warning: question 'a' has no help text"])
        _ = try loadQuestionnaire(yaml)
    }

    @Test func versionMustBeSemantic() {
        let yaml = questionnaireYAML(q("a", "yes_no")).replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0")
        #expect(diagnostics(yaml) == ["2:10: error: version '1.0' is not a semantic version such as 1.0.0"])
    }

    @Test func anchorsAndAliasesAreRefused() {
        let yaml = questionnaireYAML("- id: a\n  type: yes_no\n  text: &t {nl: A, en: A}\n- id: b\n  type: yes_no\n  text: *t")
        #expect(diagnostics(yaml).contains("11:15: error: this value is repeated through an alias (*); anchors and aliases are not supported, write the value out"))
    }

    @Test func invalidUTF8IsReported() {
        let report = QuestionnaireLoader.load(Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE]), file: "bad.yaml")
        #expect(report.diagnostics.map(\.description) == ["bad.yaml:1:1: error: the file is not valid UTF-8 text"])
    }
}

/// Texts and keys are read by their place in the tree; each mistake in them is still
/// reported at its own position, in its own words.
struct TextAndKeyPositionTests {
    @Test func mistakesInsideTextsAndKeysAreReportedWhereTheyAre() {
        let yaml = questionnaireYAML("- id: a\n  type: yes_no\n  text: {nl: [A, B], en: \"\"}\n  help: {nl: h, en: h, [k]: v}")
        #expect(diagnostics(yaml) == [
            "11:20: error: the Dutch (nl) text of the text of question 'a' must be a single value, but this is a list",
            "11:32: error: the English (en) text of the text of question 'a' is empty",
            "12:30: error: keys in the help of question 'a' must be plain names",
        ])
    }
}

/// Mapping keys are matched on their bytes, the first sixteen as two words: a key must
/// equal an allowed name in every byte, whatever its length.
struct KeySetTests {
    static let keys = KeySet(["id", "12345678", "123456789", "exactly_16_bytes", "estimated_minutes"], required: ["id"])

    @Test(arguments: [
        ("id", 0), ("12345678", 1), ("123456789", 2), ("exactly_16_bytes", 3), ("estimated_minutes", 4),
        ("i", nil), ("", nil), ("idx", nil), ("Id", nil), ("ïd", nil), ("1234567", nil), ("12345679", nil),
        ("123456788", nil), ("exactly_16_byteS", nil), ("exactly_16_bytes_", nil),
        // The same first sixteen bytes, then different or missing.
        ("estimated_minute", nil), ("estimated_minutez", nil), ("estimated_minutess", nil),
    ] as [(String, Int?)])
    func keysMatchOnEveryByte(key: String, slot: Int?) {
        var bytes = key
        #expect(bytes.withUTF8 { Self.keys.index(of: $0) } == slot)
        #expect(Self.keys.index(of: key) == slot)
    }

    @Test func literalNamesFindTheirSlots() {
        #expect(Self.keys.index(of: "estimated_minutes" as StaticString) == 4)
        #expect(Self.keys.index(of: "exactly_16_bytes" as StaticString) == 3)
        #expect(Self.keys.index(of: "x" as StaticString) == nil)
        #expect(Self.keys.required == [0])
    }

    @Test func keysPastSixteenBytesAreCheckedWholeInAFile() {
        let yaml = questionnaireYAML(q("a", "yes_no")).replacingOccurrences(of: "version: 1.0.0", with: "'version': 1.0.0\nestimated_minutez: 5")
        #expect(diagnostics(yaml) == ["3:1: error: unknown key 'estimated_minutez' in the questionnaire; did you mean 'estimated_minutes'?"])
        let good = questionnaireYAML(q("a", "yes_no")).replacingOccurrences(of: "version: 1.0.0", with: "'version': 1.0.0\nestimated_minutes: 5")
        #expect(diagnostics(good) == [])
    }
}
