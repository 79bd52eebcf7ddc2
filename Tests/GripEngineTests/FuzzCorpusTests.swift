import Foundation
import Testing
import GripBundled
@testable import GripEngine

/// Fixed-seed fuzzing of everything the engine reads from other people's files: the YAML
/// questionnaire loader, the expression language and the answers-file reader. Every input
/// must either be accepted or refused with an error that says where; none may crash.
/// Longer runs use libFuzzer (docs/fuzzing.md); a crash found there belongs here as a case.

/// Inputs that break parsers: deep nesting, huge numbers, invalid UTF-8, NUL bytes, long lines.
enum HostileInput {
    static func generated(_ generator: inout SeededGenerator, alphabet: [String]) -> [UInt8] {
        var text = ""
        for _ in 0..<Int.random(in: 1...60, using: &generator) {
            text += alphabet.randomElement(using: &generator)!
        }
        return Array(text.utf8)
    }

    /// Byte-level damage beyond `mutate`: invalid UTF-8, NULs, deep nesting, huge numbers,
    /// long lines, spliced at a random place.
    static func spliced(_ original: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = original
        let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
        let depth = [10, 63, 64, 65, 100, 1_000, 20_000].randomElement(using: &generator)!
        let insert: [UInt8]
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: insert = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]].randomElement(using: &generator)!
        case 1: insert = [0]
        case 2: insert = Array(repeating: UInt8(ascii: "["), count: depth)
        case 3: insert = Array(String(repeating: "{a: ", count: depth).utf8)
        case 4: insert = Array(String(repeating: "- ", count: depth).utf8)
        case 5: insert = Array(String(repeating: "(", count: depth).utf8)
        case 6: insert = Array(["9007199254740993", "99999999999999999999999", "-9223372036854775808", "1e400", "0x7fffffffffffffff", "-0"].randomElement(using: &generator)!.utf8)
        case 7: insert = Array(repeating: UInt8(ascii: "x"), count: [1_000, 20_000].randomElement(using: &generator)!)
        case 8: insert = Array(String(repeating: "not ", count: depth).utf8)
        default: insert = Array(["\u{202E}", "\r", "\r\n", "\t", "\u{FEFF}", "\\", "\"", "'", "&a *a", "!!binary", "%YAML 1.1\n---\n"].randomElement(using: &generator)!.utf8)
        }
        bytes.insert(contentsOf: insert, at: at)
        return bytes
    }

    /// One of: a generated text, a mutation of a real file, or a mutation with a hostile splice.
    static func next(from seeds: [[UInt8]], alphabet: [String], using generator: inout SeededGenerator) -> [UInt8] {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: generated(&generator, alphabet: alphabet)
        case 1: mutate(seeds.randomElement(using: &generator)!, using: &generator)
        default: spliced(mutate(seeds.randomElement(using: &generator)!, using: &generator), using: &generator)
        }
    }
}

/// Every diagnostic names a real line and column.
func isPositioned(_ diagnostics: [Diagnostic]) -> Bool {
    !diagnostics.isEmpty && diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 }
}

struct FuzzCorpusTests {
    static let smallQuestionnaire = Array(questionnaireYAML(qs(
        q("uses_data", "yes_no_unknown"),
        q("kinds", "multi", "when: uses_data\n" + choices),
        q("volume", "number", "when: \"'a' in kinds and not unknown(uses_data)\"\nallow_unknown: true\nmin: 0\nmax: 1000000"),
        q("remark", "text", "required: false\nmax_length: 200\nwhen: volume * 2 - 1 >= 10000 or count(kinds) > 1"),
    )).utf8)

    static let yamlAlphabet = ["id: ", "version: 1.0.0\n", "sections:\n", "  - ", "questions:", "\n", "    ", "when: ", "\"", "'", "[", "]", "{", "}",
                               ":", ", ", "- ", "&a ", "*a", "!!str ", "|\n", ">-\n", "# c\n", "yes", "9007199254740993", "\u{0}", "é", "---\n"]

    @Test func yamlLoaderSurvivesThreeThousandHostileInputs() throws {
        let quickscan = try #require(BundledQuestionnaires.files.first { $0.name == "quickscan.yaml" })
        // The large file is mutated less often: it dominates the time.
        let seeds = [Self.smallQuestionnaire, Self.smallQuestionnaire, Self.smallQuestionnaire, Array(quickscan.contents.prefix(12_000))]
        var generator = SeededGenerator(state: 0x5941_4D4C)
        var rejected = 0
        for round in 0..<3_000 {
            let bytes = HostileInput.next(from: seeds, alphabet: Self.yamlAlphabet, using: &generator)
            let report = QuestionnaireLoader.load(Data(bytes), file: "fuzz.yaml")
            if report.questionnaire == nil {
                rejected += 1
                #expect(isPositioned(report.diagnostics.errors), "round \(round): refused without a positioned error")
            } else {
                #expect(report.diagnostics.errors.isEmpty, "round \(round)")
            }
        }
        #expect(rejected > 1_500, "the inputs should mostly be refused")
    }

