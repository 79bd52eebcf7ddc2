import ArgumentParser
import Foundation
import GripResults

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage your signing key and the signers you trust.",
        subcommands: [Init.self, Show.self, Export.self, Trust.self])

    static var store: KeyStore { KeyStore(directory: GripPaths.current().config) }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create your Ed25519 signing key (never replaces an existing one).")
        @Option(help: "Your name, as shown on results you sign.") var name: String
        @Option(help: "Your organisation.") var organisation: String

        func run() throws {
            do {
                let key = try KeysCommand.store.create(identity: SignerIdentity(name: name, organisation: organisation))
                print("Created signing key \(key.keyID) for \(name) (\(organisation))")
                print("Private key: \(KeysCommand.store.privateKeyURL.path) (mode 600)")
            } catch let error as KeyStoreError {
                printError("grip keys init: \(error)")
                throw ExitCode(1)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show your key id, public key and signer name.")
        func run() throws {
            let key = try KeysCommand.loadOrFail()
            print("Signer:     \(key.identity.name) (\(key.identity.organisation))")
            print("Key id:     \(key.keyID)")
            print("Public key: \(key.publicKeyBase64)")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print your public key as PEM (SubjectPublicKeyInfo), for others to trust or for openssl.")
        func run() throws {
            print(try KeysCommand.loadOrFail().publicKeyPEM, terminator: "")
        }
    }

    struct Trust: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trust a signer's key: from a PEM file, a result file they signed, or a base64 public key.")
        @Argument(help: "A PEM public key file, a signed result file, or a base64 raw public key.") var source: String
        @Option(help: "The name to show for this signer.") var name: String

        func run() throws {
            guard let raw = Self.publicKey(from: source) else {
                printError("grip keys trust: \(source) is not a PEM Ed25519 public key, a signed result file or a base64 public key")
                throw ExitCode(1)
            }
            var list = try KeysCommand.store.loadTrustList()
            do {
                try list.trust(rawPublicKey: raw, name: name)
            } catch {
                printError("grip keys trust: \(source): refusing this Ed25519 public key: \(error)")
                throw ExitCode(1)
            }
            try KeysCommand.store.saveTrustList(list)
            print("Trusted \(KeyID.of(rawPublicKey: raw)) as \(name)")
        }

        static func publicKey(from source: String) -> Data? {
            if let data = FileManager.default.contents(atPath: source), data.count <= ResultVerifier.maximumFileSize {
                let text = String(decoding: data, as: UTF8.self)
                if let raw = PublicKeyPEM.decode(text) { return raw }
                if let document = try? StrictJSONParser.parse(Array(data)),
                    let base64 = document["signature"]?["publicKey"]?.stringValue,
                    let raw = Data(base64Encoded: base64), raw.count == 32
                {
                    return raw
                }
                return nil
            }
            guard let raw = Data(base64Encoded: source), raw.count == 32 else { return nil }
            return raw
        }
    }

    /// The trust list; when it cannot be read, signatures are still checked but nobody
    /// counts as trusted, and the person is told why.
    static func trustListOrWarn(command: String) -> TrustList {
        do {
            return try store.loadTrustList()
        } catch {
            printError("grip \(command): warning: cannot read the trust list \(store.trustListURL.path): \(error); every signer counts as unknown")
            return TrustList()
        }
    }

    static func loadOrFail() throws -> SigningKey {
        do {
            return try store.load()
        } catch {
            printError("grip keys: \(error)")
            throw ExitCode(1)
        }
    }
}
