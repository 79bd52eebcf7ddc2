import Foundation
import GripEngine
@testable import GripResults
import GripScoring
import Testing
@testable import GripTUI

/// The real runtime and effect runner on temporary directories, with an in-memory terminal.
struct RuntimeTests {
    static func temporaryRunner() -> (EffectRunner, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("grip-tui-\(UUID().uuidString)")
        return (EffectRunner(configDirectory: root.appendingPathComponent("config"), dataDirectory: root.appendingPathComponent("data")), root)
    }

    /// Events for: open the quickscan, fill the subject, answer everything with "1".
    static let quickscanScript: [Event] = [enter] + keys("Chatbot") + [enter, enter, enter] + Array(repeating: keys("1") + [enter], count: 60).flatMap { $0 }

    @Test func aQuickscanFromTheHomeScreenEndsInASignedResultThatVerifies() throws {
        let (runner, root) = Self.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        let state = runner.initialState(instruments: bundledInstruments, width: 100, height: 30)
        // Looks at each frame and presses what a person would: answer "1" until the
        // outcome, sign (creating the key: name and organisation), then quit.
        var pending = [enter] + keys("Chatbot") + [enter, enter, enter]
        var signed = false
        let backend = MemoryBackend(width: 100, height: 30) { frame in
            if !pending.isEmpty { return pending.removeFirst() }
            let text = frame?.text ?? ""
            if text.contains("Ondertekend en opgeslagen") { return key(.function(10)) }
            if text.contains("Ondertekensleutel aanmaken") {
                pending = keys("Anna de Vries") + [enter] + keys("Gemeente") + [enter]
                return pending.removeFirst()
            }
            if text.contains("Uitkomst:") {
                if signed { return nil }
                signed = true
                return enter
            }
            pending = [enter]
            return .key(.character("1"))
        }
        let final = try Runtime.run(state, backend: backend, runner: runner)
        #expect(!backend.isStarted, "the terminal is given back")
        #expect(!final.isRunning)
        let results = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("data/results").path)
        #expect(results.count == 1)
        let data = try Data(contentsOf: root.appendingPathComponent("data/results").appendingPathComponent(results[0]))
        #expect(ResultVerifier.verify(data, trustList: try KeyStore(directory: root.appendingPathComponent("config")).loadTrustList()).status == .validTrusted(signer: "Anna de Vries"))
        #expect(DraftStore(directory: root.appendingPathComponent("data/drafts")).list().drafts.isEmpty, "the finished draft is removed")
        #expect(backend.frames.last?.text.contains("Ondertekend en opgeslagen") == true)
    }

    @Test func inputEndingHalfwayLeavesADraftThatResumesWithEveryAnswer() throws {
        let (runner, root) = Self.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        let start = runner.initialState(instruments: bundledInstruments, width: 100, height: 30)
        // Five answers and a note being typed, then the input ends (a closed window).
        let events = [enter] + keys("Chatbot") + [enter, enter, enter] + Array(repeating: keys("1") + [enter], count: 5).flatMap { $0 } + [tab] + keys("half getypt")
        let stopped = try Runtime.run(start, backend: MemoryBackend(width: 100, height: 30, events: events), runner: runner)
        let answered = stopped.active!.session.answers.compactMap { $0 }.count
        #expect(answered == 5)

        let again = runner.initialState(instruments: bundledInstruments, width: 100, height: 30)
        #expect(again.drafts.count == 1)
        let draft = again.drafts[0]
        #expect(draft.session.answers.count == 5)
        #expect(draft.session.notes.values.contains("half getypt"), "the note being typed is kept")
        // Resume from the home screen: the draft is the row after the five instruments.
        let resumed = try Runtime.run(again, backend: MemoryBackend(width: 100, height: 30, events: Array(repeating: key(.down), count: 5) + [enter]), runner: runner)
        #expect(resumed.active?.session.answers.compactMap { $0 }.count == 5)
        #expect(resumed.active?.draftID == draft.id)
    }

    /// A person at the plain prompts: answers each one by what it asks; `special` answers
    /// prompts that start with one of its keys first.
    final class PlainPerson {
        var output: [String] = []
        var chosen = false
        var special: [String: String] = [:]
        var asked: Set<String> = []

        func reply() -> String? {
            let prompt = output.last ?? ""
            for (start, answer) in special where prompt.hasPrefix(start) {
                asked.insert(start)
                return answer
            }
            if prompt.hasPrefix("Kies een nummer") { defer { chosen = true }; return chosen ? "q" : "1" }
            if prompt.hasPrefix("Naam van het systeem") { return "Chatbot" }
            if prompt.hasPrefix("Uw naam") { return "Anna" }
            if prompt.hasPrefix("Ondertekenen en opslaan") { return "j" }
            if prompt.hasPrefix("Nummer om te starten") { return "" }
            if prompt.hasPrefix("Antwoord") { return "1" }
            return ""  // organisation and assessor: keep the defaults
        }

        func run(_ runner: EffectRunner) -> [String] {
            let state = runner.initialState(instruments: bundledInstruments, width: 80, height: 24)
            var mode = PlainMode(state: state, runner: runner, input: reply, output: { self.output.append($0) })
            return mode.run()
        }
    }

    @Test func plainModeAnswersLineByLine() throws {
        let (runner, root) = Self.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        let person = PlainPerson()
        let written = person.run(runner)
        let output = person.output
        #expect(written.count == 1, "\(output.suffix(30).joined(separator: "\n"))")
        #expect(output.contains { $0.contains("[vraag 1 van") })
        #expect(output.contains { $0.hasPrefix("DPIA: ") })
        let data = try Data(contentsOf: URL(fileURLWithPath: try #require(written.first)))
        #expect(ResultVerifier.verify(data, trustList: TrustList()).isValid)
    }
}

/// Settings files from older versions, edited by hand, or changed by two interfaces.
struct SettingsFileTests {
    @Test func aMissingKeyKeepsItsDefaultAndABrokenFileIsReported() throws {
        let (runner, root) = RuntimeTests.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: runner.configDirectory, withIntermediateDirectories: true)
        let file = runner.configDirectory.appendingPathComponent("settings.json")
        try Data(#"{"language": "en"}"#.utf8).write(to: file)
        let state = runner.initialState(instruments: bundledInstruments, width: 80, height: 24)
        #expect(state.settings.language == .en)
        #expect(state.message == nil)

        try Data(#"{"language": "fr"}"#.utf8).write(to: file)
        let broken = runner.initialState(instruments: bundledInstruments, width: 80, height: 24)
        #expect(broken.settings.language == .nl)
        #expect(broken.message?.text.contains(file.path) == true)
        #expect(broken.message?.text.contains("'language'") == true, "\(broken.message?.text ?? "")")
    }

    @Test func twoInterfacesChangingDifferentSettingsKeepBoth() throws {
        let (first, root) = RuntimeTests.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        let second = EffectRunner(configDirectory: first.configDirectory, dataDirectory: first.dataDirectory)
        let a = first.initialState(instruments: bundledInstruments, width: 80, height: 24)
        let b = second.initialState(instruments: bundledInstruments, width: 80, height: 24)
        var changedA = a.settings
        changedA.organisation = "Gemeente Voorbeeld"
        _ = first.run(.saveSettings(changedA))
        var changedB = b.settings
        changedB.language = .en
        _ = second.run(.saveSettings(changedB))
        let reread = EffectRunner(configDirectory: first.configDirectory, dataDirectory: first.dataDirectory)
            .initialState(instruments: bundledInstruments, width: 80, height: 24).settings
        #expect(reread.organisation == "Gemeente Voorbeeld")
        #expect(reread.language == .en)
    }
}

/// Drafts that outlive their signing, and drafts whose questionnaire changed.
struct DraftRecoveryTests {
    /// A quickscan draft with one answer, saved by the real runner.
    static func savedDraft(_ runner: EffectRunner) throws -> Draft {
        let questionnaire = try #require(bundledInstruments.first { $0.id == "quickscan" })
        var session = Session(questionnaire: questionnaire)
        session.subject = Subject(system: "Chatbot", organisation: "Gemeente", assessor: "Anna")
        _ = session.setAnswer(.text("Beantwoordt vragen"), at: 0)
        let draft = Draft(session: session, language: .nl, startedAt: fixedNow)
        #expect(runner.run(.saveDraft(draft)) == .draftSaved)
        return draft
    }

    @Test func aDraftThatOutlivedItsSigningIsOfferedForRemovalNotSignedTwice() throws {
        let (runner, root) = RuntimeTests.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try KeyStore(directory: runner.configDirectory).create(identity: SignerIdentity(name: "Anna", organisation: "Gemeente"))
        let draft = try Self.savedDraft(runner)
        let draftFile = runner.dataDirectory.appendingPathComponent("drafts/\(draft.id.uuidString.lowercased()).json")
        let saved = try Data(contentsOf: draftFile)
        var dropped: [DroppedAnswer] = []
        let session = Session(questionnaire: bundledInstruments[0], snapshot: draft.session, dropped: &dropped)
        guard case .resultWritten(let path) = runner.run(.writeResult(session: session, startedAt: fixedNow, language: .nl, draftID: draft.id)) else {
            Issue.record("no result written")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: draftFile.path), "signing removes the draft at once")
        // As if the process was killed between writing the result and removing the draft.
        try saved.write(to: draftFile)

        var state = runner.initialState(instruments: bundledInstruments, width: 80, height: 24)
        #expect(state.signedDrafts[draft.id] == path)
        let draftRow = App.homeItems(state).firstIndex(of: .draft(0))!
        send(&state, Array(repeating: key(.down), count: draftRow) + [enter])
        guard case .draftAlreadySigned(_, let shown)? = state.dialog else {
            Issue.record("expected the already-signed dialog, got \(String(describing: state.dialog))")
            return
        }
        #expect(shown == path)
        #expect(state.active == nil, "the draft is not opened for a second signing")
        #expect(App.view(state).text.contains("al ondertekend"))
        let effects = send(&state, keys("j"))
        #expect(effects.contains { if case .deleteDraft(draft.id) = $0 { true } else { false } })
        #expect(state.drafts.isEmpty)
    }

    @Test func aDraftWhoseAnswersNoLongerFitIsCopiedBeforeItIsOpened() throws {
        let (runner, root) = RuntimeTests.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        var draft = try Self.savedDraft(runner)
        draft.session.answers["question_of_an_older_version"] = .yes
        #expect(runner.run(.saveDraft(draft)) == .draftSaved)
        let draftFile = runner.dataDirectory.appendingPathComponent("drafts/\(draft.id.uuidString.lowercased()).json")
        let before = try Data(contentsOf: draftFile)

        var state = runner.initialState(instruments: bundledInstruments, width: 80, height: 24)
        let draftRow = App.homeItems(state).firstIndex(of: .draft(0))!
        send(&state, Array(repeating: key(.down), count: draftRow) + [enter])
        guard case .droppedAnswers(_, let dropped)? = state.dialog else {
            Issue.record("expected the dropped-answers dialog, got \(String(describing: state.dialog))")
            return
        }
        #expect(dropped.map(\.questionID) == ["question_of_an_older_version"])
        #expect(App.view(state).text.contains("question_of_an_older_version"))
        #expect(state.active == nil)
        send(&state, [escape])
        #expect(state.active == nil && state.dialog == nil, "declining opens nothing")
        #expect(try Data(contentsOf: draftFile) == before, "and changes nothing")

        send(&state, [enter])
        let effects = send(&state, [enter])
        guard case .backupDraft(draft.id)? = effects.first else {
            Issue.record("the copy must be the first thing done, got \(effects)")
            return
        }
        guard case .draftBackedUp(let copy)? = runner.run(.backupDraft(draft.id)) else {
            Issue.record("no copy made")
            return
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
        #expect(state.active != nil)
    }
}

/// Two interfaces on one draft: the second is told who has it open and may read only or
/// take over; the one taken over can no longer save.
struct DraftClaimTests {
    @Test func aSecondInterfaceReadsOnlyOrTakesOverAndTheFirstStopsSaving() throws {
        let (first, root) = RuntimeTests.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        let draft = try DraftRecoveryTests.savedDraft(first)
        let draftFile = first.dataDirectory.appendingPathComponent("drafts/\(draft.id.uuidString.lowercased()).json")

        let second = EffectRunner(configDirectory: first.configDirectory, dataDirectory: first.dataDirectory)
        var state = second.initialState(instruments: bundledInstruments, width: 100, height: 30)
        let holder = try #require(state.draftHolders[draft.id])
        #expect(holder.contains("\(getpid())"))
        let row = App.homeItems(state).firstIndex(of: .draft(0))!
        send(&state, Array(repeating: key(.down), count: row) + [enter])
        guard case .draftInUse? = state.dialog else {
            Issue.record("expected the in-use dialog, got \(String(describing: state.dialog))")
            return
        }
        #expect(App.view(state).text.contains("proces \(getpid())"), "the dialog says who has it open")

        // Read only: the answers show, nothing changes and nothing is saved.
        var reader = state
        send(&reader, keys("l"))
        #expect(reader.active?.readOnly == true)
        let before = try Data(contentsOf: draftFile)
        let effects = send(&reader, [key(.down)] + keys("1") + [enter])
        #expect(!effects.contains { if case .saveDraft = $0 { true } else { false } })
        #expect(App.view(reader).text.contains("alleen lezen"))
        #expect(try Data(contentsOf: draftFile) == before)

        // Take over: the second one saves from now on; the first is refused and told.
        let takeOver = send(&state, keys("o"))
        guard case .takeOverDraft(draft.id)? = takeOver.first else {
            Issue.record("expected a take-over first, got \(takeOver)")
            return
        }
        #expect(second.run(.takeOverDraft(draft.id)) == .draftSaved)
        #expect(second.run(.saveDraft(draft)) == .draftSaved)
        guard case .draftTakenOver(let by)? = first.run(.saveDraft(draft)) else {
            Issue.record("the first interface still saved over the second")
            return
        }
        var firstState = first.initialState(instruments: bundledInstruments, width: 100, height: 30)
        send(&firstState, Array(repeating: key(.down), count: row) + [enter])
        firstState.dialog = nil
        send(&firstState, [.effect(.draftTakenOver(holder: by))])
        #expect(firstState.message?.text.contains("overgenomen") == true)

        // Closing the first interface does not free the second one's claim.
        _ = first.run(.quit)
        #expect(DraftClaims(directory: first.dataDirectory.appendingPathComponent("drafts")).holder(of: draft.id) != nil)
    }

    /// A claim by a process that was killed is free, also while it lingers as a zombie
    /// (kill -9 in a terminal whose shell has not reaped it yet).
    @Test func aKilledHoldersClaimIsFreeEvenAsAZombie() throws {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { for pointer in argv { free(pointer) } }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, argv, environ) == 0)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(kill(pid, 0) == 0, "not reaped yet: a zombie")
        #expect(!DraftClaims.isRunning(pid))
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        #expect(!DraftClaims.isRunning(pid))
        #expect(DraftClaims.isRunning(getpid()))
    }
}

