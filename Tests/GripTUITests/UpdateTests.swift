import Foundation
import GripEngine
import GripResults
import GripScoring
import Testing
@testable import GripTUI

/// Key scripts through `update`: whole questionnaires, going back, hiding answers, resizing.
struct UpdateTests {
    @Test func aWholeQuickscanByKeysEndsAtTheOutcomeWithEveryRequiredAnswer() throws {
        var state = makeState()
        startAssessment(&state)
        #expect(state.active?.session.subject == Subject(system: "Chatbot VraagMaar", organisation: "Gemeente Voorbeeld", assessor: "A. de Vries"))
        answerEverything(&state)
        guard case .outcome = state.screen else {
            Issue.record("expected the outcome screen, got \(state.screen)")
            return
        }
        let session = try #require(state.active?.session)
        #expect(session.isComplete)
        #expect(!Scorer.outcome(for: session).assessments.isEmpty)
    }

    @Test func everyAnswerSavesTheDraft() {
        var state = makeState()
        startAssessment(&state)
        let effects = send(&state, keys("Doel") + [enter] + keys("2") + [enter])
        let saved = effects.compactMap { effect -> Draft? in if case .saveDraft(let draft) = effect { draft } else { nil } }
        #expect(saved.count >= 2)
        #expect(saved.last?.session.answers["new_legislation"] == AnswerValue.no)
        #expect(state.drafts.first?.id == state.active?.draftID)
    }

    @Test func goingBackKeepsAnswersAndShowsThem() {
        var state = makeState()
        startAssessment(&state)
        send(&state, keys("Doel") + [enter] + keys("2") + [enter, escape])
        #expect(state.active?.session.currentQuestion?.id == "new_legislation")
        #expect(state.active?.input == .choice(highlight: 1, chosen: ["no"]))
        send(&state, [escape])
        guard case .field(let editor, _, _)? = state.active?.input else {
            Issue.record("expected the text field")
            return
        }
        #expect(editor.text == "Doel")
        // Esc on the first question goes home; the draft is listed to resume.
        send(&state, [escape])
        guard case .home = state.screen else { Issue.record("expected home"); return }
        #expect(state.drafts.count == 1)
        #expect(state.active == nil)
    }

