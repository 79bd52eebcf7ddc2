import Foundation
import Testing

/// Small-order Ed25519 keys through the command line: `keys trust` refuses them and
/// `verify` calls a result forged with one invalid (issue 10).
struct KeysAndVerifyStrictnessTests {
    /// The identity point as public key, its key id, and the signature R = B, S = 1 that
    /// plain Ed25519 accepts with it for any content.
    static let identityKey = "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
    static let identityKeyID = "SHA256:AdD6vSUfy74rk7S5J7Jq0qGpkHcVLkXe0eZ4r6RdvsU"
    static let forgedSignature = "WGZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmYBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="

    @Test func keysTrustRefusesASmallOrderKey() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let trustList = home.appendingPathComponent("config/trusted-signers.json")
        let before = try Data(contentsOf: trustList)
        let output = try GripProcess.run(["keys", "trust", Self.identityKey, "--name", "Mallory"], home: home)
        #expect(output.status == 1)
        #expect(output.stderr.contains("small-order"), "\(output.stderr)")
        #expect(try Data(contentsOf: trustList) == before)
    }

    @Test func aResultForgedWithTheIdentityKeyIsInvalidAndItsKeyCannotBeTrusted() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let genuine = try KeysAndVerifyTests.signedResult(home: home)
        let text = try String(contentsOfFile: genuine, encoding: .utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let signature = try #require(document["signature"] as? [String: String])
        // Other content, the identity key, key ids that match it, and the forged signature.
        let forged = text
            .replacingOccurrences(of: "\"language\": \"nl\"", with: "\"language\": \"en\"")
            .replacingOccurrences(of: try #require(signature["keyId"]), with: Self.identityKeyID)
            .replacingOccurrences(of: try #require(signature["publicKey"]), with: Self.identityKey)
            .replacingOccurrences(of: try #require(signature["value"]), with: Self.forgedSignature)
        let file = home.appendingPathComponent("forged.json")
        try forged.write(to: file, atomically: true, encoding: .utf8)

        let verify = try GripProcess.run(["verify", file.path], home: home)
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("INVALID: the public key is a small-order Ed25519 point"), "\(verify.stdout)")
        let trust = try GripProcess.run(["keys", "trust", file.path, "--name", "Mallory"], home: home)
        #expect(trust.status == 1)
        #expect(trust.stderr.contains("small-order"), "\(trust.stderr)")
    }
}
