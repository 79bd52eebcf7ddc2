import GripEngine

/// The reasons of verification in the reader's language. The verifier states each
/// reason once, in English (stable for scripts and `--json`); this is its Dutch wording.
extension VerificationReport.Status {
    /// Why the file is invalid or malformed, in `language`; nil for the other statuses.
    public func reason(_ language: Language) -> String? {
        switch self {
        case .invalid(let reason), .malformed(let reason):
            language == .nl ? VerificationWords.dutch(reason) : reason
        default: nil
        }
    }
}

enum VerificationWords {
    static let fixed: [String: String] = [
        "larger than 10 MB": "groter dan 10 MB",
        "cannot read the file": "het bestand is niet leesbaar",
        "the top level is not a JSON object": "het bestand is geen JSON-object",
        "no \"format\" member": "het onderdeel \"format\" ontbreekt",
        "no \"result\" object": "het object \"result\" ontbreekt",
        "no \"review\" object": "het object \"review\" ontbreekt",
        "\"signature\" is not an object": "\"signature\" is geen object",
        "signature algorithm is not Ed25519": "het ondertekenalgoritme is niet Ed25519",
        "signature has no keyId": "de ondertekening heeft geen keyId",
        "signature publicKey is not base64": "de publieke sleutel is geen geldige base64",
        "signature publicKey is not 32 bytes": "de publieke sleutel is geen 32 bytes",
        "signature value is not base64": "de handtekening is geen geldige base64",
        "signature value is not 64 bytes": "de handtekening is geen 64 bytes",
        "keyId does not belong to the public key": "de keyId hoort niet bij de publieke sleutel",
        "the signer inside the result names another key": "de ondertekenaar in het resultaat noemt een andere sleutel",
        "the reviewer inside the review names another key": "de beoordelaar in de beoordeling noemt een andere sleutel",
        "the public key is a small-order Ed25519 point, which accepts forged signatures":
            "de publieke sleutel is een Ed25519-punt van kleine orde, dat vervalste handtekeningen accepteert",
        "the public key is not a canonical Ed25519 key": "de publieke sleutel is geen canonieke Ed25519-sleutel",
        "the signature's R is a small-order Ed25519 point": "de R van de handtekening is een Ed25519-punt van kleine orde",
        "the signature is not in canonical Ed25519 form": "de handtekening is niet in canonieke Ed25519-vorm",
        "the signature does not match the content: the result was changed after signing, or signed with another key":
            "de handtekening past niet bij de inhoud: het resultaat is na het ondertekenen gewijzigd, of met een andere sleutel ondertekend",
    ]

    /// The strict JSON parser's messages.
    static let json: [String: String] = [
        "invalid literal": "ongeldige waarde",
        "unexpected end of input": "het bestand houdt onverwacht op",
        "unexpected character": "onverwacht teken",
        "nested too deeply": "te diep genest",
        "expected a key in quotes": "verwacht een sleutel tussen aanhalingstekens",
        "expected ':' after a key": "verwacht ':' na een sleutel",
        "expected ',' or '}'": "verwacht ',' of '}'",
        "expected ',' or ']'": "verwacht ',' of ']'",
        "expected a digit": "verwacht een cijfer",
        "floating-point numbers are not allowed; only whole numbers": "kommagetallen zijn niet toegestaan, alleen hele getallen",
        "leading zeros are not allowed": "voorloopnullen zijn niet toegestaan",
        "control character in a string must be escaped": "een stuurteken in een tekst moet ge-escaped zijn",
        "string is not closed": "een tekst is niet afgesloten",
        "unexpected end of input in an escape": "het bestand houdt op midden in een escape",
        "lone surrogate in \\u escape": "losse surrogaat in een \\u-escape",
        "invalid escape": "ongeldige escape",
        "incomplete \\u escape": "onvolledige \\u-escape",
        "invalid hex digit in \\u escape": "ongeldig hexadecimaal cijfer in een \\u-escape",
        "not valid UTF-8": "geen geldige UTF-8",
        "unexpected data after the JSON value": "onverwachte gegevens na de JSON-waarde",
        "integer out of the exactly representable range ±(2^53−1)": "geheel getal buiten het exact voorstelbare bereik ±(2^53−1)",
    ]

    /// Reasons that quote the file: `prefix "value"`.
    static let quoting: [(en: String, nl: String)] = [
        ("unexpected top-level member ", "onverwacht onderdeel op het hoogste niveau: "),
        ("unsupported format ", "onbekend formaat "),
        ("unexpected signature member ", "onverwacht onderdeel in de ondertekening: "),
    ]

