import Crypto
import Foundation
import GripEngine
import GripScoring
import Testing
@testable import GripResults

/// A fixed-seed corpus of mutated signed results, checked by Grip's verifier and by the
/// independent `Tools/verify-result.py`: no false accept, no crash, the same verdict.
struct MutationCorpusTests {
    enum Expectation: String {
        /// Same meaning (layout, key order, escapes): both verifiers must accept it.
        case valid
        /// Changed, malformed or forged: both must refuse it.
        case rejected
        /// Random bytes: whatever the verdict, the two must agree and no change may pass.
        case either
    }

    /// A signed document mutants start from, with its nodes listed once.
    struct Base {
        var text: JSONText
        var document: JSONValue
        var canonicalResult: [UInt8]
        var canonicalSignature: [UInt8]
        var strings: [(path: [JSONStep], node: JSONText)]
        var numbers: [(path: [JSONStep], node: JSONText)]
        var objects: [(path: [JSONStep], node: JSONText)]
        var resultIndex: Int, signatureIndex: Int
        var signerKeyIDPath: [JSONStep]
        /// Strings, and objects with keys, that NFC or NFD would change.
        var normalisableStrings: [(path: [JSONStep], node: JSONText)]
        var normalisableKeyObjects: [(path: [JSONStep], node: JSONText)]

        init(_ document: JSONValue) {
            self.document = document
            text = JSONText(document)
            canonicalResult = CanonicalJSON.bytes(document["result"] ?? .null)
            canonicalSignature = CanonicalJSON.bytes(document["signature"] ?? .null)
            let nodes = text.nodes()
            strings = nodes.filter { if case .token(let t) = $0.node { t.hasPrefix("\"") } else { false } }
            numbers = nodes.filter { if case .token(let t) = $0.node { t.first == "-" || t.first?.isNumber == true } else { false } }
            objects = nodes.filter { if case .object(let m) = $0.node { !m.isEmpty } else { false } }
            resultIndex = text.memberIndex("result")!
            signatureIndex = text.memberIndex("signature")!
            guard case .object(let top) = text, case .object(let result) = top[resultIndex].value, let signer = top[resultIndex].value.memberIndex("signer"),
                let keyID = result[signer].value.memberIndex("keyId")
            else { fatalError("a signed result has result.signer.keyId") }
            signerKeyIDPath = [.member(resultIndex), .member(signer), .member(keyID)]
            normalisableStrings = strings.filter { if case .token(let t) = $0.node { Self.normalised(t) != nil } else { false } }
            normalisableKeyObjects = objects.filter { if case .object(let m) = $0.node { m.contains { Self.normalised($0.key) != nil } } else { false } }
        }

        /// The string token in NFD, or else NFC, when that changes its scalars.
        static func normalised(_ token: String) -> String? {
            guard let value = (try? StrictJSONParser.parse(Array(token.utf8)))?.stringValue else { return nil }
            for candidate in [value.decomposedStringWithCanonicalMapping, value.precomposedStringWithCanonicalMapping]
            where !candidate.utf8.elementsEqual(value.utf8) {
                return JSONText.quote(candidate)
            }
            return nil
        }

        var signature: JSONValue { document["signature"] ?? .null }
        var keyID: String { signature["keyId"]?.stringValue ?? "" }
    }

    struct Mutant {
        var kind: String
        var base: Int
        var bytes: Data
        var expectation: Expectation
    }

    static let smallOrderKeys = (smallOrderEncodings + nonCanonicalSmallOrderEncodings).map { Data(Ed25519Strictness.hex($0)) }

