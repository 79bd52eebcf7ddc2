import Foundation
import GripEngine
import GripResults
import GripScoring

/// The whole program's behaviour: an event changes the state and may ask for effects.
/// Deterministic: no clock, files or terminal are touched here (the start time of an
/// assessment comes in with `now`).
public enum App {
    public static func update(_ state: inout AppState, _ event: Event, now: Date = Date()) -> [Effect] {
        switch event {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            return []
        case .effect(let result):
            return handle(result, &state)
        case .wake:
            return []
        case .key(.control("c")):
            // Ctrl-C quits from anywhere, as in any terminal program: what is being typed
            // is kept, and the draft is saved first.
            var effects = prepareForExit(&state)
            state.dialog = nil
            state.isRunning = false
            effects.append(.quit)
            return effects
        case .key, .paste:
            break
        }
        // Below the minimum size only quitting works; everything else waits for room.
        if state.width < Layout.minimumWidth || state.height < Layout.minimumHeight {
            if case .key(let key) = event, key == .function(10) || key == .character("q") || key == .control("c") { return quit(&state) }
            return []
        }
        if state.dialog != nil { return dialog(&state, event) }
        if case .key = event { state.message = nil }
        switch state.screen {
        case .home: return home(&state, event)
        case .start: return start(&state, event, now: now)
        case .question: return question(&state, event)
        case .overview: return overview(&state, event)
        case .outcome: return outcome(&state, event)
        case .keySetup: return keySetup(&state, event)
        case .results: return results(&state, event)
        case .resultDetail: return resultDetail(&state, event)
        case .desk: return desk(&state, event)
        case .presentation: return presentation(&state, event)
        case .workshop: return workshop(&state, event)
        }
    }

    static func quit(_ state: inout AppState) -> [Effect] {
        if state.active?.unsaved == true && state.dialog == nil {
            state.dialog = .confirmQuit
            return []
        }
        state.isRunning = false
        return [.quit]
    }

    static func say(_ state: inout AppState, _ text: LocalizedText, error: Bool = false) {
        state.message = AppState.Message(text: text[state.language], isError: error)
    }

    // MARK: Effect results

