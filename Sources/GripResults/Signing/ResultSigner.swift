import Crypto
import Foundation

/// Signs result documents: Ed25519 over the RFC 8785 bytes of the `result` member.
public enum ResultSigner {
    /// The complete result file content: `{format, result (with signer), signature}`.
    public static func signedDocument(result: JSONValue, key: SigningKey) throws -> JSONValue {
        guard case .object(var members) = result else {
            throw CocoaError(.coderInvalidValue)
        }
        members.removeAll { $0.key.equalsExactly("signer") }
        members.append((
            "signer",
            [
                "name": .string(key.identity.name),
                "organisation": .string(key.identity.organisation),
                "keyId": .string(key.keyID),
            ]
        ))
        let signed = JSONValue.object(members)
        let signature = try key.privateKey.signature(for: Data(CanonicalJSON.bytes(signed)))
        return [
            "format": .string(ResultDocument.format),
            "result": signed,
            "signature": [
                "algorithm": "Ed25519",
                "keyId": .string(key.keyID),
                "publicKey": .string(key.publicKeyBase64),
                "value": .string(signature.base64EncodedString()),
            ],
        ]
    }
}
