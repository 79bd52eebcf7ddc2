import ArgumentParser
import Foundation
import GripEngine
import GripResults
import GripScoring

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Show the outcome of an answers file without writing or signing a result.",
        discussion: "For questionnaire authors and trainers: the levels, reasons, open points, scores and warnings the answers lead to.")

    @Argument(help: "The questionnaire id (see grip list).") var id: String
    @Option(help: ArgumentHelp("The answers file (YAML).", valueName: "file")) var answers: String
    @Option(help: "Language of the texts: nl or en.") var language: Language = .nl
    @Flag(help: "Print the outcome as it is stored in a result file (JSON).") var json = false
    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let session = try AnsweredSession.load(id: id, answers: answers, catalog: questionnaires.catalog(), command: "score")
        let outcome = Scorer.outcome(for: session)
        if json {
            Console.out(String(decoding: PrettyJSON.bytes(OutcomeJSON.json(outcome, language: language)), as: UTF8.self), terminator: "")
        } else {
            Console.out(OutcomeText.render(outcome, language: language), terminator: "")
        }
    }
}
