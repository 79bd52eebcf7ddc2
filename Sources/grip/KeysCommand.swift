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
        // Names given, not derived: deriving one demangles the type name at every start.
        static let configuration = CommandConfiguration(commandName: "init", abstract: "Create your Ed25519 signing key (never replaces an existing one).")
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
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show your key id, public key and signer name.")
        func run() throws {
            let key = try KeysCommand.loadOrFail()
            Console.out("Signer:     \(key.identity.name.displaySafe) (\(key.identity.organisation.displaySafe))")
            Console.out("Key id:     \(key.keyID)")
            Console.out("Public key: \(key.publicKeyBase64)")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Print your public key as PEM (SubjectPublicKeyInfo), for others to trust or for openssl.")
        func run() throws {
            Console.out(try KeysCommand.loadOrFail().publicKeyPEM, terminator: "")
        }
    }

    struct Trust: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trust",
            abstract: "Trust a signer's key: from a PEM file, a result file they signed, or a base64 public key.",
            discussion: """
                A key is only as trustworthy as the way it reached you: anyone can sign a file with any \
                name. So grip prints the key id and trusts it only when you confirm it is the key id the \
                signer gave you through another channel (in person, by phone, on the intranet): with \
                --key-id, or by typing it when asked. Without that, nothing is trusted.
                """)
        @Argument(help: "A PEM public key file, a signed result file, or a base64 raw public key.") var source: String
        @Option(help: "The name to show for this signer.") var name: String
        @Option(help: "Their organisation (taken from a result file when not given).") var organisation: String?
        @Option(name: .customLong("key-id"), help: ArgumentHelp("The key id the signer gave you through another channel; the key is trusted only when it matches.", valueName: "SHA256:…"))
        var keyID: String?

        /// Typed confirmation must name at least this much of the key id (96 bits), so a key
        /// made to share a short prefix with the real one is not enough.
        static let minimumTypedCharacters = 16

        func run() throws {
            var given = [("name", name)]
            if let organisation { given.append(("organisation", organisation)) }
            for (label, text) in given where !Self.isPlainName(text) {
                printError("grip keys trust: the \(label) must not be empty or contain control characters or text-direction overrides")
                throw ExitCode(1)
            }
            let found: Found
            switch Self.publicKey(from: source) {
            case .success(let key): found = key
            case .failure(let problem):
                printError("grip keys trust: \(source.displaySafe): \(problem.message)")
                throw ExitCode(1)
            }
            if let problem = Ed25519Strictness.publicKeyProblem(found.raw) {
                printError("grip keys trust: \(source.displaySafe): refusing this Ed25519 public key: \(problem)")
                throw ExitCode(1)
            }
            let keyID = KeyID.of(rawPublicKey: found.raw)
            Console.out("Key id: \(keyID)")
            if let claimed = found.claimedSigner {
                let organisation = found.claimedOrganisation.map { " (\($0.displaySafe))" } ?? ""
                Console.out("The file says it was signed by \(claimed.displaySafe)\(organisation); anyone can write any name.")
            }
            guard confirm(keyID) else { throw ExitCode(1) }
            do {
                try KeysCommand.store.updateTrustList {
                    try $0.trust(rawPublicKey: found.raw, name: name, organisation: organisation ?? found.claimedOrganisation.flatMap { Self.isPlainName($0) ? $0 : nil })
                }
            } catch let problem as Ed25519Strictness.Problem {
                printError("grip keys trust: \(source.displaySafe): refusing this Ed25519 public key: \(problem)")
                throw ExitCode(1)
            } catch {
                printError("grip keys trust: \(ErrorText.describe(error).en)")
                throw ExitCode(1)
            }
            Console.out("Trusted \(keyID) as \(name.displaySafe)")
        }

        /// True when the person confirmed the key id: given with --key-id, or typed at the prompt.
        private func confirm(_ keyID: String) -> Bool {
            if let given = self.keyID {
                guard Self.normalized(given) == Self.normalized(keyID) else {
                    printError("grip keys trust: the key id you gave (\(given.displaySafe)) is not this key's id (\(keyID)); nothing was trusted")
                    return false
                }
                return true
            }
            guard isatty(STDIN_FILENO) == 1 else {
                printError("grip keys trust: nothing was trusted. Compare the key id above with the one \(name.displaySafe) gave you through another channel (in person, by phone), then run again with --key-id \(keyID)")
                return false
            }
            Console.out("Compare it with the key id \(name.displaySafe) gave you in person, by phone or another channel than this file.")
            Console.out("Type the key id they gave you (at least the first \(Self.minimumTypedCharacters) characters after SHA256:), or press Enter to cancel:")
            let typed = Self.normalized(readLine() ?? "")
            let expected = Self.normalized(keyID)
            guard typed.count >= Self.minimumTypedCharacters, expected.hasPrefix(typed) else {
                printError(typed.isEmpty
                    ? "grip keys trust: cancelled; nothing was trusted"
                    : "grip keys trust: that does not match this key's id (or is shorter than \(Self.minimumTypedCharacters) characters); nothing was trusted")
                return false
            }
            return true
        }

        static func isPlainName(_ text: String) -> Bool {
            !text.trimmingCharacters(in: .whitespaces).isEmpty && !text.unicodeScalars.contains(where: DisplaySafety.isUnsafe)
        }

        /// The key id without its `SHA256:` prefix and without spaces, as people copy it.
        static func normalized(_ keyID: String) -> String {
            var text = keyID.filter { !$0.isWhitespace }
            if text.hasPrefix("SHA256:") { text.removeFirst("SHA256:".count) }
            return text
        }

        struct Found {
            var raw: Data
            var claimedSigner: String?
            var claimedOrganisation: String?
        }

        struct Problem: Error {
            var message: String
        }

        /// The key in a PEM file, a signed result file, or a base64 argument; otherwise
        /// what is wrong with the source, for the person to fix.
        static func publicKey(from source: String) -> Result<Found, Problem> {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
                if let raw = Data(base64Encoded: source), raw.count == 32 { return .success(Found(raw: raw)) }
                return .failure(Problem(message: "no such file, and not a base64 public key of 32 bytes"))
            }
            if isDirectory.boolValue { return .failure(Problem(message: "is a directory; name a PEM file or a signed result file")) }
            guard let data = FileManager.default.contents(atPath: source) else {
                return .failure(Problem(message: "cannot be read (permission denied)"))
            }
            guard data.count <= ResultVerifier.maximumFileSize else {
                return .failure(Problem(message: "is larger than \(ResultVerifier.maximumFileSize / 1_000_000) MB; not a key or a result file"))
            }
            if let raw = PublicKeyPEM.decode(String(decoding: data, as: UTF8.self)) { return .success(Found(raw: raw)) }
            guard let document = try? StrictJSONParser.parse(Array(data)) else {
                return .failure(Problem(message: "is neither a PEM Ed25519 public key nor a JSON result file"))
            }
            guard let base64 = document["signature"]?["publicKey"]?.stringValue else {
                return .failure(Problem(message: "is JSON but has no signature.publicKey; is it an unsigned result?"))
            }
            guard let raw = Data(base64Encoded: base64), raw.count == 32 else {
                return .failure(Problem(message: "its signature.publicKey is not a base64 Ed25519 key of 32 bytes"))
            }
            // A practice key signs workshop exercises on one machine; trusting it elsewhere
            // would let anything it signs pass for a colleague's assessment.
            if document["result"]?["purpose"]?.stringValue == ResultDocument.practicePurpose {
                return .failure(Problem(message: "is a practice result from a workshop; its practice key is not a person's key and is never trusted"))
            }
            let signer = document["result"]?["signer"]
            return .success(Found(raw: raw, claimedSigner: signer?["name"]?.stringValue, claimedOrganisation: signer?["organisation"]?.stringValue))
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
