import Crypto
import Foundation
import Testing
@testable import GripResults

private func bytes(_ hex: String) -> Data { Data(Ed25519Strictness.hex(hex)) }

/// The 8 points of small order (order 1, 2, 4, 8), each with its canonical encoding.
let smallOrderEncodings = [
    "0100000000000000000000000000000000000000000000000000000000000000",  // identity
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // order 2
    "0000000000000000000000000000000000000000000000000000000000000000",  // order 4
    "0000000000000000000000000000000000000000000000000000000000000080",  // order 4
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  // order 8
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",  // order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  // order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",  // order 8
]

/// Other encodings of small-order points: x = 0 with the sign bit set, y = p (0) and y = p + 1 (1).
let nonCanonicalSmallOrderEncodings = [
    "0100000000000000000000000000000000000000000000000000000000000080",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
]

/// y ≥ p for points that are not of small order (y = p + 2, p + 3, p + 18 = 2^255 − 1).
let nonCanonicalEncodings = [
    "efffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
]

/// The neutral element in its canonical and three non-canonical encodings.
let identityEncodings = [
    "0100000000000000000000000000000000000000000000000000000000000000",
    "0100000000000000000000000000000000000000000000000000000000000080",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
].map { Data(Ed25519Strictness.hex($0)) }

/// The base point B: canonical, of prime order.
let basePoint = Data(Ed25519Strictness.hex("58" + String(repeating: "66", count: 31)))

/// A result signed with a given public key and signature, keyIds derived from that key, so
/// only the Ed25519 checks can refuse it.
func forgedDocument(publicKey: Data, signature: Data, result: JSONValue = sampleResult) -> Data {
    let keyID = KeyID.of(rawPublicKey: publicKey)
    guard case .object(var members) = result else { return Data() }
    members.append(("signer", ["name": "Mallory", "organisation": "X", "keyId": .string(keyID)]))
    let document: JSONValue = [
        "format": "grip-result/1",
        "result": .object(members),
        "signature": [
            "algorithm": "Ed25519", "keyId": .string(keyID),
            "publicKey": .string(publicKey.base64EncodedString()), "value": .string(signature.base64EncodedString()),
        ],
    ]
    return Data(PrettyJSON.bytes(document))
}

struct Ed25519StrictnessTests {
    @Test("Small-order public keys are refused in every encoding", arguments: smallOrderEncodings + nonCanonicalSmallOrderEncodings)
    func smallOrderKeys(hex: String) {
        #expect(Ed25519Strictness.verificationKeyProblem(bytes(hex)) == .smallOrderPoint)
        #expect(Ed25519Strictness.publicKeyProblem(bytes(hex)) == .smallOrderPoint)
        // As R of a signature too.
        #expect(Ed25519Strictness.signatureProblem(bytes(hex) + Data(count: 32)) == .smallOrderPoint)
    }

    @Test("y ≥ p is not a canonical encoding", arguments: nonCanonicalEncodings)
    func nonCanonicalY(hex: String) {
        #expect(Ed25519Strictness.publicKeyProblem(bytes(hex)) == .nonCanonicalPoint)
        #expect(Ed25519Strictness.signatureProblem(bytes(hex) + Data(count: 32)) == .nonCanonicalPoint)
    }

    /// The issue's forgery: key 01 00…, signature 01 00… verifies for any content in plain
    /// Ed25519; Grip must call it invalid.
    @Test func theSmallOrderForgeryIsInvalid() throws {
        let key = bytes(smallOrderEncodings[0]), signature = Data([1] + [UInt8](repeating: 0, count: 63))
        let plain = try Curve25519.Signing.PublicKey(rawRepresentation: key)
        #expect(plain.isValidSignature(signature, for: Data("anything at all".utf8)), "the library alone accepts the forgery")
        let status = ResultVerifier.verify(forgedDocument(publicKey: key, signature: signature), trustList: TrustList()).status
        #expect(status == .invalid("the public key is a small-order Ed25519 point, which accepts forged signatures"))
    }

    /// With the identity as key, R = B and S = 1 satisfy [S]B = R + [k]A for every message,
    /// and R is a sound point: only the key check refuses this forgery.
    @Test("The identity key forges with a canonical R", arguments: identityEncodings)
    func identityKeyForgery(key: Data) throws {
        let signature = basePoint + Data([1] + [UInt8](repeating: 0, count: 31))
        #expect(Ed25519Strictness.signatureProblem(signature) == nil)
        let plain = try Curve25519.Signing.PublicKey(rawRepresentation: key)
        #expect(plain.isValidSignature(signature, for: Data("any content".utf8)), "the library alone accepts the forgery")
        let status = ResultVerifier.verify(forgedDocument(publicKey: key, signature: signature), trustList: TrustList()).status
        #expect(status == .invalid("the public key is a small-order Ed25519 point, which accepts forged signatures"))
    }

    @Test("Every small-order key is invalid in a result", arguments: smallOrderEncodings + nonCanonicalSmallOrderEncodings)
    func smallOrderKeyInAResult(hex: String) {
        let signature = Data([1] + [UInt8](repeating: 0, count: 63))
        let status = ResultVerifier.verify(forgedDocument(publicKey: bytes(hex), signature: signature), trustList: TrustList()).status
        #expect(status == .invalid("the public key is a small-order Ed25519 point, which accepts forged signatures"))
    }

