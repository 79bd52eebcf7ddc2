import Crypto
import Foundation

/// Problems with the signing key, each saying how to fix it.
public enum KeyStoreError: Error, Equatable, CustomStringConvertible {
    case noKey(path: String)
    case alreadyExists(path: String)
    case tooOpen(path: String, mode: String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .noKey(let path):
            "no signing key at \(path); create one with: grip keys init --name NAME --organisation ORG"
        case .alreadyExists(let path):
            "a signing key already exists at \(path); it is never overwritten"
        case .tooOpen(let path, let mode):
            "the private key \(path) can be read by others (mode \(mode)); refusing to use it. Fix with: chmod 600 \(path)"
        case .unreadable(let path, let reason):
            "cannot read the signing key \(path): \(reason)"
        }
    }
}

/// The signer's key and the trust list, in the configuration directory.
public struct KeyStore: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public var privateKeyURL: URL { directory.appendingPathComponent("signing-key.json") }
    public var trustListURL: URL { directory.appendingPathComponent("trusted-signers.json") }

    private struct StoredKey: Codable {
        var name: String
        var organisation: String
        var privateKey: String
    }

    public var hasKey: Bool { FileManager.default.fileExists(atPath: privateKeyURL.path) }

    /// Creates a new key (mode 0600, never replacing one) and trusts it on this machine.
    public func create(identity: SignerIdentity) throws -> SigningKey {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = SigningKey(identity: identity)
        let stored = StoredKey(name: identity.name, organisation: identity.organisation, privateKey: key.privateKey.rawRepresentation.base64EncodedString())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(stored)
        // O_EXCL: fail rather than overwrite; 0600 from the first byte on.
        let descriptor = open(privateKeyURL.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw KeyStoreError.alreadyExists(path: privateKeyURL.path) }
            throw KeyStoreError.unreadable(path: privateKeyURL.path, reason: String(cString: strerror(errno)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: data)
        try handle.synchronize()
        var trust = try loadTrustList()
        try trust.trust(rawPublicKey: key.rawPublicKey, name: identity.name)
        try saveTrustList(trust)
        return key
    }

    /// Loads the key, refusing a file that group or others can read (as ssh does).
    public func load() throws -> SigningKey {
        let path = privateKeyURL.path
        var info = stat()
        guard stat(path, &info) == 0 else { throw KeyStoreError.noKey(path: path) }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 { throw KeyStoreError.tooOpen(path: path, mode: String(mode, radix: 8)) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KeyStoreError.unreadable(path: path, reason: "permission denied")
        }
        guard let stored = try? JSONDecoder().decode(StoredKey.self, from: data),
            let raw = Data(base64Encoded: stored.privateKey),
            let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else {
            throw KeyStoreError.unreadable(path: path, reason: "not a Grip signing key")
        }
        // A derived key is always sound; checked anyway so a damaged key never signs.
        if let problem = Ed25519Strictness.publicKeyProblem(privateKey.publicKey.rawRepresentation) {
            throw KeyStoreError.unreadable(path: path, reason: "its public key is not usable: \(problem)")
        }
        return SigningKey(privateKey: privateKey, identity: SignerIdentity(name: stored.name, organisation: stored.organisation))
    }

    public func loadTrustList() throws -> TrustList {
        guard let data = FileManager.default.contents(atPath: trustListURL.path) else { return TrustList() }
        return try JSONDecoder().decode(TrustList.self, from: data)
    }

    public func saveTrustList(_ list: TrustList) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try encoder.encode(list).write(to: trustListURL, options: .atomic)
    }
}
