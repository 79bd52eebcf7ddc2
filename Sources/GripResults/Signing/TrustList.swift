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

    /// The signer with exactly this key id (a Kelvin sign is not a K) and key.
    public func signer(keyID: String, rawPublicKey: Data) -> Signer? {
        signers.first { $0.keyId.equalsExactly(keyID) && Data(base64Encoded: $0.publicKey) == rawPublicKey }
    }

    /// Adds or renames a signer; the key id is derived, never taken on trust.
    public mutating func trust(rawPublicKey: Data, name: String) {
        let keyID = KeyID.of(rawPublicKey: rawPublicKey)
        signers.removeAll { $0.keyId.equalsExactly(keyID) }
        signers.append(Signer(keyId: keyID, publicKey: rawPublicKey.base64EncodedString(), name: name))
    }
}
