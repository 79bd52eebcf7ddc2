import ArgumentParser
import Foundation
import GripEngine
import GripResults

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two results of the same system.",
        discussion: """
            First each file's verification, then what differs: subject, questionnaire version, every \
            answer, note and visibility that changed, and the outcome (levels, classifications, open \
            points). Results of different questionnaires are not compared. Exit status 0 when both \
            signatures are valid, 1 when a file is unreadable or not a result, or when a signature \
            does not vouch for its content (the differences are still shown, with a warning).
            """)

    @Argument(help: "The older result file.") var old: String
    @Argument(help: "The newer result file.") var new: String
    @Flag(help: "Print the differences and both files' verification as JSON.") var json = false
    @Option(help: "Language of level names (default: the newer result's).") var language: Language?

    func run() throws {
        let trustList = KeysCommand.trustListOrWarn(command: "diff")
        let older = try ResultArgument.open(old, trustList: trustList, command: "diff")
        let newer = try ResultArgument.open(new, trustList: trustList, command: "diff")
        let diff = ResultDiff(old: older.document, new: newer.document)
        let warnings = [older, newer].compactMap(ResultArgument.distrust)
        if json {
            for warning in warnings { printError("grip diff: \(warning)") }
            let document: JSONValue = ["old": ResultArgument.json(older), "new": ResultArgument.json(newer), "diff": diff.json]
            Console.write(Data(PrettyJSON.bytes(document)))
        } else {
            // Before the differences, so nobody reads them without knowing.
            for warning in warnings { Console.out(warning) }
            Console.out("Older: \(older.path.displaySafe): \(ResultArgument.status(older.verification))")
            Console.out("Newer: \(newer.path.displaySafe): \(ResultArgument.status(newer.verification))")
            Console.out("")
            Console.out(diff.text(language: language ?? ResultArgument.language(of: newer) ?? .nl), terminator: "")
        }
        if !warnings.isEmpty { throw ExitCode(1) }
    }
}
