import ArgumentParser
import Foundation
import GripEngine
import GripResults

extension RegisterExport.Format: ExpressibleByArgument {}

/// `grip register`: the overview of every system in register folders, for management.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "An overview of the systems in folders of results: one row per system, for a management report.",
        discussion: """
            Per system: the latest result per instrument, the levels, the latest review's verdict, open \\
            actions and their due dates, and flags (re-assessment overdue, action overdue, outdated \\
            questionnaire version, an obligation that started applying since the assessment, unknown \\
            signer, a newer questionnaire version that gives another outcome). Practice results, files that do not verify and reviews of another version are never \\
            counted; files that do not verify are listed apart. Files are verified as they are read; \\
            unchanged files are taken from an index in the cache directory.
            """)

    @Argument(help: "Folders of result and review files.") var directories: [String]
    @Option(help: "csv, markdown, html or json.") var format: RegisterExport.Format = .markdown
    @Option(help: ArgumentHelp("Write to this file (never replaces an existing one) instead of standard output.", valueName: "file")) var out: String?
    @Option(help: "Language of the texts: nl or en.") var language: Language = .nl
    @Option(help: ArgumentHelp("The date the flags are judged against (default: today).", valueName: "YYYY-MM-DD")) var today: String?
    @OptionGroup var questionnaires: QuestionnaireOptions

    func validate() throws {
        if directories.isEmpty { throw ValidationError("name at least one folder of results") }
        if let today, !ReviewDocument.isDate(today) { throw ValidationError("'\(today.displaySafe)' is not a date written YYYY-MM-DD") }
    }

    func run() throws {
        var folders: [URL] = []
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                printError("grip register: \(directory.displaySafe) is not a folder")
                throw ExitCode(1)
            }
            folders.append(URL(fileURLWithPath: directory, isDirectory: true))
        }
        let trustList = KeysCommand.trustListOrWarn(command: "register")
        let index = ResultIndex.build(directories: folders, cache: GripPaths.current().cache)
        let catalog = questionnaires.catalog()
        let versions = Dictionary(catalog.entries.map { ($0.id, $0.instrument.version) }, uniquingKeysWith: { _, last in last })
        let overview = RegisterOverview(
            index: index, trustList: trustList, currentVersions: versions, today: today ?? Self.today(), order: Catalog.preferredOrder,
            rescore: RegisterOverview.rescorer { catalog.questionnaire($0) })
        let output = RegisterExport.export(overview, format: format, language: language)
        if let out {
            let url = URL(fileURLWithPath: out)
            do {
                _ = try ResultWriter.writeNew(output, named: url.lastPathComponent, in: url.deletingLastPathComponent())
            } catch {
                printError("grip register: cannot write \(out.displaySafe): \(ErrorText.describe(error).en)")
                throw ExitCode(1)
            }
            Console.out(out.displaySafe)
        } else {
            Console.write(output)
        }
        if !overview.problems.isEmpty {
            printError("grip register: \(overview.problems.count) file(s) not counted because they do not verify or are not Grip files (listed in the overview)")
        }
    }

    /// Today's date in the local time zone, YYYY-MM-DD.
    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
