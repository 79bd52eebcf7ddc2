import ArgumentParser
import Foundation
import GripEngine

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaire files; print every problem as FILE:LINE:COLUMN.",
        discussion: """
            Exit status 0 when every file is valid (warnings allowed), 1 otherwise. Prefill \
            names are checked against the other files given and the questionnaires Grip knows.
            """)

    @Argument(help: "Questionnaire YAML files.") var files: [String]
    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        var failed = false
        var loaded: [Questionnaire] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                printError("\(file.displaySafe): error: cannot read the file")
                failed = true
                continue
            }
            let report = QuestionnaireLoader.load(data, file: file)
            for diagnostic in report.diagnostics { Console.out(diagnostic.description) }
            if let questionnaire = report.questionnaire {
                loaded.append(questionnaire)
            } else {
                failed = true
            }
        }
        // The files given come first, so a draft is checked against the other drafts.
        // Other questionnaires are loaded only when a file takes answers from them.
        let catalog = questionnaires.catalog()
        let wanted = Set(loaded.flatMap { $0.prefill.map(\.from) }).subtracting(loaded.map(\.id))
        let sources = loaded + catalog.entries.filter { wanted.contains($0.id) }.compactMap(\.instrument.questionnaire)
        let known = Set(loaded.map(\.id) + catalog.entries.map(\.id))
        for questionnaire in loaded {
            var problems = Prefill.diagnostics(for: questionnaire, sources: sources)
            for assessment in questionnaire.outcomes.assessments {
                if let instrument = assessment.instrument, !known.contains(instrument) {
                    problems.append(Diagnostic(.error, at: assessment.location, "assessment '\(assessment.id)' names instrument '\(instrument)', which is not a questionnaire Grip knows"))
                }
            }
            for problem in problems { Console.out(problem.description) }
            if problems.isEmpty {
                Console.out("\(questionnaire.file.displaySafe): ok: \(questionnaire.id.displaySafe) \(questionnaire.version.displaySafe), \(questionnaire.questions.count) questions")
            } else {
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
