import ArgumentParser
import Foundation
import GripEngine
import GripResults
import GripScoring

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Show the outcome of an answers file or a result file without writing or signing anything.",
        discussion: """
            For questionnaire authors and trainers: the levels, reasons (with the answers behind them), open \
            points, scores and warnings the answers lead to. The answers are an answers file (YAML) or a \
            result file; a result names its questionnaire, so `grip score RESULT` needs no id, and so does an \
            answers file that names its questionnaire. A result whose signature does not vouch for its \
            content is still scored, with a warning, and exit status 1.
            """)

    @Argument(help: ArgumentHelp("The questionnaire id (see grip list); or, without --answers, a result or answers file.", valueName: "id-or-file"))
    var id: String
    @Option(help: ArgumentHelp("The answers: an answers file (YAML) or a result file.", valueName: "file")) var answers: String?
    @Option(help: "Language of the texts: nl or en.") var language: Language = .nl
    @Flag(help: "Print the outcome as it is stored in a result file (JSON).") var json = false
    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        try Self.score(id, answers: answers, language: language, json: json, directories: questionnaires.directories)
    }

    /// The work, apart from argument parsing, so `QuickInvocation` can call it too.
    static func score(_ id: String, answers: String?, language: Language, json: Bool, directories: [String]) throws {
        let catalog = Catalog.load(extraDirectories: directories, paths: .current())
        let source: AnswersArgument
        let questionnaireID: String
        if let answers {
            source = try AnswersArgument.read(answers, command: "score")
            questionnaireID = id
        } else {
            guard FileManager.default.fileExists(atPath: id) || catalog.questionnaire(id) == nil else {
                throw ValidationError("Give the answers with --answers FILE, or score a result file: grip score RESULT")
            }
            source = try AnswersArgument.read(id, command: "score")
            guard let named = source.questionnaireID else {
                throw ValidationError("\(id.displaySafe) does not name its questionnaire; use grip score ID --answers \(id.displaySafe)")
            }
            questionnaireID = named
        }
        let session = try AnsweredSession.load(id: questionnaireID, answers: source, catalog: catalog, command: "score")
        let outcome = Scorer.outcome(for: session)
        // Before the outcome, so nobody reads it without knowing.
        if let warning = source.distrust { printError("grip score: \(warning)") }
        if json {
            Console.out(String(decoding: PrettyJSON.bytes(OutcomeJSON.json(outcome, language: language)), as: UTF8.self), terminator: "")
        } else {
            Console.out(OutcomeText.render(outcome, language: language), terminator: "")
        }
        keepUntilExit((catalog, session, outcome))
        if source.distrust != nil { throw ExitCode(1) }
    }
}