/// The first frame never waits for the own results: they are verified in the background
/// and the list fills in batch by batch.
struct BackgroundResultsTests {
    @Test func theFirstFrameComesBeforeTheResultsAndTheListFillsIn() throws {
        let (runner, root) = RuntimeTests.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try KeyStore(directory: runner.configDirectory).create(identity: SignerIdentity(name: "Anna", organisation: "Gemeente"))
        let draft = try DraftRecoveryTests.savedDraft(runner)
        var dropped: [DroppedAnswer] = []
        let session = Session(questionnaire: bundledInstruments[0], snapshot: draft.session, dropped: &dropped)
        guard case .resultWritten(let path) = runner.run(.writeResult(session: session, startedAt: fixedNow, language: .nl, draftID: draft.id)) else {
            Issue.record("no result written")
            return
        }
        // More results than one batch, all genuine copies.
        let results = URL(fileURLWithPath: path).deletingLastPathComponent()
        for number in 1...(ResultLoader.batch + 20) {
            try FileManager.default.copyItem(atPath: path, toPath: results.appendingPathComponent(String(format: "copy-%04d.json", number)).path)
        }
        let state = runner.initialState(instruments: bundledInstruments, width: 100, height: 30)
        #expect(state.results.isEmpty, "nothing is verified before the first frame")
        var waited = 0
        let backend = MemoryBackend(width: 100, height: 30) { frame in
            let text = frame?.text ?? ""
            if waited == 0 { #expect(text.contains("Resultaten worden gecontroleerd"), "\(text)") }
            waited += 1
            if waited > 500 || (text.contains("✓") && !text.contains("gecontroleerd")) { return nil }
            Thread.sleep(forTimeInterval: 0.02)
            return .wake
        }
        let final = try Runtime.run(state, backend: backend, runner: runner)
        #expect(final.results.count == ResultLoader.batch + 21)
        #expect(!final.resultsLoading)
        #expect(final.results.filter { !$0.verification.isValid }.isEmpty)

        // A load overtaken by a newer one stops after its batch and posts nothing more.
        let generation = ResultLoader.Generation()
        let first = generation.next()
        _ = generation.next()
        #expect(!generation.isCurrent(first))
        var reports = 0
        ResultLoader(directory: URL(fileURLWithPath: path).deletingLastPathComponent(), keyStore: KeyStore(directory: runner.configDirectory))
            .load(while: { generation.isCurrent(first) }) { _, _ in reports += 1 }
        #expect(reports == 1, "stopped after the first batch of two")
    }
}

/// The saved-result view speaks the interface language, keeps the sources and shows local
/// times (issue 13 item 5).
struct SavedResultViewTests {
    @Test(arguments: [Language.nl, .en])
    func theSavedResultReadsLikeTheLiveOutcome(_ language: Language) throws {
        let (runner, root) = RuntimeTests.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try KeyStore(directory: runner.configDirectory).create(identity: SignerIdentity(name: "Anna", organisation: "Gemeente"))
        _ = runner.run(.saveSettings(Settings(language: language)))
        let questionnaire = try #require(bundledInstruments.first { $0.id == "quickscan" })
        let answers = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/answers/quickscan.yaml"), encoding: .utf8)
        var session = Session(questionnaire: questionnaire)
        guard case .success(let file) = AnswersFile.parse(Data(answers.utf8), file: "quickscan.yaml") else { Issue.record("example answers"); return }
        #expect(file.apply(to: &session).errors.isEmpty)
        guard case .resultWritten(let path) = runner.run(.writeResult(session: session, startedAt: fixedNow, language: .nl, draftID: UUID())),
            case .resultOpened(_, let lines, _) = runner.run(.openResult(path: path))
        else {
            Issue.record("result not written or opened")
            return
        }
        let text = lines.joined(separator: "\n")
        let levels = language == .nl ? ["verplicht", "niet nodig"] : ["required", "not needed"]
        #expect(levels.contains { text.contains(": " + $0) }, "\(text.prefix(800))")
        #expect(!text.contains(language == .nl ? ": required" : ": verplicht"))
        #expect(text.contains(language == .nl ? "Ingevuld door" : "Filled in by"))
        #expect(text.contains("[AVG Art.") || text.contains("[GDPR Art."), "sources are shown")
        let completed = try #require(lines.first { $0.hasPrefix(language == .nl ? "Afgerond: " : "Completed: ") })
        #expect(!completed.contains("T") && !completed.hasSuffix("Z"), "local time, not UTC ISO: \(completed)")
    }
}

/// A saved quickscan offers its next instruments, which start with its answers (issue 13
/// item 3): no need to redo the quickscan.
struct FollowUpFromResultTests {
    @Test func aSavedQuickscanStartsDPIALiteWithItsAnswers() throws {
        let (runner, root) = RuntimeTests.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try KeyStore(directory: runner.configDirectory).create(identity: SignerIdentity(name: "Anna", organisation: "Gemeente"))
        let quickscan = try #require(bundledInstruments.first { $0.id == "quickscan" })
        let answers = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/answers/quickscan.yaml"), encoding: .utf8)
        var session = Session(questionnaire: quickscan)
        guard case .success(let file) = AnswersFile.parse(Data(answers.utf8), file: "quickscan.yaml") else { Issue.record("example answers"); return }
        _ = file.apply(to: &session)
        guard case .resultWritten(let path) = runner.run(.writeResult(session: session, startedAt: fixedNow, language: .nl, draftID: UUID())) else {
            Issue.record("no result")
            return
        }
        var state = runner.initialState(instruments: bundledInstruments, width: 100, height: 30)
        let opened = try #require(runner.run(.openResult(path: path)))
        send(&state, [.effect(opened)])
        let screen = App.view(state).text
        guard case .resultDetail(let detail) = state.screen else { Issue.record("result view expected"); return }
        #expect(detail.lines.contains { $0.hasPrefix("Vervolginstrumenten") }, "the view lists the next instruments")
        #expect(screen.contains("vervolginstrument"), "the footer names the key")
        let next = Scorer.outcome(for: session).nextInstruments
        let dpia = try #require(next.firstIndex(of: "dpia-lite"))
        send(&state, keys("\(dpia + 1)"))
        guard case .start(let start) = state.screen else { Issue.record("start screen expected, got \(state.screen)"); return }
        #expect(start.questionnaire.id == "dpia-lite")
        #expect(start.fields[0].text == session.subject.system)
        send(&state, [enter])
        #expect(state.active?.session.questionnaire.id == "dpia-lite")
        #expect((state.active?.prefilled.count ?? 0) > 3, "the quickscan's answers are suggested")
    }