    @Test func sAtOrAboveTheGroupOrderIsRefused() throws {
        let l = Ed25519Strictness.groupOrder
        let r = [UInt8](try testKey.privateKey.signature(for: Data("x".utf8)).prefix(32))
        var lPlusOne = l
        lPlusOne[0] += 1
        var lMinusOne = l
        lMinusOne[0] -= 1
        #expect(Ed25519Strictness.signatureProblem(Data(r + l)) == .nonCanonicalScalar)
        #expect(Ed25519Strictness.signatureProblem(Data(r + lPlusOne)) == .nonCanonicalScalar)
        #expect(Ed25519Strictness.signatureProblem(Data(r + [UInt8](repeating: 0xFF, count: 32))) == .nonCanonicalScalar)
        #expect(Ed25519Strictness.signatureProblem(Data(r + lMinusOne)) == nil)
        #expect(Ed25519Strictness.signatureProblem(Data(count: 63)) == .wrongLength)
    }

    /// S + L is the same signature to a library that reduces S; Grip refuses it.
    @Test func aSignatureWithSPlusLIsInvalid() throws {
        let original = try StrictJSONParser.parse(Array(try signedBytes()))
        let valueText = try #require(original["signature"]?["value"]?.stringValue)
        let value = try #require(Data(base64Encoded: valueText))
        var s = [UInt8](value.suffix(32))
        var carry = 0
        for index in 0..<32 {
            let sum = Int(s[index]) + Int(Ed25519Strictness.groupOrder[index]) + carry
            s[index] = UInt8(sum & 0xFF)
            carry = sum >> 8
        }
        #expect(carry == 0)
        let malleated = Data(value.prefix(32) + s)
        let text = String(decoding: try signedBytes(), as: UTF8.self)
            .replacingOccurrences(of: value.base64EncodedString(), with: malleated.base64EncodedString())
        let status = ResultVerifier.verify(Data(text.utf8), trustList: TrustList()).status
        #expect(status == .invalid("the signature is not in canonical Ed25519 form"))
    }

    @Test func realKeysAndSignaturesPass() throws {
        for seed in 0..<20 {
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: UInt8(seed), count: 32))
            #expect(Ed25519Strictness.publicKeyProblem(key.publicKey.rawRepresentation) == nil)
            #expect(Ed25519Strictness.signatureProblem(try key.signature(for: Data([UInt8(seed)]))) == nil)
        }
        #expect(ResultVerifier.verify(try signedBytes(), trustList: TrustList()).status == .validUnknownSigner)
    }

    /// Curve membership against values computed with Python's integers:
    /// y = 2, 7, 8, 11 have no x; y = 3, 4, 5, 9, 10 do.
    @Test("Points off the curve are refused", arguments: [(2, false), (3, true), (4, true), (5, true), (7, false), (8, false), (9, true), (10, true), (11, false)])
    func curveMembership(y: UInt8, onCurve: Bool) {
        let encoding = Data([y] + [UInt8](repeating: 0, count: 31))
        #expect(Ed25519Strictness.publicKeyProblem(encoding) == (onCurve ? nil : .notOnCurve))
    }

    @Test func trustingAWeakKeyIsRefused() throws {
        var list = TrustList()
        #expect(throws: Ed25519Strictness.Problem.smallOrderPoint) { try list.trust(rawPublicKey: bytes(smallOrderEncodings[0]), name: "Mallory") }
        #expect(throws: Ed25519Strictness.Problem.notOnCurve) { try list.trust(rawPublicKey: Data([2] + [UInt8](repeating: 0, count: 31)), name: "Mallory") }
        #expect(list.signers.isEmpty)
        try list.trust(rawPublicKey: testKey.rawPublicKey, name: "Anna")
        #expect(list.signers.count == 1)
        // An entry edited into the trust list by hand never makes a weak key trusted.
        let weak = bytes(smallOrderEncodings[0])
        list.signers.append(.init(keyId: KeyID.of(rawPublicKey: weak), publicKey: weak.base64EncodedString(), name: "Mallory"))
        #expect(list.signer(keyID: KeyID.of(rawPublicKey: weak), rawPublicKey: weak) == nil)
    }

    @Test func nonCanonicalBase64IsMalformed() throws {
        let text = String(decoding: try signedBytes(), as: UTF8.self)
        let key = testKey.publicKeyBase64
        // 32 bytes leave 2 unused bits in the last character before "="; setting them keeps the bytes.
        let last = key.index(key.endIndex, offsetBy: -2)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let value = try #require(alphabet.firstIndex(of: key[last]))
        #expect(value & 3 == 0)
        let variant = String(key[..<last]) + String(alphabet[value | 1]) + "="
        #expect(Data(base64Encoded: variant) == testKey.rawPublicKey, "Foundation reads it as the same key")
        let status = ResultVerifier.verify(Data(text.replacingOccurrences(of: key, with: variant).utf8), trustList: TrustList()).status
        #expect(status == .malformed("signature publicKey is not base64"))
    }

    @Test func anExtraSignatureMemberIsMalformed() throws {
        let text = String(decoding: try signedBytes(), as: UTF8.self)
            .replacingOccurrences(of: "\"algorithm\": \"Ed25519\"", with: "\"algorithm\": \"Ed25519\", \"comment\": \"x\"")
        #expect(ResultVerifier.verify(Data(text.utf8), trustList: TrustList()).status == .malformed("unexpected signature member \"comment\""))
    }
}
