import ArgumentParser
import Foundation
import GripEngine
import GripResults

/// The answers named on the command line of `grip score`, `grip run` and `grip start`:
/// an answers file (YAML) or a result file, told apart by content (a JSON object with
/// `format: grip-result/1`), never by extension.
struct AnswersArgument {
    enum Source {
        case answersFile(AnswersFile)
        case result(OpenedResult, ResultAnswers)
    }

    let path: String
    let source: Source

    /// The questionnaire the file says it is for, if it says.
    var questionnaireID: String? {
        switch source {
        case .answersFile(let file): file.questionnaireID
        case .result(_, let answers): answers.questionnaireID
        }
    }

    /// For a result whose signature does not vouch for its content: the warning.
    var distrust: String? {
        guard case .result(let opened, _) = source else { return nil }
        return ResultArgument.distrust(opened)
    }

    /// Reads and parses the file; a file that cannot be read or parsed ends the command
    /// (exit 1) with every problem named.
    static func read(_ path: String, command: String) throws -> AnswersArgument {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("\(path.displaySafe): error: cannot read the answers file")
            throw ExitCode(1)
        }
        if let document = resultDocument(data) {
            let opened = try ResultArgument.open(path, trustList: KeysCommand.trustListOrWarn(command: command), command: command, parsed: (data, document))
            guard let answers = ResultAnswers(document: opened.document) else {
                printError("grip \(command): \(path.displaySafe) names no questionnaire")
                throw ExitCode(1)
            }
            return AnswersArgument(path: path, source: .result(opened, answers))
        }
        switch AnswersFile.parse(data, file: path) {
        case .failure(let error):
            printError(error.description)
            throw ExitCode(1)
        case .success(let file):
            return AnswersArgument(path: path, source: .answersFile(file))
        }
    }

    /// The parsed file when it is a JSON object whose `format` is a result's. Anything
    /// else is read as YAML (JSON without that member too: it is YAML, and the answers
    /// file reader names its keys).
    static func resultDocument(_ data: Data) -> JSONValue? {
        guard data.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{"),
            data.count <= ResultVerifier.maximumFileSize,
            let document = try? StrictJSONParser.parse(Array(data)),
            document["format"]?.stringValue == ResultDocument.format
        else { return nil }
        return document
    }

    /// A session of `questionnaire` with the file's answers and notes. Every problem is
    /// printed (errors, then warnings); errors end the command with exit 1. Missing
    /// required answers are errors only with `requireComplete`.
    func session(_ questionnaire: Questionnaire, requireComplete: Bool, command: String) throws -> Session {
        var session = Session(questionnaire: questionnaire)
        var errors: [String] = []
        var warnings: [String] = []
        switch source {
        case .answersFile(let file):
            let diagnostics = file.apply(to: &session, requireComplete: requireComplete)
            errors = diagnostics.errors.map(\.description)
            warnings = diagnostics.warnings.map(\.description)
        case .result(let opened, let answers):
            let file = path.displaySafe
            if answers.questionnaireID != questionnaire.id {
                errors.append("\(file): error: this is a result of '\(answers.questionnaireID.displaySafe)', not of '\(questionnaire.id)'")
            } else {
                let replay = answers.replay(on: questionnaire)
                session = replay.session
                for rejected in replay.rejected {
                    let question = rejected.entry.question.displaySafe
                    switch rejected.reason {
                    case .questionRemoved:
                        errors.append("\(file): error: answer to '\(question)': \(questionnaire.id) \(questionnaire.version) has no such question")
                    case .notAccepted(let problem):
                        errors.append("\(file): error: answer to '\(question)': \(problem.message(in: .en).displaySafe)")
                    }
                }
                for index in session.missingRequired where requireComplete {
                    let question = questionnaire.questions[index]
                    errors.append("\(file): error: missing answer to required question '\(question.id)' (\(question.text.en.displaySafe))")
                }
                let stored = opened.document["result"]?["questionnaire"]
                if let sha = stored?["sha256"]?.stringValue, sha != questionnaire.sourceSHA256 {
                    let version = stored?["version"]?.stringValue?.displaySafe ?? "?"
                    warnings.append("\(file): warning: made with \(questionnaire.id) \(version), read with \(questionnaire.id) \(questionnaire.version) (grip rescore shows what that changes)")
                }
            }
        }
        for line in errors + warnings { printError(line) }
        guard errors.isEmpty else { throw ExitCode(1) }
        return session
    }
}

/// Output of `grip template` and `grip answers`: to standard output, or to a new file
/// (never replacing one) whose path is printed.
enum OutputFile {
    static func write(_ text: String, to out: String?, command: String) throws {
        guard let out else {
            Console.out(text, terminator: "")
            return
        }
        let url = URL(fileURLWithPath: out)
        do {
            _ = try ResultWriter.writeNew(Data(text.utf8), named: url.lastPathComponent, in: url.deletingLastPathComponent())
        } catch let error as CocoaError where error.code == .fileWriteFileExists {
            printError("grip \(command): \(out.displaySafe) already exists; choose another name")
            throw ExitCode(1)
        } catch {
            printError("grip \(command): cannot write \(out.displaySafe): \(ErrorText.describe(error).en.displaySafe)")
            throw ExitCode(1)
        }
        Console.out(out.displaySafe)
    }
}
