import Foundation
import Testing

/// The tools trainers and authors use: `grip template`, `grip answers`, `grip score` on a
/// result, and `grip start --answers`.
struct WorkshopCommandTests {
    static let examplesDirectory = GripProcess.packageRoot.appendingPathComponent("Examples/answers")

    /// The bundled questionnaire ids, from the files in Questionnaires/.
    static func bundledIDs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: GripProcess.packageRoot.appendingPathComponent("Questionnaires").path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Every example answers file with the questionnaire it names.
    static func examples() throws -> [(file: String, id: String)] {
        try FileManager.default.contentsOfDirectory(atPath: examplesDirectory.path).filter { $0.hasSuffix(".yaml") }.sorted().map { file in
            let text = try String(contentsOf: examplesDirectory.appendingPathComponent(file), encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("questionnaire:") }, "\(file)")
            return (file, line.dropFirst("questionnaire:".count).trimmingCharacters(in: .whitespaces))
        }
    }

    /// `GripProcess.run` with standard input at its end, for the line-by-line mode.
    static func runWithoutInput(_ arguments: [String], home: URL) throws -> GripProcess.Output {
        let process = Process()
        process.executableURL = GripProcess.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GRIP_HOME"] = home.path
        environment.removeValue(forKey: "GRIP_QUESTIONNAIRES")
        process.environment = environment
        process.currentDirectoryURL = GripProcess.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return GripProcess.Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func json(_ text: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary, "not a JSON object: \(text.prefix(200))")
    }

    static func outcome(ofResult path: String) throws -> NSDictionary {
        let document = try json(String(contentsOfFile: path, encoding: .utf8))
        return try #require((document["result"] as? NSDictionary)?["outcome"] as? NSDictionary)
    }

    /// The template left as it is: it parses, and `grip score` names the empty system and
    /// every required question still empty, each at its line, and scores nothing.
    @Test func theTemplateOfEveryBundledQuestionnaireNamesEachQuestionLeftEmpty() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let ids = try Self.bundledIDs()
        #expect(ids.count >= 5)
        for id in ids {
            let path = home.appendingPathComponent("\(id).yaml").path
            let written = try GripProcess.run(["template", id, "--out", path], home: home)
            #expect(written.status == 0, "\(id): \(written.stderr)")
            #expect(written.stdout == path + "\n")
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let score = try GripProcess.run(["score", id, "--answers", path], home: home)
            #expect(score.status == 1, "\(id)")
            #expect(score.stdout.isEmpty, "\(id)")
            let problems = score.stderr.split(separator: "\n")
            #expect(problems.first == "\(path):7:11: error: subject 'system' is empty: fill in the name of the system", "\(id): \(score.stderr)")
            #expect(problems.count > 1, "\(id)")
            for problem in problems.dropFirst() {
                // PATH:LINE:COLUMN: error: 'ID' is not answered yet; fill in …
                let parts = problem.dropFirst(path.count + 1).split(separator: ":", maxSplits: 3)
                let question = problem.split(separator: "'").dropFirst().first.map(String.init) ?? "?"
                #expect(problem.hasPrefix(path + ":") && parts.count == 4 && problem.contains(" error: '\(question)' is not answered yet; fill in "), "\(problem)")
                let line = Int(parts[0]) ?? 0
                #expect(line > 0 && line <= lines.count && lines[line - 1] .hasPrefix("  \(question):"), "\(problem)")
            }
        }
        let again = try GripProcess.run(["template", "quickscan", "--out", home.appendingPathComponent("quickscan.yaml").path], home: home)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        let unknown = try GripProcess.run(["template", "nope"], home: home)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown questionnaire 'nope'"))
        let english = try GripProcess.run(["template", "quickscan", "--language", "en"], home: home)
        #expect(english.stdout.contains("  # Does the system use personal data?\n"), "\(english.stdout.prefix(2000))")
    }

    /// `grip run` → result → `grip answers` → `grip score` gives exactly the result's
    /// outcome, for every example of every bundled instrument; so does scoring the result
    /// itself, with or without its id; and the template filled in with those answers.
    @Test func answersOfAResultScoreToExactlyItsOutcome() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let examples = try Self.examples()
        let bundled = Set(try Self.bundledIDs())
        #expect(Set(examples.map(\.id)) == bundled, "an example for every bundled instrument")
        for (file, id) in examples {
            let run = try GripProcess.run(["run", id, "--answers", "Examples/answers/\(file)", "--out", home.path], home: home)
            #expect(run.status == 0, "\(file): \(run.stderr)")
            let result = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let expected = try Self.outcome(ofResult: result)

            let answers = home.appendingPathComponent("\(file).answers.yaml").path
            let written = try GripProcess.run(["answers", result, "--out", answers], home: home)
            #expect(written.status == 0 && written.stderr.isEmpty, "\(file): \(written.stderr)")
            for arguments in [["score", id, "--answers", answers], ["score", result], ["score", id, "--answers", result], ["score", answers]] {
                let score = try GripProcess.run(arguments + ["--json"], home: home)
                #expect(score.status == 0 && score.stderr.isEmpty, "\(file) \(arguments): \(score.stderr)")
                #expect(try Self.json(score.stdout) == expected, "\(file) \(arguments)")
            }

            // The template, filled in line by line with the values grip answers wrote.
            let answersText = try String(contentsOfFile: answers, encoding: .utf8)
            let values = Dictionary(answersText[..<(answersText.range(of: "\nnotes:")?.lowerBound ?? answersText.endIndex)].split(separator: "\n")
                .filter { $0.hasPrefix("  ") && !$0.hasPrefix("  #") }
                .map { (String($0.prefix { $0 != ":" }), String($0)) }) { first, _ in first }
            let template = try GripProcess.run(["template", id], home: home).stdout
            let filled = template.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                guard line.hasPrefix("  "), !line.hasPrefix("  #") else { return String(line) }
                let key = String(line.prefix { $0 != ":" })
                return values[key] ?? String(line)
            }.joined(separator: "\n")
            let filledPath = home.appendingPathComponent("\(file).filled.yaml")
            try filled.write(to: filledPath, atomically: true, encoding: .utf8)
            let score = try GripProcess.run(["score", id, "--answers", filledPath.path, "--json"], home: home)
            #expect(score.status == 0, "\(file): \(score.stderr)")
            #expect(try Self.json(score.stdout) == expected, "\(file) filled template")
        }
    }

    @Test func aResultThatDoesNotVerifyIsNamedAndItsAnswersStillWritten() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let run = try GripProcess.run(["run", "quickscan", "--answers", "Examples/answers/quickscan.yaml", "--out", home.path], home: home)
        let original = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tampered = home.appendingPathComponent("tampered.json").path
        let text = try String(contentsOfFile: original, encoding: .utf8)
        #expect(text.contains("J. de Vries"))
        try text.replacingOccurrences(of: "J. de Vries", with: "K. de Vries").write(toFile: tampered, atomically: true, encoding: .utf8)

        let answers = try GripProcess.run(["answers", tampered], home: home)
        #expect(answers.status == 1)
        #expect(answers.stderr.contains("INVALID: \(tampered): the signature does not match"), "\(answers.stderr)")
        #expect(answers.stderr.contains("its content cannot be trusted"))
        #expect(answers.stdout.hasPrefix("# WARNING: INVALID: "), "\(answers.stdout.prefix(300))")
        #expect(answers.stdout.contains("\nanswers:\n"))
        let out = home.appendingPathComponent("tampered.yaml").path
        let written = try GripProcess.run(["answers", tampered, "--out", out], home: home)
        #expect(written.status == 1)
        #expect(FileManager.default.fileExists(atPath: out))

        let score = try GripProcess.run(["score", tampered], home: home)
        #expect(score.status == 1)
        #expect(score.stderr.contains("INVALID: \(tampered)"))
        #expect(score.stdout.hasPrefix("DPIA: "), "\(score.stdout.prefix(200))")
        // grip run does not sign answers whose origin cannot be trusted.
        let rerun = try GripProcess.run(["run", "quickscan", "--answers", tampered, "--out", home.path], home: home)
        #expect(rerun.status == 1)
        #expect(rerun.stderr.contains("nothing is signed"))
        #expect(rerun.stdout.isEmpty)
    }

    @Test func scoreTellsAResultFromAnAnswersFileByContent() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let run = try GripProcess.run(["run", "quickscan", "--answers", "Examples/answers/quickscan.yaml", "--out", home.path], home: home)
        let result = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // A result named .yaml is still a result; answers named .json are still answers.
        let renamed = home.appendingPathComponent("result.yaml").path
        try FileManager.default.copyItem(atPath: result, toPath: renamed)
        let asYAML = try GripProcess.run(["score", renamed], home: home)
        #expect(asYAML.status == 0, "\(asYAML.stderr)")
        #expect(asYAML.stdout.contains("— omdat: "), "\(asYAML.stdout.prefix(500))")
        let answersJSON = home.appendingPathComponent("answers.json")
        try FileManager.default.copyItem(at: Self.examplesDirectory.appendingPathComponent("quickscan.yaml"), to: answersJSON)
        #expect(try GripProcess.run(["score", "quickscan", "--answers", answersJSON.path], home: home).stdout == asYAML.stdout)

        let wrong = try GripProcess.run(["score", "dpia-lite", "--answers", result], home: home)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("error: this is a result of 'quickscan', not of 'dpia-lite'"))
        let review = home.appendingPathComponent("review.json")
        try #"{"format": "grip-review/1", "review": {}}"#.write(to: review, atomically: true, encoding: .utf8)
        let notAnswers = try GripProcess.run(["score", "quickscan", "--answers", review.path], home: home)
        #expect(notAnswers.status == 1)
        #expect(notAnswers.stderr.contains("error: unknown key 'format'") || notAnswers.stderr.contains("'format'"), "\(notAnswers.stderr)")
        #expect(try GripProcess.run(["score", "quickscan"], home: home).status == 2)
        let nameless = home.appendingPathComponent("nameless.yaml")
        try "subject: {system: x}\nanswers: {}\n".write(to: nameless, atomically: true, encoding: .utf8)
        #expect(try GripProcess.run(["score", nameless.path], home: home).status == 2)
    }

    /// Problems in the answers are named before anything opens, and errors keep it closed.
    @Test func startWithAnswersNamesTheirProblemsFirst() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let bad = home.appendingPathComponent("bad.yaml")
        try "subject: {system: Casus}\nanswers:\n  personal_dta: yes\n  origin: stolen\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try GripProcess.run(["start", "quickscan", "--answers", bad.path, "--plain"], home: home)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(bad.path):3:3: error: unknown question 'personal_dta' in quickscan; did you mean 'personal_data'?"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\(bad.path):4:3: error: answer to 'origin'"))
        #expect(!refused.stderr.contains("missing answer"), "answered live, so not an error here")
        #expect(refused.stdout.isEmpty)

        // Line by line (no terminal here): the first question, with the loaded answer.
        // Standard input at its end: the mode saves and stops after showing the question.
        let plain = try Self.runWithoutInput(["start", "quickscan", "--answers", "Examples/answers/quickscan.yaml", "--plain"], home: home)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("[vraag 1 van "), "\(plain.stdout.prefix(800))")
        #expect(plain.stdout.contains("Huidig antwoord: Het model geeft elke lopende bijstandsuitkering"), "\(plain.stdout.prefix(800))")
    }
}