    @Test func aTamperedResultHandsNothingOn() throws {
        let document = try StrictJSONParser.parse(Array(#"{"result": {"questionnaire": {"id": "quickscan"}, "answers": [{"question": "personal_data", "value": "yes", "visibility": "hidden"}], "outcome": {"nextInstruments": ["dpia-lite"]}}}"#.utf8))
        let answers = try #require(ResultAnswers(document: document))
        #expect(answers.answers.isEmpty, "hidden answers did not count and are not handed on")
        #expect(answers.nextInstruments == ["dpia-lite"])
    }
}

/// The plain mode speaks to people, not authors (issue 13 item 10).
struct PlainModeWordingTests {
    @Test func multipleChoicesBySpacesTitlesNotIdsAndNoInternalScores() throws {
        let (runner, root) = RuntimeTests.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        let person = RuntimeTests.PlainPerson()
        person.special = ["Antwoord (nummers": "1 2"]
        let written = person.run(runner)
        let output = person.output
        let multiAnswered = person.asked.contains("Antwoord (nummers")
        #expect(written.count == 1)
        #expect(multiAnswered)
        #expect(!output.contains { $0.hasPrefix("Typ een nummer uit de lijst") }, "'1 2' is accepted")
        let text = output.joined(separator: "\n")
        #expect(!text.contains("Risicoscore"), "internal scores are for authors")
        #expect(!text.contains("1. dpia-lite"), "instruments by title, not id")
    }

    @Test func qAtTheSystemNameStops() throws {
        let (runner, root) = RuntimeTests.temporaryRunner()
        defer { try? FileManager.default.removeItem(at: root) }
        let person = RuntimeTests.PlainPerson()
        person.special = ["Naam van het systeem": "q"]
        #expect(person.run(runner).isEmpty)
        #expect(DraftStore(directory: runner.dataDirectory.appendingPathComponent("drafts")).list().drafts.isEmpty, "no draft for a system called q")
    }
}