    @Test func mutantsOfSignedResultsAgreeWithTheIndependentVerifier() throws {
        var rng = SeededGenerator(state: 0x4752_4950_4D55_5441)
        let bases = try Self.bases(&rng)
        var mutants: [Mutant] = []
        let plan: [(String, Int)] = [
            ("identity", 12), ("bytes", 600), ("truncate", 100), ("reorder", 150), ("whitespace", 150), ("escape", 200),
            ("badString", 100), ("duplicateKey", 150), ("extraMember", 120), ("removeMember", 100), ("number", 150),
            ("kelvin", 100), ("normalisation", 100), ("swap", 100), ("smallOrder", 100), ("malleate", 80),
        ]
        for (kind, count) in plan {
            for _ in 0..<count {
                var base = rng.chance(60) ? 0 : rng.chance(75) ? 2 : 1
                // The English result may have no text that normalisation changes.
                if kind == "normalisation" && bases[base].normalisableStrings.isEmpty { base = 0 }
                let (bytes, expectation) = Self.mutate(kind, base: base, bases: bases, rng: &rng)
                mutants.append(Mutant(kind: kind, base: base, bytes: bytes, expectation: expectation))
            }
        }
        #expect(mutants.count >= 2_000)

        // The independent verifier reads the corpus in one process while Grip verifies it here.
        let python = try Self.startPythonVerifier(mutants)
        defer { if let python { try? FileManager.default.removeItem(at: python.directory) } }

        var falseAccepts: [String] = [], unexpected: [String] = [], disagreements: [String] = []
        var verdicts: [Bool] = []
        for (index, mutant) in mutants.enumerated() {
            let report = ResultVerifier.verify(mutant.bytes, trustList: TrustList())
            verdicts.append(report.isValid)
            if report.isValid {
                // A valid verdict is only right for the very content and signature of the base.
                let base = bases[mutant.base]
                let document = try StrictJSONParser.parse(Array(mutant.bytes))
                if CanonicalJSON.bytes(document["result"] ?? .null) != base.canonicalResult
                    || CanonicalJSON.bytes(document["signature"] ?? .null) != base.canonicalSignature
                {
                    falseAccepts.append("#\(index) \(mutant.kind)")
                }
            }
            switch (mutant.expectation, report.isValid) {
            case (.valid, false): unexpected.append("#\(index) \(mutant.kind): expected valid, got \(report.status)")
            case (.rejected, true): unexpected.append("#\(index) \(mutant.kind): expected a refusal, got valid")
            default: break
            }
        }

        if let python {
            let pythonVerdicts = try python.verdicts()
            #expect(pythonVerdicts.crashed.isEmpty, "the independent verifier failed on: \(pythonVerdicts.crashed.prefix(10))")
            for (index, mutant) in mutants.enumerated() {
                guard let valid = pythonVerdicts.valid[index] else { continue }
                if valid != verdicts[index] {
                    disagreements.append("#\(index) \(mutant.kind): Grip \(verdicts[index] ? "valid" : "not valid"), Python \(pythonVerdicts.lines[index] ?? "")")
                }
            }
        }
        #expect(falseAccepts.isEmpty, "false accepts: \(falseAccepts.prefix(10))")
        #expect(unexpected.isEmpty, "\(unexpected.count) unexpected verdicts: \(unexpected.prefix(10))")
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements with verify-result.py: \(disagreements.prefix(10))")
        // The corpus exercises both outcomes.
        #expect(verdicts.filter { $0 }.count > 500)
        #expect(verdicts.filter { !$0 }.count > 1_000)
    }

    // MARK: - The signed originals

