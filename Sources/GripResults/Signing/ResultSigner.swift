import Crypto
import Foundation

/// Signs result documents: Ed25519 over the RFC 8785 bytes of the `result` member.
public enum ResultSigner {
    public static func signedDocument(result: JSONValue, key: SigningKey) throws -> JSONValue {
        try sign(result, as: .result, key: key)
    }

    /// A review (`grip-review/1`), signed by the reviewer under the same rules as a result.
    public static func signedReview(_ review: JSONValue, key: SigningKey) throws -> JSONValue {
        try sign(review, as: .review, key: key)
    }

    static func sign(_ content: JSONValue, as kind: SignedKind, key: SigningKey) throws -> JSONValue {
        guard case .object(var members) = content else {
            throw CocoaError(.coderInvalidValue)
        }
        members.removeAll { $0.key.equalsExactly(kind.signerMember) }
        members.append((
            kind.signerMember,
            [
                "name": .string(key.identity.name),
                "organisation": .string(key.identity.organisation),
                "keyId": .string(key.keyID),
            ]
        ))
        let signed = JSONValue.object(members)
        let signature = try key.privateKey.signature(for: Data(CanonicalJSON.bytes(signed)))
        return .object([
            ("format", .string(kind.format)),
            (kind.member, signed),
            ("signature", [
                "algorithm": "Ed25519",
                "keyId": .string(key.keyID),
                "publicKey": .string(key.publicKeyBase64),
                "value": .string(signature.base64EncodedString()),
            ]),
        ])
    }
}

/// The two signed document kinds: the same envelope, a different member and signer.
public enum SignedKind: Sendable, Equatable {
    case result
    case review

    public var format: String { self == .result ? ResultDocument.format : ReviewDocument.format }
    /// The signed member: `result` or `review`.
    public var member: String { self == .result ? "result" : "review" }
    /// Who signed, inside the signed member: `signer` or `reviewer`.
    public var signerMember: String { self == .result ? "signer" : "reviewer" }

    static func of(format: String) -> SignedKind? {
        if format.equalsExactly(ResultDocument.format) { return .result }
        if format.equalsExactly(ReviewDocument.format) { return .review }
        return nil
    }
}
