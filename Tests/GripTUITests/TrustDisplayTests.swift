import Foundation
import GripEngine
import GripResults
import Testing
@testable import GripTUI

/// Only a trusted signer is shown in green with ✓ (issue 11): an unknown key, however
/// it names itself, is a warning; a broken file an error.
struct TrustDisplayTests {
    static func report(_ status: VerificationReport.Status, lookalike: String? = nil) -> VerificationReport {
        var report = VerificationReport(status: status)
        report.keyID = "SHA256:unknownkey"
        report.claimedSigner = "Anna de Vries"
        if let lookalike {
            report.lookalike = TrustList.Lookalike(signer: TrustList.Signer(keyId: "SHA256:annaskey", publicKey: "", name: lookalike), sameName: true)
        }
        return report
    }

    @Test(arguments: [
        (report(.validTrusted(signer: "Anna de Vries")), "✓ vertrouwd: Anna de Vries", Role.success),
        (report(.validUnknownSigner), "? onbekende ondertekenaar", .warning),
        (report(.validUnknownSigner, lookalike: "Anna de Vries"), "⚠ NIET VERTROUWD: andere sleutel dan Anna de Vries", .warning),
        (report(.invalid("the signature does not match")), "✗ ONGELDIG", .error),
        (report(.unsigned), "✗ NIET ONDERTEKEND", .error),
    ])
    func theResultsListShowsTrustInWordsAndColour(_ verification: VerificationReport, _ label: String, _ role: Role) throws {
        var state = makeState(width: 120, height: 20)
        state.results = [
            ResultSummary(path: "/r/a.json", questionnaireTitle: "Quickscan", system: "Chatbot", completedAt: "2026-11-23T14:05:09Z", verification: verification),
            ResultSummary(path: "/r/b.json", questionnaireTitle: "Quickscan", system: "Other", completedAt: "2026-11-22T14:05:09Z", verification: verification),
        ]
        // The other row is selected, so this one shows its own colours.
        state.screen = .results(ResultsState(selection: 1))
        let buffer = App.view(state)
        let row = try #require(buffer.lines.firstIndex { $0.contains("Chatbot") })
        let line = buffer.lines[row]
        let column = try #require(line.range(of: label), "\(line)")
        let x = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: column.lowerBound.samePosition(in: line.unicodeScalars)!)
        #expect(buffer[x, row].role == role)
        #expect(!line.contains("✓") || role == .success, "only trust earns the check mark")
    }
}
