import Crypto
import Foundation
import GripEngine

/// What verifying one result file found.
public struct VerificationReport: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// The signature matches and the key is on the trust list under this name.
        case validTrusted(signer: String)
        /// The signature matches, but the key is not on the trust list.
        case validUnknownSigner
        /// The content or key does not match the signature; says which check failed.
        case invalid(String)
        /// Not a readable result file; says what is wrong.
        case malformed(String)
        /// A well-formed result without a signature.
        case unsigned
    }

    public var status: Status
    public var keyID: String?
    /// The signer named inside the result (not proof of anything until trusted).
    public var claimedSigner: String?
    public var claimedOrganisation: String?
    /// For a valid signature by an unknown key: the trusted signer it resembles by name
    /// or organisation. Shown as a warning, never as trust.
    public var lookalike: TrustList.Lookalike?
    public var questionnaireID: String?
    public var questionnaireVersion: String?
    public var questionnaireSHA256: String?
    public var resultID: String?
    /// A result or a review; nil when the file is neither.
    public var kind: SignedKind?
    /// `training` for a practice result (workshops): never an assessment, whoever signed it.
    public var purpose: String?

    public var isPractice: Bool { purpose == ResultDocument.practicePurpose }
    /// Hex SHA-256 of the RFC 8785 bytes of the signed member, when asked for and the
    /// signature holds: what a review records of the result it covers.
    public var contentSHA256: String?

    public init(status: Status) {
        self.status = status
    }

    public var isValid: Bool {
        switch status {
        case .validTrusted, .validUnknownSigner: true
        default: false
        }
    }
}

/// Verifies result files. Never crashes or hangs on bad input: size is capped, the
/// parser is strict and bounded, and every field is checked before use.
public enum ResultVerifier {
    public static let maximumFileSize = AnswerLimits.maximumResultSize

    public static func verify(_ data: Data, trustList: TrustList) -> VerificationReport {
        var report = VerificationReport(status: .unsigned)
        func malformed(_ reason: String) -> VerificationReport {
            report.status = .malformed(reason)
            return report
        }
        func invalid(_ reason: String) -> VerificationReport {
            report.status = .invalid(reason)
            return report
        }
        guard data.count <= maximumFileSize else { return malformed("larger than 10 MB") }
        let document: JSONValue
        do {
            document = try StrictJSONParser.parse(Array(data))
        } catch {
            return malformed("not valid JSON: \(error.description)")
        }
        return verify(document: document, trustList: trustList)
    }

    /// Verifies a result already parsed with `StrictJSONParser` (so it is read once).
    public static func verify(document: JSONValue, trustList: TrustList, digest: Bool = false) -> VerificationReport {
        var report = VerificationReport(status: .unsigned)
        func malformed(_ reason: String) -> VerificationReport {
            report.status = .malformed(reason)
            return report
        }
        func invalid(_ reason: String) -> VerificationReport {
            report.status = .invalid(reason)
            return report
        }
        guard let members = document.objectValue else { return malformed("the top level is not a JSON object") }
        // Names and fixed values compare by scalars (`equalsExactly`), never by canonical
        // equivalence: a Kelvin sign is not a K.
        guard let format = document["format"]?.stringValue else { return malformed("no \"format\" member") }
        guard let kind = SignedKind.of(format: format) else { return malformed("unsupported format \"\(format)\"") }
        report.kind = kind
        if let unexpected = members.first(where: { member in !["format", kind.member, "signature"].contains { member.key.equalsExactly($0) } }) {
            return malformed("unexpected top-level member \"\(unexpected.key)\"")
        }
        guard let result = document[kind.member], result.objectValue != nil else {
            return malformed(kind == .result ? "no \"result\" object" : "no \"review\" object")
        }

        report.resultID = result["id"]?.stringValue
        report.purpose = result["purpose"]?.stringValue
        report.questionnaireID = result["questionnaire"]?["id"]?.stringValue
        report.questionnaireVersion = result["questionnaire"]?["version"]?.stringValue
        report.questionnaireSHA256 = result["questionnaire"]?["sha256"]?.stringValue
        report.claimedSigner = result[kind.signerMember]?["name"]?.stringValue
        report.claimedOrganisation = result[kind.signerMember]?["organisation"]?.stringValue

        guard let signature = document["signature"] else { return report }
        guard let signatureMembers = signature.objectValue else { return malformed("\"signature\" is not an object") }
        if let unexpected = signatureMembers.first(where: { member in !["algorithm", "keyId", "publicKey", "value"].contains { member.key.equalsExactly($0) } }) {
            return malformed("unexpected signature member \"\(unexpected.key)\"")
        }
        guard signature["algorithm"]?.stringValue?.equalsExactly("Ed25519") == true else { return malformed("signature algorithm is not Ed25519") }
        guard let keyID = signature["keyId"]?.stringValue else { return malformed("signature has no keyId") }
        report.keyID = keyID
        guard let publicKeyText = signature["publicKey"]?.stringValue, let publicKeyData = canonicalBase64(publicKeyText) else {
            return malformed("signature publicKey is not base64")
        }
        guard publicKeyData.count == 32, let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKeyData) else {
            return malformed("signature publicKey is not 32 bytes")
        }
        guard let valueText = signature["value"]?.stringValue, let value = canonicalBase64(valueText) else {
            return malformed("signature value is not base64")
        }
        guard value.count == 64 else { return malformed("signature value is not 64 bytes") }

        guard KeyID.of(rawPublicKey: publicKeyData).equalsExactly(keyID) else {
            return invalid("keyId does not belong to the public key")
        }
        guard result[kind.signerMember]?["keyId"]?.stringValue?.equalsExactly(keyID) == true else {
            return invalid(kind == .result ? "the signer inside the result names another key" : "the reviewer inside the review names another key")
        }
        // Strict Ed25519: a small-order key with a small-order R and S = 0 would verify
        // any content, and other encodings of the same point or scalar would too.
        if let problem = Ed25519Strictness.verificationKeyProblem(publicKeyData) {
            switch problem {
            case .smallOrderPoint: return invalid("the public key is a small-order Ed25519 point, which accepts forged signatures")
            default: return invalid("the public key is not a canonical Ed25519 key")
            }
        }
        if let problem = Ed25519Strictness.signatureProblem(value) {
            switch problem {
            case .smallOrderPoint: return invalid("the signature's R is a small-order Ed25519 point")
            default: return invalid("the signature is not in canonical Ed25519 form")
            }
        }
        let canonical = Data(CanonicalJSON.bytes(result))
        guard publicKey.isValidSignature(value, for: canonical) else {
            return invalid("the signature does not match the content: the result was changed after signing, or signed with another key")
        }
        if digest { report.contentSHA256 = ResultDocument.sha256Hex(canonical) }
        if let trusted = trustList.signer(keyID: keyID, rawPublicKey: publicKeyData) {
            report.status = .validTrusted(signer: trusted.name)
        } else {
            report.status = .validUnknownSigner
            report.lookalike = trustList.lookalike(name: report.claimedSigner, organisation: report.claimedOrganisation, keyID: keyID)
        }
        return report
    }

    /// Base64 with exactly one spelling: what Foundation decodes must encode back to the
    /// same text, so padding bits and other variants cannot change a verified file.
    static func canonicalBase64(_ text: String) -> Data? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString().equalsExactly(text) else { return nil }
        return data
    }
}
