import ArgumentParser
import Foundation
import GripEngine
import GripResults

extension WorkshopSummaryExport.Format: ExpressibleByArgument {}

/// `grip workshop`: for trainers running AI-literacy workshops.
struct WorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop",
        abstract: "For AI-literacy workshops: practise a case (without a key of your own), and the group's results side by side.",
        discussion: "Without a subcommand: the case list in the interface. Choose a case, read its story, work the exercise, and compare your answers with the reference.",
        subcommands: [Summary.self])

    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        try Interface.launch(startWith: nil, plain: false, questionnaires: questionnaires, workshop: true)
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "summary",
            abstract: "Summarise the practice results participants saved to a folder (a shared folder or a stick).",
            discussion: """
                Per question the distribution of answers and how many gave the most common one, per assessment \\
                the distribution of levels, the questions the group disagreed on most first. Only practice results \\
                that verify count (real results and changed files are listed apart); with several questionnaires \\
                in the folder, the most common one is summarised unless --questionnaire says which.
                """)

        @Argument(help: "The folder of practice results.") var directory: String
        @Option(name: .customLong("case"), help: "Only results of this case.") var caseID: String?
        @Option(help: "Only results of this questionnaire.") var questionnaire: String?
        @Option(help: "text, markdown, html or json.") var format: WorkshopSummaryExport.Format = .text
        @Option(help: "Language of the texts: nl or en.") var language: Language = .nl
        @Flag(help: "Show it full screen for a projector: the outcomes, then one question at a time (arrows to move).") var present = false
        @OptionGroup var questionnaires: QuestionnaireOptions

        func run() throws {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                printError("grip workshop summary: \(directory.displaySafe) is not a folder")
                throw ExitCode(1)
            }
            let trustList = KeysCommand.trustListOrWarn(command: "workshop summary")
            var results: [(path: String, document: JSONValue, verification: VerificationReport)] = []
            for path in VerifyCommand.expand([directory]) where !ReviewDocument.isReviewFileName(URL(fileURLWithPath: path).lastPathComponent) {
                do {
                    let opened = try ResultFile.open(path, trustList: trustList)
                    results.append((path, opened.document, opened.verification))
                } catch {
                    results.append((path, .null, VerificationReport(status: .malformed("not a Grip result"))))
                }
            }
            // With a bundled case, agreement is with its reference answers and outcome.
            let first = WorkshopSummary(results: results, questionnaireID: questionnaire, caseID: caseID)
            let reference = caseID.flatMap { id in
                WorkshopCases.bundled().first { $0.id == id }.flatMap { WorkshopCases.reference($0, questionnaireID: first.questionnaireID, catalog: questionnaires.catalog()) }
            }
            let summary = reference.map { WorkshopSummary(results: results, questionnaireID: first.questionnaireID, caseID: caseID, reference: $0) } ?? first
            guard summary.participants > 0 else {
                printError("grip workshop summary: no practice results\(caseID.map { " of case \($0.displaySafe)" } ?? "") in \(directory.displaySafe)")
                throw ExitCode(1)
            }
            if present {
                try Interface.launch(startWith: nil, plain: false, questionnaires: questionnaires, presentation: summary)
                return
            }
            Console.write(WorkshopSummaryExport.export(summary, format: format, language: language))
        }
    }
}
