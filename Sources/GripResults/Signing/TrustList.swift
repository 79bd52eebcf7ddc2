import Foundation

/// The signers a privacy officer has decided to trust, by key.
public struct TrustList: Codable, Equatable, Sendable {
    public struct Signer: Codable, Equatable, Sendable {
        public var keyId: String
        public var publicKey: String
        public var name: String

        public init(keyId: String, publicKey: String, name: String) {
            self.keyId = keyId
            self.publicKey = publicKey
            self.name = name
        }
    }

    public var signers: [Signer]

    public init(signers: [Signer] = []) {
        self.signers = signers
    }

    /// The signer with exactly this key id and key. Key ids compare by scalars (a Kelvin
    /// sign is not a K), and an entry with a weak key, e.g. edited into the file by
    /// hand, never matches.
    public func signer(keyID: String, rawPublicKey: Data) -> Signer? {
        signers.first {
            $0.keyId.equalsExactly(keyID) && Data(base64Encoded: $0.publicKey) == rawPublicKey
                && Ed25519Strictness.publicKeyProblem(rawPublicKey) == nil
        }
    }

    /// Adds or renames a signer; the key id is derived, never taken on trust. Refuses a
    /// key that is small-order, non-canonical or not on the curve.
    public mutating func trust(rawPublicKey: Data, name: String) throws(Ed25519Strictness.Problem) {
        if let problem = Ed25519Strictness.publicKeyProblem(rawPublicKey) { throw problem }
        let keyID = KeyID.of(rawPublicKey: rawPublicKey)
        signers.removeAll { $0.keyId.equalsExactly(keyID) }
        signers.append(Signer(keyId: keyID, publicKey: rawPublicKey.base64EncodedString(), name: name))
    }
}
