import Foundation

/// The signers this person has chosen to trust, each by key. A name is only what a
/// signer calls themselves: trust is in the key, and a name that resembles a trusted
/// signer's on another key is a warning sign, not a match.
public struct TrustList: Codable, Equatable, Sendable {
    public struct Signer: Codable, Equatable, Sendable {
        public var keyId: String
        public var publicKey: String
        public var name: String
        /// Recorded when trusted from a signed file; absent in older trust lists.
        public var organisation: String?

        public init(keyId: String, publicKey: String, name: String, organisation: String? = nil) {
            self.keyId = keyId
            self.publicKey = publicKey
            self.name = name
            self.organisation = organisation
        }
    }

    public var signers: [Signer]

    public init(signers: [Signer] = []) {
        self.signers = signers
    }

    public func signer(keyID: String, rawPublicKey: Data) -> Signer? {
        signers.first {
            $0.keyId.equalsExactly(keyID) && Data(base64Encoded: $0.publicKey) == rawPublicKey
                && Ed25519Strictness.publicKeyProblem(rawPublicKey) == nil
        }
    }

    public mutating func trust(rawPublicKey: Data, name: String, organisation: String? = nil) throws(Ed25519Strictness.Problem) {
        if let problem = Ed25519Strictness.publicKeyProblem(rawPublicKey) { throw problem }
        let keyID = KeyID.of(rawPublicKey: rawPublicKey)
        signers.removeAll { $0.keyId.equalsExactly(keyID) }
        signers.append(Signer(keyId: keyID, publicKey: rawPublicKey.base64EncodedString(), name: name, organisation: organisation))
    }

    /// A trusted signer that a file signed with another key resembles: same name (after
    /// folding case, accents, look-alike letters and punctuation), or else same
    /// organisation. Nil when the key itself is trusted or nothing resembles it.
    public func lookalike(name: String?, organisation: String?, keyID: String) -> Lookalike? {
        let others = signers.filter { !$0.keyId.equalsExactly(keyID) }
        if let name, let skeleton = SignerSkeleton.of(name),
            let signer = others.first(where: { SignerSkeleton.of($0.name) == skeleton })
        {
            return Lookalike(signer: signer, sameName: true)
        }
        if let organisation, let skeleton = SignerSkeleton.of(organisation),
            let signer = others.first(where: { $0.organisation.flatMap(SignerSkeleton.of) == skeleton })
        {
            return Lookalike(signer: signer, sameName: false)
        }
        return nil
    }

    public struct Lookalike: Equatable, Sendable {
        /// The trusted signer it resembles.
        public var signer: Signer
        /// True when the names match (a likely impersonation); false when only the organisation does.
        public var sameName: Bool

        public init(signer: Signer, sameName: Bool) {
            self.signer = signer
            self.sameName = sameName
        }
    }
}

/// What is left of a name when everything a reader would not tell apart is removed:
/// case, accents, full-width forms, spacing and punctuation, invisible characters, and
/// Cyrillic and Greek letters that look like Latin ones. "Anna de Vries", "ANNA  DE
/// VRIES", "Änna de-Vries" and "Аnna de Vries" (Cyrillic А) have the same skeleton.
enum SignerSkeleton {
    static func of(_ text: String) -> String? {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var skeleton = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            let mapped = lookalikes[scalar] ?? scalar
            if mapped.properties.isAlphabetic || mapped.properties.numericType != nil {
                skeleton.append(contentsOf: mapped.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return skeleton.isEmpty ? nil : String(skeleton)
    }

    /// Cyrillic and Greek letters that render like Latin ones, lower case (the text is case-folded first).
    static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = [
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
        "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
        "υ": "u", "χ": "x", "ζ": "z", "ı": "i", "ℓ": "l", "ⅰ": "i", "ⅴ": "v", "ⅹ": "x",
    ]
}