    @Test func changingAnAnswerThatHidesOthersAsksAndKeepsThem() throws {
        var state = makeState()
        startAssessment(&state)
        answerEverything(&state)
        let before = try #require(state.active?.session)
        send(&state, [escape])  // to the overview
        let index = try #require(before.questionnaire.index(of: "has_algorithm"))
        let row = try #require(before.visibleIndices.firstIndex(of: index))
        send(&state, Array(repeating: key(.down), count: row) + [enter] + keys("2") + [enter])
        guard case .hideAnswers(_, _, let hidden)? = state.dialog else {
            Issue.record("expected the hide-answers dialog")
            return
        }
        #expect(!hidden.isEmpty)
        // Esc keeps the old answer; nothing changed.
        send(&state, [escape])
        #expect(state.active?.session.answer(at: index) == .yes)
        send(&state, [enter])
        #expect(state.dialog != nil)
        send(&state, [enter])
        let after = try #require(state.active?.session)
        #expect(after.answer(at: index) == .no)
        for hiddenIndex in hidden {
            #expect(!after.isVisible(hiddenIndex))
            #expect(after.answer(at: hiddenIndex) == before.answer(at: hiddenIndex), "hidden answers stay stored")
        }
        // Undo: back one question, answer yes again, and the hidden answers come back.
        send(&state, [escape])
        #expect(state.active?.session.currentQuestion?.id == "has_algorithm")
        send(&state, keys("1") + [enter])
        let undone = try #require(state.active?.session)
        for hiddenIndex in hidden { #expect(undone.isVisible(hiddenIndex) && undone.answer(at: hiddenIndex) == before.answer(at: hiddenIndex)) }
    }

    @Test func invalidInputIsExplainedInPlaceAndKept() throws {
        var state = makeState()
        startAssessment(&state)
        // Walk to the number of data subjects.
        for _ in 0..<40 {
            guard let question = state.active?.session.currentQuestion, question.id != "data_subjects" else { break }
            send(&state, keys("1") + [enter])
        }
        #expect(state.active?.session.currentQuestion?.id == "data_subjects")
        send(&state, keys("twaalf") + [enter])
        #expect(state.active?.problem?.contains("geen geheel getal") == true)
        guard case .field(let editor, _, _)? = state.active?.input else { Issue.record("field expected"); return }
        #expect(editor.text == "twaalf", "what was typed is kept")
        send(&state, Array(repeating: key(.backspace), count: 6) + keys("12.000") + [enter])
        let index = try #require(state.active?.session.questionnaire.index(of: "data_subjects"))
        #expect(state.active?.session.answer(at: index) == .number(12_000))
    }

    @Test func pastedTextWithNewlinesDoesNotConfirmASingleLineField() {
        var state = makeState()
        send(&state, [enter, .paste("Regel een\nregel twee")])
        guard case .start(let start) = state.screen else { Issue.record("start expected"); return }
        #expect(start.fields[0].text == "Regel een regel twee")
    }

    @Test func resizeBelowTheMinimumShowsAMessageAndRecovers() {
        var state = makeState()
        startAssessment(&state)
        send(&state, [.resize(width: 30, height: 8)])
        #expect(App.view(state).text.contains("Maak het venster groter"))
        send(&state, keys("1") + [enter])
        #expect(state.active?.session.answer(at: 0) == nil, "keys wait while the window is too small")
        send(&state, [.resize(width: 100, height: 30)])
        #expect(App.view(state).text.contains("Beschrijf in een paar zinnen"))
        let tiny = App.view({ var s = state; s.width = 0; s.height = 0; return s }())
        #expect(tiny.lines.isEmpty)
    }

    @Test func theOutcomeLeadsIntoTheNextInstrumentWithPrefilledAnswers() throws {
        var state = makeState()
        state.signer = ("Anna", "SHA256:x")
        startAssessment(&state)
        answerEverything(&state)
        let effects = send(&state, [enter])
        #expect(effects.contains { if case .writeResult = $0 { true } else { false } })
        send(&state, [.effect(.resultWritten(path: "/tmp/result.json"))])
        let next = Scorer.outcome(for: state.active!.session).nextInstruments
        #expect(next.first == "dpia-lite")
        send(&state, keys("1"))
        guard case .start(let start) = state.screen else { Issue.record("start of the next instrument expected"); return }
        #expect(start.questionnaire.id == "dpia-lite")
        #expect(start.fields[0].text == "Chatbot VraagMaar")
        send(&state, [enter])
        #expect(state.active?.session.questionnaire.id == "dpia-lite")
        #expect(!(state.active?.prefilled.isEmpty ?? true), "answers carried over from the quickscan")
    }

    /// Suggested answers stay suggestions after the draft is closed and opened again, and
    /// only confirmed answers are counted (issue 13 item 2).
    @Test func suggestedAnswersKeepTheirMarkAfterResuming() throws {
        var state = makeState()
        state.signer = ("Anna", "SHA256:x")
        startAssessment(&state)
        answerEverything(&state)
        send(&state, [enter, .effect(.resultWritten(path: "/tmp/result.json")), .key(.character("1")), enter])
        let active = try #require(state.active)
        let suggested = active.prefilled
        #expect(!suggested.isEmpty)
        let draft = try #require(App.currentDraft(state))
        #expect(draft.suggested?.count == suggested.count)
        let answeredIncludingSuggestions = active.session.progress.answered
        #expect(draft.answered == answeredIncludingSuggestions - suggested.filter { active.session.isVisible($0) && active.session.answer(at: $0) != nil }.count)
        // Saved and read back as a file would be, then opened from the home screen.
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let reread = try decoder.decode(Draft.self, from: encoder.encode(draft))
        var resumed = makeState()
        resumed.drafts = [reread]
        let row = App.homeItems(resumed).firstIndex(of: .draft(0))!
        send(&resumed, Array(repeating: key(.down), count: row) + [enter])
        #expect(resumed.active?.prefilled == suggested)
        send(&resumed, keys("o"))
        let overview = App.view(resumed).text
        #expect(overview.contains("(voorgesteld)"), "\(overview)")
    }

    @Test func theFirstFinishWithoutAKeyAsksForNameAndOrganisation() {
        var state = makeState()
        startAssessment(&state)
        answerEverything(&state)
        send(&state, [enter])
        guard case .keySetup = state.screen else { Issue.record("key setup expected"); return }
        let effects = send(&state, [enter, enter])
        #expect(effects.contains { if case .createKey(let identity) = $0 { identity.name == "A. de Vries" && identity.organisation == "Gemeente Voorbeeld" } else { false } })
        let written = send(&state, [.effect(.keyCreated(name: "A. de Vries", keyID: "SHA256:y"))])
        #expect(written.contains { if case .writeResult = $0 { true } else { false } })
    }

    @Test func quitSavesAndAsksOnlyWhenSomethingIsUnsaved() {
        var state = makeState()
        startAssessment(&state)
        var effects = send(&state, [key(.function(10))])
        #expect(effects.contains { if case .quit = $0 { true } else { false } })
        #expect(!state.isRunning)

        state = makeState()
        startAssessment(&state)
        send(&state, [.effect(.draftFailed("disk full"))])
        effects = send(&state, [key(.function(10))])
        guard case .confirmQuit? = state.dialog else { Issue.record("confirm expected"); return }
        effects = send(&state, keys("j"))
        #expect(!state.isRunning)
    }

    @Test func languageSwitchIsRemembered() {
        var state = makeState()
        let effects = send(&state, keys("t"))
        #expect(state.language == .en)
        #expect(effects.contains { if case .saveSettings(let settings) = $0 { settings.language == .en } else { false } })
        #expect(App.view(state).text.contains("Instruments"))
    }
}

/// When no remaining answer can change the outcome, the interface says so and offers to finish.
struct SettledEarlyTests {
    static let yaml = """
        id: tiny
        version: 1.0.0
        title: {nl: Klein, en: Tiny}
        description: {nl: Een test., en: A test.}
        sections:
          - id: s
            title: {nl: S, en: S}
            questions:
              - {id: new_law, type: yes_no, text: {nl: Nieuwe wet?, en: New law?}, help: {nl: h, en: h}}
              - {id: purpose, type: text, text: {nl: Doel?, en: Purpose?}, help: {nl: h, en: h}}
        outcomes:
          criteria:
            - {id: law, when: new_law, text: {nl: Nieuwe wet., en: New law.}}
          assessments:
            - {id: dpia, title: {nl: DPIA, en: DPIA}, required: [law]}
        """

