import Foundation
import GripEngine
import Testing
@testable import GripResults
@testable import GripTUI

/// The review desk as a privacy officer uses it: find what needs review, narrow the list,
/// look per system, compare, countersign (issue 11).
struct DeskTests {
    static func row(
        _ system: String, _ instrument: String, _ date: String, level: String, signer: VerificationReport.Status = .validTrusted(signer: "Anna"),
        organisation: String = "Gemeente Voorbeeld", verdict: Review.Verdict? = nil, flags: [RegisterFlag] = []
    ) -> DeskRow {
        let result = IndexedResult(
            id: UUID().uuidString, system: system, organisation: organisation, assessor: "A", questionnaireID: instrument,
            questionnaireTitle: instrument, questionnaireVersion: "0.3.0", completedAt: date + "T10:00:00Z", language: "nl", purpose: nil,
            assessments: [IndexedResult.Assessment(id: "dpia", title: "DPIA", level: level, appliesFrom: nil)], classifications: [],
            openPoints: ["Bewaartermijn?"], unknownAnswers: ["Worden gegevens gedeeld?"], nextInstruments: [], contentSHA256: "x", signatureValue: "y")
        var verification = VerificationReport(status: signer)
        verification.claimedSigner = "Anna de Vries"
        verification.keyID = "SHA256:k"
        let reviews = verdict.map {
            [Review(
                id: "r", reviewed: Review.Subject(resultID: result.id, resultSHA256: "x", signature: "y", signerKeyID: "k", questionnaireID: instrument, questionnaireVersion: "0.3.0", system: system),
                reviewerName: "Piet", reviewerOrganisation: "FG", reviewerKeyID: "k2", reviewedAt: "2026-11-01T10:00:00Z", verdict: $0, remarks: "",
                judgements: [], actions: [Review.Action(text: "DPIA doen", owner: "Team", due: "2027-01-31")], nextReview: nil)]
        } ?? []
        let entry = RegisterOverview.Instrument(result: result, path: "/r/\(system)-\(instrument)-\(date).json", verification: verification, reviews: reviews, reviewTrusted: true, flags: flags)
        return DeskRow(entry, localTime: date + " 11:00")
    }

    static let data = DeskData(rows: [
        row("Chatbot", "quickscan", "2026-03-01", level: "recommended"),
        row("Chatbot", "quickscan", "2026-09-01", level: "required", verdict: .agree),
        row("Chatbot", "dpia-lite", "2026-10-01", level: "possibly-required"),
        row("Fraudemodel", "quickscan", "2026-05-01", level: "required", signer: .validUnknownSigner, flags: [.reviewOverdue("2026-10-01")]),
        row("Parkeerscan", "ai-act", "2026-07-01", level: "not-needed", organisation: "Provincie Noord"),
    ], problems: [RegisterOverview.Problem(path: "/r/bad.json", reason: "the signature does not match the content: the result was changed after signing, or signed with another key")], fromCache: 0, files: 6)

    static func desk(width: Int = 120, height: Int = 30, signer: Bool = true) -> AppState {
        var state = makeState(width: width, height: height)
        if signer { state.signer = ("Piet", "SHA256:k2") }
        let effects = App.openDesk(["/r"], &state)
        #expect(effects.count == 1)
        send(&state, [.effect(.deskLoaded(data))])
        return state
    }

    static func systems(_ state: AppState) -> [String] {
        guard let desk = state.desk, let data = desk.data else { return [] }
        return desk.visible.map { "\(data.rows[$0].result.system)/\(data.rows[$0].result.questionnaireID)/\(data.rows[$0].result.completedAt.prefix(7))" }
    }

    @Test func theListShowsNewestFirstAndEachFilterNarrowsIt() {
        var state = Self.desk()
        #expect(Self.systems(state) == ["Chatbot/dpia-lite/2026-10", "Chatbot/quickscan/2026-09", "Parkeerscan/ai-act/2026-07", "Fraudemodel/quickscan/2026-05", "Chatbot/quickscan/2026-03"])
        send(&state, keys("n"))  // level: required
        #expect(Self.systems(state) == ["Chatbot/quickscan/2026-09", "Fraudemodel/quickscan/2026-05"])
        send(&state, keys("v"))  // trust: trusted
        #expect(Self.systems(state) == ["Chatbot/quickscan/2026-09"])
        send(&state, keys("x"))
        send(&state, keys("b"))  // review: none
        #expect(Self.systems(state).count == 4)
        send(&state, keys("bb"))  // agree-with-conditions: none of these … then agree
        send(&state, keys("x"))
        send(&state, keys("i"))  // instrument: ai-act (alphabetical)
        #expect(Self.systems(state) == ["Parkeerscan/ai-act/2026-07"])
        send(&state, keys("x"))
        #expect(Self.systems(state).count == 5)
    }

