import ArgumentParser
import Foundation
import GripTerminal
import GripBundled
import GripEngine
import GripResults
import GripTUI

/// Opens the full-screen interface, or the line-by-line mode for screen readers and
/// basic terminals.
enum Interface {
    static func launch(
        startWith id: String?, answers: String? = nil, plain: Bool, questionnaires: QuestionnaireOptions, desk: [String]? = nil,
        presentation: WorkshopSummary? = nil, workshop: Bool = false
    ) throws {
        let catalog = questionnaires.catalog()
        for diagnostic in catalog.diagnostics { printError(diagnostic.description) }
        // Problems in the answers are printed before the interface takes the screen, and
        // errors keep it closed. Missing answers are fine: they are answered live.
        var answered: Session?
        if let id, let answers {
            let questionnaire = try AnsweredSession.questionnaire(id, catalog: catalog, command: "start")
            let source = try AnswersArgument.read(answers, command: "start")
            answered = try source.session(questionnaire, requireComplete: false, command: "start")
            if let warning = source.distrust { printError("grip start: warning: \(warning)") }
        }
        let paths = GripPaths.current()
        let runner = EffectRunner(configDirectory: paths.config, dataDirectory: paths.data)
        runner.cacheDirectory = paths.cache
        var state = runner.initialState(instruments: catalog.entries.map(\.instrument), width: 80, height: 24)
        var pending: [Effect] = []
        if let answered {
            pending = App.openStart(answers: answered, &state)
        } else if let id, !App.openStart(id, &state) {
            printError("grip start: unknown questionnaire '\(id.displaySafe)'; available: \(catalog.entries.map(\.id.displaySafe).joined(separator: ", "))")
            throw ExitCode(1)
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        let plainMode = plain || term == "dumb" || term.isEmpty || isatty(STDIN_FILENO) == 0
        if let desk {
            guard !plainMode else {
                printError("grip review: the review desk needs a full terminal; use grip register DIR for an overview, grip verify and grip diff for single files")
                throw ExitCode(1)
            }
            pending = App.openDesk(desk.isEmpty ? state.deskDirectories : desk, &state)
        }
        state.cases = WorkshopCases.bundled()
        if workshop { App.openWorkshop(&state) }
        if let presentation {
            guard !plainMode else {
                printError("grip workshop summary --present: presentation mode needs a full terminal; without --present the summary is printed")
                throw ExitCode(1)
            }
            App.openPresentation(presentation, &state)
        }
        if plainMode {
            var mode = PlainMode(state: state, runner: runner, input: { readLine() }, output: { Console.out($0) })
            _ = mode.run(startWith: id, answers: answered)
            return
        }
        do {
            let report = ProcessInfo.processInfo.environment["GRIP_STARTUP_REPORT"]
            _ = try Runtime.run(state, backend: NcursesBackend(), runner: runner, initialEffects: pending) {
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

/// The bundled workshop cases (checked by the test suite; one that does not load is left out).
enum WorkshopCases {
    static func bundled() -> [WorkshopCase] {
        BundledCases.files.compactMap { CaseLoader.load($0.contents, file: "bundled:cases/\($0.name)").workshopCase }
    }

    /// The case's reference for the group summary: answers in words as results store them,
    /// and the level per assessment.
    static func reference(_ workshopCase: WorkshopCase, questionnaireID: String, catalog: Catalog) -> WorkshopSummary.Reference? {
        guard let exercise = workshopCase.exercises.first(where: { $0.instrument == questionnaireID }),
            let questionnaire = catalog.questionnaire(questionnaireID)
        else { return nil }
        return WorkshopSummary.Reference(session: exercise.referenceSession(in: questionnaire).session)
    }
}

/// `grip review`: the review desk on folders of results.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Open the review desk on folders of result files (a shared drive, a synced folder, a git register).",
        discussion: """
            Without folders: your own results and the register folders opened before. Folders given are \
            remembered for next time. Files are verified in the background as the list fills; unchanged files \
            are taken from an index in the cache directory, and the desk says so.
            """)

    @Argument(help: "Folders of result and review files.") var directories: [String] = []
    @Flag(inversion: .prefixedNo, help: "For a folder in a git register with an upstream: fetch the latest first (git pull --ff-only). Asked when not given.")
    var pull: Bool?
    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        var folders: [String] = []
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                printError("grip review: \(directory.displaySafe) is not a folder")
                throw ExitCode(1)
            }
            folders.append(URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL.path)
        }
        if !folders.isEmpty { RegisterFolders.remember(folders) }
        offerPull(folders)
        try Interface.launch(startWith: nil, plain: false, questionnaires: questionnaires, desk: folders)
    }

    /// A register kept in git may have newer results on the server: offer to fetch them
    /// before the desk reads the folder. Nothing happens without git or an upstream.
    func offerPull(_ folders: [String]) {
        guard pull != false else { return }
        var seen = Set<String>()
        for folder in folders {
            guard let repository = GitRepository.workTree(containing: URL(fileURLWithPath: folder, isDirectory: true)),
                seen.insert(repository.root.path).inserted, (try? repository.hasUpstream()) == true
            else { continue }
            if pull == nil {
                guard isatty(STDIN_FILENO) == 1 else { continue }
                Console.out("\(folder.displaySafe) is a git register. Fetch the latest results first (git pull --ff-only)? [Y/n] ", terminator: "")
                let answer = (readLine() ?? "n").trimmingCharacters(in: .whitespaces).lowercased()
                guard answer.isEmpty || answer.hasPrefix("y") || answer.hasPrefix("j") else { continue }
            }
            do {
                switch try repository.pull() {
                case .upToDate: Console.out("\(folder.displaySafe): up to date")
                case .updated(_, let to): Console.out("\(folder.displaySafe): updated to \(to.prefix(10).displaySafe)")
                }
            } catch {
                printError("grip review: could not pull \(folder.displaySafe): \(ErrorText.describe(error).en); the desk shows the folder as it is")
            }
        }
    }
}

/// The register folders the desk opens by default, kept in the settings.
enum RegisterFolders {
    static func remember(_ folders: [String]) {
        let paths = GripPaths.current()
        let runner = EffectRunner(configDirectory: paths.config, dataDirectory: paths.data)
        var settings = runner.currentSettings()
        let before = settings
        for folder in folders where !settings.registerFolders.contains(folder) && folder != paths.results.standardizedFileURL.path {
            settings.registerFolders.append(folder)
        }
        if settings != before { _ = runner.run(.saveSettings(settings)) }
    }
}

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Open a questionnaire directly in the terminal interface.")

    @Argument(help: "The questionnaire id (see grip list).") var id: String
    @Option(help: ArgumentHelp("Start with these answers: an answers file (YAML) or a result file. Its problems are named first; with errors the interface does not open.", valueName: "file"))
    var answers: String?
    @Flag(help: "Line-by-line mode, for screen readers and basic terminals.") var plain = false
    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        try Interface.launch(startWith: id, answers: answers, plain: plain, questionnaires: questionnaires)
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
