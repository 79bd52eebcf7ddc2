import Foundation
import GripBundled
import Testing
@testable import GripEngine

/// `grip template` skeletons and the values `grip answers` writes: they read back as an
/// answers file, a placeholder is "not answered" (never a crash or a type error), and no
/// text from a questionnaire or result can escape its comment or quotes.
struct AnswersTemplateTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/answers")

    static func bundled() throws -> [Questionnaire] {
        try BundledQuestionnaires.files.map { file in
            try #require(QuestionnaireLoader.load(file.contents, file: file.name).questionnaire, "\(file.name)")
        }
    }

    static func parse(_ text: String, file: String = "answers.yaml") throws -> AnswersFile {
        switch AnswersFile.parse(Data(text.utf8), file: file) {
        case .success(let parsed): return parsed
        case .failure(let error):
            Issue.record("does not parse:\n\(error.description)\n\(text)")
            throw error
        }
    }

    @Test(arguments: [Language.nl, .en])
    func everyBundledTemplateParsesAndNamesEachRequiredQuestionLeftEmptyAtItsLine(_ language: Language) throws {
        let questionnaires = try Self.bundled()
        #expect(questionnaires.count >= 5)
        for questionnaire in questionnaires {
            let text = AnswersFileText.template(for: questionnaire, language: language)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            // Every question once, in questionnaire order, each under its text.
            let keys = lines.filter { $0.hasPrefix("  ") && !$0.hasPrefix("  #") && !$0.hasPrefix("   ") }.map { String($0.dropFirst(2).prefix { $0 != ":" }) }
            #expect(keys == ["system", "organisation", "assessor"] + questionnaire.questions.map(\.id), "\(questionnaire.id)")
            let firstQuestion = try #require(questionnaire.questions.first)
            #expect(text.contains("  # " + firstQuestion.text[language].prefix(40)), "\(questionnaire.id)")

            let file = try Self.parse(text, file: "\(questionnaire.id).yaml")
            #expect(file.questionnaireID == questionnaire.id)
            var session = Session(questionnaire: questionnaire)
            let diagnostics = file.apply(to: &session)
            #expect(diagnostics.warnings.isEmpty, "\(questionnaire.id): \(diagnostics.warnings)")
            #expect(session.progress.answered == 0)
            let messages = diagnostics.errors.map(\.message)
            #expect(messages.first == "subject 'system' is empty: fill in the name of the system")
            let unanswered = diagnostics.errors.dropFirst()
            #expect(unanswered.count == session.missingRequired.count && !unanswered.isEmpty, "\(questionnaire.id)")
            for (diagnostic, index) in zip(unanswered, session.missingRequired) {
                let id = questionnaire.questions[index].id
                #expect(diagnostic.message.hasPrefix("'\(id)' is not answered yet; fill in "), "\(diagnostic)")
                // At the question's own line, where its text and options are.
                #expect(lines[diagnostic.location.line - 1].hasPrefix("  \(id):"), "\(diagnostic)")
            }
            // Filling in only what is required later still reads fine while answering live.
            var live = Session(questionnaire: questionnaire)
            #expect(file.apply(to: &live, requireComplete: false).map(\.message) == [messages[0]])
        }
    }

    /// The template filled in with an example's values gives the example's answers.
    @Test func aTemplateFilledWithTheExampleValuesGivesTheSameAnswers() throws {
        let questionnaires = Dictionary(uniqueKeysWithValues: try Self.bundled().map { ($0.id, $0) })
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var filled = 0
        for name in files {
            let example = try Self.parse(String(contentsOf: Self.examples.appendingPathComponent(name), encoding: .utf8), file: name)
            guard let questionnaire = example.questionnaireID.flatMap({ questionnaires[$0] }) else { continue }
            let values = Dictionary(example.answers.map { ($0.questionID, $0.value) }) { first, _ in first }
            var text = AnswersFileText.template(for: questionnaire, language: .nl)
            text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                if line.hasPrefix("  system: ") { return "  system: " + AnswersFileText.quoted(example.subject.system) }
                let id = String(line.dropFirst(2).prefix { $0 != ":" })
                guard line.hasPrefix("  "), !line.hasPrefix("  #"), let value = values[id] else { return String(line) }
                switch value {
                case .scalar(let scalar): return "  \(id): " + AnswersFileText.value(.text(scalar))
                case .list(let items): return "  \(id): " + AnswersFileText.value(.list(items))
                }
            }.joined(separator: "\n")
            let file = try Self.parse(text, file: name)
            var fromTemplate = Session(questionnaire: questionnaire)
            var fromExample = Session(questionnaire: questionnaire)
            #expect(file.apply(to: &fromTemplate).isEmpty, "\(name)")
            #expect(example.apply(to: &fromExample).isEmpty, "\(name)")
            #expect(fromTemplate.answers == fromExample.answers, "\(name)")
            #expect(fromTemplate.visibility == fromExample.visibility, "\(name)")
            filled += 1
        }
        #expect(filled >= 10)
    }

    static let hostile = [
        "a\"b\\c", "line one\nline two", "\u{1B}[31mred", "\u{202E}evil", "# not a comment", "key: value", "  leading and trailing ",
        "yes", "no", "unknown", "42", "-7", "tab\there", "cr\r\nlf", "\u{85}next line", "\u{2028}separator", "x\u{FEFF}bom", "party 🎉",
        "e\u{301}", "\u{7F}del", "\u{9B}csi", "[a, b]", "{x: y}", "- item", "&anchor", "*alias", "!tag", "|", ">", "%", "@", "`", "~", "null",
        "'single'", "\u{0}nul", "\u{FFFE}",
    ]

    @Test func quotedValuesReadBackExactlyAndShowNothingRaw() throws {
        for text in Self.hostile {
            let quoted = AnswersFileText.quoted(text)
            #expect(!quoted.unicodeScalars.contains(where: DisplaySafety.isUnsafe), "\(quoted)")
            let yaml = "subject:\n  system: x\n  assessor: \(quoted)\nanswers:\n  \(AnswersFileText.key(text)): \(AnswersFileText.value(.text(text)))\n  list: \(AnswersFileText.value(.list([text, "b"])))\n"
            let file = try Self.parse(yaml)
            #expect(file.subject.assessor.unicodeScalars.elementsEqual(text.unicodeScalars), "\(quoted)")
            #expect(file.answers.first?.questionID.unicodeScalars.elementsEqual(text.unicodeScalars) == true, "\(quoted)")
            #expect(file.answers.first?.value == .scalar(text), "\(quoted)")
            #expect(file.answers.last?.value == .list([text, "b"]), "\(quoted)")
        }
        // Known limit: the YAML reader drops a byte order mark that starts a value (the
        // answer's text only; no outcome reads it). One inside a value stays.
        let leading = try Self.parse("subject: {system: x}\nanswers:\n  t: \(AnswersFileText.quoted("\u{FEFF}bom"))\n")
        #expect(leading.answers.first?.value == .scalar("bom"))
        #expect(AnswersFileText.value(.text("bought")) == "bought")
        #expect(AnswersFileText.value(.number(-12)) == "-12")
        #expect(AnswersFileText.value(.text("42")) == "\"42\"")
    }

    @Test func aTextFromAQuestionnaireStaysInsideItsComment() {
        let text = "Vraag?\nanswers:\n  evil: yes\r\u{2028}more: x\u{85}end \u{1B}]52;c;aGk=\u{7}"
        let lines = AnswersFileText.comment(text, indent: "  ")
        #expect(lines.count == 3)
        for line in lines {
            #expect(line.hasPrefix("  #"))
            #expect(!line.unicodeScalars.contains(where: DisplaySafety.isUnsafe), "\(line)")
        }
        // Long texts wrap at spaces; every piece is still a comment.
        let long = AnswersFileText.comment(String(repeating: "woord ", count: 60), width: 40)
        #expect(long.count > 5 && long.allSatisfy { $0.hasPrefix("# ") && $0.count <= 42 })
    }

    @Test func unknownIsTheWordItselfWhereWeetIkNietIsNoAnswer() throws {
        let questionnaire = try loadQuestionnaire(questionnaireYAML(qs(
            q("free", "text"), q("choice", "single", "options:\n  - {id: a, label: {nl: A, en: A}}\n  - {id: b, label: {nl: B, en: B}}"), q("either", "yes_no_unknown"), q("sure", "yes_no"))))
        let file = try Self.parse("subject: {system: x}\nanswers:\n  free: unknown\n  choice: unknown\n  either: unknown\n  sure: unknown\n")
        var session = Session(questionnaire: questionnaire)
        let messages = file.apply(to: &session).map(\.message)
        #expect(session.answer(for: "free") == .text("unknown"))
        #expect(session.answer(for: "either") == .unknown)
        #expect(messages.contains { $0.hasPrefix("answer to 'choice': ‘unknown’ is not one of the options") }, "\(messages)")
        #expect(messages.contains("answer to 'sure': ‘I don’t know’ is not an accepted answer to this question."), "\(messages)")
    }
}
