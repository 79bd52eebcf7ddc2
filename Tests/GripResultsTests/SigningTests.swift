import Crypto
import Foundation
import Testing
@testable import GripResults

let testKey = SigningKey(
    privateKey: try! Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: 7, count: 32)),
    identity: SignerIdentity(name: "Anna de Vries", organisation: "Gemeente Voorbeeld"))

let sampleResult: JSONValue = [
    "id": "0b6f7c1e-1111-4222-8333-944455556666",
    "questionnaire": ["id": "quickscan", "version": "0.1.0", "sha256": "ab"],
    "language": "nl",
    "subject": ["system": "Chatbot “Vraag het de gemeente”", "organisation": "Gemeente Voorbeeld", "assessor": "A. de Vries"],
    "answers": [["question": "personal_data", "value": "yes", "visible": true, "note": "Zie register.\nRegel 2"]],
    "score": 12,
]

func signedBytes(_ result: JSONValue = sampleResult, key: SigningKey = testKey) throws -> Data {
    Data(PrettyJSON.bytes(try ResultSigner.signedDocument(result: result, key: key)))
}

struct SigningTests {
    @Test func keyIDFollowsTheContract() {
        let expected = "SHA256:" + Data(SHA256.hash(data: testKey.rawPublicKey)).base64EncodedString().replacingOccurrences(of: "=", with: "")
        #expect(testKey.keyID == expected)
        #expect(!testKey.keyID.hasSuffix("="))
        #expect(PublicKeyPEM.decode(testKey.publicKeyPEM) == testKey.rawPublicKey)
    }

    @Test func signedResultVerifiesAndNamesTheTrustedSigner() throws {
        var trust = TrustList()
        #expect(ResultVerifier.verify(try signedBytes(), trustList: trust).status == .validUnknownSigner)
        try trust.trust(rawPublicKey: testKey.rawPublicKey, name: "Anna")
        let report = ResultVerifier.verify(try signedBytes(), trustList: trust)
        #expect(report.status == .validTrusted(signer: "Anna"))
        #expect(report.questionnaireID == "quickscan")
        #expect(report.claimedSigner == "Anna de Vries")
    }

    @Test func theSignerIsInsideTheSignedResult() throws {
        let document = try StrictJSONParser.parse(Array(try signedBytes()))
        #expect(document["result"]?["signer"]?["keyId"]?.stringValue == testKey.keyID)
        #expect(document["result"]?["signer"]?["organisation"]?.stringValue == "Gemeente Voorbeeld")
    }

    @Test("Each kind of damage gets its own verdict", arguments: [
        ("\"score\": 12", "\"score\": 13", VerificationReport.Status.invalid("the signature does not match the content: the result was changed after signing, or signed with another key")),
        ("\"format\": \"grip-result/1\"", "\"format\": \"grip-result/2\"", .malformed("unsupported format \"grip-result/2\"")),
        ("\"algorithm\": \"Ed25519\"", "\"algorithm\": \"RSA\"", .malformed("signature algorithm is not Ed25519")),
        ("\"score\": 12", "\"score\": 12.0", .malformed("not valid JSON: floating-point numbers are not allowed; only whole numbers (at byte 0)")),
        ("\"score\": 12", "\"score\": 12, \"score\": 13", .malformed("not valid JSON: duplicate key \"score\" (at byte 0)")),
    ])
    func damage(old: String, new: String, expected: VerificationReport.Status) throws {
        let original = String(decoding: try signedBytes(), as: UTF8.self)
        #expect(original.contains(old))
        let damaged = original.replacingOccurrences(of: old, with: new)
        var status = ResultVerifier.verify(Data(damaged.utf8), trustList: TrustList()).status
        // Byte offsets vary with layout; compare reasons without them.
        if case .malformed(let reason) = status { status = .malformed(reason.replacingOccurrences(of: #"at byte \d+"#, with: "at byte 0", options: .regularExpression)) }
        #expect(status == expected)
    }

    @Test func aSignatureFromAnotherKeyIsInvalid() throws {
        let other = SigningKey(identity: SignerIdentity(name: "Mallory", organisation: "X"))
        var document = try StrictJSONParser.parse(Array(try signedBytes()))
        let forged = try StrictJSONParser.parse(Array(try signedBytes(key: other)))
        // Keep the original signer block but swap in the other key's signature.
        guard case .object(var members) = document, let forgedSignature = forged["signature"] else { return }
        members.removeAll { $0.key == "signature" }
        members.append(("signature", forgedSignature))
        document = .object(members)
        let status = ResultVerifier.verify(Data(CanonicalJSON.bytes(document)), trustList: TrustList()).status
        #expect(status == .invalid("the signer inside the result names another key"))
    }

    @Test func unsignedAndOversizedFiles() throws {
        let unsigned: JSONValue = ["format": "grip-result/1", "result": sampleResult]
        #expect(ResultVerifier.verify(Data(CanonicalJSON.bytes(unsigned)), trustList: TrustList()).status == .unsigned)
        let huge = Data(repeating: 0x20, count: ResultVerifier.maximumFileSize + 1)
        #expect(ResultVerifier.verify(huge, trustList: TrustList()).status == .malformed("larger than 10 MB"))
        #expect(ResultVerifier.verify(Data("[]".utf8), trustList: TrustList()).status == .malformed("the top level is not a JSON object"))
    }

    /// At least 1,000 byte mutations of a real signed result: none that changes the
    /// canonical `result` may verify, and none may crash.
    @Test func byteMutationsNeverVerifyAChangedResult() throws {
        let original = try signedBytes()
        let canonicalOriginal = CanonicalJSON.bytes(try #require(try StrictJSONParser.parse(Array(original))["result"]))
        var seed = UInt64(0x4752_4950)
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var verifiedUnchanged = 0, rejected = 0
        for _ in 0..<1_500 {
            var bytes = Array(original)
            for _ in 0..<(1 + next(3)) {
                let at = next(bytes.count)
                switch next(3) {
                case 0: bytes[at] ^= UInt8(1 << next(8))
                case 1: bytes.remove(at: at)
                default: bytes.insert(UInt8(next(256)), at: at)
                }
            }
            let report = ResultVerifier.verify(Data(bytes), trustList: TrustList())
            if report.isValid {
                // Only layout changes (whitespace) may still verify: the canonical result must be identical.
                let parsed = try StrictJSONParser.parse(bytes)
                #expect(CanonicalJSON.bytes(try #require(parsed["result"])) == canonicalOriginal)
                verifiedUnchanged += 1
            } else {
                rejected += 1
            }
        }
        #expect(rejected > 1_000)
    }
}
