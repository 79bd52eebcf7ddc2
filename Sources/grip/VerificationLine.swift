import GripEngine
import GripResults

/// How every command words a verification on one line (English, like the rest of the
/// command line), and its stable code for `--json`. Everything from the file is made safe.
enum VerificationLine {
    static func status(_ report: VerificationReport) -> String {
        let isReview = report.kind == .review
        let key = (report.keyID ?? "").displaySafe
        if report.isPractice, report.isValid {
            return "valid PRACTICE result: a workshop exercise, not an assessment (signed with practice key \(key))"
        }
        switch report.status {
        case .validTrusted(let signer):
            return (isReview ? "valid review, signed by trusted reviewer " : "valid, signed by trusted signer ") + "\(signer.displaySafe) (\(key))"
        case .validUnknownSigner:
            let organisation = report.claimedOrganisation.map { ", \($0.displaySafe)" } ?? ""
            var line = (isReview ? "valid review signature, UNKNOWN reviewer" : "valid signature, UNKNOWN signer")
                + " (key \(key) is not on your trust list; the file says \((report.claimedSigner ?? "?").displaySafe)\(organisation))"
            if let lookalike = report.lookalike {
                line += lookalike.sameName
                    ? "; WARNING: that is the name of trusted signer \(lookalike.signer.name.displaySafe), but this is not their key (theirs is \(lookalike.signer.keyId.displaySafe))"
                    : "; note: the organisation is that of trusted signer \(lookalike.signer.name.displaySafe), on another key"
            }
            return line
        case .invalid(let reason): return "INVALID: \(reason.displaySafe)"
        case .malformed(let reason): return "MALFORMED: \(reason.displaySafe)"
        case .unsigned: return "UNSIGNED: the \(isReview ? "review" : "result") has no signature"
        }
    }

    /// The status code and, for a broken file, the reason.
    static func code(_ report: VerificationReport) -> (status: String, reason: String?) {
        switch report.status {
        case .validTrusted: ("valid-trusted", nil)
        case .validUnknownSigner: ("valid-unknown-signer", nil)
        case .invalid(let reason): ("invalid", reason)
        case .malformed(let reason): ("malformed", reason)
        case .unsigned: ("unsigned", nil)
        }
    }
}
