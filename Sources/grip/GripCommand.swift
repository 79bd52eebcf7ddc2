import ArgumentParser
import Foundation

/// `grip`: guided risk assessments of algorithms and AI systems.
@main
struct GripCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grip",
        abstract: "Guided risk assessments of algorithms and AI systems for Dutch public organisations.",
        discussion: "Without a subcommand, grip opens the terminal interface (line by line with --plain or TERM=dumb).",
        version: "0.1.0",
        subcommands: [
            StartCommand.self, ListCommand.self, ValidateCommand.self, RunCommand.self, ScoreCommand.self, VerifyCommand.self,
            ReviewCommand.self, CountersignCommand.self, DiffCommand.self, RescoreCommand.self, RegisterCommand.self, SubmitCommand.self,
            WorkshopCommand.self, KeysCommand.self, ExportCommand.self, TemplateCommand.self, AnswersCommand.self,
        ]
    )

    @Flag(help: "Line-by-line mode, for screen readers and basic terminals.") var plain = false
    @OptionGroup var questionnaires: QuestionnaireOptions

    mutating func run() throws {
        try Interface.launch(startWith: nil, plain: plain, questionnaires: questionnaires)
    }

    /// Parses and runs, mapping argument-parser's usage exit code (64) to the
    /// documented 2: 0 success, 1 failed check or invalid input, 2 usage error.
    static func main() {
        do {
            if let quick = QuickInvocation(Array(CommandLine.arguments.dropFirst())) {
                try quick.run()
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Console.out(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Console.error(message) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Options every command that looks up questionnaires shares.
struct QuestionnaireOptions: ParsableArguments {
    @Option(name: .customLong("questionnaires"), help: ArgumentHelp("Also load questionnaires from this directory (repeatable; GRIP_QUESTIONNAIRES adds more, colon-separated).", valueName: "dir"))
    var directories: [String] = []

    func catalog() -> Catalog {
        Catalog.load(extraDirectories: directories, paths: .current())
    }
}

func printError(_ text: String) {
    Console.error(text)
}
