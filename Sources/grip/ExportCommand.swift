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
            status with the key fingerprint. JSON is the file as is; CSV has one row per answer.
            """)

    @Argument(help: "The result file.") var file: String
    @Option(help: "markdown, html, json or csv.") var format: ResultExporter.Format
    @Option(help: ArgumentHelp("Write to this file (never replaces an existing one) instead of standard output.", valueName: "file")) var out: String?

    func run() throws {
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > ResultVerifier.maximumFileSize {
            printError("grip export: \(file): larger than 10 MB; not a Grip result")
            throw ExitCode(1)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("grip export: cannot read \(file)")
            throw ExitCode(1)
        }
        let trustList = (try? KeyStore(directory: GripPaths.current().config).loadTrustList()) ?? TrustList()
        let verification = ResultVerifier.verify(data, trustList: trustList)
        let document: JSONValue
        do {
            document = try StrictJSONParser.parse(Array(data))
        } catch {
            printError("grip export: \(file) is not a result file: \(error)")
            throw ExitCode(1)
        }
        guard document["result"]?.objectValue != nil else {
            printError("grip export: \(file) is not a result file: it has no 'result'")
            throw ExitCode(1)
        }
        if !verification.isValid {
            // Still exported, so the problem can be shown to others; the report says it too.
            printError("grip export: warning: \(file) does not verify; the export says so")
        }
        let output = ResultExporter.export(ResultReport(document: document, verification: verification), original: data, format: format)
        if let out {
            let url = URL(fileURLWithPath: out)
            do {
                _ = try ResultWriter.writeNew(output, named: url.lastPathComponent, in: url.deletingLastPathComponent())
            } catch let error as CocoaError where error.code == .fileWriteFileExists {
                printError("grip export: \(out) already exists; choose another name")
                throw ExitCode(1)
            }
            print(out)
        } else {
            FileHandle.standardOutput.write(output)
        }
    }
}
