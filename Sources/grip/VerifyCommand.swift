import ArgumentParser
import Foundation
import GripBundled
import GripEngine
import GripResults

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify that result files are genuine and unchanged.",
        discussion: """
            One line per file: valid (trusted signer), valid (unknown signer), invalid, malformed or unsigned, \
            with the reason. Exit status 0 when every file has a valid signature, 1 otherwise.
            """)

    @Argument(help: "Result files.") var files: [String]
    @Flag(help: "Also fail signatures by signers not on your trust list.") var trustedOnly = false
    @Flag(help: "One JSON object per file, for machines.") var json = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one result file") }
    }

    func run() throws {
        let store = KeyStore(directory: GripPaths.current().config)
        let trustList: TrustList
        do {
            trustList = try store.loadTrustList()
        } catch {
            // Still verify signatures; nobody counts as trusted until the list is fixed.
            printError("grip verify: warning: cannot read the trust list \(store.trustListURL.path): \(error); every signer counts as unknown")
            trustList = TrustList()
        }
        let bundledHashes = Dictionary(
            BundledQuestionnaires.files.map { (ResultDocument.sha256Hex($0.contents), $0.name) }, uniquingKeysWith: { first, _ in first })
        var allPassed = true
        for file in files {
            let report: VerificationReport
            if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > ResultVerifier.maximumFileSize {
                report = VerificationReport(status: .malformed("larger than 10 MB"))
            } else if let data = FileManager.default.contents(atPath: file) {
                report = ResultVerifier.verify(data, trustList: trustList)
            } else {
                report = VerificationReport(status: .malformed("cannot read the file"))
            }
            let passed: Bool
            switch report.status {
            case .validTrusted: passed = true
            case .validUnknownSigner: passed = !trustedOnly
            default: passed = false
            }
            allPassed = allPassed && passed
            let knownQuestionnaire = report.questionnaireSHA256.flatMap { bundledHashes[$0] }
            if json {
                print(jsonLine(file: file, report: report, passed: passed, knownQuestionnaire: knownQuestionnaire))
            } else {
                print(textLine(file: file, report: report, knownQuestionnaire: knownQuestionnaire))
            }
        }
        if !allPassed { throw ExitCode(1) }
    }

    private func textLine(file: String, report: VerificationReport, knownQuestionnaire: String?) -> String {
        var line = "\(file): "
        switch report.status {
        case .validTrusted(let signer): line += "valid, signed by trusted signer \(signer) (\(report.keyID ?? ""))"
        case .validUnknownSigner: line += "valid, but the signer is unknown: \(report.claimedSigner ?? "?") (\(report.keyID ?? ""))"
        case .invalid(let reason): line += "INVALID: \(reason)"
        case .malformed(let reason): line += "MALFORMED: \(reason)"
        case .unsigned: line += "UNSIGNED: the result has no signature"
        }
        if report.isValid, let id = report.questionnaireID {
            line += knownQuestionnaire != nil
                ? "; questionnaire \(id) \(report.questionnaireVersion ?? "") matches the bundled version"
                : "; questionnaire \(id) \(report.questionnaireVersion ?? "") is not a bundled version"
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
        return String(decoding: CanonicalJSON.bytes(.object(members)), as: UTF8.self)
    }
}
