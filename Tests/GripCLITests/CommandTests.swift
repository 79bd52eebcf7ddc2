import Crypto
import Foundation
import Testing

/// Runs the built `grip` binary as a process, the way a user or script does.
struct GripProcess {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        // The test bundle sits in the same build products directory as the executable.
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("grip"),
            Bundle.main.bundleURL.appendingPathComponent("grip"),
            packageRoot.appendingPathComponent(".build/debug/grip"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs grip with a private GRIP_HOME so tests never touch the user's files.
    static func run(_ arguments: [String], home: URL, in directory: URL? = nil, environment extra: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GRIP_HOME"] = home.path
        environment.removeValue(forKey: "GRIP_QUESTIONNAIRES")
        environment.merge(extra) { $1 }
        process.environment = environment
        process.currentDirectoryURL = directory ?? packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Creates a signing key in this GRIP_HOME, as a user would before their first run.
func initKey(home: URL, name: String = "Anna de Vries", organisation: String = "Gemeente Voorbeeld") throws {
    let output = try GripProcess.run(["keys", "init", "--name", name, "--organisation", organisation], home: home)
    #expect(output.status == 0, "\(output.stderr)")
}

/// The key id grip shows for a raw public key given in base64 (design.md: SHA-256 of the
/// 32 raw bytes, unpadded base64), computed here independently of grip.
func keyID(ofBase64 publicKey: String) -> String {
    let digest = SHA256.hash(data: Data(base64Encoded: publicKey) ?? Data())
    return "SHA256:" + Data(digest).base64EncodedString().replacingOccurrences(of: "=", with: "")
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("grip-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

struct CommandTests {
    /// The output line that starts with this questionnaire id.
    /// The version in the bundled quickscan file, as `grip list` must show it.
    static func bundledQuickscanVersion() throws -> String {
        let text = try String(contentsOf: GripProcess.packageRoot.appendingPathComponent("Questionnaires/quickscan.yaml"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("version: ") })
        return String(line.dropFirst("version: ".count)).trimmingCharacters(in: .whitespaces)
    }

    static func line(_ output: String, _ id: String) -> String? {
        output.split(separator: "\n").map(String.init).first { $0.hasPrefix(id + " ") }
    }

    @Test func listShowsTheBundledQuickscanFromAnyDirectory() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        // Started from an unrelated directory: the bundled files travel inside the binary.
        let output = try GripProcess.run(["list"], home: home, in: home)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(Self.line(output.stdout, "quickscan")?.contains(" \(try Self.bundledQuickscanVersion()) ") == true, "\(output.stdout)")
        let english = try GripProcess.run(["list", "--language", "en"], home: home)
        #expect(english.stdout.contains("Quickscan"))
    }

    @Test func ownQuestionnairesAreFoundUnderARelativeGripHomeAndNamedByFullPath() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let own = parent.appendingPathComponent("home/config/questionnaires")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        let quickscan = try String(contentsOf: GripProcess.packageRoot.appendingPathComponent("Questionnaires/quickscan.yaml"), encoding: .utf8)
        try Data(quickscan.replacingOccurrences(of: "\nid: quickscan\n", with: "\nid: eigen-scan\n").utf8).write(to: own.appendingPathComponent("eigen.yaml"))
        // GRIP_HOME is taken from the directory grip starts in, as it always was.
        let output = try GripProcess.run(["list"], home: parent, in: parent, environment: ["GRIP_HOME": "home"])
        #expect(output.status == 0, "\(output.stderr)")
        let line = try #require(Self.line(output.stdout, "eigen-scan"), "\(output.stdout)")
        #expect(line.hasSuffix("[\(own.standardizedFileURL.path)]"), "\(line)")
    }

    @Test func validateAcceptsTheBundledFilesAndFailsWithLocations() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let valid = try GripProcess.run(["validate"] + ["quickscan", "dpia-lite", "iama-lite", "ai-act", "procurement"].map { "Questionnaires/\($0).yaml" }, home: home)
        #expect(valid.status == 0, "\(valid.stdout)")
        #expect(!valid.stdout.contains("warning"), "bundled files must validate without warnings: \(valid.stdout)")

        let broken = home.appendingPathComponent("broken.yaml")
        try """
            id: broken
            version: 1.0.0
            title: {nl: Kapot, en: Broken}
            description: {nl: x, en: x}
            sections:
              - id: s
                title: {nl: S, en: S}
                questions:
                  - id: a
                    type: single
                    text: {nl: A?, en: A?}
                    help: {nl: h, en: h}
                    optoins: []
            """.write(to: broken, atomically: true, encoding: .utf8)
        let invalid = try GripProcess.run(["validate", broken.path], home: home)
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("\(broken.path):13:9: error: unknown key 'optoins' in a question; did you mean 'options'?"))
        #expect(invalid.stdout.contains("\(broken.path):9:9: error: question 'a' is single-choice and needs 'options'"))
    }

    @Test func runWritesAResultFileFromTheExampleAnswers() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let out = home.appendingPathComponent("out")
        try initKey(home: home)
        let output = try GripProcess.run(["run", "quickscan", "--answers", "Examples/answers/quickscan.yaml", "--out", out.path], home: home)
        #expect(output.status == 0, "\(output.stderr)")
        let path = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasPrefix(out.path + "/") && path.hasSuffix(".json"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(json["format"] as? String == "grip-result/1")
        let result = try #require(json["result"] as? [String: Any])
        let questionnaire = try #require(result["questionnaire"] as? [String: String])
        #expect(questionnaire["id"] == "quickscan")
        #expect(questionnaire["sha256"]?.count == 64)
        #expect((result["answers"] as? [Any])?.isEmpty == false)
        #expect((result["subject"] as? [String: String])?["system"]?.isEmpty == false)

        // A second run never overwrites the first.
        let again = try GripProcess.run(["run", "quickscan", "--answers", "Examples/answers/quickscan.yaml", "--out", out.path], home: home)
        #expect(again.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 2)
    }

    /// Every example answers file is complete and valid for its questionnaire.
    @Test func everyExampleScoresWithoutProblems() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let directory = GripProcess.packageRoot.appendingPathComponent("Examples/answers")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 10)
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let id = try #require(text.split(separator: "\n").first { $0.hasPrefix("questionnaire:") }?.split(separator: ":")[1]
                .trimmingCharacters(in: .whitespaces), "\(file) names no questionnaire")
            let output = try GripProcess.run(["score", id, "--answers", "Examples/answers/\(file)"], home: home)
            #expect(output.status == 0, "\(file): \(output.stderr)")
            #expect(output.stderr.isEmpty, "\(file): \(output.stderr)")
        }
    }

    @Test func runNamesEveryProblemInTheAnswers() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let answers = home.appendingPathComponent("answers.yaml")
        try """
            subject: {system: Test}
            answers:
              new_legislation: maybe
              has_algorithm: yes
              personal_dta: yes
              origin: stolen
            """.write(to: answers, atomically: true, encoding: .utf8)
        let output = try GripProcess.run(["run", "quickscan", "--answers", answers.path, "--out", home.path], home: home)
        #expect(output.status == 1)
        #expect(output.stderr.contains("\(answers.path):3:3: error: answer to 'new_legislation': This answer does not fit the question; expected yes, no or unknown."))
        #expect(output.stderr.contains("\(answers.path):5:3: error: unknown question 'personal_dta' in quickscan; did you mean 'personal_data'?"))
        #expect(output.stderr.contains("\(answers.path):6:3: error: answer to 'origin': ‘stolen’ is not one of the options"))
        #expect(output.stderr.contains("error: missing answer to required question 'purpose'"))
        #expect(output.stdout.isEmpty)
    }

    @Test("Exit codes: 2 for usage errors and commands not available yet", arguments: [
        ["run"], ["--no-such-flag"], ["verify"], ["keys", "init", "--name", "x"], ["keys", "nonsense"], ["export", "x.json"],
    ])
    func usageErrorsExitWithTwo(arguments: [String]) throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try GripProcess.run(arguments, home: home).status == 2)
    }

    @Test func helpIsAvailableEverywhere() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        for command in [[], ["list"], ["validate"], ["run"], ["verify"], ["keys"], ["export"]] {
            let output = try GripProcess.run(command + ["--help"], home: home)
            #expect(output.status == 0)
            #expect(output.stdout.contains("USAGE"), "\(command)")
        }
    }

    @Test func ownQuestionnairesReplaceBundledOnesAndAreListed() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let own = home.appendingPathComponent("own")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        let original = try String(contentsOf: GripProcess.packageRoot.appendingPathComponent("Questionnaires/quickscan.yaml"), encoding: .utf8)
        let bundled = try Self.bundledQuickscanVersion()
        try original.replacingOccurrences(of: "version: \(bundled)", with: "version: 99.0.0")
            .write(to: own.appendingPathComponent("quickscan.yaml"), atomically: true, encoding: .utf8)
        let output = try GripProcess.run(["list", "--questionnaires", own.path], home: home)
        #expect(Self.line(output.stdout, "quickscan")?.contains(" 99.0.0 ") == true, "\(output.stdout)")
        #expect(output.stdout.contains("replaces \(bundled) from bundled"))
        let viaEnvironment = try GripProcess.run(["list"], home: home, environment: ["GRIP_QUESTIONNAIRES": own.path])
        #expect(Self.line(viaEnvironment.stdout, "quickscan")?.contains(" 99.0.0 ") == true)
    }
}
