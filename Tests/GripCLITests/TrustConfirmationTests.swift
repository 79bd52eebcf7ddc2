import Foundation
import Testing

/// Trust is in a key the person confirmed, never in a name a file claims (issue 11).
struct TrustConfirmationTests {
    static func keyIDLine(_ output: GripProcess.Output) -> String? {
        output.stdout.split(separator: "\n").first { $0.hasPrefix("Key id: ") }.map { String($0.dropFirst("Key id: ".count)) }
    }

    @Test func keysTrustOnAResultTrustsNothingUntilTheKeyIDIsConfirmed() throws {
        let author = try temporaryDirectory(), reviewer = try temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: author)
            try? FileManager.default.removeItem(at: reviewer)
        }
        try initKey(home: author)
        try initKey(home: reviewer, name: "Piet Reviewer", organisation: "Gemeente Voorbeeld")
        let file = try KeysAndVerifyTests.signedResult(home: author)
        let trustList = reviewer.appendingPathComponent("config/trusted-signers.json")
        let before = try Data(contentsOf: trustList)

        // No terminal to ask at, no --key-id: the key id is shown and nothing is trusted.
        let unconfirmed = try GripProcess.run(["keys", "trust", file, "--name", "Anna"], home: reviewer)
        #expect(unconfirmed.status == 1)
        let shown = try #require(Self.keyIDLine(unconfirmed), "\(unconfirmed.stdout)")
        #expect(unconfirmed.stdout.contains("The file says it was signed by Anna de Vries (Gemeente Voorbeeld)"))
        #expect(unconfirmed.stderr.contains("nothing was trusted") && unconfirmed.stderr.contains("--key-id \(shown)"), "\(unconfirmed.stderr)")
        #expect(try Data(contentsOf: trustList) == before)

        // Another key's id: refused.
        let wrong = try GripProcess.run(["keys", "trust", file, "--name", "Anna", "--key-id", "SHA256:AdD6vSUfy74rk7S5J7Jq0qGpkHcVLkXe0eZ4r6RdvsU"], home: reviewer)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("is not this key's id"), "\(wrong.stderr)")
        #expect(try Data(contentsOf: trustList) == before)

        // The right one, as people copy it (without the prefix, with a space): trusted, with the organisation.
        let copied = String(shown.dropFirst("SHA256:".count))
        let confirmed = try GripProcess.run(["keys", "trust", file, "--name", "Anna", "--key-id", " " + copied], home: reviewer)
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: trustList)) as? [String: Any])
        let anna = try #require((list["signers"] as? [[String: Any]])?.first { $0["name"] as? String == "Anna" })
        #expect(anna["keyId"] as? String == shown)
        #expect(anna["organisation"] as? String == "Gemeente Voorbeeld")
        let verify = try GripProcess.run(["verify", "--trusted-only", file], home: reviewer)
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("valid, signed by trusted signer Anna ("), "\(verify.stdout)")
    }

    @Test(arguments: ["Anna de Vries", "ANNA  DE VRIES", "Anna de-Vriës", "\u{410}nna de Vries"])
    func anUnknownKeyUnderATrustedSignersNameIsAWarningAndFails(_ impostor: String) throws {
        let anna = try temporaryDirectory(), mallory = try temporaryDirectory(), reviewer = try temporaryDirectory()
        defer { for home in [anna, mallory, reviewer] { try? FileManager.default.removeItem(at: home) } }
        try initKey(home: anna)
        try initKey(home: mallory, name: impostor, organisation: "Elders")
        let genuine = try KeysAndVerifyTests.signedResult(home: anna)
        let forged = try KeysAndVerifyTests.signedResult(home: mallory)
        let annasKeyID = try #require(Self.keyIDLine(try GripProcess.run(["keys", "trust", genuine, "--name", "Anna de Vries"], home: reviewer)))
        #expect(try GripProcess.run(["keys", "trust", genuine, "--name", "Anna de Vries", "--key-id", annasKeyID], home: reviewer).status == 0)

        let verify = try GripProcess.run(["verify", genuine, forged], home: reviewer)
        #expect(verify.status == 1, "a borrowed name fails even without --trusted-only")
        let lines = verify.stdout.split(separator: "\n")
        #expect(lines.first?.contains("valid, signed by trusted signer Anna de Vries") == true)
        let warning = try #require(lines.last)
        #expect(warning.contains("UNKNOWN signer"), "\(warning)")
        #expect(warning.contains("WARNING: that is the name of trusted signer Anna de Vries, but this is not their key (theirs is \(annasKeyID))"), "\(warning)")
        #expect(!warning.contains("trusted signer \(impostor) ("))
        let json = try GripProcess.run(["verify", "--json", forged], home: reviewer)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["status"] as? String == "valid-unknown-signer")
        #expect(report["passed"] as? Bool == false)
        #expect((report["resembles"] as? [String: Any])?["keyId"] as? String == annasKeyID)
        #expect(report["signer"] == nil, "no trusted name for an unknown key")
    }

    @Test func aColleagueFromATrustedOrganisationIsUnknownButNotAnImpostor() throws {
        let anna = try temporaryDirectory(), colleague = try temporaryDirectory(), reviewer = try temporaryDirectory()
        defer { for home in [anna, colleague, reviewer] { try? FileManager.default.removeItem(at: home) } }
        try initKey(home: anna)
        try initKey(home: colleague, name: "Bram Jansen", organisation: "Gemeente Voorbeeld")
        let genuine = try KeysAndVerifyTests.signedResult(home: anna)
        let other = try KeysAndVerifyTests.signedResult(home: colleague)
        let annasKeyID = try #require(Self.keyIDLine(try GripProcess.run(["keys", "trust", genuine, "--name", "Anna de Vries"], home: reviewer)))
        #expect(try GripProcess.run(["keys", "trust", genuine, "--name", "Anna de Vries", "--key-id", annasKeyID], home: reviewer).status == 0)
        let verify = try GripProcess.run(["verify", other], home: reviewer)
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("note: the organisation is that of trusted signer Anna de Vries, on another key"), "\(verify.stdout)")
    }
}