    @Test func searchFiltersAsItIsTypedAndEscapeClearsIt() {
        var state = Self.desk()
        send(&state, keys("/noord"))
        #expect(Self.systems(state) == ["Parkeerscan/ai-act/2026-07"], "organisation is searched")
        #expect(App.view(state).text.contains("Zoeken: noord"))
        send(&state, [.key(.escape)])
        #expect(Self.systems(state).count == 5)
        send(&state, keys("/2026-0"))
        send(&state, [.key(.enter)])
        #expect(Self.systems(state).count == 4, "dates are searched; Enter keeps the search")
        #expect(state.desk?.selectedRow?.result.system == "Parkeerscan", "the selected result stays selected while it shows")
        let before = state.desk?.selection ?? 0
        send(&state, keys("j"))
        #expect(state.desk?.selection == before + 1, "after the search, keys are commands again")
    }

    @Test func sortingByColumnAndReversing() {
        var state = Self.desk()
        send(&state, keys("s"))  // system
        #expect(Self.systems(state).first?.hasPrefix("Chatbot") == true && Self.systems(state).last?.hasPrefix("Parkeerscan") == true)
        send(&state, keys("o"))
        #expect(Self.systems(state).first?.hasPrefix("Parkeerscan") == true)
        send(&state, keys("sss"))  // level
        let levels = state.desk!.visible.map { state.desk!.data!.rows[$0].result.highestLevel }
        #expect(levels.first == "not-needed" || levels.first == "required")
    }

    @Test func enterOpensTheResultAndBackReturnsToTheDesk() {
        var state = Self.desk()
        let effects = send(&state, [.key(.enter)])
        guard case .openResult(let path) = effects.first else { Issue.record("no open effect"); return }
        #expect(path.contains("dpia-lite"))
        var verification = VerificationReport(status: .validTrusted(signer: "Anna"))
        verification.keyID = "SHA256:k"
        send(&state, [.effect(.resultOpened(ResultSummary(path: path, questionnaireTitle: "DPIA-lite", system: "Chatbot", completedAt: "2026-10-01T10:00:00Z", verification: verification), lines: ["x"]))])
        guard case .resultDetail(let detail) = state.screen, detail.fromDesk else { Issue.record("detail from the desk"); return }
        send(&state, [.key(.escape)])
        guard case .desk = state.screen else { Issue.record("back to the desk"); return }
        #expect(state.desk?.data != nil, "the list is kept")
    }

    @Test func perSystemViewCollectsEveryAssessmentAndWhatIsOpen() {
        var state = Self.desk()
        send(&state, keys("jp"))  // the Chatbot quickscan of September
        let text = App.view(state).text
        #expect(text.contains("■ quickscan") && text.contains("■ dpia-lite"))
        #expect(text.contains("eerder: 2026-03-01 11:00"), "earlier versions listed")
        #expect(text.contains("DPIA doen — Team, uiterlijk 2027-01-31"))
        #expect(text.contains("Open punt (quickscan): Bewaartermijn?") && text.contains("Weet ik niet (dpia-lite): Worden gegevens gedeeld?"))
        #expect(!text.contains("Fraudemodel"))
        send(&state, [.key(.escape)])
        guard case .list = state.desk!.mode else { Issue.record("Esc returns to the list"); return }
    }

    @Test func diffComparesWithThePreviousAssessmentOfTheSameSystemAndInstrument() {
        var state = Self.desk()
        let effects = send(&state, keys("jd"))
        guard case .diff(let old, let new) = effects.first else { Issue.record("no diff effect"); return }
        #expect(old.contains("quickscan-2026-03-01") && new.contains("quickscan-2026-09-01"))
        send(&state, [.effect(.diffOpened(lines: ["DPIA: aanbevolen → verplicht"]))])
        #expect(App.view(state).text.contains("DPIA: aanbevolen → verplicht"))
        var first = Self.desk()
        #expect(send(&first, keys("d")).isEmpty, "the first DPIA-lite has nothing before it")
        #expect(App.view(first).text.contains("geen eerdere"))
    }

