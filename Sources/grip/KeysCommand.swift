import ArgumentParser
import Foundation
import GripEngine
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
                Console.out("Created signing key \(key.keyID) for \(name.displaySafe) (\(organisation.displaySafe))")
                Console.out("Private key: \(KeysCommand.store.privateKeyURL.path.displaySafe) (mode 600)")
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
            Console.out("Signer:     \(key.identity.name.displaySafe) (\(key.identity.organisation.displaySafe))")
            Console.out("Key id:     \(key.keyID)")
            Console.out("Public key: \(key.publicKeyBase64)")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print your public key as PEM (SubjectPublicKeyInfo), for others to trust or for openssl.")
        func run() throws {
            Console.out(try KeysCommand.loadOrFail().publicKeyPEM, terminator: "")
        }
    }

    struct Trust: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trust a signer's key: from a PEM file, a result file they signed, or a base64 public key.")
        @Argument(help: "A PEM public key file, a signed result file, or a base64 raw public key.") var source: String
        @Option(help: "The name to show for this signer.") var name: String

        func run() throws {
            if name.trimmingCharacters(in: .whitespaces).isEmpty || name.unicodeScalars.contains(where: DisplaySafety.isUnsafe) {
                printError("grip keys trust: the name must not be empty or contain control characters or text-direction overrides")
                throw ExitCode(1)
            }
            let raw: Data
            switch Self.publicKey(from: source) {
            case .success(let key): raw = key
            case .failure(let problem):
                printError("grip keys trust: \(source.displaySafe): \(problem.message)")
                throw ExitCode(1)
            }
            do {
                try KeysCommand.store.updateTrustList { try $0.trust(rawPublicKey: raw, name: name) }
            } catch let problem as Ed25519Strictness.Problem {
                printError("grip keys trust: \(source.displaySafe): refusing this Ed25519 public key: \(problem)")
                throw ExitCode(1)
            } catch {
                printError("grip keys trust: \(ErrorText.describe(error).en)")
                throw ExitCode(1)
            }
            Console.out("Trusted \(KeyID.of(rawPublicKey: raw)) as \(name.displaySafe)")
        }

        struct Problem: Error {
            var message: String
        }

        /// The key in a PEM file, a signed result file, or a base64 argument; otherwise
        /// what is wrong with the source, for the person to fix.
        static func publicKey(from source: String) -> Result<Data, Problem> {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
                if let raw = Data(base64Encoded: source), raw.count == 32 { return .success(raw) }
                return .failure(Problem(message: "no such file, and not a base64 public key of 32 bytes"))
            }
            if isDirectory.boolValue { return .failure(Problem(message: "is a directory; name a PEM file or a signed result file")) }
            guard let data = FileManager.default.contents(atPath: source) else {
                return .failure(Problem(message: "cannot be read (permission denied)"))
            }
            guard data.count <= ResultVerifier.maximumFileSize else {
                return .failure(Problem(message: "is larger than \(ResultVerifier.maximumFileSize / 1_000_000) MB; not a key or a result file"))
            }
            if let raw = PublicKeyPEM.decode(String(decoding: data, as: UTF8.self)) { return .success(raw) }
            guard let document = try? StrictJSONParser.parse(Array(data)) else {
                return .failure(Problem(message: "is neither a PEM Ed25519 public key nor a JSON result file"))
            }
            guard let base64 = document["signature"]?["publicKey"]?.stringValue else {
                return .failure(Problem(message: "is JSON but has no signature.publicKey; is it an unsigned result?"))
            }
            guard let raw = Data(base64Encoded: base64), raw.count == 32 else {
                return .failure(Problem(message: "its signature.publicKey is not a base64 Ed25519 key of 32 bytes"))
            }
            return .success(raw)
        }
    }

    /// The trust list; when it cannot be read, signatures are still checked but nobody
    /// counts as trusted, and the person is told why.
    static func trustListOrWarn(command: String) -> TrustList {
        do {
            return try store.loadTrustList()
        } catch {
            printError("grip \(command): warning: \(error); every signer counts as unknown")
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
