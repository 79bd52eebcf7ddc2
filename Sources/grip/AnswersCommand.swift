import ArgumentParser
import Foundation
import GripEngine
import GripResults

/// `grip answers`: a result's answers as an answers file, to score again, change one
/// answer and compare, or walk through live with `grip start --answers`.
struct AnswersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answers",
        abstract: "Write the answers file that reproduces a result.",
        discussion: """
            The subject, every shown answer with its note, and hidden answers as comments (they did not \
            count). grip score with the same questionnaire version gives the result's outcome. A result \
            whose signature does not vouch for its content is still written, with a warning naming the \
            file, and exit status 1: its answers cannot be trusted.
            """)

    @Argument(help: "The result file.") var file: String
    @Option(help: ArgumentHelp("Write to this file (never replaces an existing one) instead of standard output.", valueName: "file")) var out: String?

    func run() throws {
        let opened = try ResultArgument.open(file, trustList: KeysCommand.trustListOrWarn(command: "answers"), command: "answers")
        let warning = ResultArgument.distrust(opened)
        guard let text = ResultAnswersFile.text(of: opened.document, file: URL(fileURLWithPath: file).lastPathComponent, warning: warning) else {
            printError("grip answers: \(file.displaySafe) names no questionnaire")
            throw ExitCode(1)
        }
        if let warning { printError("grip answers: \(warning)") }
        try OutputFile.write(text, to: out, command: "answers")
        if warning != nil { throw ExitCode(1) }
    }
}
