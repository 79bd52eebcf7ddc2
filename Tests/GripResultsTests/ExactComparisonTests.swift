import Crypto
import Foundation
import Testing
@testable import GripResults

/// A fixed key whose key id contains a "K", to swap for U+212A KELVIN SIGN.
func keyWithKInItsID() throws -> SigningKey {
    for seed in UInt8(1)...UInt8(255) {
        let key = SigningKey(
            privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: seed, count: 32)),
            identity: SignerIdentity(name: "Anna de Vries", organisation: "Gemeente Voorbeeld"))
        if key.keyID.contains("K") { return key }
    }
    throw CocoaError(.coderInvalidValue)
}

func withKelvinSign(_ text: String) -> String {
    text.replacingOccurrences(of: "K", with: "\u{212A}", options: .literal)
}

/// Swift's `String ==` uses canonical equivalence; keys, ids and key ids must compare by
/// scalars, as the signature and every other JSON implementation do.
struct ExactComparisonTests {
    @Test func aKelvinSignInTheSignatureKeyIdIsInvalid() throws {
        let key = try keyWithKInItsID()
        #expect("K" == "\u{212A}", "Swift's String equality is what made this pass before")
        let document = try StrictJSONParser.parse(Array(try signedBytes(key: key)))
        guard case .object(var members) = document, case .object(var signature)? = document["signature"] else { return }
        signature = signature.map { $0.key == "keyId" ? ($0.key, .string(withKelvinSign(key.keyID))) : $0 }
        members = members.map { $0.key == "signature" ? ($0.key, .object(signature)) : $0 }
        let forged = String(decoding: PrettyJSON.bytes(.object(members)), as: UTF8.self)
        #expect(forged.contains("\u{212A}"))
        let status = ResultVerifier.verify(Data(forged.utf8), trustList: TrustList()).status
        #expect(status == .invalid("keyId does not belong to the public key"))
    }

    /// The signer themself writes a Kelvin sign into the signed `signer.keyId`: the
    /// signature is genuine, but the key id named inside the result is not the key's.
    @Test func aKelvinSignInTheSignedSignerKeyIdIsInvalid() throws {
        let key = try keyWithKInItsID()
        guard case .object(var members) = sampleResult else { return }
        members.append(("signer", ["name": "Anna", "organisation": "X", "keyId": .string(withKelvinSign(key.keyID))]))
        let result = JSONValue.object(members)
        let value = try key.privateKey.signature(for: Data(CanonicalJSON.bytes(result)))
        let document: JSONValue = [
            "format": "grip-result/1", "result": result,
            "signature": ["algorithm": "Ed25519", "keyId": .string(key.keyID), "publicKey": .string(key.publicKeyBase64), "value": .string(value.base64EncodedString())],
        ]
        let status = ResultVerifier.verify(Data(PrettyJSON.bytes(document)), trustList: TrustList()).status
        #expect(status == .invalid("the signer inside the result names another key"))
    }

    @Test func theTrustListMatchesKeyIdsExactly() throws {
        let key = try keyWithKInItsID()
        var list = TrustList()
        try list.trust(rawPublicKey: key.rawPublicKey, name: "Anna")
        #expect(list.signer(keyID: key.keyID, rawPublicKey: key.rawPublicKey)?.name == "Anna")
        #expect(list.signer(keyID: withKelvinSign(key.keyID), rawPublicKey: key.rawPublicKey) == nil)
    }

    @Test func equivalentButDistinctKeysAreTwoKeys() throws {
        // "é" precomposed and decomposed, K and the Kelvin sign, Å and A + ring: all
        // canonically equivalent pairs, all distinct keys.
        let json = #"{"\u00e9":1,"e\u0301":2,"e":3,"f":4,"\u212a":5,"K":6,"\u00c5":7,"A\u030a":8,"\ud83d\ude00":9,"\ufb33":10}"#
        let value = try StrictJSONParser.parse(Array(json.utf8))
        #expect(value.objectValue?.count == 10)
        #expect(value["e\u{301}"] == 2)
        #expect(value["\u{E9}"] == 1)
        #expect(value["\u{212A}"] == 5)
        #expect(value["K"] == 6)
        // Sorted by UTF-16 code units, byte for byte as Python's rfc8785 writes it.
        let expected = "{\"A\u{30A}\":8,\"K\":6,\"e\":3,\"e\u{301}\":2,\"f\":4,\"\u{C5}\":7,\"\u{E9}\":1,\"\u{212A}\":5,\"\u{1F600}\":9,\"\u{FB33}\":10}"
        #expect(CanonicalJSON.bytes(value) == Array(expected.utf8))
    }

    /// Above 16 members the parser's duplicate check switches to a set: same rule there.
    @Test func equivalentKeysAreDistinctInLargeObjects() throws {
        let filler = (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let distinct = "{" + filler + #","\u00e9":1,"e\u0301":2,"K":3,"\u212a":4}"#
        #expect(try StrictJSONParser.parse(Array(distinct.utf8)).objectValue?.count == 24)
        let duplicate = "{" + filler + #","\u00e9":1,"\u00e9":2}"#
        #expect(throws: JSONParseError.self) { try StrictJSONParser.parse(Array(duplicate.utf8)) }
    }

    @Test func jsonValuesCompareByScalars() {
        #expect(JSONValue.string("K") != .string("\u{212A}"))
        #expect(JSONValue.string("\u{E9}") != .string("e\u{301}"))
        #expect(JSONValue.object([("K", 1)]) != .object([("\u{212A}", 1)]))
        #expect(JSONValue.string("\u{E9}") == .string("\u{E9}"))
        #expect(ExactString("\u{E9}") != ExactString("e\u{301}"))
        #expect(Set([ExactString("K"), ExactString("\u{212A}")]).count == 2)
    }
}
