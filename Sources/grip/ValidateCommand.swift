import ArgumentParser
import Foundation
import GripEngine
import GripScoring

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaire and workshop case files; print every problem as FILE:LINE:COLUMN.",
        discussion: """
            Exit status 0 when every file is valid (warnings allowed), 1 otherwise. Prefill \
            names are checked against the other files given and the questionnaires Grip knows.

            A file whose top level has an 'exercises' key is a workshop case (so is an \
            unreadable file in a folder named 'cases'). Its reference answers are checked \
            against their questionnaires (the files given first, then those Grip knows), and \
            must score exactly to the outcome the case states.
            """)

    @Argument(help: "Questionnaire or workshop case YAML files.") var files: [String]
    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        try Self.validate(files, directories: questionnaires.directories)
    }

    /// The work, apart from argument parsing, so `QuickInvocation` can call it too.
    static func validate(_ files: [String], directories: [String]) throws {
        var failed = false
        var loaded: [Questionnaire] = []
        var cases: [(file: String, report: CaseLoadReport)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                printError("\(file.displaySafe): error: cannot read the file")
                failed = true
                continue
            }
            if let report = CaseLoader.loadIfCase(data, path: file) {
                cases.append((file, report))
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
        let catalog = Catalog.load(extraDirectories: directories, paths: .current())
        let wanted = Set(loaded.flatMap { $0.prefill.map(\.from) }).subtracting(loaded.map(\.id))
        let sources = loaded + catalog.entries.filter { wanted.contains($0.id) }.compactMap(\.instrument.questionsOnly)
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
        if !validateCases(cases, drafts: loaded, catalog: catalog) { failed = true }
        keepUntilExit((loaded, sources, cases, catalog))
        if failed { throw ExitCode(1) }
    }

    /// Checks each case against the questionnaires given, then those Grip knows; false
    /// when any has an error.
    private static func validateCases(_ cases: [(file: String, report: CaseLoadReport)], drafts: [Questionnaire], catalog: Catalog) -> Bool {
        guard !cases.isEmpty else { return true }
        // Only the instruments the exercises name are loaded; an unknown name needs them
        // all, so its message can suggest the closest.
        let drafted = Set(drafts.map(\.id))
        let named = Set(cases.flatMap { $0.report.workshopCase?.exercises.map(\.instrument) ?? [] })
        let everyNameKnown = named.isSubset(of: drafted.union(catalog.entries.map(\.id)))
        let known = drafts + catalog.entries
            .filter { !drafted.contains($0.id) && (!everyNameKnown || named.contains($0.id)) }
            .compactMap(\.instrument.questionnaire)
        var valid = true
        for (file, report) in cases {
            var diagnostics = report.diagnostics
            if let workshopCase = report.workshopCase {
                diagnostics += CaseCheck.diagnostics(for: workshopCase, questionnaires: known)
            }
            for diagnostic in diagnostics { Console.out(diagnostic.description) }
            guard let workshopCase = report.workshopCase, diagnostics.errors.isEmpty else {
                valid = false
                continue
            }
            let instruments = workshopCase.exercises.map(\.instrument).joined(separator: ", ")
            let count = workshopCase.exercises.count
            Console.out("\(file.displaySafe): ok: case \(workshopCase.id.displaySafe), \(count) \(count == 1 ? "exercise" : "exercises") (\(instruments.displaySafe))")
        }
        return valid
    }
}