    static let expressionAlphabet = ["yn", "ynu", "pick", "many", "n", "t", "s", " and ", " or ", "not ", " in ", "==", "!=", "<", "<=", ">", ">=",
                                     "+", "-", "*", "(", ")", "[", "]", ",", "'a'", "'b'", "\"none\"", "count(", "unknown(", "answered(", "1", "0",
                                     "9007199254740993", "99999999999999999999", "yes", "no", "true", " ", "\u{0}", "é", "\u{202E}", "&", "|", "!", "=", "."]

    static let expressionSeeds = [
        "yn and not (n > 3)", "pick in ['a', 'b'] or 'c' in many", "count(many, ['a', 'b']) >= 1 and unknown(ynu)",
        "n * 2 - 1 >= 10000 or answered(t)", "t == 'x' and s <= 4", "-(n - -3) * 2 < 0", "pick not in ['c'] and 'a' not in many",
    ].map { Array($0.utf8) }

    @Test func expressionCompilerSurvivesThreeThousandHostileInputs() {
        var generator = SeededGenerator(state: 0x4558_5052)
        var compiled = 0
        let answers = FixedAnswers(values: [0: .value(.yes), 1: .unknown, 2: .value(.option("a")), 3: .value(.options(["b"])), 4: .value(.number(.max)), 5: .value(.text("x"))])
        let fuzzScope = ExpressionScope(entries: [
            .init(id: "yn", type: .yesNo, optionIDs: []), .init(id: "ynu", type: .yesNoUnknown, optionIDs: []),
            .init(id: "pick", type: .single, optionIDs: ["a", "b", "c"]),
            .init(id: "many", type: .multi, optionIDs: ["a", "b", "none"], exclusiveOptionIDs: ["none"]),
            .init(id: "n", type: .number, optionIDs: []), .init(id: "t", type: .text, optionIDs: []), .init(id: "s", type: .scale, optionIDs: []),
        ])
        for round in 0..<3_000 {
            let bytes = HostileInput.next(from: Self.expressionSeeds, alphabet: Self.expressionAlphabet, using: &generator)
            let source = String(decoding: bytes, as: UTF8.self)
            do throws(ExpressionError) {
                let expression = try TypeChecker.compileCondition(source, scope: fuzzScope)
                _ = expression.truth(in: answers)
                _ = expression.referencedQuestions
                compiled += 1
            } catch {
                #expect((0...source.unicodeScalars.count).contains(error.offset), "round \(round): offset \(error.offset) outside the source")
                #expect(!error.message.isEmpty)
            }
            // Numbers too: score terms and dimensions go through the same parser.
            if let number = try? TypeChecker.compileNumber(source, scope: fuzzScope) {
                _ = number.rangedNumber(in: answers)
            }
        }
        #expect(compiled > 25, "some generated conditions should be valid")
    }

    static let answersAlphabet = ["questionnaire: quickscan\n", "subject:", " {system: X}", "\n", "answers:", "notes:", "\n  ", "personal_data: ", "yes", "unknown",
                                  "data_subjects: ", "9007199254740993", "-1", "[a, b]", "{", "}", "\"", "'", ": ", "- ", "&x ", "*x", "\u{0}", "é"]

    @Test func answersReaderSurvivesThreeThousandHostileInputs() throws {
        let example = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/answers/quickscan.yaml"))
        let bundled = try #require(BundledQuestionnaires.files.first { $0.name == "quickscan.yaml" })
        let questionnaire = try #require(QuestionnaireLoader.load(bundled.contents, file: bundled.name).questionnaire)
        var generator = SeededGenerator(state: 0x414E_5357)
        var applied = 0
        for round in 0..<3_000 {
            let bytes = HostileInput.next(from: [Array(example)], alphabet: Self.answersAlphabet, using: &generator)
            switch AnswersFile.parse(Data(bytes), file: "fuzz.yaml") {
            case .failure(let error):
                #expect(isPositioned(error.diagnostics), "round \(round): refused without a positioned error")
            case .success(let file):
                var session = Session(questionnaire: questionnaire)
                let diagnostics = file.apply(to: &session)
                #expect(diagnostics.isEmpty || isPositioned(diagnostics), "round \(round)")
                applied += 1
            }
        }
        #expect(applied > 100)
    }
}
