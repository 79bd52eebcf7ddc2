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

    /// Large y values, on and off the curve, against Python's integers (random, and
    /// the largest canonical ones): they reach every limb and the final reduction.
    @Test("Large points off the curve are refused", arguments: [
        ("38b4e652e44da7f2370d9e260e27136550a4a3a6d07f5c0c332f8b1212841f6d", false),
        ("2b902f8911e81818f8c99d5d5d9831957504d90e945de2e8f54ee781e63a7b1f", false),
        ("d85099095aa300165a67036f9b540d6b8f0be21124179c3dd9f7381767b7884a", true),
        ("b5769fa0f1483f95a90d9df2f130d60fcf04bd93f50ae69514da8c654ef1580a", true),
        ("ccdaebf990d19838b0d7ec0b3e97818ecb96c4dbadbe172296d5234a2159a639", true),
        ("a4e6ed24ec636a8ac0a1271e5866279238aaf84e58056d8f2fa8edd04add4b5b", false),
        ("8b15442ee2db611a91bfe39469733a9247d58fa3c55018300372555fe99a7810", true),
        ("30e4037458a9905cad87bd4c77e2983f27745ccb9a31052e944cf1b21075d167", false),
        ("ebffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", false),  // p − 2
        ("eaffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", true),  // p − 3
        ("0100000000000000000000000000000000000000000000000000000000000040", true),  // 2^254 + 1
    ])
    func largeCurveMembership(hex: String, onCurve: Bool) {
        #expect(Ed25519Strictness.publicKeyProblem(bytes(hex)) == (onCurve ? nil : .notOnCurve))
    }

    /// Products, differences and sums mod p against Python's integers, in canonical form.
    @Test(arguments: [
        ("6d25cf734c49a1dd273e4d8fab5f5bdb8d1099ec05e8fdc7c1d734773ba4d539", "bde201825045e4da32da5e96796b9d3078e6452f2969cccdc2710c8343cfe53c",
         "1d638f5f833d937415fd620f8a24afb29d157b4ac9b4387078160fecd7dd0e2e", "9d42cdf1fb03bd02f563eef831f4bdaa152a53bddc7e31fafe6528f4f7d4ef7c",
         "2a08d1f59c8e85b85a18ac2525cbf80b06f7de1b2f51ca95844941fa7e73bb76"),
        ("79fe3fa1ed672c9d538800cb2514a92f93791818c6ed537281b4ab4dce572612", "252f36175fd1e7893fdd44cfc0f9efe3272f85b1627f6ba267abb80a6543374c",
         "dd1ccfa684e70681518196cb30e3215fdbf2c639b8049fd7b088118bb65ac91a", "41cf098a8e96441314abbbfb641ab94b6b4a9366636ee8cf1909f3426914ef45",
         "9e2d76b84c3914279365459ae60d9913bba89dc9286dbf14e95f6458339b5d5e"),
        ("340771fb72bd6a65b85dfaf6aa78f773967767a7539729bd7e84959d9c863553", "67885128a658859f8416d703d065ead4b6fe43878b932b10d3bd3e0f32459004",
         "7d5857508884b8ae71ce3fa118d2c91de7fb2926bfc94b9a4aeb83b036e94d0f", "cd7e1fd3cc64e5c5334723f3da120d9fdf782320c803feacabc6568e6a41a54e",
         "9b8fc2231916f0043d74d1fa7adee1484d76ab2edf2a55cd5142d4accecbc557"),
        ("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
         "0100000000000000000000000000000000000000000000000000000000000000", "0000000000000000000000000000000000000000000000000000000000000000",
         "ebffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
    ])
    func fieldArithmeticModP(a: String, b: String, product: String, difference: String, sum: String) {
        typealias Field = Ed25519Strictness.Field
        let x = Field(Ed25519Strictness.hex(a)), y = Field(Ed25519Strictness.hex(b))
        #expect((x * y).canonicalBytes == Ed25519Strictness.hex(product))
        #expect((x - y).canonicalBytes == Ed25519Strictness.hex(difference))
        #expect((x + y).canonicalBytes == Ed25519Strictness.hex(sum))
        #expect(Field.one.power([3]).canonicalBytes == Field.one.canonicalBytes)
        #expect((x * x * x).canonicalBytes == x.power([3]).canonicalBytes)
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
