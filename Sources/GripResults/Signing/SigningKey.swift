import Crypto
import Foundation

/// Who signs: shown in results and in verification reports.
public struct SignerIdentity: Codable, Equatable, Sendable {
    public var name: String
    public var organisation: String

    public init(name: String, organisation: String) {
        self.name = name
        self.organisation = organisation
    }
}

/// Key identifiers as the result contract defines them.
public enum KeyID {
    /// `SHA256:` + unpadded base64 of SHA-256 of the 32-byte raw public key (as ssh prints fingerprints).
    public static func of(rawPublicKey: Data) -> String {
        var digest = Data(SHA256.hash(data: rawPublicKey)).base64EncodedString()
        // Padding only ever ends the text (Foundation's replacingOccurrences showed in `grip score`).
        while digest.hasSuffix("=") { digest.removeLast() }
        return "SHA256:" + digest
    }
}

/// An Ed25519 private key with the identity it signs as.
public struct SigningKey: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey
    public let identity: SignerIdentity

    public init(privateKey: Curve25519.Signing.PrivateKey = .init(), identity: SignerIdentity) {
        self.privateKey = privateKey
        self.identity = identity
    }

    public var rawPublicKey: Data { privateKey.publicKey.rawRepresentation }
    public var publicKeyBase64: String { rawPublicKey.base64EncodedString() }
    public var keyID: String { KeyID.of(rawPublicKey: rawPublicKey) }

    /// The public key as a PEM SubjectPublicKeyInfo (RFC 8410), readable by `openssl pkey -pubin`.
    public var publicKeyPEM: String {
        PublicKeyPEM.encode(rawPublicKey: rawPublicKey)
    }
}

/// PEM SubjectPublicKeyInfo for Ed25519 keys (RFC 8410): a fixed 12-byte DER header
/// followed by the 32-byte key.
public enum PublicKeyPEM {
    static let header: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    public static func encode(rawPublicKey: Data) -> String {
        let der = Data(header) + rawPublicKey
        return "-----BEGIN PUBLIC KEY-----\n\(der.base64EncodedString())\n-----END PUBLIC KEY-----\n"
    }

    /// The raw 32-byte key from a PEM, or `nil` if it is not an Ed25519 public key.
    public static func decode(_ pem: String) -> Data? {
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        guard let der = Data(base64Encoded: body), der.count == 44, Array(der.prefix(12)) == header else { return nil }
        return der.suffix(32)
    }
}