    @Test func aSettledOutcomeOffersToFinishNow() throws {
        let questionnaire = try #require(QuestionnaireLoader.load(Data(Self.yaml.utf8), file: "tiny.yaml").questionnaire)
        var state = AppState(instruments: [questionnaire], width: 80, height: 24)
        send(&state, [enter] + keys("Test") + [enter, enter, enter])
        send(&state, keys("1") + [enter])
        guard case .settledEarly? = state.dialog else {
            Issue.record("expected the settled-early dialog")
            return
        }
        #expect(App.view(state).text.contains("De uitkomst ligt vast"))
        send(&state, keys("f"))
        guard case .outcome = state.screen else { Issue.record("expected the outcome"); return }
        #expect(App.view(state).text.contains("DPIA: verplicht"))
    }
}

/// A number field shows every digit typed, with its unit after it.
struct NumberFieldTests {
    static let yaml = """
        id: count
        version: 1.0.0
        title: {nl: Tellen, en: Counting}
        description: {nl: Een test., en: A test.}
        sections:
          - id: s
            title: {nl: S, en: S}
            questions:
              - {id: people, type: number, min: 0, unit: {nl: personen, en: people}, text: {nl: Hoeveel?, en: How many?}, help: {nl: h, en: h}}
        """

    @Test(arguments: ["7", "20000", "1234567890123"])
    func theUnitNeverHidesADigit(_ digits: String) throws {
        let questionnaire = try #require(QuestionnaireLoader.load(Data(Self.yaml.utf8), file: "count.yaml").questionnaire)
        var state = AppState(instruments: [questionnaire], width: 80, height: 24)
        send(&state, [enter] + keys("Test") + [enter, enter, enter] + keys(digits))
        #expect(App.view(state).text.contains("› \(digits) personen"), "\(App.view(state).text)")
    }
}

/// Ctrl-C quits from any screen, keeping what was being typed.
struct ControlCTests {
    @Test func controlCSavesTheNoteBeingTypedAndQuits() throws {
        var state = makeState()
        startAssessment(&state)
        send(&state, [tab] + keys("half getypt"))
        let effects = App.update(&state, .key(.control("c")))
        #expect(!state.isRunning)
        guard case .saveDraft(let draft)? = effects.first, case .quit? = effects.last else {
            Issue.record("expected save then quit, got \(effects)")
            return
        }
        #expect(draft.session.notes.values.contains("half getypt"))
    }

