import ArgumentParser
import Foundation
import GripBundled
import GripResults

extension ResultExporter.Format: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a result as Markdown, printable HTML, JSON or CSV, or for the Algoritmeregister.",
        discussion: """
            Markdown and HTML show the subject, the outcome per assessment with reasons, sources and open \
            points, the dimension scores as a bar chart, every answer with its note, and the signature \
            status with the key fingerprint. JSON is the file as is (characters that would drive a terminal \
            written as \\u escapes: the same data, still verifying); CSV has one row per answer. Text from the \
            file is never printed raw.

            algoritmeregister writes, as JSON, the fields of the Algoritmeregister publication standard \
            (\(AlgoritmeregisterStandard.version)) that the answers can fill, the fields left to fill by hand \
            with a hint, and where each value came from. Add results of other questionnaires about the same \
            system with --with to fill more. A result that does not verify is refused (exit 1); an unknown \
            signer is allowed and named in the provenance.
            """)

    @Argument(help: "The result file.") var file: String
    @Option(help: "markdown, html, json, csv or algoritmeregister.") var format: ResultExporter.Format
    @Option(
        name: .customLong("with"),
        help: ArgumentHelp("Another result about the same system, to fill more register fields (repeatable; algoritmeregister only).", valueName: "file"))
    var others: [String] = []
    @Option(help: ArgumentHelp("Write to this file (never replaces an existing one) instead of standard output.", valueName: "file")) var out: String?
    @Flag(help: "Export a file that does not verify anyway, marked as untrustworthy (to show the problem to others).") var allowInvalid = false

    func validate() throws {
        if !others.isEmpty && format != .algoritmeregister {
            throw ValidationError("--with only works with --format algoritmeregister")
        }
    }

    func run() throws {
        let trustList = KeysCommand.trustListOrWarn(command: "export")
        func open(_ path: String) throws -> OpenedResult {
            do {
                return try ResultFile.open(path, trustList: trustList)
            } catch {
                printError("grip export: \(ErrorText.describe(error).en)")
                throw ExitCode(1)
            }
        }
        let opened = try open(file)
        let output: Data
        if format == .algoritmeregister {
            output = try registerExport(first: opened, others: others.map(open))
        } else {
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
            output = ResultExporter.export(opened.report, original: opened.data, format: format)
        }
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

    /// Refuses, naming the file and the reason, anything that may not reach a public register.
    func registerExport(first: OpenedResult, others: [OpenedResult]) throws -> Data {
        let inputs = ([first] + others).map { AlgoritmeregisterExport.Input(file: $0.path, document: $0.document, verification: $0.verification) }
        let bundled = Set(BundledQuestionnaires.files.map { $0.sha256 ?? ResultDocument.sha256Hex($0.contents) })
        do throws(AlgoritmeregisterExport.Refusal) {
            return try AlgoritmeregisterExport.data(inputs, bundledQuestionnaires: bundled)
        } catch {
            printError("grip export: \(error.description.displaySafe)")
            throw ExitCode(1)
        }
    }
}
