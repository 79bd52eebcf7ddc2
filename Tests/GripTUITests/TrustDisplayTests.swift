import Foundation
import GripEngine
import GripResults
import Testing
@testable import GripTUI

/// Only a trusted signer is shown in green with ✓ (issue 11): an unknown key, however
/// it names itself, is a warning; a broken file an error.
struct TrustDisplayTests {
    static func report(_ status: VerificationReport.Status, lookalike: String? = nil, practice: Bool = false) -> VerificationReport {
        var report = VerificationReport(status: status)
        if practice { report.purpose = "training" }
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
        // A practice result is never green, even when someone trusted the practice key.
        (report(.validTrusted(signer: "Oefen"), practice: true), "◇ OEFENING (geen beoordeling)", .warning),
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

/// A file that does not verify is never shown or exported as if it were genuine.
struct InvalidResultTests {
    static let tampered = ResultSummary(
        path: "/x.json", questionnaireTitle: "DPIA-lite", system: "Fraude", completedAt: "2026-11-19T09:00:00Z",
        verification: VerificationReport(status: .invalid("the signature does not match the content: the result was changed after signing, or signed with another key")))

    static func opened() -> AppState {
        var state = makeState(width: 100, height: 30)
        state.results = [tampered]
        send(&state, keys("r"))
        send(&state, [.effect(.resultOpened(tampered, lines: ["■ DPIA: niet nodig"]))])
        return state
    }

    @Test func noContentShowsUntilThePersonChoosesAndEscapeGoesBack() {
        var state = Self.opened()
        #expect(!App.view(state).text.contains("DPIA: niet nodig"))
        send(&state, keys("m"))
        #expect(!App.view(state).text.contains("DPIA: niet nodig"), "other keys do not pass the warning")
        send(&state, [.key(.escape)])
        guard case .results = state.screen else { Issue.record("Esc goes back to the list"); return }
    }

    @Test func theContentIsMarkedAndCannotBeExported() {
        var state = Self.opened()
        send(&state, [.key(.enter)])
        let screen = App.view(state)
        let content = screen.lines.filter { $0.contains("DPIA: niet nodig") }
        #expect(content.count == 1 && content[0].contains("✗ ONGELDIG │"), "\(screen.text)")
        #expect(!screen.text.contains("Markdown"), "no export keys in the footer")
        let effects = App.update(&state, .key(.character("m")))
        #expect(effects.isEmpty, "no export effect")
        #expect(App.view(state).text.contains("niet geldig ondertekend en wordt daarom niet geëxporteerd"))
    }
}
