import ArgumentParser
import Foundation
import GripBundled
import GripEngine
import GripResults
import Synchronization

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify that result files are genuine and unchanged.",
        discussion: """
            One line per file: valid (trusted signer), valid (unknown signer), invalid, malformed or unsigned, \
            with the reason. Exit status 0 when every file has a valid signature, 1 otherwise.
            """)

    @Argument(help: "Result files, or directories whose .json files are all verified.") var files: [String]
    @Flag(help: "Also fail signatures by signers not on your trust list.") var trustedOnly = false
    @Flag(help: "One JSON object per file, for machines.") var json = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one result file") }
    }

    func run() throws {
        let trustList = KeysCommand.trustListOrWarn(command: "verify")
        let bundledHashes = Dictionary(
            BundledQuestionnaires.files.map { (ResultDocument.sha256Hex($0.contents), $0.name) }, uniquingKeysWith: { first, _ in first })
        let paths = Self.expand(files)
        // Files are independent: verify them on every core, report in the order given.
        let collected = Mutex([VerificationReport?](repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let report = ResultFile.verify(paths[index], trustList: trustList)
            collected.withLock { $0[index] = report }
        }
        let reports = collected.withLock { $0 }
        var allPassed = true
        for (file, report) in zip(paths, reports.map { $0! }) {
            let passed: Bool
            switch report.status {
            case .validTrusted: passed = true
            // A name borrowed from a trusted signer fails even without --trusted-only.
            case .validUnknownSigner: passed = !trustedOnly && report.lookalike?.sameName != true
            default: passed = false
            }
            allPassed = allPassed && passed
            let knownQuestionnaire = report.questionnaireSHA256.flatMap { bundledHashes[$0] }
            if json {
                Console.out(jsonLine(file: file, report: report, passed: passed, knownQuestionnaire: knownQuestionnaire))
            } else {
                Console.out(textLine(file: file, report: report, knownQuestionnaire: knownQuestionnaire))
            }
        }
        if !allPassed { throw ExitCode(1) }
    }

    /// Directories stand for the `.json` files directly inside them, sorted by name.
    static func expand(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else { return [argument] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
            return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { URL(fileURLWithPath: argument).appendingPathComponent($0).path }
        }
    }

    private func textLine(file: String, report: VerificationReport, knownQuestionnaire: String?) -> String {
        var line = "\(file.displaySafe): "
        switch report.status {
        case .validTrusted(let signer): line += "valid, signed by trusted signer \(signer.displaySafe) (\((report.keyID ?? "").displaySafe))"
        case .validUnknownSigner:
            let organisation = report.claimedOrganisation.map { ", \($0.displaySafe)" } ?? ""
            line += "valid signature, UNKNOWN signer (key \((report.keyID ?? "").displaySafe) is not on your trust list; the file says \((report.claimedSigner ?? "?").displaySafe)\(organisation))"
            if let lookalike = report.lookalike {
                line += lookalike.sameName
                    ? "; WARNING: that is the name of trusted signer \(lookalike.signer.name.displaySafe), but this is not their key (theirs is \(lookalike.signer.keyId.displaySafe))"
                    : "; note: the organisation is that of trusted signer \(lookalike.signer.name.displaySafe), on another key"
            }
        case .invalid(let reason): line += "INVALID: \(reason.displaySafe)"
        case .malformed(let reason): line += "MALFORMED: \(reason.displaySafe)"
        case .unsigned: line += "UNSIGNED: the result has no signature"
        }
        if report.isValid, let id = report.questionnaireID {
            line += knownQuestionnaire != nil
                ? "; questionnaire \(id.displaySafe) \((report.questionnaireVersion ?? "").displaySafe) matches the bundled version"
                : "; questionnaire \(id.displaySafe) \((report.questionnaireVersion ?? "").displaySafe) is not a bundled version"
        }
        return line
    }

    private func jsonLine(file: String, report: VerificationReport, passed: Bool, knownQuestionnaire: String?) -> String {
        let (status, reason): (String, String?) =
            switch report.status {
            case .validTrusted: ("valid-trusted", nil)
            case .validUnknownSigner: ("valid-unknown-signer", nil)
            case .invalid(let reason): ("invalid", reason)
            case .malformed(let reason): ("malformed", reason)
            case .unsigned: ("unsigned", nil)
            }
        var members: [(key: String, value: JSONValue)] = [
            ("file", .string(file)), ("status", .string(status)), ("passed", .bool(passed)),
            ("questionnaireKnown", .bool(knownQuestionnaire != nil)),
        ]
        if let reason { members.append(("reason", .string(reason))) }
        if let keyID = report.keyID { members.append(("keyId", .string(keyID))) }
        if case .validTrusted(let signer) = report.status { members.append(("signer", .string(signer))) }
        if let id = report.questionnaireID { members.append(("questionnaire", .string(id))) }
        if let claimed = report.claimedSigner { members.append(("claimedSigner", .string(claimed))) }
        if let lookalike = report.lookalike {
            members.append(("resembles", .object([
                ("signer", .string(lookalike.signer.name)), ("keyId", .string(lookalike.signer.keyId)),
                ("sameName", .bool(lookalike.sameName)),
            ])))
        }
        return PrettyJSON.line(.object(members))
    }
}
