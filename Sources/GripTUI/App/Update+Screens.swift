import Foundation
import GripEngine
import GripResults
import GripScoring

extension App {
    // MARK: Overview

    static func overview(_ state: inout AppState, _ event: Event) -> [Effect] {
        guard case .key(let key) = event, case .overview(var overview) = state.screen, var active = state.active,
            let action = KeyMaps.overview.action(for: key)
        else { return [] }
        let visible = active.session.visibleIndices
        switch action {
        case .up: overview.selection = max(0, overview.selection - 1)
        case .down: overview.selection = min(max(0, visible.count - 1), overview.selection + 1)
        case .confirm:
            guard overview.selection < visible.count, active.session.jump(to: visible[overview.selection]) else { break }
            state.active = active
            loadInput(&state)
            state.screen = .question
            return []
        case .finish:
            return finish(&state)
        case .back:
            state.screen = .question
            return []
        case .quit:
            return quit(&state)
        default: break
        }
        state.screen = .overview(overview)
        return []
    }

    // MARK: Outcome

    static func outcome(_ state: inout AppState, _ event: Event) -> [Effect] {
        guard case .key(let key) = event, case .outcome(var outcome) = state.screen else { return [] }
        // Digits start the instruments the outcome points to, with the answers carried over.
        if case .character(let character) = key, let digit = character.wholeNumberValue, let active = state.active {
            let next = Scorer.outcome(for: active.session).nextInstruments
            if digit >= 1, digit <= next.count, let target = questionnaire(next[digit - 1], &state) {
                state.pendingPrefill = active.session
                if outcome.savedPath != nil { state.active = nil }
                state.screen = .start(StartState(questionnaire: target, settings: state.settings, system: active.session.subject.system))
                return []
            }
        }
        guard let action = (outcome.savedPath == nil ? KeyMaps.outcome : KeyMaps.outcomeSaved).action(for: key) else { return [] }
        switch action {
        case .up: outcome.scroll = max(0, outcome.scroll - 1)
        case .down: outcome.scroll += 1
        case .pageUp: outcome.scroll = max(0, outcome.scroll - max(1, state.height - 6))
        case .pageDown: outcome.scroll += max(1, state.height - 6)
        case .confirm:
            guard outcome.savedPath == nil, !outcome.saving, let active = state.active else { break }
            // A workshop exercise is signed with the practice key: no key of one's own needed.
            if state.signer == nil, active.practiceCase == nil {
                state.screen = .keySetup(KeySetupState(
                    fields: [TextEditor(state.settings.assessor, maximumLength: 120), TextEditor(state.settings.organisation, maximumLength: 120)]))
                return []
            }
            outcome.saving = true
            state.screen = .outcome(outcome)
            return [.writeResult(session: active.session, startedAt: active.startedAt, language: state.language, draftID: active.draftID, practiceCase: active.practiceCase)]
        case .back:
            if outcome.savedPath == nil, state.active != nil {
                state.screen = .overview(OverviewState())
                return []
            }
            state.active = nil
            state.screen = .home(HomeState())
            return []
        case .results:
            if outcome.savedPath != nil { state.active = nil }
            state.screen = .home(HomeState())
            return []
        case .quit:
            return quit(&state)
        default: break
        }
        state.screen = .outcome(outcome)
        return []
    }

    // MARK: Key setup

    static func keySetup(_ state: inout AppState, _ event: Event) -> [Effect] {
        guard case .keySetup(var setup) = state.screen else { return [] }
        switch event {
        case .paste(let text):
            setup.fields[setup.focus].insert(text)
        case .key(let key):
            if let action = KeyMaps.form.action(for: key) {
                switch action {
                case .up: setup.focus = max(0, setup.focus - 1)
                case .down: setup.focus = min(setup.fields.count - 1, setup.focus + 1)
                case .confirm:
                    let name = setup.fields[0].text.trimmingCharacters(in: .whitespaces)
                    let organisation = setup.fields[1].text.trimmingCharacters(in: .whitespaces)
                    if setup.focus == 0 && organisation.isEmpty {
                        setup.focus = 1
                    } else if name.isEmpty || organisation.isEmpty {
                        setup.problem = UIText.keyFieldsRequired[state.language]
                    } else {
                        setup.problem = nil
                        state.screen = .keySetup(setup)
                        return [.createKey(SignerIdentity(name: name, organisation: organisation))]
                    }
                case .back:
                    state.screen = .outcome(OutcomeState())
                    return []
                case .quit: return quit(&state)
                default: break
                }
            } else {
                edit(&setup.fields[setup.focus], key)
            }
        default: break
        }
        state.screen = .keySetup(setup)
        return []
    }

    // MARK: Results

