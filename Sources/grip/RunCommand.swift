import ArgumentParser
import Foundation
import GripEngine
import GripResults
import GripScoring

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a questionnaire headless from an answers file and write a result file.",
        discussion: "Prints the path of the result file. Exit status 1 names every unknown question, invalid answer and missing required answer.")

    @Argument(help: "The questionnaire id (see grip list).") var id: String
    @Option(help: ArgumentHelp("The answers: an answers file (YAML) or a result file.", valueName: "file")) var answers: String
    @Option(help: ArgumentHelp("Directory to write the result into (default: the data directory's results).", valueName: "dir")) var out: String?
    @Option(help: "Language recorded in the result: nl or en.") var language: Language = .nl
    @Flag(help: "A practice result for a workshop: marked as practice in the signed result, signed with this installation's practice key (no personal key needed), written to the data directory's practice/ (or --out).")
    var practice = false
    @Option(name: .customLong("case"), help: ArgumentHelp("With --practice: the workshop case this exercise is (for grip workshop summary --case).", valueName: "id"))
    var caseID: String?

    func validate() throws {
        if caseID != nil && !practice { throw ValidationError("--case goes with --practice") }
        if let caseID, !caseID.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) {
            throw ValidationError("a case id is lower-case letters, digits, - and _")
        }
    }
    @OptionGroup var questionnaires: QuestionnaireOptions

    func run() throws {
        let startedAt = Date()
        let source = try AnswersArgument.read(answers, command: "run")
        // Signing answers whose origin cannot be trusted would vouch for them anew.
        if let warning = source.distrust {
            printError("grip run: \(warning); nothing is signed")
            throw ExitCode(1)
        }
        let session = try AnsweredSession.load(id: id, answers: source, catalog: questionnaires.catalog(), command: "run")
        let questionnaire = session.questionnaire

        let key: SigningKey
        do {
            let store = KeyStore(directory: GripPaths.current().config)
            key = practice ? try store.practiceKey() : try store.load()
        } catch {
            printError("grip run: \(error)")
            throw ExitCode(1)
        }
        let resultID = UUID()
        let completedAt = Date()
        let outcome = Scorer.outcome(for: session)
        let result = ResultDocument.result(
            for: session, outcome: outcome, id: resultID, language: language, startedAt: startedAt, completedAt: completedAt, practice: practice, caseID: caseID)
        let json = Data(PrettyJSON.bytes(try ResultSigner.signedDocument(result: result, key: key)))
        // Each text is capped, but many long ones together could still pass verify's cap.
        guard json.count <= AnswerLimits.maximumResultSize else {
            printError("grip run: the result would be larger than 10 MB, more than grip verify accepts; shorten the longest answers and notes in \(answers)")
            throw ExitCode(1)
        }
        // Practice results are kept apart from real ones.
        let directory = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? (practice ? GripPaths.current().practice : GripPaths.current().results)
        let name = ResultWriter.fileName(date: completedAt, questionnaireID: questionnaire.id, system: session.subject.system, id: resultID)
        do {
            let url = try ResultWriter.writeNew(json, named: name, in: directory)
            Console.out(url.path.displaySafe)
        } catch {
            printError("grip run: cannot write the result into \(directory.path.displaySafe): \(ErrorText.describe(error).en)")
            throw ExitCode(1)
        }
    }
}

/// A session filled from an answers file or a result file, with every problem reported
/// on stderr.
enum AnsweredSession {
    static func load(id: String, answers: AnswersArgument, catalog: Catalog, command: String) throws -> Session {
        try answers.session(questionnaire(id, catalog: catalog, command: command), requireComplete: true, command: command)
    }

    static func questionnaire(_ id: String, catalog: Catalog, command: String) throws -> Questionnaire {
        guard let questionnaire = catalog.questionnaire(id) else {
            printError("grip \(command): unknown questionnaire '\(id.displaySafe)'; available: \(catalog.entries.map(\.id.displaySafe).joined(separator: ", "))")
            throw ExitCode(1)
        }
        return questionnaire
    }
}
