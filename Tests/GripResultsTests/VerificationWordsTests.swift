import Foundation
import GripEngine
import Testing
@testable import GripResults

/// Every reason the verifier can give has Dutch words: no English inside Dutch output.
struct VerificationWordsTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/GripResults")

    /// The literal reasons in the verifier and the parser, read from their source, so a
    /// reason added later without Dutch words fails here.
    static func statedReasons() throws -> [String] {
        var reasons: [String] = []
        for file in ["Signing/ResultVerifier.swift", "ResultFile.swift", "JSON/StrictJSONParser.swift"] {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: #"(?:malformed|invalid|fail)\("((?:[^"\\]|\\.)*)"\)|message: "((?:[^"\\]|\\.)*)""#)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for group in 1...2 {
                    guard let range = Range(match.range(at: group), in: text) else { continue }
                    reasons.append(text[range].replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\"))
                }
            }
        }
        return reasons
    }

    @Test func everyStatedReasonHasDutchWords() throws {
        let reasons = try Self.statedReasons()
        #expect(reasons.count > 30, "found \(reasons.count)")
        for reason in reasons {
            // Interpolated parts stand for quoted file content: translate with a sample.
            let sample = reason.replacingOccurrences(of: #"\\\([^)]*\)"#, with: "x", options: .regularExpression)
            // A verifier reason stands alone; a parser message comes inside "not valid JSON".
            let alone = VerificationReport.Status.malformed(sample).reason(.nl)
            let dutch = alone != sample ? alone : VerificationReport.Status.malformed("not valid JSON: \(sample) (at byte 3)").reason(.nl)
            #expect(dutch != nil && dutch != sample && !(dutch ?? "").contains(sample), "no Dutch words for: \(reason)")
        }
    }

    @Test func aTamperedResultReadsDutchInADutchReport() {
        let status = VerificationReport.Status.invalid("the signature does not match the content: the result was changed after signing, or signed with another key")
        #expect(status.reason(.nl) == "de handtekening past niet bij de inhoud: het resultaat is na het ondertekenen gewijzigd, of met een andere sleutel ondertekend")
        #expect(status.reason(.en) == "the signature does not match the content: the result was changed after signing, or signed with another key")
        #expect(VerificationReport.Status.malformed("not valid JSON: duplicate key \"a\" (at byte 9)").reason(.nl) == "geen geldige JSON: dubbele sleutel \"a\" (bij byte 9)")
        #expect(VerificationReport.Status.malformed("unsupported format \"grip-result/2\"").reason(.nl) == "onbekend formaat \"grip-result/2\"")
        #expect(VerificationReport.Status.validUnknownSigner.reason(.nl) == nil)
    }
}
