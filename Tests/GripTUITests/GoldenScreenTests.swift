import Foundation
import GripEngine
import GripResults
import Testing
@testable import GripTUI

/// Every screen at 80×24 and 120×40, in Dutch and English, against committed text.
struct GoldenScreenTests {
    /// A sound signature by a key not on the trust list, as most colleagues' results arrive.
    static var unknownSigner: VerificationReport {
        var report = VerificationReport(status: .validUnknownSigner)
        report.keyID = "SHA256:ZPmusmrxweC1cj4aO2O5xoh12kdR6NovYuCvfIr4TGI"
        report.claimedSigner = "Bram Jansen"
        report.claimedOrganisation = "Gemeente Voorbeeld"
        return report
    }

    static let sizes = [(80, 24), (120, 40)]
    static let languages: [Language] = [.nl, .en]

    static func each(_ body: (Language, Int, Int) -> Void) {
        for language in languages {
            for (width, height) in sizes { body(language, width, height) }
        }
    }

    @Test func home() {
        Self.each { language, width, height in
            let state = makeState(language: language, width: width, height: height)
            expectGolden(App.view(state), "home-\(language)")
        }
    }

    @Test func homeWithDraftAndResult() throws {
        Self.each { language, width, height in
            var state = makeState(language: language, width: width, height: height)
            var session = Session(questionnaire: bundledInstruments[0], subject: Subject(system: "Fraude-risicomodel"))
            _ = session.setAnswer(.text("Selecteert dossiers"), at: 0)
            state.drafts = [Draft(id: UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, session: session, language: language, startedAt: fixedNow, updatedAt: fixedNow)]
            state.results = [ResultSummary(path: "/tmp/r.json", questionnaireTitle: "Quickscan algoritmen en AI", system: "Chatbot VraagMaar", completedAt: "2026-11-20T10:00:00Z", verification: VerificationReport(status: .validTrusted(signer: "Anna")))]
            state.signer = ("Anna de Vries", "SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
            expectGolden(App.view(state), "home-drafts-\(language)")
        }
    }

    @Test func start() {
        Self.each { language, width, height in
            var state = makeState(language: language, width: width, height: height)
            send(&state, [enter] + keys("Chatbot"))
            expectGolden(App.view(state), "start-\(language)")
        }
    }

    @Test func questionScreens() {
        Self.each { language, width, height in
            var state = makeState(language: language, width: width, height: height)
            startAssessment(&state)
            expectGolden(App.view(state), "question-text-\(language)")
            send(&state, keys("Beantwoordt vragen van inwoners.") + [enter])
            expectGolden(App.view(state), "question-choice-\(language)")
            send(&state, keys("?"))
            expectGolden(App.view(state), "question-help-\(language)")
            send(&state, keys("?") + [tab] + keys("Navragen bij de leverancier"))
            expectGolden(App.view(state), "question-note-\(language)")
        }
    }

    @Test func overviewAndOutcome() {
        Self.each { language, width, height in
            var state = makeState(language: language, width: width, height: height)
            startAssessment(&state)
            send(&state, keys("Beantwoordt vragen.") + [enter] + keys("2") + [enter] + keys("o"))
            expectGolden(App.view(state), "overview-\(language)")
            send(&state, [escape])
            answerEverything(&state)
            expectGolden(App.view(state), "outcome-\(language)")
            send(&state, [enter])
            expectGolden(App.view(state), "key-setup-\(language)")
        }
    }

    @Test func dialogsAndTooSmall() {
        Self.each { language, width, height in
            var state = makeState(language: language, width: width, height: height)
            startAssessment(&state)
            answerEverything(&state)
            // Back to the algorithm question and change it: later answers would be hidden.
            send(&state, [escape])
            guard case .overview = state.screen else { Issue.record("expected the overview"); return }
            let index = state.active!.session.questionnaire.index(of: "has_algorithm")!
            let row = state.active!.session.visibleIndices.firstIndex(of: index)!
            send(&state, Array(repeating: key(.down), count: row) + [enter] + keys("2") + [enter])
            expectGolden(App.view(state), "dialog-hide-answers-\(language)")
        }
        var small = makeState(width: 40, height: 10)
        small.width = 40
        expectGolden(App.view(small), "too-small-nl")
    }

    @Test func resultsScreens() {
        Self.each { language, width, height in
            var state = makeState(language: language, width: width, height: height)
            let summary = ResultSummary(path: "/data/results/2026-11-20-quickscan-chatbot-1a2b3c4d.json", questionnaireTitle: "Quickscan algoritmen en AI", system: "Chatbot VraagMaar", completedAt: "2026-11-20T10:00:00Z", verification: Self.unknownSigner)
            state.results = [summary, ResultSummary(path: "/x.json", questionnaireTitle: "DPIA-lite", system: "Fraude", completedAt: "2026-11-19T09:00:00Z", verification: VerificationReport(status: .invalid("changed")))]
            send(&state, keys("r"))
            expectGolden(App.view(state), "results-\(language)")
            send(&state, [.effect(.resultOpened(summary, lines: ["Organisatie: Gemeente Voorbeeld", "", "■ DPIA: required", "  + Nieuwe wetgeving."]))])
            expectGolden(App.view(state), "result-detail-\(language)")
        }
    }

    /// A tampered file: a warning fills the screen; looked at anyway, every line is marked.
    @Test func anInvalidResultOpensBehindAWarning() {
        Self.each { language, width, height in
            var state = makeState(language: language, width: width, height: height)
            let tampered = ResultSummary(
                path: "/x.json", questionnaireTitle: "DPIA-lite", system: "Fraude", completedAt: "2026-11-19T09:00:00Z",
                verification: VerificationReport(status: .invalid("the signature does not match the content: the result was changed after signing, or signed with another key")))
            state.results = [tampered]
            send(&state, keys("r"))
            send(&state, [.effect(.resultOpened(tampered, lines: ["Organisatie: Gemeente Voorbeeld", "", "■ DPIA: niet nodig", "  + Geen persoonsgegevens."]))])
            expectGolden(App.view(state), "result-invalid-warning-\(language)")
            send(&state, [.key(.enter)])
            expectGolden(App.view(state), "result-invalid-content-\(language)")
        }
    }
}