    @Test func countersignFromTheFormWritesWhatWasFilledIn() {
        var state = Self.desk(width: 80, height: 24)
        send(&state, keys("c"))
        #expect(App.view(state).text.contains("Beoordeling ondertekenen: Chatbot"))
        #expect(send(&state, [.key(.function(2))]).isEmpty, "no verdict yet")
        #expect(App.view(state).text.contains("Kies een oordeel"))
        send(&state, keys("2"))
        // remark, next review, action 1 (text, owner, due)
        send(&state, [.paste("Goed onderbouwd"), .key(.tab), .paste("2027-11-30"), .key(.tab), .paste("DTIA afronden"), .key(.tab), .paste("Team"), .key(.tab), .paste("2027-13-01")])
        #expect(send(&state, [.key(.function(2))]).isEmpty, "an impossible date is refused")
        #expect(App.view(state).text.contains("actie 1 in als JJJJ-MM-DD"))
        send(&state, [.key(.backspace), .key(.backspace), .key(.backspace), .key(.backspace), .key(.backspace), .paste("02-01")])
        // Past the second action to the judgement on the DPIA; the form scrolls to it.
        send(&state, [.key(.tab), .key(.tab), .key(.tab), .key(.tab), .paste("Eens: profilering")])
        let screen = App.view(state).text
        #expect(screen.contains("Over DPIA") && screen.contains("Eens: profilering"), "\(screen)")
        let effects = send(&state, [.key(.function(2))])
        guard case .countersign(let path, let verdict, let remark, let judgements, let actions, let next) = effects.first else {
            Issue.record("no countersign effect: \(effects)")
            return
        }
        #expect(path.contains("dpia-lite") && verdict == .agreeWithConditions && remark == "Goed onderbouwd")
        #expect(actions == [Review.Action(text: "DTIA afronden", owner: "Team", due: "2027-02-01")] && next == "2027-11-30")
        #expect(judgements == [Review.Judgement(assessment: "dpia", remark: "Eens: profilering")])
        let reload = send(&state, [.effect(.reviewWritten(path: "/r/x.review-1.json"))])
        guard case .loadDesk = reload.first else { Issue.record("the desk reloads after a review"); return }
        #expect(App.view(state).text.contains("Beoordeling ondertekend"))
    }

    @Test func withoutAKeyTheDeskSaysHowToGetOne() {
        var state = Self.desk(signer: false)
        send(&state, keys("c"))
        guard case .list = state.desk!.mode else { Issue.record("no form without a key"); return }
        #expect(App.view(state).text.contains("grip keys init"))
    }

    @Test func theListFillsInWhileFilesAreVerified() {
        var state = makeState(width: 120, height: 30)
        _ = App.openDesk(["/r"], &state)
        #expect(App.view(state).text.contains("bestanden controleren"))
        let partial = DeskData(rows: Array(Self.data.rows.prefix(2)), problems: [], fromCache: 0, files: 2)
        send(&state, [.effect(.deskLoaded(partial, complete: false))])
        var text = App.view(state).text
        #expect(text.contains("bestanden controleren") && text.contains("Chatbot"), "\(text)")
        send(&state, [.effect(.deskLoaded(Self.data, complete: true))])
        text = App.view(state).text
        #expect(!text.contains("bestanden controleren") && text.contains("Parkeerscan"))
    }

    @Test func invalidFilesAreCountedApartAndListed() {
        var state = Self.desk()
        #expect(App.view(state).text.contains("✗ 1 ongeldig"))
        send(&state, keys("!"))
        let text = App.view(state).text
        #expect(text.contains("/r/bad.json") && text.contains("de handtekening past niet bij de inhoud"))
    }

    @Test func goldenDesk() {
        GoldenScreenTests.each { language, width, height in
            var state = makeState(language: language, width: width, height: height)
            state.signer = ("Piet", "SHA256:k2")
            _ = App.openDesk(["/data/register"], &state)
            expectGolden(App.view(state), "desk-loading-\(language)")
            send(&state, [.effect(.deskLoaded(Self.data))])
            expectGolden(App.view(state), "desk-\(language)")
            send(&state, keys("jp"))
            expectGolden(App.view(state), "desk-system-\(language)")
        }
    }
}

/// The desk's own local-time conversion agrees with Foundation's, across time zones and
/// daylight saving changes.
struct LocalTimeTests {
    @Test(arguments: ["UTC", "Europe/Amsterdam", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"])
    func agreesWithDateFormatter(_ zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime]
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = timeZone
        for timestamp in ["2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2024-02-29T23:59:00Z", "2026-12-31T23:30:00Z", "2000-01-01T00:00:00Z", "1999-12-31T22:15:07Z", "2026-11-23T14:05:09+01:00"] {
            let date = try #require(parser.date(from: timestamp))
            #expect(LocalTime.text(timestamp, timeZone) == formatter.string(from: date), "\(timestamp) in \(zone)")
        }
        #expect(LocalTime.text("not a time", timeZone) == "not a time")
        #expect(LocalTime.text("2026-13-01T00:00:00Z", timeZone) == "2026-13-01T00:00:00Z")
    }
}
