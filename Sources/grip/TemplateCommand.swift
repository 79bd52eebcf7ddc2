import ArgumentParser
import Foundation
import GripEngine

/// `grip template`: an answers file to fill in, for trainers writing cases and authors
/// trying their rules.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an answers file skeleton for a questionnaire, to fill in.",
        discussion: """
            Every question in order, grouped by section, with its text, type and options as comments and \
            an empty value. grip score and grip run name every required question still left empty; \
            grip start --answers opens the interface with the answers filled in so far.
            """)

    @Argument(help: "The questionnaire id (see grip list).") var id: String
    @Option(help: "Language of the questions and options in the comments: nl or en.") var language: Language = .nl
    @Option(help: ArgumentHelp("Write to this file (never replaces an existing one) instead of standard output.", valueName: "file")) var out: String?
    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let questionnaire = try AnsweredSession.questionnaire(id, catalog: questionnaires.catalog(), command: "template")
        try OutputFile.write(AnswersFileText.template(for: questionnaire, language: language), to: out, command: "template")
    }
}
