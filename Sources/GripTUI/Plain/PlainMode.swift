import Foundation
import GripEngine
import GripResults
import GripScoring

/// Line-by-line mode for screen readers and basic terminals (`grip --plain`,
/// `TERM=dumb`): the same engine, scoring, drafts and signing, with plain prompts.
public struct PlainMode {
    var state: AppState
    let runner: EffectRunner
    let input: () -> String?
    let output: (String) -> Void

    public init(state: AppState, runner: EffectRunner, input: @escaping () -> String?, output: @escaping (String) -> Void) {
        self.state = state
        self.runner = runner
        self.input = input
        self.output = output
    }

    var language: Language { state.language }
    func t(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }

    func ask(_ prompt: String) -> String? {
        output(prompt)
        return input()?.trimmingCharacters(in: .whitespaces)
    }

    /// Runs until the person quits or input ends; returns the paths of results written.
    /// With `answers` (`grip start ID --answers FILE`) it begins with that session.
    public mutating func run(startWith id: String? = nil, answers: Session? = nil) -> [String] {
        var written: [String] = []
        var next = id
        var given = answers
        while true {
            let chosen: Questionnaire?
            var resumeDraft: Draft?
            if let session = given {
                // As a draft to resume: the answers are kept as they are, subject included.
                given = nil
                chosen = session.questionnaire
                resumeDraft = Draft(session: session, language: language, startedAt: Date())
                next = nil
            } else if let id = next {
                chosen = state.instruments.first { $0.id == id }?.questionnaire
                next = nil
            } else {
                output("\n" + UIText.appTitle[language])
                for (index, instrument) in state.instruments.enumerated() {
                    output("  \(index + 1). \(instrument.title[language])" + (instrument.estimatedMinutes.map { " (~\($0) min)" } ?? ""))
                }
                for (index, draft) in state.drafts.enumerated() {
                    output("  d\(index + 1). \(t("Verder met", "Continue")): \(draft.session.subject.system) (\(draft.session.questionnaireID), \(draft.answered)/\(draft.visible))")
                }
                guard let answer = ask(t("Kies een nummer (q = stoppen):", "Choose a number (q = quit):")), answer != "q" else { return written }
                if answer.hasPrefix("d"), let number = Int(answer.dropFirst()), (1...state.drafts.count).contains(number) {
                    resumeDraft = state.drafts[number - 1]
                    chosen = state.instruments.first { $0.id == resumeDraft?.session.questionnaireID }?.questionnaire
                } else if let number = Int(answer), (1...state.instruments.count).contains(number) {
                    chosen = state.instruments[number - 1].questionnaire
                } else {
                    output(t("Onbekende keuze.", "Unknown choice."))
                    continue
                }
            }
            guard let questionnaire = chosen else {
                output(t("Die vragenlijst bestaat niet.", "No such questionnaire."))
                return written
            }
            guard let path = assess(questionnaire, resume: resumeDraft) else { return written }
            written.append(path)
            // Offer the instruments the outcome points to.
            if let last = state.pendingPrefill {
                let instruments = Scorer.outcome(for: last).nextInstruments
                if !instruments.isEmpty {
                    let titles = instruments.map { id in state.instruments.first { $0.id == id }?.title[language] ?? id }
                    output(t("Vervolginstrumenten:", "Next instruments:") + " " + titles.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "  "))
                    if let answer = ask(t("Nummer om te starten, Enter voor het begin:", "Number to start, Enter for the start:")), let number = Int(answer), (1...instruments.count).contains(number) {
                        next = instruments[number - 1]
                    }
                }
            }
        }
    }

    /// One assessment from start to signed result; nil when the person stopped.
    mutating func assess(_ questionnaire: Questionnaire, resume: Draft?) -> String? {
        var session: Session
        var draftID = UUID()
        var startedAt = Date()
        if let resume {
            var dropped: [DroppedAnswer] = []
            session = Session(questionnaire: questionnaire, snapshot: resume.session, dropped: &dropped)
            draftID = resume.id
            startedAt = resume.startedAt
        } else {
            output("\n" + questionnaire.title[language] + "\n" + questionnaire.description[language])
            // q stops here too, as everywhere in this mode.
            func field(_ label: String, _ defaultValue: String) -> String? {
                guard let value = ask(label + (defaultValue.isEmpty ? ":" : " [\(defaultValue)]:") + " (q = " + t("stoppen", "quit") + ")"), value != "q" else { return nil }
                return value.isEmpty ? defaultValue : value
            }
            guard let system = field(UIText.system[language], ""),
                let organisation = field(UIText.organisation[language], state.settings.organisation),
                let assessor = field(UIText.assessor[language], state.settings.assessor)
            else { return nil }
            session = Session(questionnaire: questionnaire, subject: Subject(system: system, organisation: organisation, assessor: assessor))
            if let source = state.pendingPrefill {
                session.applyPrefill(from: source)
            }
            state.settings.organisation = organisation
            state.settings.assessor = assessor
            _ = runner.run(.saveSettings(state.settings))
        }
        output(t("Typ het nummer van uw antwoord. ? = uitleg, < = vorige vraag, n = toelichting, q = stoppen (alles is bewaard).",
                 "Type the number of your answer. ? = explanation, < = previous question, n = note, q = quit (everything is saved)."))
        while true {
            guard let question = session.currentQuestion else { break }
            let visible = session.visibleIndices
            let position = (visible.firstIndex(of: session.cursor) ?? 0) + 1
            output("\n[\(UIText.questionOf(position, visible.count)[language])] \(questionnaire.sections[question.sectionIndex].title[language])")
            output(question.text[language])
            let rows = question.choiceRows
            for (index, row) in rows.enumerated() { output("  \(index + 1). \(row.label[language])") }
            if question.allowsUnknown && rows.isEmpty { output("  w. \(UIText.unknown[language])") }
            if let current = session.answer(at: session.cursor) { output(t("Huidig antwoord: ", "Current answer: ") + question.describe(current, language: language)) }
            guard let line = ask(question.type == .multi ? t("Antwoord (nummers met komma's):", "Answer (numbers separated by commas):") : t("Antwoord:", "Answer:")) else {
                save(session, draftID, startedAt)
                return nil
            }
            switch line {
            case "q":
                save(session, draftID, startedAt)
                output(t("Bewaard. Tot later.", "Saved. See you later."))
                return nil
            case "?":
                for helpLine in App.helpLines(question, language: language, width: 78).lines { output(String(repeating: " ", count: helpLine.indent) + helpLine.text) }
                continue
            case "<":
                _ = session.goToPrevious()
                continue
            case "n":
                if let note = ask(UIText.note[language] + ":") { session.setNote(note.isEmpty ? nil : note, at: session.cursor) }
                save(session, draftID, startedAt)
                continue
            default: break
            }
            let value: AnswerValue?
            if line.isEmpty, let current = session.answer(at: session.cursor) {
                value = current
            } else if line == "w" || line.lowercased() == "unknown" {
                value = .unknown
            } else if !rows.isEmpty {
                // "1,4", "1, 4" and "1 4" all mean options 1 and 4.
                let numbers = line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map { Int($0) }
                guard numbers.allSatisfy({ $0 != nil && (1...rows.count).contains($0!) }), !numbers.isEmpty else {
                    output(t("Typ een nummer uit de lijst.", "Type a number from the list."))
                    continue
                }
                let ids = numbers.map { rows[$0! - 1].id }
                if ids == ["unknown"] { value = .unknown }
                else if question.type == .multi { value = .options(ids) }
                else if question.type == .single { value = .option(ids[0]) }
                else { value = ids[0] == "yes" ? .yes : .no }
            } else if question.type == .number || question.type == .scale {
                guard let number = Int(line.filter { $0 != "." && $0 != " " }) else {
                    output(AnswerProblem.notANumber(line).message(in: language))
                    continue
                }
                value = .number(number)
            } else {
                value = line.isEmpty ? nil : .text(line)
            }
            switch session.setAnswer(value, at: session.cursor) {
            case .ok:
                save(session, draftID, startedAt)
                if !session.goToNext() {
                    if session.isComplete { return finish(session, draftID: draftID, startedAt: startedAt) }
                    if let missing = session.missingRequired.first { _ = session.jump(to: missing) }
                }
            case .requiredButEmpty:
                output(AnswerProblem.requiredButEmpty.message(in: language))
            case .invalid(let problem):
                output(problem.message(in: language))
            }
        }
        return finish(session, draftID: draftID, startedAt: startedAt)
    }

    func save(_ session: Session, _ id: UUID, _ startedAt: Date) {
        if case .draftFailed(let reason)? = runner.run(.saveDraft(Draft(id: id, session: session, language: language, startedAt: startedAt))) {
            output("\(UIText.draftSaveFailed[language]): \(reason)")
        }
    }

    mutating func finish(_ session: Session, draftID: UUID, startedAt: Date) -> String? {
        output("\n" + UIText.outcomeTitle[language])
        output(OutcomeText.render(Scorer.outcome(for: session), language: language, forAuthors: false))
        if state.signer == nil {
            output(UIText.keySetupIntro[language])
            guard let name = ask(UIText.name[language] + ":"), !name.isEmpty,
                let organisation = ask(UIText.organisation[language] + (state.settings.organisation.isEmpty ? ":" : " [\(state.settings.organisation)]:"))
            else { return nil }
            let identity = SignerIdentity(name: name, organisation: organisation.isEmpty ? state.settings.organisation : organisation)
            switch runner.run(.createKey(identity)) {
            case .keyCreated(let name, let keyID)?: state.signer = (name, keyID)
            case .keyFailed(let reason)?:
                output(reason)
                return nil
            default: return nil
            }
        }
        guard let answer = ask(t("Ondertekenen en opslaan? (j/n)", "Sign and save? (y/n)")), ["j", "y", "ja", "yes", ""].contains(answer.lowercased()) else {
            save(session, draftID, startedAt)
            return nil
        }
        switch runner.run(.writeResult(session: session, startedAt: startedAt, language: language, draftID: draftID)) {
        case .resultWritten(let path)?:
            _ = runner.run(.deleteDraft(draftID))
            state.drafts.removeAll { $0.id == draftID }
            state.pendingPrefill = session
            output(UIText.savedAt(path)[language])
            return path
        case .resultFailed(let reason)?:
            output(reason)
            return nil
        default:
            return nil
        }
    }
}