    @Test func controlCQuitsFromTheHomeScreenToo() {
        var state = makeState()
        let effects = App.update(&state, .key(.control("c")))
        #expect(!state.isRunning)
        #expect(effects.count == 1)
    }
}

/// The footer fits the width without losing the ways to get help and to quit (issue 13 item 6).
struct FooterTests {
    @Test(arguments: [Language.nl, .en], [60, 80, 120])
    func everyScreenShowsHelpAndQuitAtAnyWidth(_ language: Language, _ width: Int) {
        for keyMap in [KeyMaps.home, KeyMaps.questionChoice, KeyMaps.questionText, KeyMaps.questionHelp, KeyMaps.outcome, KeyMaps.results] {
            let footer = keyMap.footer(language, fitting: width)
            let text = footer.map { "\($0.keys) \($0.help)" }.joined(separator: "  ")
            #expect(TextWidth.of(text) + 2 <= width, "\(text)")
            let actions = keyMap.bindings.filter(\.inFooter).map(\.action)
            if actions.contains(.quit) { #expect(footer.contains { $0.help == KeyMaps.quitHelp(keyMap)[language] }, "no quit in \(text)") }
        }
        // Nothing is left out where there is room.
        #expect(KeyMaps.questionChoice.footer(language, fitting: 200).count == KeyMaps.questionChoice.footer(language).count)
    }

    @Test func atEightyColumnsTheQuestionFooterKeepsOverviewOutcomeAndQuit() {
        var state = makeState(width: 80, height: 24)
        startAssessment(&state)
        #expect((App.view(state).lines.last ?? "").contains("F2 overzicht"), "a text question keeps the overview key")
        send(&state, keys("Beantwoordt vragen") + [enter])
        let footer = App.view(state).lines.last ?? ""
        for word in ["hulp", "overzicht", "uitkomst", "stoppen"] { #expect(footer.contains(word), "\(footer)") }
    }
}

/// Long option lists scroll with the cursor, say what is hidden, and every option has a
/// key (issue 13 item 7).
struct LongOptionListTests {
    static let yaml: String = {
        let options = (1...14).map { "          - {id: o\($0), label: {nl: Optie \($0), en: Option \($0)}}" }.joined(separator: "\n")
        return """
            id: long
            version: 1.0.0
            title: {nl: Lang, en: Long}
            description: {nl: Een test., en: A test.}
            sections:
              - id: s
                title: {nl: S, en: S}
                questions:
                  - id: areas
                    type: multi
                    text: {nl: Welke gebieden?, en: Which areas?}
                    help: {nl: "Een lange uitleg over de gebieden die hier kunnen gelden, met voorbeelden.", en: A long explanation.}
                    options:
            \(options)
            """
    }()

    @Test func aLongListSaysWhatIsHiddenAndEveryOptionHasAKey() throws {
        let questionnaire = try #require(QuestionnaireLoader.load(Data(Self.yaml.utf8), file: "long.yaml").questionnaire)
        var state = AppState(instruments: [questionnaire], width: 60, height: 20)
        send(&state, [enter] + keys("Test") + [enter, enter, enter])
        var screen = App.view(state).text
        #expect(screen.contains("▼ nog"), "\(screen)")
        #expect(!screen.contains("▲ nog"))
        // The fourteenth option has a key of its own, and choosing it scrolls it into view.
        let key = try #require(ChoiceKeys.label(13))
        send(&state, keys(key))
        guard case .choice(let highlight, let chosen)? = state.active?.input else { Issue.record("choice input expected"); return }
        #expect(highlight == 13 && chosen == ["o14"])
        screen = App.view(state).text
        #expect(screen.contains("\(key) [x] Optie 14"), "\(screen)")
        #expect(screen.contains("▲ nog"))
        // With help open the list still shows options and says there are more.
        send(&state, keys("?"))
        screen = App.view(state).text
        #expect(screen.contains("[x] Optie 14") && screen.contains("▲ nog"), "\(screen)")
    }
}

/// Before signing, the first screen of the outcome shows every verdict and says that it
/// scrolls (issue 13 item 4).
struct OutcomeSummaryTests {
    @Test(arguments: [Language.nl, .en])
    func everyVerdictIsOnTheFirstScreenAt80x24(_ language: Language) {
        var state = makeState(language: language, width: 80, height: 24)
        startAssessment(&state)
        answerEverything(&state)
        guard case .outcome = state.screen, let active = state.active else { Issue.record("outcome expected"); return }
        let screen = App.view(state).text
        for assessment in Scorer.outcome(for: active.session).assessments {
            #expect(screen.contains("■ \(assessment.title[language]): "), "\(assessment.id) is not on the first screen")
        }
        #expect(screen.contains(language == .nl ? "▼ nog" : "▼ "), "says there is more")
        #expect(screen.contains("PgDn"), "the footer names the scroll key")
    }
}

/// Small things a new user trips over (issue 13 item 10).
struct HomeAndWordingTests {
    @Test func theHomeSectionsKeepTheirOrderWithAndWithoutDrafts() throws {
        var state = makeState(width: 100, height: 40)
        let verification = VerificationReport(status: .validUnknownSigner)
        state.results = [ResultSummary(path: "/r/a.json", questionnaireTitle: "Quickscan", system: "Chatbot", completedAt: "2026-11-23T14:05:09Z", verification: verification)]
        let text = App.view(state).text
        let drafts = try #require(text.range(of: "Onderbroken"), "\(text)")
        let results = try #require(text.range(of: "Recente resultaten"), "\(text)")
        #expect(drafts.lowerBound < results.lowerBound, "\(text)")
        #expect(text.contains("2026-11-23 14:05"), "results show the time, so two runs on one day differ")
    }

    @Test func unansweredCountsHaveRealPlurals() {
        #expect(UIText.unanswered(1).nl == "Nog 1 vraag zonder antwoord (gemarkeerd).")
        #expect(UIText.unanswered(18).nl == "Nog 18 vragen zonder antwoord (gemarkeerd).")
        #expect(UIText.unanswered(2).en == "2 questions still unanswered (marked).")
    }
}

/// Progress never goes back while answering forward, even when answers reveal more
/// questions (issue 13 item 10).
struct ProgressTests {
    @Test func theBarAndThePartNeverDecreaseWhileAnsweringForward() {
        var state = makeState(width: 80, height: 24)
        startAssessment(&state)
        var previousFill = -1
        var previousPart = 0
        for _ in 0..<120 {
            guard case .question = state.screen, state.dialog == nil else { break }
            let screen = App.view(state)
            let fill = screen.lines[1].filter { $0 == "█" }.count
            #expect(fill >= previousFill, "the bar went back from \(previousFill) to \(fill)")
            previousFill = fill
            let title = screen.lines[0]
            if let range = title.range(of: "deel "), let part = Int(title[range.upperBound...].prefix { $0.isNumber }) {
                #expect(part >= previousPart)
                previousPart = part
            } else {
                Issue.record("no part in the title: \(title)")
            }
            send(&state, keys("1") + [enter])
        }
        #expect(previousPart > 1, "the walk went through several parts")
    }
}

/// Texts are not cut where there is room (issue 13 item 10).
struct NothingCutTests {
    @Test(arguments: [
        ("Een check van één AI-systeem (art. 6 en bijlage III). Meer tekst.", "Een check van één AI-systeem (art. 6 en bijlage III)."),
        ("Zonder punt", "Zonder punt"),
        ("Bijv. een chatbot. Tweede zin.", "Bijv. een chatbot."),
    ])
    func theHomeScreenShowsAWholeFirstSentence(_ text: String, _ expected: String) {
        #expect(App.firstSentence(text) == expected)
    }

    @Test func dimensionLabelsAreWholeAt120Columns() {
        var state = makeState(width: 120, height: 40)
        startAssessment(&state)
        answerEverything(&state)
        guard let active = state.active else { Issue.record("no assessment"); return }
        let lines = App.outcomeLines(Scorer.outcome(for: active.session), session: active.session, language: .nl, width: 116, instruments: state.instruments)
        let text = lines.lines.map(\.text).joined(separator: "\n")
        #expect(text.contains("Afhankelijkheid leverancier"), "\(text.suffix(600))")
    }
}
