import ArgumentParser
import Foundation
import GripEngine

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaire files; print every problem as FILE:LINE:COLUMN.",
        discussion: "Exit status 0 when every file is valid (warnings allowed), 1 otherwise.")

    @Argument(help: "Questionnaire YAML files.") var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                printError("\(file): error: cannot read the file")
                failed = true
                continue
            }
            let report = QuestionnaireLoader.load(data, file: file)
            for diagnostic in report.diagnostics { print(diagnostic.description) }
            if let questionnaire = report.questionnaire {
                print("\(file): ok: \(questionnaire.id) \(questionnaire.version), \(questionnaire.questions.count) questions")
            } else {
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