    static func dutch(_ english: String) -> String {
        if let words = fixed[english] { return words }
        for pattern in quoting where english.hasPrefix(pattern.en) {
            return pattern.nl + english.dropFirst(pattern.en.count)
        }
        if english.hasPrefix("not valid JSON: ") {
            let detail = english.dropFirst("not valid JSON: ".count)
            // "<message> (at byte N)"
            if let range = detail.range(of: " (at byte ", options: .backwards) {
                var message = String(detail[..<range.lowerBound])
                if message.hasPrefix("duplicate key ") { message = "dubbele sleutel " + message.dropFirst("duplicate key ".count) } else { message = json[message] ?? message }
                let offset = detail[range.upperBound...].dropLast()
                return "geen geldige JSON: \(message) (bij byte \(offset))"
            }
            return "geen geldige JSON: " + (json[String(detail)] ?? String(detail))
        }
        // Other checks of the parser (duplicate keys, number range, UTF-8) quote the file.
        for (message, words) in json where english.hasPrefix(message) { return words + english.dropFirst(message.count) }
        return english
    }
}

extension VerificationReport {
    /// The one-line trust label every screen, report and command uses. Only a key on the
    /// trust list is "trusted"; an unknown key says so and never borrows a trusted name.
    public func label(_ language: Language) -> String {
        let nl = language == .nl
        // A practice result says so before anything else, whoever signed it.
        if isPractice, isValid { return nl ? "◇ OEFENING (geen beoordeling)" : "◇ PRACTICE (not an assessment)" }
        switch status {
        case .validTrusted(let signer): return nl ? "✓ vertrouwd: \(signer)" : "✓ trusted: \(signer)"
        case .validUnknownSigner:
            if let lookalike, lookalike.sameName {
                return nl ? "⚠ NIET VERTROUWD: andere sleutel dan \(lookalike.signer.name)" : "⚠ NOT TRUSTED: not \(lookalike.signer.name)'s key"
            }
            return nl ? "? onbekende ondertekenaar" : "? unknown signer"
        case .invalid: return nl ? "✗ ONGELDIG" : "✗ INVALID"
        case .malformed: return nl ? "✗ ONLEESBAAR" : "✗ MALFORMED"
        case .unsigned: return nl ? "✗ NIET ONDERTEKEND" : "✗ UNSIGNED"
        }
    }

    /// A sentence on who signed, for a valid signature by a key not on the trust list:
    /// who the file says signed it, and the trusted signer it resembles, if any.
    public func signerWarning(_ language: Language) -> String? {
        let nl = language == .nl
        if isPractice, isValid {
            return nl
                ? "OEFENING: dit is een oefenresultaat uit een workshop, ondertekend met een oefensleutel. Het is geen beoordeling van een echt systeem en telt nergens mee."
                : "PRACTICE: this is a practice result from a workshop, signed with a practice key. It is not an assessment of a real system and counts nowhere."
        }
        guard case .validUnknownSigner = status else { return nil }
        let claimed = claimedSigner ?? (nl ? "(geen naam)" : "(no name)")
        let organisation = claimedOrganisation.map { " (\($0))" } ?? ""
        let key = keyID ?? "?"
        guard let lookalike else {
            return nl
                ? "De handtekening klopt, maar de sleutel \(key) staat niet op uw vertrouwenslijst. Het bestand zegt dat \(claimed)\(organisation) het ondertekende; dat is niet nagegaan."
                : "The signature is sound, but key \(key) is not on your trust list. The file says \(claimed)\(organisation) signed it; that has not been checked."
        }
        let trusted = lookalike.signer
        if lookalike.sameName {
            return nl
                ? "LET OP: de naam \(claimed) is die van een vertrouwde ondertekenaar, maar deze sleutel (\(key)) is niet de sleutel van \(trusted.name) (\(trusted.keyId)). Iemand anders kan deze naam hebben gebruikt. Vraag \(trusted.name) langs een andere weg of dit bestand van hen is."
                : "WARNING: the name \(claimed) is that of a trusted signer, but this key (\(key)) is not \(trusted.name)'s key (\(trusted.keyId)). Someone else may have used this name. Ask \(trusted.name) through another channel whether this file is theirs."
        }
        return nl
            ? "De organisatie\(organisation) is die van vertrouwde ondertekenaar \(trusted.name), maar deze sleutel (\(key)) staat niet op uw vertrouwenslijst: de ondertekenaar \(claimed) is onbekend."
            : "The organisation\(organisation) is that of trusted signer \(trusted.name), but this key (\(key)) is not on your trust list: the signer \(claimed) is unknown."
    }
}
