import Crypto
import Foundation
import GripEngine

/// Problems with the signing key, each saying how to fix it.
public enum KeyStoreError: Error, Equatable, CustomStringConvertible {
    case noKey(path: String)
    case alreadyExists(path: String)
    case tooOpen(path: String, mode: String)
    case unreadable(path: String, reason: String)
    case unsafeIdentity(field: String)
    case badTrustList(path: String, reason: LocalizedText)

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
        case .badTrustList(let path, let reason):
            "the trust list \(path) cannot be read: \(reason.en). Nothing was changed; repair or move the file and try again"
        case .unsafeIdentity(let field):
            "the \(field) must be \(field == "name" ? "1 to 200" : "at most 200") characters without control characters or text-direction overrides; it is shown to everyone who checks your results"
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
    /// The key practice results are signed with (workshops): one per installation, made on
    /// first use, never on the trust list, so a practice result is never taken for real.
    public var practiceKeyURL: URL { directory.appendingPathComponent("practice-key.json") }

    private struct StoredKey: Codable {
        var name: String
        var organisation: String
        var privateKey: String
    }

    public var hasKey: Bool { FileManager.default.fileExists(atPath: privateKeyURL.path) }

    /// Creates a new key (mode 0600, never replacing one) and trusts it on this machine.
    public func create(identity: SignerIdentity) throws -> SigningKey {
        // A name is printed wherever a result is checked: refuse anything that could
        // disguise a line of output (escape sequences, bidi overrides, line breaks).
        for (field, value) in [("name", identity.name), ("organisation", identity.organisation)] {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            // The organisation may be left empty; the name may not.
            if (trimmed.isEmpty && field == "name") || value.count > 200 || value.unicodeScalars.contains(where: DisplaySafety.isUnsafe) {
                throw KeyStoreError.unsafeIdentity(field: field)
            }
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Fail before creating anything when the trust list cannot take the new key.
        _ = try loadTrustList()
        let key = SigningKey(identity: identity)
        try write(key, to: privateKeyURL)
        try updateTrustList { try $0.trust(rawPublicKey: key.rawPublicKey, name: identity.name) }
        return key
    }

    /// The practice key, made (without asking anything) the first time it is needed.
    public func practiceKey() throws -> SigningKey {
        if FileManager.default.fileExists(atPath: practiceKeyURL.path) { return try load(from: practiceKeyURL) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = SigningKey(identity: SignerIdentity(name: "Oefensleutel (practice key)", organisation: "Grip-workshop"))
        do {
            try write(key, to: practiceKeyURL)
        } catch KeyStoreError.alreadyExists {
            // Another process made it a moment ago: use that one.
            return try load(from: practiceKeyURL)
        }
        return key
    }

    /// Writes a key file: O_EXCL, so nothing is ever overwritten; 0600 from the first byte on.
    private func write(_ key: SigningKey, to url: URL) throws {
        let stored = StoredKey(name: key.identity.name, organisation: key.identity.organisation, privateKey: key.privateKey.rawRepresentation.base64EncodedString())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(stored)
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw KeyStoreError.alreadyExists(path: url.path) }
            throw KeyStoreError.unreadable(path: url.path, reason: String(cString: strerror(errno)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: data)
        try handle.synchronize()
    }

    /// Loads the key, refusing a file that group or others can read (as ssh does).
    public func load() throws -> SigningKey { try load(from: privateKeyURL) }

    private func load(from url: URL) throws -> SigningKey {
        let path = url.path
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

    /// The trust list; none yet is an empty list. A file that exists but cannot be read
    /// is an error naming the file and what is wrong, never silently an empty list.
    public func loadTrustList() throws -> TrustList {
        let path = trustListURL.path
        guard FileManager.default.fileExists(atPath: path) else { return TrustList() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KeyStoreError.badTrustList(path: path, reason: LocalizedText(nl: "geen toegang", en: "permission denied"))
        }
        do {
            return try JSONDecoder().decode(TrustList.self, from: data)
        } catch let error as DecodingError {
            throw KeyStoreError.badTrustList(path: path, reason: DecodingProblem.describe(error))
        }
    }

    /// Reads, changes and writes the trust list under a lock, so concurrent `keys trust`
    /// commands all keep their entry; written atomically.
    public func updateTrustList(_ change: (inout TrustList) throws -> Void) throws {
        try FileLock.withLock(on: trustListURL) {
            var list = try loadTrustList()
            try change(&list)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            _ = try AtomicFile.replace(try encoder.encode(list), named: trustListURL.lastPathComponent, in: directory)
        }
    }
}