    static func handle(_ result: EffectResult, _ state: inout AppState) -> [Effect] {
        switch result {
        case .draftSaved:
            state.active?.unsaved = false
        case .draftFailed(let reason):
            state.active?.unsaved = true
            state.message = AppState.Message(text: "\(UIText.draftSaveFailed[state.language]): \(reason)", isError: true)
        case .draftDeleted(let id):
            state.drafts.removeAll { $0.id == id }
        case .draftTakenOver(let holder):
            state.active?.readOnly = true
            state.active?.unsaved = false
            say(&state, UIText.takenOver(holder), error: true)
        case .draftBackedUp(let path):
            say(&state, UIText.backedUp(path), error: false)
        case .keyCreated(let name, let keyID):
            state.signer = (name, keyID)
            // The key was made on the way to signing: sign now.
            if let active = state.active {
                state.screen = .outcome(OutcomeState(saving: true))
                return [.writeResult(session: active.session, startedAt: active.startedAt, language: state.language, draftID: active.draftID, practiceCase: active.practiceCase)]
            }
            state.screen = .home(HomeState())
        case .keyFailed(let reason):
            if case .keySetup(var setup) = state.screen {
                setup.problem = reason
                state.screen = .keySetup(setup)
            }
        case .resultWritten(let path):
            if case .outcome(var outcome) = state.screen {
                outcome.saving = false
                outcome.savedPath = path
                state.screen = .outcome(outcome)
            }
            var effects: [Effect] = [.loadResults]
            if let active = state.active {
                effects.append(.deleteDraft(active.draftID))
                state.active?.isFinished = true
                // A workshop exercise goes on to the comparison with the reference.
                if let caseID = active.practiceCase {
                    openComparison(caseID: caseID, participant: active.session, savedPath: path, &state)
                    return effects
                }
                // Its answers can start the instruments it points to.
                state.pendingPrefill = active.session
            }
            state.message = AppState.Message(text: UIText.savedAs(path)[state.language], isError: false)
            return effects
        case .resultFailed(let reason):
            if case .outcome(var outcome) = state.screen {
                outcome.saving = false
                state.screen = .outcome(outcome)
            }
            state.message = AppState.Message(text: reason, isError: true)
        case .resultsLoaded(let results, let complete):
            state.results = results
            state.resultsLoading = !complete
        case .resultOpened(let summary, var lines, let answers):
            // The instruments this result points to, started by number with its answers.
            if let next = answers?.nextInstruments, !next.isEmpty {
                lines += ["", UIText.nextFromResult[state.language]]
                for (index, id) in next.enumerated() {
                    lines.append("  \(index + 1)  " + (state.instruments.first { $0.id == id }?.title[state.language] ?? id))
                }
            }
            var detail = ResultDetailState(summary: summary, lines: lines, answers: answers)
            if case .desk = state.screen { detail.fromDesk = true }
            state.screen = .resultDetail(detail)
        case .resultOpenFailed(let reason), .exportFailed(let reason):
            state.message = AppState.Message(text: reason, isError: true)
        case .exported(let path):
            state.message = AppState.Message(text: "\(UIText.exportedTo[state.language]) \(path)", isError: false)
        case .settingsSaved:
            break
        case .deskLoaded, .reviewWritten, .reviewFailed, .diffOpened:
            return deskResult(result, &state)
        case .workshopSummaryLoaded(let summary):
            if let summary {
                openPresentation(summary, &state)
            } else {
                say(&state, LocalizedText(
                    nl: "Nog geen oefenresultaten van deze casus op deze computer. Zet de bestanden van de deelnemers in \(state.practiceDirectory ?? "practice/"), of gebruik grip workshop summary MAP --present.",
                    en: "No practice results of this case on this computer yet. Put the participants' files in \(state.practiceDirectory ?? "practice/"), or use grip workshop summary DIR --present."))
            }
        }
        return []
    }

    // MARK: Dialogs

    static func dialog(_ state: inout AppState, _ event: Event) -> [Effect] {
        guard case .key(let key) = event, let dialog = state.dialog else { return [] }
        switch dialog {
        case .confirmQuit:
            if key == .character("j") || key == .character("y") {
                state.dialog = nil
                state.isRunning = false
                return [.quit]
            }
            if key == .escape || key == .character("n") { state.dialog = nil }
        case .hideAnswers(let value, let index, _):
            if key == .enter {
                state.dialog = nil
                return commit(value, at: index, &state)
            }
            if key == .escape { state.dialog = nil }
        case .settledEarly:
            if key == .character("f") {
                state.dialog = nil
                return finish(&state)
            }
            if key == .enter || key == .escape { state.dialog = nil }
        case .deleteDraft(let id):
            if key == .character("j") || key == .character("y") {
                state.dialog = nil
                state.drafts.removeAll { $0.id == id }
                return [.deleteDraft(id)]
            }
            if key == .escape || key == .character("n") { state.dialog = nil }
        case .draftAlreadySigned(let draft, _):
            if key == .character("j") || key == .character("y") {
                state.dialog = nil
                state.drafts.removeAll { $0.id == draft.id }
                state.signedDrafts[draft.id] = nil
                return [.deleteDraft(draft.id)]
            }
            if key == .character("o") {
                state.dialog = nil
                // Still told if another interface has it open.
                return resume(draft, &state, signedChecked: true)
            }
            if key == .escape || key == .character("n") { state.dialog = nil }
        case .draftInUse(let draft, _):
            if key == .character("o") {
                state.dialog = nil
                state.draftHolders[draft.id] = nil
                return [.takeOverDraft(draft.id)] + open(draft, &state)
            }
            if key == .character("l") || key == .character("r") {
                state.dialog = nil
                let effects = open(draft, &state)
                state.active?.readOnly = true
                return effects
            }
            if key == .escape || key == .character("n") { state.dialog = nil }
        case .droppedAnswers(let draft, _):
            if key == .enter {
                state.dialog = nil
                // The copy is made before anything can save the draft without them.
                return [.backupDraft(draft.id)] + open(draft, &state, confirmedDropping: true)
            }
            if key == .escape || key == .character("n") { state.dialog = nil }
        }
        return []
    }

