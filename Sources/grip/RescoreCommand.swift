import ArgumentParser
import Foundation
import GripEngine
import GripResults

struct RescoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore",
        abstract: "Run a result's answers through the current version of its questionnaire.",
        discussion: """
            Says whether the outcome would change, and why: levels and classifications old → new, \
            required questions the result does not answer (read as "don't know", so they can only raise \
            a level), and stored answers the questionnaire no longer accepts. Nothing is written. Exit \
            status 0 when the result's signature is valid; 1 when the file is unreadable or not a result, \
            its questionnaire is not known here, or its signature does not vouch for its answers (the \
            rescore is still shown, with a warning).
            """)

    @Argument(help: "The result file.") var file: String
    @Flag(help: "Print the rescore and the file's verification as JSON.") var json = false
    @Option(help: "Language of the current questionnaire's texts and level names (default: the result's).") var language: Language?
    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let opened = try ResultArgument.open(file, trustList: KeysCommand.trustListOrWarn(command: "rescore"), command: "rescore")
        guard let id = opened.document["result"]?["questionnaire"]?["id"]?.stringValue else {
            printError("grip rescore: \(file.displaySafe) names no questionnaire")
            throw ExitCode(1)
        }
        let catalog = questionnaires.catalog()
        guard let questionnaire = catalog.questionnaire(id) else {
            for problem in catalog.problems(id) { printError(problem.description) }
            printError("grip rescore: \(file.displaySafe) is a result of questionnaire '\(id.displaySafe)', which is not known here; available: \(catalog.entries.map(\.id.displaySafe).joined(separator: ", "))")
            throw ExitCode(1)
        }
        let language = language ?? ResultArgument.language(of: opened) ?? .nl
        let rescore: Rescore
        do {
            rescore = try Rescore(document: opened.document, questionnaire: questionnaire, language: language)
        } catch {
            printError("grip rescore: \(file.displaySafe): \(error.description.displaySafe)")
            throw ExitCode(1)
        }
        let warning = ResultArgument.distrust(opened)
        if json {
            if let warning { printError("grip rescore: \(warning)") }
            let document: JSONValue = ["result": ResultArgument.json(opened), "rescore": rescore.json(language: language)]
            Console.write(Data(PrettyJSON.bytes(document)))
        } else {
            if let warning { Console.out(warning) }
            Console.out("\(opened.path.displaySafe): \(ResultArgument.status(opened.verification))")
            Console.out(rescore.text(language: language), terminator: "")
        }
        if warning != nil { throw ExitCode(1) }
    }
}
