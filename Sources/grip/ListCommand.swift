import ArgumentParser
import GripEngine

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the bundled and your own questionnaires: id, version, title.")

    @OptionGroup var questionnaires: QuestionnaireOptions
    @Option(help: "Language of the titles: nl or en.") var language: Language = .nl

    func run() throws {
        let catalog = questionnaires.catalog()
        let width = catalog.entries.map(\.questionnaire.id.count).max() ?? 0
        for entry in catalog.entries {
            let q = entry.questionnaire
            var line = "\(q.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(q.version.padding(toLength: 8, withPad: " ", startingAt: 0))  \(q.title[language])"
            if entry.origin != "bundled" { line += "  [\(entry.origin)]" }
            if let overrides = entry.overrides { line += "  (replaces \(overrides))" }
            print(line)
        }
        for diagnostic in catalog.diagnostics { printError(diagnostic.description) }
    }
}

extension Language: ExpressibleByArgument {}
