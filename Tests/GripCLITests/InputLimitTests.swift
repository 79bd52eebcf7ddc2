import Foundation
import Testing

/// Hostile sizes in questionnaires and answers files: refused with a position, never a crash.
struct InputLimitTests {
    /// A questionnaire whose second question has `condition` as its `when` (line 17, column 16).
    static func questionnaire(id: String = "limits", when condition: String) -> String {
        """
        id: \(id)
        version: 1.0.0
        title: {nl: Grenzen, en: Limits}
        description: {nl: x, en: x}
        sections:
          - id: s
            title: {nl: S, en: S}
            questions:
              - id: yn
                type: yes_no
                text: {nl: A?, en: A?}
                help: {nl: h, en: h}
              - id: b
                type: yes_no
                text: {nl: B?, en: B?}
                help: {nl: h, en: h}
                when: "\(condition)"

        """
    }

    static func chain(_ op: String, count: Int) -> String {
        Array(repeating: "yn", count: count).joined(separator: " \(op) ")
    }

    @Test("validate, list and run refuse a condition of 2,500 terms with its position", arguments: ["and", "or"])
    func longConditionIsAPositionedError(op: String) throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let own = home.appendingPathComponent("own")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        let file = own.appendingPathComponent("limits.yaml")
        try Self.questionnaire(when: Self.chain(op, count: 2_500)).write(to: file, atomically: true, encoding: .utf8)

        let validate = try GripProcess.run(["validate", file.path], home: home)
        #expect(validate.status == 1, "\(validate.stderr)")
        // Term 500 holds the 1,001st token.
        let column = 16 + (4 + op.count) * 500
        #expect(validate.stdout.contains("\(file.path):17:\(column): error: in the condition of question 'b': the condition is too long"), "\(validate.stdout)")

        // An own questionnaire that does not load is reported, and the others still listed.
        let list = try GripProcess.run(["list", "--questionnaires", own.path], home: home)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stderr.contains("\(file.path):17:\(column)"), "\(list.stderr)")
        #expect(list.stdout.contains("quickscan"))

        let answers = home.appendingPathComponent("answers.yaml")
        try "subject: {system: Test}\nanswers: {yn: yes, b: yes}\n".write(to: answers, atomically: true, encoding: .utf8)
        let run = try GripProcess.run(["run", "limits", "--answers", answers.path, "--questionnaires", own.path, "--out", home.path], home: home)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("unknown questionnaire 'limits'"), "\(run.stderr)")
    }

    @Test func validateRefusesDeepParenthesesAndAcceptsAConditionAtTheLimit() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let deep = home.appendingPathComponent("deep.yaml")
        let parens = String(repeating: "(", count: 100) + "yn" + String(repeating: ")", count: 100)
        try Self.questionnaire(when: parens).write(to: deep, atomically: true, encoding: .utf8)
        let refused = try GripProcess.run(["validate", deep.path], home: home)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("\(deep.path):17:"), "\(refused.stdout)")
        #expect(refused.stdout.contains("the condition is nested too deeply"), "\(refused.stdout)")

        // 64 levels: 64 names joined by 63 'and'.
        let atLimit = home.appendingPathComponent("limit.yaml")
        try Self.questionnaire(when: Self.chain("and", count: 64)).write(to: atLimit, atomically: true, encoding: .utf8)
        let accepted = try GripProcess.run(["validate", atLimit.path], home: home)
        #expect(accepted.status == 0, "\(accepted.stdout)")
        #expect(accepted.stdout.contains("ok: limits 1.0.0, 2 questions"), "\(accepted.stdout)")
    }

    /// The example answers for quickscan with `data_subjects` set to `number` and, when
    /// given, its note replaced.
    static func quickscanAnswers(dataSubjects number: String, note: String? = nil) throws -> String {
        let example = try String(contentsOf: GripProcess.packageRoot.appendingPathComponent("Examples/answers/quickscan.yaml"), encoding: .utf8)
        var text = example.replacingOccurrences(of: "  data_subjects: 3200\n", with: "  data_subjects: \(number)\n")
        if let note {
            text = text.replacingOccurrences(of: "  data_subjects: \"Aantal lopende uitkeringen op 1 januari 2026 (bron: uitkeringsadministratie).\"", with: "  data_subjects: \"\(note)\"")
        }
        #expect(text != example)
        return text
    }

    static func line(of prefix: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) }.map { $0 + 1 }
    }

    @Test func runRefusesANumberBeyondWhatVerifyAcceptsAndAcceptsTheLimit() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let answers = home.appendingPathComponent("answers.yaml")
        let text = try Self.quickscanAnswers(dataSubjects: "9007199254740993")
        try text.write(to: answers, atomically: true, encoding: .utf8)
        let refused = try GripProcess.run(["run", "quickscan", "--answers", answers.path, "--out", home.path], home: home)
        #expect(refused.status == 1)
        let line = try #require(Self.line(of: "  data_subjects: 9007199254740993", in: text))
        #expect(refused.stderr.contains("\(answers.path):\(line):3: error: answer to 'data_subjects': The number must be at most 9007199254740991."), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)

        // The largest accepted number gives a result that verify accepts.
        try Self.quickscanAnswers(dataSubjects: "9007199254740991").write(to: answers, atomically: true, encoding: .utf8)
        let run = try GripProcess.run(["run", "quickscan", "--answers", answers.path, "--out", home.path], home: home)
        #expect(run.status == 0, "\(run.stderr)")
        let verify = try GripProcess.run(["verify", run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)], home: home)
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    @Test func runRefusesAnElevenMegabyteNote() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let answers = home.appendingPathComponent("answers.yaml")
        let text = try Self.quickscanAnswers(dataSubjects: "3201", note: String(repeating: "x", count: 11 * 1024 * 1024))
        try text.write(to: answers, atomically: true, encoding: .utf8)
        let refused = try GripProcess.run(["run", "quickscan", "--answers", answers.path, "--out", home.path], home: home)
        #expect(refused.status == 1)
        let notes = try #require(Self.line(of: "notes:", in: text))
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(notes).firstIndex { $0.hasPrefix("  data_subjects:") }).advanced(by: 1)
        #expect(refused.stderr.contains("\(answers.path):\(line):3: error: note on 'data_subjects': The text must be at most 100000 characters long."), "\(refused.stderr.prefix(2000))")
        #expect(refused.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).allSatisfy { !$0.hasSuffix(".json") })
    }
}
