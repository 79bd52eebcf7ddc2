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
        var state = runner.initialState(instruments: catalog.entries.map(\.instrument), width: 80, height: 24)
        if let id, !App.openStart(id, &state) {
            printError("grip start: unknown questionnaire '\(id.displaySafe)'; available: \(catalog.entries.map(\.id.displaySafe).joined(separator: ", "))")
            throw ExitCode(1)
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if plain || term == "dumb" || term.isEmpty || isatty(STDIN_FILENO) == 0 {
            var mode = PlainMode(state: state, runner: runner, input: { readLine() }, output: { Console.out($0) })
            _ = mode.run(startWith: id)
            return
        }
        do {
            let report = ProcessInfo.processInfo.environment["GRIP_STARTUP_REPORT"]
            _ = try Runtime.run(state, backend: NcursesBackend(), runner: runner) {
                // For the end-to-end test that measures process start to first frame.
                if let report, let elapsed = ProcessClock.millisecondsSinceStart() {
                    try? "\(elapsed)\n".write(toFile: report, atomically: true, encoding: .utf8)
                }
            }
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

/// How long this process has been running, from the kernel's record of its start
/// (Linux /proc; 10 ms resolution).
enum ProcessClock {
    static func millisecondsSinceStart() -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let uptimeText = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
            let uptime = Double(uptimeText.split(separator: " ").first ?? ""),
            let closing = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3, starttime field 22.
        let fields = stat[stat.index(after: closing)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        let start = ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
        return Int(((uptime - start) * 1000).rounded())
    }
}
