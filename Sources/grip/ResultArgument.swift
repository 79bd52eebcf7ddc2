import Foundation
import ArgumentParser
import GripEngine
import GripResults

/// A result file named on the command line of `grip diff` and `grip rescore`: opened,
/// verified, and described in the words of `grip verify`.
enum ResultArgument {
    /// The file parsed and verified. A file that cannot be read, is not JSON, is not a
    /// result or is malformed ends the command: exit 1, naming the file.
    /// `parsed`: the file's bytes and JSON when the caller has them already.
    static func open(_ path: String, trustList: TrustList, command: String, parsed: (data: Data, document: JSONValue)? = nil) throws -> OpenedResult {
        let opened: OpenedResult
        do {
            if let parsed {
                opened = try ResultFile.open(path, data: parsed.data, document: parsed.document, trustList: trustList)
            } else {
                opened = try ResultFile.open(path, trustList: trustList)
            }
        } catch {
            printError("grip \(command): \(ErrorText.describe(error).en.displaySafe)")
            throw ExitCode(1)
        }
        if case .malformed(let reason) = opened.verification.status {
            printError("grip \(command): \(path.displaySafe) is not a well-formed result: \(reason.displaySafe)")
            throw ExitCode(1)
        }
        return opened
    }

    /// A warning for a file whose signature does not vouch for its content (tampered,
    /// wrong key or unsigned); nil when the signature is valid, trusted or not.
    static func distrust(_ opened: OpenedResult) -> String? {
        switch opened.verification.status {
        case .invalid(let reason): "INVALID: \(opened.path.displaySafe): \(reason.displaySafe); its content cannot be trusted"
        case .unsigned: "UNSIGNED: \(opened.path.displaySafe) has no signature; its content cannot be trusted"
        default: nil
        }
    }

    /// The verification in one line, as `grip verify` words it.
    static func status(_ report: VerificationReport) -> String { VerificationLine.status(report) }

    /// The file and its verification as JSON, with `grip verify --json`'s status words.
    static func json(_ opened: OpenedResult) -> JSONValue {
        let report = opened.verification
        let (status, reason) = VerificationLine.code(report)
        var members: [(key: String, value: JSONValue)] = [("file", .string(opened.path)), ("status", .string(status)), ("signatureValid", .bool(report.isValid))]
        if let reason { members.append(("reason", .string(reason))) }
        if let keyID = report.keyID { members.append(("keyId", .string(keyID))) }
        if case .validTrusted(let signer) = report.status { members.append(("signer", .string(signer))) }
        if let claimed = report.claimedSigner { members.append(("claimedSigner", .string(claimed))) }
        return .object(members)
    }

    /// The language a result is written in, when it is one Grip knows.
    static func language(of opened: OpenedResult) -> Language? {
        opened.document["result"]?["language"]?.stringValue.flatMap(Language.init(rawValue:))
    }
}