    /// A quickscan (Dutch) signed by a key whose id has a "K"; a different result (English,
    /// another answers file) signed by another key; and the first result with an extra
    /// member full of edge cases (equivalent but distinct keys, U+2028, controls, ±(2^53−1), 0),
    /// re-signed by the first key, so canonicalisation must agree byte for byte.
    static func bases(_ rng: inout SeededGenerator) throws -> [Base] {
        func freshKey(_ name: String, needsK: Bool) throws -> SigningKey {
            while true {
                let seed = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) })
                let key = SigningKey(privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: seed), identity: SignerIdentity(name: name, organisation: "Gemeente Voorbeeld"))
                if !needsK || key.keyID.contains("K") { return key }
            }
        }
        let key = try freshKey("Anna de Vries", needsK: true), other = try freshKey("Mallory", needsK: false)
        func result(_ answers: String, _ language: Language, _ id: String) throws -> JSONValue {
            let session = try exampleSession(answers)
            return ResultDocument.result(
                for: session, outcome: Scorer.outcome(for: session), id: try #require(UUID(uuidString: id)), language: language,
                startedAt: Date(timeIntervalSince1970: 1_795_000_000), completedAt: Date(timeIntervalSince1970: 1_795_000_600))
        }
        // The smaller example results keep a debug run of the corpus short.
        let first = try result("quickscan-meldingen.yaml", .nl, "6F1C2B3A-0000-4000-8000-00000000000A")
        let second = try result("quickscan-samenvatten.yaml", .en, "6F1C2B3A-0000-4000-8000-00000000000B")
        guard case .object(var members) = first else { throw CocoaError(.coderInvalidValue) }
        members.append((
            "extra",
            .object([
                ("\u{E9}", 1), ("e\u{301}", 2), ("K", 3), ("\u{212A}", 4), ("", ""), ("\r", -9_007_199_254_740_991),
                ("\u{1F600}", "\u{2028}\u{2029}\u{7F}\u{0}\u{1F}\"\\/\u{FEFF}\u{FFFF}\u{10FFFF}"), ("\u{FB33}", 0),
                ("max", 9_007_199_254_740_991), ("A\u{30A}", ["\u{C5}", "\u{212B}", "Kelvin \u{212A}", "caf\u{E9} cafe\u{301}"]),
                ("nested", [[["deep": [true, false, nil]]]]),
            ])
        ))
        return [
            Base(try ResultSigner.signedDocument(result: first, key: key)),
            Base(try ResultSigner.signedDocument(result: second, key: other)),
            Base(try ResultSigner.signedDocument(result: .object(members), key: key)),
        ]
    }

    // MARK: - Mutations

    static func mutate(_ kind: String, base index: Int, bases: [Base], rng: inout SeededGenerator) -> (Data, Expectation) {
        let base = bases[index]
        var text = base.text
        var noWhitespace: SeededGenerator? = nil
        func rendered(_ text: JSONText, pretty: Bool = true) -> Data { Data(text.render(pretty: pretty, whitespace: &noWhitespace).utf8) }
        let (strings, numbers, objects, signatureIndex) = (base.strings, base.numbers, base.objects, base.signatureIndex)
        func decoded(_ token: String) -> String { (try? StrictJSONParser.parse(Array(token.utf8)))?.stringValue ?? "" }
        func setSignature(_ member: String, _ token: String) {
            text.update([.member(signatureIndex)]) { signature in
                guard case .object(var members) = signature, let at = signature.memberIndex(member) else { return }
                members[at].value = .token(token)
                signature = .object(members)
            }
        }
        func setSignerKeyID(_ token: String) {
            text.update(base.signerKeyIDPath[...]) { $0 = .token(token) }
        }
        let other = bases[rng.pick([0, 1, 2].filter { $0 != index })]

        switch kind {
        case "identity":
            return (rendered(text, pretty: rng.chance(50)), .valid)

        case "bytes":
            var bytes = Array(rendered(text))
            for _ in 0..<(1 + rng.int(3)) {
                let at = rng.int(bytes.count)
                switch rng.int(4) {
                case 0: bytes[at] ^= UInt8(1 << rng.int(8))
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(UInt8(rng.int(256)), at: at)
                default: bytes.insert(rng.pick(Array(" \t\n\r,:{}[]\"\\0123456789-eE.u".utf8)), at: at)
                }
            }
            return (Data(bytes), .either)

        case "truncate":
            let bytes = rendered(text)
            // Dropping only the final newline keeps a valid file; anything shorter loses the closing brace.
            return (bytes.prefix(rng.int(bytes.count - 1)), .rejected)

        case "reorder":
            func shuffled(_ node: JSONText) -> JSONText {
                switch node {
                case .token: return node
                case .array(let items): return .array(items.map(shuffled))
                case .object(let members): return .object(members.map { ($0.key, shuffled($0.value)) }.shuffled(using: &rng))
                }
            }
            return (rendered(shuffled(text), pretty: rng.chance(50)), .valid)

        case "whitespace":
            var spaces: SeededGenerator? = SeededGenerator(state: rng.next())
            return (Data(text.render(pretty: rng.chance(30), whitespace: &spaces).utf8), .valid)

        case "escape":
            // The same strings spelled with \uXXXX (either case), \/ or surrogate pairs.
            for _ in 0..<(1 + rng.int(4)) {
                let upper = rng.chance(50)
                func respell(_ token: String) -> String {
                    let value = decoded(token)
                    let count = value.unicodeScalars.count
                    guard count > 0 else { return token }
                    return JSONText.quote(value, escaping: Set((0..<(1 + rng.int(3))).map { _ in rng.int(count) }), upperCase: upper)
                }
                if rng.chance(30), case let (path, node)? = objects.randomElement(using: &rng), case .object(var members) = node {
                    let at = rng.int(members.count)
                    members[at].key = respell(members[at].key)
                    text.update(path[...]) { $0 = .object(members) }
                } else if case let (path, node)? = strings.randomElement(using: &rng), case .token(let token) = node {
                    text.update(path[...]) { $0 = .token(respell(token)) }
                }
            }
            return (rendered(text), .valid)

        case "badString":
            let bad = rng.pick([#"\ud800"#, #"\udc00"#, #"\ud83d\u0041"#, #"\ud83d"#, #"\x41"#, "\u{01}", "\t", #"\u12"#, #"\U0041"#, "\"", #"\'"#])
            let (path, node) = strings.randomElement(using: &rng)!
            guard case .token(let token) = node else { return (Data(), .rejected) }
            text.update(path[...]) { $0 = .token(rng.chance(50) ? "\"" + bad + token.dropFirst() : token.dropLast() + bad + "\"") }
            return (rendered(text), .rejected)

        case "duplicateKey":
            let (path, node) = objects.randomElement(using: &rng)!
            guard case .object(var members) = node else { return (Data(), .rejected) }
            let original = members[rng.int(members.count)]
            let key = decoded(original.key)
            // The same name, possibly spelled with an escape; the same or another value.
            let spelling = rng.chance(50) || key.isEmpty ? original.key : JSONText.quote(key, escaping: [rng.int(key.unicodeScalars.count)])
            members.insert((spelling, rng.chance(50) ? original.value : .token("1")), at: rng.int(members.count + 1))
            text.update(path[...]) { $0 = .object(members) }
            return (rendered(text, pretty: rng.chance(50)), .rejected)

        case "extraMember":
            let (path, node) = objects.randomElement(using: &rng)!
            guard case .object(var members) = node else { return (Data(), .rejected) }
            let name = rng.pick(["x-extra", "\u{E9}", "e\u{301}", "\u{212A}eyId", "signature", "comment", "\u{FEFF}format"])
            members.insert((JSONText.quote(name), .token(rng.pick(["1", "\"\"", "null", "true", "[]", "{}"]))), at: rng.int(members.count + 1))
            text.update(path[...]) { $0 = .object(members) }
            return (rendered(text), .rejected)

        case "removeMember":
            let (path, node) = objects.randomElement(using: &rng)!
            guard case .object(var members) = node else { return (Data(), .rejected) }
            members.remove(at: rng.int(members.count))
            text.update(path[...]) { $0 = .object(members) }
            return (rendered(text), .rejected)

        case "number":
            let (path, node) = numbers.randomElement(using: &rng)!
            guard case .token(let token) = node, let value = Int64(token) else { return (Data(), .rejected) }
            let magnitude = String(value.magnitude), sign = value < 0 ? "-" : ""
            var forms: [(String, Expectation)] = [
                ("\(token).0", .rejected), ("\(token)e0", .rejected), ("\(token)E+0", .rejected), ("\(token)0e-1", .rejected),
                ("\(sign)0\(magnitude)", .rejected), ("9007199254740992", .rejected), ("-9007199254740992", .rejected),
                ("1e400", .rejected), ("NaN", .rejected), ("Infinity", .rejected), ("\"\(token)\"", .rejected),
                (String(value == 9_007_199_254_740_991 ? value - 1 : value + 1), .rejected),
                ("9007199254740991", value == 9_007_199_254_740_991 ? .valid : .rejected),
            ]
            forms.append(value == 0 ? ("-0", .valid) : ("-\(token)".replacingOccurrences(of: "--", with: ""), .rejected))
            let (form, expectation) = rng.pick(forms)
            text.update(path[...]) { $0 = .token(form) }
            return (rendered(text), expectation)

        case "kelvin":
            // K → U+212A KELVIN SIGN: canonically equivalent, a different key id or text.
            let kelvin = JSONText.quote(withKelvinSign(base.keyID))
            switch rng.int(4) {
            case 0: setSignature("keyId", kelvin)
            case 1: setSignerKeyID(kelvin)
            case 2:
                setSignature("keyId", kelvin)
                setSignerKeyID(kelvin)
            default:
                let withK = strings.filter { if case .token(let t) = $0.node { t.contains("K") } else { false } }
                guard case let (path, node)? = withK.randomElement(using: &rng), case .token(let token) = node else {
                    setSignature("keyId", kelvin)
                    break
                }
                text.update(path[...]) { $0 = .token(withKelvinSign(token)) }
            }
            return (rendered(text), .rejected)

        case "normalisation":
            // Precomposed ↔ decomposed: equal to Swift's String ==, not to a signature.
            if rng.chance(40), case let (path, node)? = base.normalisableKeyObjects.randomElement(using: &rng), case .object(var members) = node {
                let at = members.firstIndex { Base.normalised($0.key) != nil }!
                members[at].key = Base.normalised(members[at].key)!
                text.update(path[...]) { $0 = .object(members) }
            } else {
                let (path, node) = base.normalisableStrings.randomElement(using: &rng)!
                guard case .token(let token) = node else { break }
                text.update(path[...]) { $0 = .token(Base.normalised(token)!) }
            }
            return (rendered(text), .rejected)

        case "swap":
            // Another result's signature (same or other key), alone or with its signer block.
            guard case .object(let otherMembers) = other.text else { break }
            let otherSignature = otherMembers[other.signatureIndex].value
            switch rng.int(5) {
            case 0:
                text.update([.member(signatureIndex)]) { $0 = otherSignature }
            case 1:
                text.update([.member(signatureIndex)]) { $0 = otherSignature }
                setSignerKeyID(JSONText.quote(other.keyID))
            case 2: setSignature("value", JSONText.quote(other.signature["value"]!.stringValue!))
            case 3: setSignature("publicKey", JSONText.quote(other.signature["publicKey"]!.stringValue!))
            default:
                setSignature("publicKey", JSONText.quote(other.signature["publicKey"]!.stringValue!))
                setSignature("keyId", JSONText.quote(other.keyID))
            }
            // With the same key, a changed value is what makes it another signature.
            if base.keyID == other.keyID { setSignature("value", JSONText.quote(other.signature["value"]!.stringValue!)) }
            return (rendered(text), .rejected)

        case "smallOrder":
            // The forgery of issue 10: a small-order key and R, S = 0, key ids that match,
            // and content changed at will; or the identity as key with R = B, S = 1, where
            // only the key check stands in the way.
            var key = rng.pick(smallOrderKeys)
            var r = rng.pick(smallOrderKeys)
            var s = rng.chance(70) ? Data(count: 32) : Data((0..<32).map { $0 == 31 ? 0 : UInt8(rng.int(256)) })
            if rng.chance(50) {
                key = rng.pick(identityEncodings)
                r = basePoint
                s = Data([1] + [UInt8](repeating: 0, count: 31))
            }
            let keyID = KeyID.of(rawPublicKey: key)
            setSignature("publicKey", JSONText.quote(key.base64EncodedString()))
            setSignature("keyId", JSONText.quote(keyID))
            setSignature("value", JSONText.quote((r + s).base64EncodedString()))
            setSignerKeyID(JSONText.quote(keyID))
            if rng.chance(50), case let (path, node)? = strings.randomElement(using: &rng), case .token(let token) = node {
                text.update(path[...]) { $0 = .token(token.dropLast() + "!\"") }
            }
            return (rendered(text), .rejected)

        case "malleate":
            let value = Data(base64Encoded: base.signature["value"]!.stringValue!)!
            let publicKey = base.signature["publicKey"]!.stringValue!
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
            func paddingBitsSet(_ text: String, padding: Int) -> String {
                var characters = Array(text)
                let at = characters.count - padding - 1
                let digit = alphabet.firstIndex(of: characters[at])!
                characters[at] = alphabet[digit | 1]
                return String(characters)
            }
            switch rng.int(4) {
            case 0:
                // S + L: the same signature to a library that reduces S.
                var s = [UInt8](value.suffix(32)), carry = 0
                for i in 0..<32 {
                    let sum = Int(s[i]) + Int(Ed25519Strictness.groupOrder[i]) + carry
                    s[i] = UInt8(sum & 0xFF)
                    carry = sum >> 8
                }
                setSignature("value", JSONText.quote((value.prefix(32) + s).base64EncodedString()))
            case 1: setSignature("publicKey", JSONText.quote(paddingBitsSet(publicKey, padding: 1)))
            case 2: setSignature("value", JSONText.quote(paddingBitsSet(base.signature["value"]!.stringValue!, padding: 2)))
            default:
                var flipped = [UInt8](value)
                flipped[rng.int(64)] ^= UInt8(1 << rng.int(8))
                setSignature("value", JSONText.quote(Data(flipped).base64EncodedString()))
            }
            return (rendered(text), .rejected)

        default:
            fatalError("unknown mutation \(kind)")
        }
        return (rendered(text), .rejected)
    }

    // MARK: - The independent verifier

    struct PythonRun {
        var process: Process
        var directory: URL
        var output: URL
        var count: Int

        /// Per mutant: valid or not (nil when it printed no verdict), the line, and the
        /// mutants for which it printed none (a crash).
        func verdicts() throws -> (valid: [Int: Bool], lines: [Int: String], crashed: [String]) {
            process.waitUntilExit()
            let text = try String(contentsOf: output, encoding: .utf8)
            var valid: [Int: Bool] = [:], lines: [Int: String] = [:]
            for line in text.split(separator: "\n") {
                // "DIR/m00042.json: MALFORMED: …"
                guard let range = line.range(of: ".json: "), let slash = line[..<range.lowerBound].lastIndex(of: "/"),
                    let index = Int(line[line.index(after: slash)..<range.lowerBound].dropFirst())
                else { continue }
                let verdict = line[range.upperBound...]
                valid[index] = verdict.hasPrefix("valid")
                lines[index] = String(verdict)
            }
            let missing = (0..<count).filter { valid[$0] == nil }.map { "m\($0)" }
            let status = process.terminationStatus
            let errors = (try? String(contentsOf: directory.appendingPathComponent("stderr.txt"), encoding: .utf8)) ?? ""
            return (valid, lines, missing + (status == 0 || status == 1 ? [] : ["exit status \(status)"]) + (errors.isEmpty ? [] : [errors]))
        }
    }

    /// Writes the corpus and starts `verify-result.py --batch` on it; nil when Python or its
    /// libraries are missing, which fails the test when GRIP_REQUIRE_PYTHON_VERIFIER=1.
    static func startPythonVerifier(_ mutants: [Mutant]) throws -> PythonRun? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        let python = paths.map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        var available = false
        if let python {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: python)
            probe.arguments = ["-c", "import rfc8785, cryptography"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            try probe.run()
            probe.waitUntilExit()
            available = probe.terminationStatus == 0
        }
        guard let python, available else {
            let required = ProcessInfo.processInfo.environment["GRIP_REQUIRE_PYTHON_VERIFIER"] == "1"
            #expect(!required, "python3 with rfc8785 and cryptography is needed for the independent verifier")
            return nil
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grip-mutants-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (index, mutant) in mutants.enumerated() {
            try mutant.bytes.write(to: directory.appendingPathComponent("m\(String(format: "%05d", index)).json"))
        }
        let output = directory.appendingPathComponent("verdicts.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root.appendingPathComponent("Tools/verify-result.py").path, "--batch", directory.path]
        process.standardOutput = try FileHandle(forWritingTo: output)
        let errors = directory.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return PythonRun(process: process, directory: directory, output: output, count: mutants.count)
    }
}