    static func results(_ state: inout AppState, _ event: Event) -> [Effect] {
        guard case .key(let key) = event, case .results(var results) = state.screen, let action = KeyMaps.results.action(for: key) else { return [] }
        switch action {
        case .up: results.selection = max(0, results.selection - 1)
        case .down: results.selection = min(max(0, state.results.count - 1), results.selection + 1)
        case .confirm:
            guard results.selection < state.results.count else { break }
            state.screen = .results(results)
            return [.openResult(path: state.results[results.selection].path)]
        case .back:
            state.screen = .home(HomeState())
            return []
        case .quit: return quit(&state)
        default: break
        }
        state.screen = .results(results)
        return []
    }

    static func resultDetail(_ state: inout AppState, _ event: Event) -> [Effect] {
        guard case .key(let key) = event, case .resultDetail(var detail) = state.screen else { return [] }
        if detail.showsWarning {
            switch KeyMaps.invalidResultWarning.action(for: key) {
            case .confirm:
                detail.warningAcknowledged = true
                state.screen = .resultDetail(detail)
            case .back: state.screen = detail.fromDesk ? .desk : .results(ResultsState())
            case .quit: return quit(&state)
            default: break
            }
            return []
        }
        // Digits start the instruments the result points to, with its answers as suggestions.
        if case .character(let character) = key, let digit = character.wholeNumberValue, let answers = detail.answers,
            digit >= 1, digit <= answers.nextInstruments.count
        {
            guard let source = questionnaire(answers.questionnaireID, &state),
                let target = questionnaire(answers.nextInstruments[digit - 1], &state)
            else { return [] }
            state.pendingPrefill = answers.session(source)
            state.active = nil
            state.screen = .start(StartState(questionnaire: target, settings: state.settings, system: answers.subject.system))
            return []
        }
        guard let action = KeyMaps.resultDetail.action(for: key) else { return [] }
        let page = max(1, state.height - 5)
        switch action {
        case .up: detail.scroll = max(0, detail.scroll - 1)
        case .down: detail.scroll = min(max(0, detail.lines.count - page), detail.scroll + 1)
        case .pageUp: detail.scroll = max(0, detail.scroll - page)
        case .pageDown: detail.scroll = min(max(0, detail.lines.count - page), detail.scroll + page)
        case .export(let format):
            state.screen = .resultDetail(detail)
            // A report of a file that does not verify would look like a genuine one.
            guard detail.summary.verification.isValid else {
                say(&state, UIText.invalidNotExported, error: true)
                return []
            }
            return [.export(path: detail.summary.path, format: format == "html" ? .html : .markdown)]
        case .back:
            state.screen = detail.fromDesk ? .desk : .results(ResultsState())
            return []
        case .quit: return quit(&state)
        default: break
        }
        state.screen = .resultDetail(detail)
        return []
    }
}

extension StartState {
    init(questionnaire: Questionnaire, settings: Settings, system: String) {
        self.init(questionnaire: questionnaire, settings: settings)
        fields[0] = TextEditor(system, maximumLength: 120)
        focus = system.isEmpty ? 0 : fields.count - 1
    }
}

extension App {
    /// Opens the start screen of a questionnaire directly (`grip start ID`).
    public static func openStart(_ id: String, _ state: inout AppState) -> Bool {
        guard let questionnaire = questionnaire(id, &state) else { return false }
        state.screen = .start(StartState(questionnaire: questionnaire, settings: state.settings))
        return true
    }

    /// Opens a questionnaire with answers already given (`grip start ID --answers FILE`):
    /// the session as it is, subject included, at its first question, saved as a draft.
    /// The start screen is skipped; the person's own settings are left alone.
    public static func openStart(answers session: Session, _ state: inout AppState, now: Date = Date()) -> [Effect] {
        var session = session
        session.jump(to: session.visibleIndices.first ?? 0)
        let effects = activate(session, &state, now: now, prefilled: [])
        let count = session.progress.answered
        say(&state, count == 1 ? LocalizedText(nl: "1 antwoord ingelezen.", en: "1 answer loaded.") : LocalizedText(nl: "\(count) antwoorden ingelezen.", en: "\(count) answers loaded."))
        return effects
    }

    /// The instrument with this id, loaded in full (once); nil, with a message saying
    /// why, when there is none or its file has errors.
    static func questionnaire(_ id: String, _ state: inout AppState) -> Questionnaire? {
        guard let instrument = state.instruments.first(where: { $0.id == id }) else {
            say(&state, LocalizedText(nl: "De vragenlijst '\(id)' is niet (meer) beschikbaar.", en: "The questionnaire '\(id)' is not available."), error: true)
            return nil
        }
        let report = instrument.report
        guard let questionnaire = report.questionnaire else {
            let problem = report.diagnostics.errors.first?.description ?? "?"
            say(&state, LocalizedText(nl: "De vragenlijst '\(id)' kan niet worden geopend: \(problem)", en: "The questionnaire '\(id)' cannot be opened: \(problem)"), error: true)
            return nil
        }
        return questionnaire
    }
}