    // MARK: Home

    /// The rows of the home screen's list.
    enum HomeItem: Equatable {
        case instrument(Int)
        case draft(Int)
        case result(Int)
    }

    static let recentResultCount = 5

    static func homeItems(_ state: AppState) -> [HomeItem] {
        state.instruments.indices.map(HomeItem.instrument) + state.drafts.indices.map(HomeItem.draft)
            + state.results.prefix(recentResultCount).indices.map(HomeItem.result)
    }

    static func home(_ state: inout AppState, _ event: Event) -> [Effect] {
        guard case .key(let key) = event, case .home(var home) = state.screen, let action = KeyMaps.home.action(for: key) else { return [] }
        let items = homeItems(state)
        switch action {
        case .up: home.selection = max(0, home.selection - 1)
        case .down: home.selection = min(max(0, items.count - 1), home.selection + 1)
        case .confirm:
            guard home.selection < items.count else { break }
            switch items[home.selection] {
            case .instrument(let index):
                if let questionnaire = questionnaire(state.instruments[index].id, &state) {
                    state.screen = .start(StartState(questionnaire: questionnaire, settings: state.settings))
                    return []
                }
            case .draft(let index):
                return resume(state.drafts[index], &state)
            case .result(let index):
                return [.openResult(path: state.results[index].path)]
            }
        case .deleteItem:
            if home.selection < items.count, case .draft(let index) = items[home.selection] {
                state.dialog = .deleteDraft(state.drafts[index].id)
            }
        case .command("desk"):
            state.screen = .home(home)
            return openDesk(state.deskDirectories, &state)
        case .command("workshop"):
            state.screen = .home(home)
            openWorkshop(&state)
            return []
        case .results:
            state.screen = .results(ResultsState())
            return [.loadResults]
        case .language:
            state.language = state.language == .nl ? .en : .nl
            state.screen = .home(home)
            return [.saveSettings(state.settings)]
        case .quit:
            return quit(&state)
        default: break
        }
        state.screen = .home(home)
        return []
    }

    static func resume(_ draft: Draft, _ state: inout AppState, signedChecked: Bool = false) -> [Effect] {
        if !signedChecked, let path = state.signedDrafts[draft.id] {
            state.dialog = .draftAlreadySigned(draft, resultPath: path)
            return []
        }
        if let holder = state.draftHolders[draft.id] {
            state.dialog = .draftInUse(draft, holder: holder)
            return []
        }
        return open(draft, &state)
    }

    static func open(_ draft: Draft, _ state: inout AppState, confirmedDropping: Bool = false) -> [Effect] {
        guard let questionnaire = questionnaire(draft.session.questionnaireID, &state) else { return [] }
        var dropped: [DroppedAnswer] = []
        let session = Session(questionnaire: questionnaire, snapshot: draft.session, dropped: &dropped)
        if !dropped.isEmpty && !confirmedDropping {
            state.dialog = .droppedAnswers(draft, dropped: dropped)
            return []
        }
        state.active = ActiveAssessment(
            session: session, draftID: draft.id, startedAt: draft.startedAt, input: .choice(highlight: 0, chosen: []), note: TextEditor(multiline: true),
            prefilled: draft.suggestedIndices(in: questionnaire), practiceCase: draft.practiceCase)
        loadInput(&state)
        state.screen = .question
        if !dropped.isEmpty {
            let ids = dropped.map(\.questionID).joined(separator: ", ")
            say(&state, LocalizedText(nl: "Deze vragenlijst is gewijzigd; niet overgenomen: \(ids)", en: "This questionnaire has changed; not carried over: \(ids)"), error: true)
        }
        return []
    }

