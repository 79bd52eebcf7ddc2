import ArgumentParser
import GripEngine

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the bundled and your own questionnaires: id, version, title.")

    @OptionGroup var questionnaires: QuestionnaireOptions
    @Option(help: "Language of the titles: nl or en.") var language: Language = .nl

    func run() throws {
        Self.list(language: language, directories: questionnaires.directories)
    }

    /// The work, apart from argument parsing, so `QuickInvocation` can call it too.
    static func list(language: Language, directories: [String]) {
        let catalog = Catalog.load(extraDirectories: directories, paths: .current())
        let width = catalog.entries.map(\.id.count).max() ?? 0
        for entry in catalog.entries {
            let q = entry.instrument
            // Own questionnaires are files from elsewhere: every field is made safe to print.
            var line = "\(column(q.id.displaySafe, width))  \(column(q.version.displaySafe, 8))  \(q.title[language].displaySafe)"
            if entry.origin != "bundled" { line += "  [\(entry.origin.displaySafe)]" }
            if let overrides = entry.overrides { line += "  (replaces \(overrides.displaySafe))" }
            Console.out(line)
        }
        for diagnostic in catalog.diagnostics { printError(diagnostic.description) }
    }
}

/// `text` cut or padded with spaces to `width` characters (Foundation's padding bridges
/// to NSString, which showed in the start-up time of `grip list`).
private func column(_ text: String, _ width: Int) -> String {
    let count = text.count
    return count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - count)
}

extension Language: ExpressibleByArgument {}
