import Foundation
import GripEngine
import GripResults
import GripScoring

/// The rows a choice input offers: option ids with their labels.
struct ChoiceRow: Equatable {
    var id: String
    var label: LocalizedText
    var explain: LocalizedText?
}

extension Question {
    /// What the choice input lists for this question, "weet ik niet" last.
    var choiceRows: [ChoiceRow] {
        var rows: [ChoiceRow]
        switch type {
        case .yesNo, .yesNoUnknown:
            rows = [ChoiceRow(id: "yes", label: AnswerWords.yes), ChoiceRow(id: "no", label: AnswerWords.no)]
        case .single, .multi:
            rows = options.map { ChoiceRow(id: $0.id, label: $0.label, explain: $0.explain) }
        default:
            return []
        }
        if allowsUnknown { rows.append(ChoiceRow(id: "unknown", label: AnswerWords.unknown)) }
        return rows
    }

    var usesChoiceInput: Bool { [.yesNo, .yesNoUnknown, .single, .multi].contains(type) }
}

extension App {
    /// Sets the input and note editors from the stored answer of the current question.
    static func loadInput(_ state: inout AppState) {
        guard var active = state.active, let question = active.session.currentQuestion else { return }
        let answer = active.session.answer(at: active.session.cursor)
        switch question.type {
        case .yesNo, .yesNoUnknown, .single, .multi:
            let rows = question.choiceRows
            let chosen: [String] =
                switch answer {
                case .yes?: ["yes"]
                case .no?: ["no"]
                case .unknown?: ["unknown"]
                case .option(let id)?: [id]
                case .options(let ids)?: ids
                default: []
                }
            let highlight = chosen.first.flatMap { id in rows.firstIndex { $0.id == id } } ?? 0
            active.input = .choice(highlight: highlight, chosen: chosen)
        case .number:
            var text = ""
            if case .number(let value)? = answer { text = String(value) }
            active.input = .field(TextEditor(text, maximumLength: 19), unknownHighlighted: false, unknownChosen: answer == .unknown)
        case .text:
            var text = ""
            if case .text(let value)? = answer { text = value }
            active.input = .field(TextEditor(text, multiline: question.isMultiline, maximumLength: question.maxLength), unknownHighlighted: false, unknownChosen: answer == .unknown)
        case .scale:
            var value: Int?
            if case .number(let number)? = answer { value = number }
            active.input = .scale(value, unknownChosen: answer == .unknown)
        }
        active.note = TextEditor(active.session.note(at: active.session.cursor) ?? "", multiline: true, maximumLength: 2000)
        active.focus = .answer
        active.problem = nil
        active.helpScroll = 0
        state.active = active
    }

    /// Whether keys go to a text editor (so letters are typed, not commands).
    static func isEditing(_ active: ActiveAssessment) -> Bool {
        switch active.focus {
        case .note: return true
        case .help: return false
        case .answer:
            if case .field(_, let unknownHighlighted, _) = active.input { return !unknownHighlighted }
            return false
        }
    }

    static func questionKeyMap(_ active: ActiveAssessment) -> KeyMap {
        if active.focus == .help { return KeyMaps.questionHelp }
        return isEditing(active) ? KeyMaps.questionText : KeyMaps.questionChoice
    }

