import ArgumentParser
import Foundation
import GripTerminal
import GripTUI

/// Opens the full-screen interface, or the line-by-line mode for screen readers and
/// basic terminals.
enum Interface {
    static func launch(startWith id: String?, plain: Bool, questionnaires: QuestionnaireOptions) throws {
        let catalog = questionnaires.catalog()
        for diagnostic in catalog.diagnostics { printError(diagnostic.description) }
        let paths = GripPaths.current()
        let runner = EffectRunner(configDirectory: paths.config, dataDirectory: paths.data)
        var state = runner.initialState(instruments: catalog.entries.map(\.questionnaire), width: 80, height: 24)
        if let id, !App.openStart(id, &state) {
            printError("grip start: unknown questionnaire '\(id)'; available: \(catalog.entries.map(\.questionnaire.id).joined(separator: ", "))")
            throw ExitCode(1)
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if plain || term == "dumb" || term.isEmpty || isatty(STDIN_FILENO) == 0 {
            var mode = PlainMode(state: state, runner: runner, input: { readLine() }, output: { print($0) })
            _ = mode.run(startWith: id)
            return
        }
        do {
            _ = try Runtime.run(state, backend: NcursesBackend(), runner: runner)
        } catch {
            printError("grip: \(error)")
            throw ExitCode(1)
        }
    }
}

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Open a questionnaire directly in the terminal interface.")

    @Argument(help: "The questionnaire id (see grip list).") var id: String
    @Flag(help: "Line-by-line mode, for screen readers and basic terminals.") var plain = false
    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        try Interface.launch(startWith: id, plain: plain, questionnaires: questionnaires)
    }
}
