import Crypto
import Foundation
import GripEngine
import Testing
@testable import GripResults

/// A name is what a signer calls themselves; only a trusted key earns the trusted label.
struct TrustLookalikeTests {
    @Test(arguments: [
        ("Anna de Vries", "anna de vries", true),
        ("Anna de Vries", "ANNA  DE-VRIES", true),
        ("Anna de Vries", "Änna de Vriës", true),
        ("Anna de Vries", "\u{410}nna de Vries", true),  // Cyrillic А
        ("Anna de Vries", "Anna de Vr\u{456}es", true),  // Cyrillic і
        ("Anna de Vries", "Anna\u{200B} de Vries", true),  // zero-width space
        ("Anna de Vries", "Ａｎｎａ ｄｅ Ｖｒｉｅｓ", true),  // full width
        ("Anna de Vries", "Anna de Vries-Bakker", false),
        ("Anna de Vries", "Hanna de Vries", false),
        ("Gemeente Utrecht", "gemeente utrecht", true),
    ])
    func skeletons(_ trusted: String, _ claimed: String, _ same: Bool) {
        #expect((SignerSkeleton.of(trusted) == SignerSkeleton.of(claimed)) == same)
    }

    @Test func onlyPunctuationHasNoSkeletonAndMatchesNothing() {
        #expect(SignerSkeleton.of(" - . ") == nil)
        var list = TrustList()
        list.signers = [TrustList.Signer(keyId: "SHA256:a", publicKey: "", name: "--", organisation: "..")]
        #expect(list.lookalike(name: "..", organisation: "--", keyID: "SHA256:b") == nil)
    }

    @Test func aNameMatchOutranksAnOrganisationMatchAndTheSameKeyIsNeverALookalike() {
        let list = TrustList(signers: [
            TrustList.Signer(keyId: "SHA256:bram", publicKey: "", name: "Bram Jansen", organisation: "Gemeente Voorbeeld"),
            TrustList.Signer(keyId: "SHA256:anna", publicKey: "", name: "Anna de Vries", organisation: "Provincie Noord"),
        ])
        #expect(list.lookalike(name: "Anna de Vries", organisation: "Gemeente Voorbeeld", keyID: "SHA256:x") == .init(signer: list.signers[1], sameName: true))
        #expect(list.lookalike(name: "Cor", organisation: "gemeente voorbeeld", keyID: "SHA256:x") == .init(signer: list.signers[0], sameName: false))
        #expect(list.lookalike(name: "Anna de Vries", organisation: nil, keyID: "SHA256:anna") == nil)
        #expect(list.lookalike(name: "Cor", organisation: "Elders", keyID: "SHA256:x") == nil)
    }

    @Test func theVerifierReportsTheLookalikeAndTheWordsSayItIsNotTrusted() throws {
        var list = TrustList()
        let anna = Curve25519.Signing.PrivateKey()
        try list.trust(rawPublicKey: anna.publicKey.rawRepresentation, name: "Anna de Vries", organisation: "Gemeente Voorbeeld")
        // testKey signs as "Anna de Vries" of "Gemeente Voorbeeld", but is not Anna's trusted key.
        let report = ResultVerifier.verify(try signedBytes(), trustList: list)
        #expect(report.status == .validUnknownSigner)
        #expect(report.lookalike?.sameName == true)
        #expect(report.claimedOrganisation == "Gemeente Voorbeeld")
        #expect(report.label(.nl) == "⚠ NIET VERTROUWD: andere sleutel dan Anna de Vries")
        #expect(!report.label(.en).contains("✓"))
        let warning = try #require(report.signerWarning(.nl))
        #expect(warning.contains("LET OP") && warning.contains(list.signers[0].keyId) && warning.contains(testKey.keyID))
        // Trusted: the label names the trust list's name, and there is no warning.
        try list.trust(rawPublicKey: testKey.rawPublicKey, name: "Anna (privacy)")
        let trusted = ResultVerifier.verify(try signedBytes(), trustList: list)
        #expect(trusted.label(.nl) == "✓ vertrouwd: Anna (privacy)")
        #expect(trusted.signerWarning(.nl) == nil && trusted.lookalike == nil)
    }

    @Test func anOlderTrustListWithoutOrganisationsStillReads() throws {
        let json = #"{"signers":[{"keyId":"SHA256:a","publicKey":"AAAA","name":"Anna"}]}"#
        let list = try JSONDecoder().decode(TrustList.self, from: Data(json.utf8))
        #expect(list.signers.first?.organisation == nil)
    }
}