    static func question(_ state: inout AppState, _ event: Event) -> [Effect] {
        guard var active = state.active, let question = active.session.currentQuestion else { return [] }
        if case .paste(let text) = event {
            if active.focus == .note {
                active.note.insert(text)
            } else if case .field(var editor, _, _) = active.input {
                editor.insert(text)
                active.input = .field(editor, unknownHighlighted: false, unknownChosen: false)
            }
            state.active = active
            return []
        }
        guard case .key(let key) = event else { return [] }
        // A workshop exercise: F3 shows the case's story again.
        if key == .function(3), active.practiceCase != nil {
            showStory(&state)
            return []
        }
        let keyMap = questionKeyMap(active)
        guard let action = keyMap.action(for: key) else {
            // Not a command: an edit in a text field, or a quick choice by number.
            if isEditing(active) {
                if active.focus == .note {
                    if !edit(&active.note, key) { _ = moveInEditor(&active.note, key) }
                } else if case .field(var editor, _, _) = active.input {
                    // Down past the last line reaches "weet ik niet" (where allowed).
                    if key == .down, !moveInEditor(&editor, key), question.allowsUnknown {
                        active.input = .field(editor, unknownHighlighted: true, unknownChosen: false)
                    } else {
                        if edit(&editor, key) || moveInEditor(&editor, key) { active.problem = nil }
                        active.input = .field(editor, unknownHighlighted: false, unknownChosen: false)
                    }
                }
            } else if case .character(let character) = key, case .choice = active.input, let index = ChoiceKeys.index(of: character) {
                chooseNumber(index + 1, question: question, &active)
            } else if case .character(let character) = key, let digit = character.wholeNumberValue, digit >= 1 {
                chooseNumber(digit, question: question, &active)
            } else if case .scale(let value, _) = active.input, key == .left || key == .right {
                let minimum = question.minimum ?? 0, maximum = question.maximum ?? 10
                let next = (value ?? (key == .left ? minimum + 1 : minimum - 1)) + (key == .left ? -1 : 1)
                active.input = .scale(min(maximum, max(minimum, next)), unknownChosen: false)
            }
            state.active = active
            return []
        }
        switch action {
        case .up, .down:
            if active.focus == .help {
                active.helpScroll = max(0, active.helpScroll + (action == .up ? -1 : 1))
            } else {
                move(action == .up ? -1 : 1, question: question, &active)
            }
        case .pageUp: active.helpScroll = max(0, active.helpScroll - 5)
        case .pageDown: active.helpScroll += 5
        case .toggle:
            toggle(question: question, &active)
        case .newline:
            if active.focus == .note {
                active.note.insert("\n")
            } else if case .field(var editor, _, _) = active.input, editor.isMultiline {
                editor.insert("\n")
                active.input = .field(editor, unknownHighlighted: false, unknownChosen: false)
            }
        case .confirm:
            state.active = active
            return confirm(question: question, &state)
        case .back:
            state.active = active
            return previous(&state)
        case .nextPane, .previousPane:
            active.storeNote()
            let order: [QuestionFocus] = active.helpVisible ? [.answer, .note, .help] : [.answer, .note]
            let index = order.firstIndex(of: active.focus) ?? 0
            active.focus = order[(index + (action == .nextPane ? 1 : order.count - 1)) % order.count]
            state.active = active
            return saveDraft(&state)
        case .help:
            active.helpVisible.toggle()
            if !active.helpVisible && active.focus == .help { active.focus = .answer }
            active.helpScroll = 0
        case .overview:
            active.storeNote()
            state.active = active
            state.screen = .overview(OverviewState(selection: active.session.visibleIndices.firstIndex(of: active.session.cursor) ?? 0))
            return saveDraft(&state)
        case .liveOutcome:
            active.outcomeVisible.toggle()
        case .finish:
            state.active = active
            return finish(&state)
        case .quit:
            active.storeNote()
            state.active = active
            let effects = saveDraft(&state)
            return effects + quit(&state)
        default: break
        }
        state.active = active
        return []
    }

    /// Up and down inside a multi-line editor; false when the cursor is at its edge.
    static func moveInEditor(_ editor: inout TextEditor, _ key: Key) -> Bool {
        switch key {
        case .up: return editor.moveUp()
        case .down: return editor.moveDown()
        default: return false
        }
    }

    static func move(_ step: Int, question: Question, _ active: inout ActiveAssessment) {
        switch active.input {
        case .choice(let highlight, let chosen):
            let count = question.choiceRows.count
            active.input = .choice(highlight: min(max(0, highlight + step), count - 1), chosen: chosen)
        case .field(let editor, let unknownHighlighted, let unknownChosen):
            if step > 0, question.allowsUnknown { active.input = .field(editor, unknownHighlighted: true, unknownChosen: unknownChosen) }
            if step < 0, unknownHighlighted { active.input = .field(editor, unknownHighlighted: false, unknownChosen: unknownChosen) }
        case .scale(let value, _):
            // Down: "weet ik niet" (when allowed); up: back to the scale.
            if question.allowsUnknown { active.input = .scale(value, unknownChosen: step > 0) }
        }
    }

    static func toggle(question: Question, _ active: inout ActiveAssessment) {
        switch active.input {
        case .choice(let highlight, var chosen):
            let rows = question.choiceRows
            guard highlight < rows.count else { return }
            let id = rows[highlight].id
            if question.type == .multi {
                if let existing = chosen.firstIndex(of: id) {
                    chosen.remove(at: existing)
                } else {
                    // "None of these" and "weet ik niet" stand alone.
                    let exclusive = Set(question.options.filter(\.exclusive).map(\.id) + ["unknown"])
                    if exclusive.contains(id) { chosen = [] } else { chosen.removeAll { exclusive.contains($0) } }
                    chosen.append(id)
                }
            } else {
                chosen = [id]
            }
            active.input = .choice(highlight: highlight, chosen: chosen)
            active.problem = nil
        case .field(let editor, let unknownHighlighted, let unknownChosen):
            if unknownHighlighted { active.input = .field(editor, unknownHighlighted: true, unknownChosen: !unknownChosen) }
        case .scale(let value, let unknownChosen):
            active.input = .scale(value, unknownChosen: !unknownChosen)
        }
    }

    static func chooseNumber(_ number: Int, question: Question, _ active: inout ActiveAssessment) {
        switch active.input {
        case .choice(_, let chosen):
            guard number <= question.choiceRows.count else { return }
            active.input = .choice(highlight: number - 1, chosen: chosen)
            toggle(question: question, &active)
        case .scale:
            let minimum = question.minimum ?? 0, maximum = question.maximum ?? 10
            if (minimum...maximum).contains(number) { active.input = .scale(number, unknownChosen: false) }
        case .field:
            break
        }
    }