    // MARK: Start

    static func start(_ state: inout AppState, _ event: Event, now: Date) -> [Effect] {
        guard case .start(var start) = state.screen else { return [] }
        switch event {
        case .paste(let text):
            start.fields[start.focus].insert(text)
        case .key(let key):
            if let action = KeyMaps.form.action(for: key) {
                switch action {
                case .up: start.focus = max(0, start.focus - 1)
                case .down: start.focus = min(start.fields.count - 1, start.focus + 1)
                case .confirm:
                    if start.focus < start.fields.count - 1 && start.fields[start.focus + 1].text.isEmpty {
                        start.focus += 1
                    } else if start.fields[0].text.trimmingCharacters(in: .whitespaces).isEmpty {
                        start.focus = 0
                        say(&state, UIText.systemRequired, error: true)
                    } else {
                        return begin(start, &state, now: now)
                    }
                case .back:
                    state.screen = .home(HomeState())
                    return []
                case .quit: return quit(&state)
                default: break
                }
            } else {
                edit(&start.fields[start.focus], key)
            }
        default: break
        }
        state.screen = .start(start)
        return []
    }

    static func begin(_ start: StartState, _ state: inout AppState, now: Date) -> [Effect] {
        let subject = Subject(
            system: start.fields[0].text.trimmingCharacters(in: .whitespaces),
            organisation: start.fields[1].text.trimmingCharacters(in: .whitespaces),
            assessor: start.fields[2].text.trimmingCharacters(in: .whitespaces))
        var session = Session(questionnaire: start.questionnaire, subject: subject)
        let prefilled = state.pendingPrefill.map { session.applyPrefill(from: $0) } ?? []
        state.settings.organisation = subject.organisation
        state.settings.assessor = subject.assessor
        let effects: [Effect] = [.saveSettings(state.settings)] + activate(session, &state, now: now, prefilled: prefilled)
        if !prefilled.isEmpty {
            say(&state, LocalizedText(nl: "\(prefilled.count) antwoorden voorgesteld uit de vorige vragenlijst.", en: "\(prefilled.count) answers suggested from the previous questionnaire."))
        }
        return effects
    }

    /// A new assessment on the question screen, saved as a draft at once.
    static func activate(_ session: Session, _ state: inout AppState, now: Date, prefilled: Set<Int>, practiceCase: String? = nil) -> [Effect] {
        state.active = ActiveAssessment(
            session: session, draftID: UUID(), startedAt: now, input: .choice(highlight: 0, chosen: []), note: TextEditor(multiline: true), prefilled: prefilled,
            practiceCase: practiceCase)
        loadInput(&state)
        state.screen = .question
        return currentDraft(state, now: now).map { [.saveDraft($0)] } ?? []
    }

    static func currentDraft(_ state: AppState, now: Date = Date()) -> Draft? {
        guard let active = state.active, !active.isFinished, !active.readOnly else { return nil }
        return Draft(
            id: active.draftID, session: active.session, language: state.language, startedAt: active.startedAt, updatedAt: now, suggested: active.prefilled,
            practiceCase: active.practiceCase)
    }

    /// Applies an editing key to a text editor; returns false when the key is not an edit.
    @discardableResult
    static func edit(_ editor: inout TextEditor, _ key: Key) -> Bool {
        switch key {
        case .character(let character): editor.insert(String(character))
        case .backspace: editor.deleteBackward()
        case .delete: editor.deleteForward()
        case .left: editor.moveLeft()
        case .right: editor.moveRight()
        case .home: editor.moveToLineStart()
        case .end: editor.moveToLineEnd()
        default: return false
        }
        return true
    }
}
