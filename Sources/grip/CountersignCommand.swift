import ArgumentParser
import Foundation
import GripEngine
import GripResults

extension Review.Verdict: ExpressibleByArgument {}

/// `grip countersign`: a privacy officer's signed review of one result, written beside it.
struct CountersignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "countersign",
        abstract: "Review a result: record your verdict, remarks and actions in a signed review file beside it.",
        discussion: """
            The review (format grip-review/1) is signed with your key and covers exactly this signed version \
            of the result: its id, the SHA-256 of its canonical result and its signature value. It is \
            written beside the result as RESULT.review-XXXXXXXX.json, never replacing a file, and its path \
            is printed. Give each --action with its --owner and --due, in the same order. When the result \
            is committed in a git work tree (a register), the review is committed there too; --push pushes it.
            """)

    @Argument(help: "The result file to review.") var file: String
    @Option(help: "agree, agree-with-conditions, disagree or more-information-needed.") var verdict: Review.Verdict
    @Option(help: "Your remarks on the result as a whole.") var remark: String = ""
    @Option(name: .customLong("judgement"), help: ArgumentHelp("Your view of one assessment, as ASSESSMENT=TEXT (e.g. dpia=…). Repeatable.", valueName: "assessment=text"))
    var judgements: [String] = []
    @Option(name: .customLong("action"), help: ArgumentHelp("An action to take (repeatable).", valueName: "text")) var actions: [String] = []
    @Option(name: .customLong("owner"), help: ArgumentHelp("Who takes the action given at the same position.", valueName: "name")) var owners: [String] = []
    @Option(name: .customLong("due"), help: ArgumentHelp("When the action at the same position is due.", valueName: "YYYY-MM-DD")) var dues: [String] = []
    @Option(name: .customLong("next-review"), help: ArgumentHelp("When the result should be reviewed again.", valueName: "YYYY-MM-DD")) var nextReview: String?
    @Flag(help: "Push the review's commit to the register's upstream (the result must be in a git register).") var push = false

    func validate() throws {
        guard owners.count == actions.count, dues.count == actions.count else {
            throw ValidationError("give each --action its own --owner and --due (now \(actions.count) actions, \(owners.count) owners, \(dues.count) due dates)")
        }
        for date in dues + [nextReview].compactMap({ $0 }) where !ReviewDocument.isDate(date) {
            throw ValidationError("'\(date.displaySafe)' is not a date written YYYY-MM-DD")
        }
        for text in [remark] + actions + owners + judgements {
            if text.count > AnswerLimits.maximumTextLength {
                throw ValidationError("a text is longer than \(AnswerLimits.maximumTextLength) characters")
            }
            // Line breaks are fine in a remark; codes that drive a terminal are not.
            if text.unicodeScalars.contains(where: { DisplaySafety.isUnsafe($0) && $0 != "\n" }) {
                throw ValidationError("texts must not contain control characters or text-direction overrides")
            }
        }
        for (index, text) in actions.enumerated() where text.trimmingCharacters(in: .whitespaces).isEmpty || owners[index].trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("action \(index + 1) needs a text and an owner")
        }
        for judgement in judgements where Self.judgement(judgement) == nil {
            throw ValidationError("--judgement takes ASSESSMENT=TEXT, e.g. dpia=\"Eens, maar …\"; got '\(judgement.displaySafe)'")
        }
    }

    static func judgement(_ text: String) -> Review.Judgement? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let assessment = text[..<equals].trimmingCharacters(in: .whitespaces)
        let remark = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !assessment.isEmpty, !remark.isEmpty else { return nil }
        return Review.Judgement(assessment: assessment, remark: remark)
    }

    func run() throws {
        let trustList = KeysCommand.trustListOrWarn(command: "countersign")
        let key: SigningKey
        do {
            key = try KeysCommand.store.load()
        } catch {
            printError("grip countersign: \(error)")
            throw ExitCode(1)
        }
        let opened: OpenedResult
        do {
            opened = try ResultFile.open(file, trustList: trustList)
        } catch {
            printError("grip countersign: \(ErrorText.describe(error).en)")
            throw ExitCode(1)
        }
        if let warning = opened.verification.signerWarning(.en) {
            printError("grip countersign: note: \(warning.displaySafe)")
        }
        let actionList = actions.indices.map { Review.Action(text: actions[$0], owner: owners[$0], due: dues[$0]) }
        let url: URL
        do {
            url = try ReviewWriter.write(
                opened: opened, key: key, verdict: verdict, remarks: remark,
                judgements: judgements.compactMap(Self.judgement), actions: actionList, nextReview: nextReview)
            Console.out(url.path.displaySafe)
        } catch ReviewWriter.Problem.resultDoesNotVerify(let reason) {
            printError("grip countersign: \(file.displaySafe) does not verify (\(reason.displaySafe)); a review can only cover a genuine, unchanged result")
            throw ExitCode(1)
        } catch ReviewWriter.Problem.practice {
            printError("grip countersign: \(file.displaySafe) is a practice result from a workshop, not an assessment; it cannot be reviewed")
            throw ExitCode(1)
        } catch ReviewWriter.Problem.unknownAssessment(let assessment, let known) {
            printError("grip countersign: the result has no assessment '\(assessment.displaySafe)'; it has: \(known.joined(separator: ", ").displaySafe)")
            throw ExitCode(2)
        } catch {
            printError("grip countersign: cannot write the review beside \(file.displaySafe): \(ErrorText.describe(error).en)")
            throw ExitCode(1)
        }
        // A result committed in a git register gets its review committed beside it.
        let resultID = opened.document["result"]?["id"]?.stringValue ?? ""
        try RegisterGit.commitReview(
            url, of: URL(fileURLWithPath: file), message: "Grip: review (\(verdict.rawValue)) of \(RegisterGit.messagePart(resultID))", push: push)
    }
}