    /// The answer the input holds now; `.failure` explains why it cannot be one.
    static func pendingValue(question: Question, _ active: ActiveAssessment) -> Result<AnswerValue?, AnswerProblem> {
        switch active.input {
        case .choice(let highlight, var chosen):
            let rows = question.choiceRows
            // Enter on a single choice with nothing chosen takes the highlighted row.
            if chosen.isEmpty, question.type != .multi, highlight < rows.count { chosen = [rows[highlight].id] }
            if chosen.isEmpty { return .success(nil) }
            if chosen == ["unknown"] { return .success(.unknown) }
            switch question.type {
            case .yesNo, .yesNoUnknown: return .success(chosen == ["yes"] ? .yes : .no)
            case .single: return .success(.option(chosen[0]))
            default: return .success(.options(chosen))
            }
        case .field(let editor, _, let unknownChosen):
            if unknownChosen { return .success(.unknown) }
            let text = editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { return .success(nil) }
            if question.type == .number {
                // Accept "12.000" and "12 000" as Dutch people write them.
                let digits = text.filter { $0 != "." && $0 != " " && $0 != "_" }
                guard let number = Int(digits) else { return .failure(.notANumber(text)) }
                return .success(.number(number))
            }
            return .success(.text(editor.text))
        case .scale(let value, let unknownChosen):
            if unknownChosen { return .success(.unknown) }
            return .success(value.map(AnswerValue.number))
        }
    }

    static func confirm(question: Question, _ state: inout AppState) -> [Effect] {
        guard var active = state.active else { return [] }
        let index = active.session.cursor
        active.storeNote()
        switch pendingValue(question: question, active) {
        case .failure(let problem):
            active.problem = problem.message(in: state.language)
            state.active = active
            return []
        case .success(let value):
            if value == nil && question.isRequired {
                active.problem = AnswerProblem.requiredButEmpty.message(in: state.language)
                state.active = active
                return []
            }
            state.active = active
            let hidden = active.session.questionsHidden(byAnswering: value, at: index).filter { active.session.answer(at: $0) != nil }
            if !hidden.isEmpty {
                state.dialog = .hideAnswers(value: value, index: index, hidden: hidden)
                return []
            }
            return commit(value, at: index, &state)
        }
    }

    /// Stores the answer, saves the draft and moves on.
    static func commit(_ value: AnswerValue?, at index: Int, _ state: inout AppState) -> [Effect] {
        guard var active = state.active else { return [] }
        if active.readOnly {
            say(&state, UIText.readOnlyRefused, error: true)
            return []
        }
        let result = active.session.setAnswer(value, at: index)
        if case .invalid(let problem) = result {
            active.problem = problem.message(in: state.language)
            state.active = active
            return []
        }
        active.prefilled.remove(index)
        active.problem = nil
        let hasNext = active.session.goToNext()
        state.active = active
        var effects = saveDraft(&state)
        if !hasNext {
            return effects + finish(&state)
        }
        loadInput(&state)
        effects += checkSettled(&state)
        return effects
    }

    static func checkSettled(_ state: inout AppState) -> [Effect] {
        guard var active = state.active, !active.settledNoticeShown, !active.session.isComplete,
            !active.session.questionnaire.outcomes.assessments.isEmpty
        else { return [] }
        let provisional = Scorer.outcome(for: active.session.questionnaire, answers: ProvisionalAnswers(session: active.session))
        if provisional.isSettled {
            active.settledNoticeShown = true
            state.active = active
            state.dialog = .settledEarly
        }
        return []
    }

    static func previous(_ state: inout AppState) -> [Effect] {
        guard var active = state.active else { return [] }
        if active.session.goToPrevious() {
            state.active = active
            loadInput(&state)
            return saveDraft(&state)
        }
        state.active = active
        let effects = saveDraft(&state)
        state.screen = .home(HomeState())
        state.drafts = upsert(state.drafts, currentDraft(state))
        state.active = nil
        return effects
    }

    static func upsert(_ drafts: [Draft], _ draft: Draft?) -> [Draft] {
        guard let draft else { return drafts }
        return [draft] + drafts.filter { $0.id != draft.id }
    }

    static func saveDraft(_ state: inout AppState) -> [Effect] {
        guard let draft = currentDraft(state) else { return [] }
        state.drafts = upsert(state.drafts, draft)
        return [.saveDraft(draft)]
    }

    /// To the outcome when nothing required is missing (or the outcome is settled);
    /// otherwise to the overview, where the gaps are marked.
    static func finish(_ state: inout AppState) -> [Effect] {
        guard let active = state.active else { return [] }
        let settled = Scorer.outcome(for: active.session.questionnaire, answers: ProvisionalAnswers(session: active.session)).isSettled
        if !active.session.isComplete && !settled {
            let missing = active.session.missingRequired
            state.screen = .overview(OverviewState(selection: active.session.visibleIndices.firstIndex(of: missing[0]) ?? 0))
            say(&state, UIText.unanswered(missing.count), error: true)
            return []
        }
        state.screen = .outcome(OutcomeState())
        return []
    }
}
