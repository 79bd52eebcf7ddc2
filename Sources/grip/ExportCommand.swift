import ArgumentParser
import Foundation
import GripResults

extension ResultExporter.Format: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a result as Markdown, printable HTML, JSON or CSV.",
        discussion: """
            Markdown and HTML show the subject, the outcome per assessment with reasons, sources and open \
            points, the dimension scores as a bar chart, every answer with its note, and the signature \
            status with the key fingerprint. JSON is the file as is (characters that would drive a terminal \
            written as \\u escapes: the same data, still verifying); CSV has one row per answer. Text from the \
            file is never printed raw.
            """)

    @Argument(help: "The result file.") var file: String
    @Option(help: "markdown, html, json or csv.") var format: ResultExporter.Format
    @Option(help: ArgumentHelp("Write to this file (never replaces an existing one) instead of standard output.", valueName: "file")) var out: String?
    @Flag(help: "Export a file that does not verify anyway, marked as untrustworthy (to show the problem to others).") var allowInvalid = false

    func run() throws {
        let opened: OpenedResult
        do {
            opened = try ResultFile.open(file, trustList: KeysCommand.trustListOrWarn(command: "export"))
        } catch {
            printError("grip export: \(ErrorText.describe(error).en)")
            throw ExitCode(1)
        }
        if !opened.verification.isValid {
            // A report of a tampered file would look like a genuine one: only on request,
            // and then marked at the top (Markdown, HTML) or on every row (CSV).
            let reason = opened.verification.status.reason(.en) ?? "it is not signed"
            guard allowInvalid else {
                printError("grip export: \(file.displaySafe) does not verify (\(reason.displaySafe)); not exported. Use --allow-invalid to export it marked as untrustworthy.")
                throw ExitCode(1)
            }
            printError("grip export: warning: \(file.displaySafe) does not verify (\(reason.displaySafe)); the export is marked as untrustworthy")
        }
        let output = ResultExporter.export(opened.report, original: opened.data, format: format)
        if let out {
            let url = URL(fileURLWithPath: out)
            do {
                _ = try ResultWriter.writeNew(output, named: url.lastPathComponent, in: url.deletingLastPathComponent())
            } catch let error as CocoaError where error.code == .fileWriteFileExists {
                printError("grip export: \(out.displaySafe) already exists; choose another name")
                throw ExitCode(1)
            }
            Console.out(out.displaySafe)
        } else {
            Console.write(output)
        }
    }
}
