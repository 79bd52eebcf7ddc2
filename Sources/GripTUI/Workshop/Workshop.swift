import Foundation
import GripEngine
import GripResults
import GripScoring

/// Workshop mode: a participant chooses a case, reads its story, works an exercise with
/// the normal screens (as practice), and sees the comparison with the reference.
public struct WorkshopState: Sendable {
    public var cases: [WorkshopCase]
    public var selection = 0
    public var mode: Mode = .list

    public enum Mode: Sendable {
        case list
        /// `answering`: opened from the question screen (F3), Esc returns there.
        case story(caseIndex: Int, scroll: Int, answering: Bool)
        case comparison(lines: [(String, Role)], scroll: Int)
    }

    public init(cases: [WorkshopCase]) {
        self.cases = cases
    }
}

extension KeyMaps {
    private static func t(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }

    static let workshopList = KeyMap(KeyBinding.moveUpDown + [
        KeyBinding([.enter], .confirm, t("verhaal lezen", "read the story")),
        KeyBinding([.character("g")], .command("group"), t("groepsoverzicht", "group summary")),
        KeyBinding([.escape], .back, t("terug", "back")),
        KeyBinding.quit,
    ])

    static let workshopStory = KeyMap(KeyBinding.moveUpDown + [
        KeyBinding([.pageDown, .character(" ")], .pageDown, t("pagina omlaag", "page down"), inFooter: false),
        KeyBinding([.pageUp], .pageUp, t("pagina omhoog", "page up"), inFooter: false),
        KeyBinding([.enter], .confirm, t("oefening starten", "start the exercise")),
        KeyBinding([.escape], .back, t("terug", "back")),
        KeyBinding.quit,
    ])

    static let workshopReading = KeyMap(KeyBinding.moveUpDown + [
        KeyBinding([.pageDown, .character(" ")], .pageDown, t("pagina omlaag", "page down")),
        KeyBinding([.pageUp], .pageUp, t("pagina omhoog", "page up"), inFooter: false),
        KeyBinding([.escape], .back, t("terug", "back")),
        KeyBinding.quit,
    ])
}

extension App {
    /// Opens the case list (`grip workshop`, `w` on the home screen).
    public static func openWorkshop(_ state: inout AppState) {
        state.workshop = state.workshop ?? WorkshopState(cases: state.cases)
        state.workshop?.mode = .list
        state.screen = .workshop
    }

    /// The story of the case being practised, from the question screen (F3).
    static func showStory(_ state: inout AppState) {
        guard let caseID = state.active?.practiceCase, let index = state.cases.firstIndex(where: { $0.id == caseID }) else { return }
        state.workshop = state.workshop ?? WorkshopState(cases: state.cases)
        state.workshop?.mode = .story(caseIndex: index, scroll: 0, answering: true)
        state.screen = .workshop
    }

    static func workshop(_ state: inout AppState, _ event: Event) -> [Effect] {
        guard case .key(let key) = event, var workshop = state.workshop else { return [] }
        defer { if case .workshop = state.screen { state.workshop = workshop } }
        let page = max(1, state.height - 5)
        switch workshop.mode {
        case .list:
            guard let action = KeyMaps.workshopList.action(for: key) else { return [] }
            switch action {
            case .up: workshop.selection = max(0, workshop.selection - 1)
            case .down: workshop.selection = min(max(0, workshop.cases.count - 1), workshop.selection + 1)
            case .confirm: if workshop.selection < workshop.cases.count { workshop.mode = .story(caseIndex: workshop.selection, scroll: 0, answering: false) }
            case .back: state.screen = .home(HomeState())
            case .quit: return quit(&state)
            case .command("group"):
                // The practice results of this case on this machine, on the projector.
                guard workshop.selection < workshop.cases.count else { break }
                let workshopCase = workshop.cases[workshop.selection]
                guard let exercise = workshopCase.exercises.first, let questionnaire = questionnaire(exercise.instrument, &state) else { break }
                let reference = WorkshopSummary.Reference(session: exercise.referenceSession(in: questionnaire).session, language: state.language)
                return [.workshopSummary(caseID: workshopCase.id, questionnaireID: exercise.instrument, reference: reference)]
            default: break
            }
        case .story(let index, let scroll, let answering):
            let workshopCase = workshop.cases[index]
            // 1, 2, …: the exercises of the case; Enter starts the first.
            var exercise: Int?
            if !answering, case .character(let character) = key, let digit = character.wholeNumberValue, (1...workshopCase.exercises.count).contains(digit) {
                exercise = digit - 1
            }
            let action = KeyMaps.workshopStory.action(for: key)
            if action == .confirm && !answering { exercise = 0 }
            if let exercise {
                state.workshop = workshop
                return startExercise(workshopCase, exercise, &state)
            }
            switch action {
            case .up: workshop.mode = .story(caseIndex: index, scroll: max(0, scroll - 1), answering: answering)
            case .down: workshop.mode = .story(caseIndex: index, scroll: scroll + 1, answering: answering)
            case .pageUp: workshop.mode = .story(caseIndex: index, scroll: max(0, scroll - page), answering: answering)
            case .pageDown: workshop.mode = .story(caseIndex: index, scroll: scroll + page, answering: answering)
            case .back, .confirm:
                if answering {
                    state.screen = .question
                } else {
                    workshop.mode = .list
                }
            case .quit: return quit(&state)
            default: break
            }
        case .comparison(let lines, let scroll):
            guard let action = KeyMaps.workshopReading.action(for: key) else { return [] }
            switch action {
            case .up: workshop.mode = .comparison(lines: lines, scroll: max(0, scroll - 1))
            case .down: workshop.mode = .comparison(lines: lines, scroll: scroll + 1)
            case .pageUp: workshop.mode = .comparison(lines: lines, scroll: max(0, scroll - page))
            case .pageDown: workshop.mode = .comparison(lines: lines, scroll: scroll + page)
            case .back:
                state.active = nil
                workshop.mode = .list
            case .quit: return quit(&state)
            default: break
            }
        }
        return []
    }

    /// A practice session of the exercise's instrument, with the case's subject filled in.
    static func startExercise(_ workshopCase: WorkshopCase, _ exercise: Int, _ state: inout AppState) -> [Effect] {
        let exercise = workshopCase.exercises[exercise]
        guard let questionnaire = questionnaire(exercise.instrument, &state) else { return [] }
        var subject = exercise.subject
        if subject.assessor.isEmpty { subject.assessor = state.settings.assessor.isEmpty ? "Deelnemer" : state.settings.assessor }
        let session = Session(questionnaire: questionnaire, subject: subject)
        let effects = activate(session, &state, now: Date(), prefilled: [], practiceCase: workshopCase.id)
        say(&state, LocalizedText(
            nl: "Oefening: \(workshopCase.title.nl). F3 toont het verhaal weer.",
            en: "Practice: \(workshopCase.title.en). F3 shows the story again."))
        return effects
    }

    /// After the practice result is saved: the participant's answers and outcome next to
    /// the reference, and what made the difference.
    static func openComparison(caseID: String, participant: Session, savedPath: String, _ state: inout AppState) {
        guard let workshopCase = state.cases.first(where: { $0.id == caseID }),
            let exercise = workshopCase.exercises.first(where: { $0.instrument == participant.questionnaire.id })
        else { return }
        let reference = exercise.referenceSession(in: participant.questionnaire).session
        let lines = comparisonLines(workshopCase, exercise, participant: participant, reference: reference, savedPath: savedPath, language: state.language)
        state.workshop = state.workshop ?? WorkshopState(cases: state.cases)
        state.workshop?.mode = .comparison(lines: lines, scroll: 0)
        state.screen = .workshop
    }

    static func comparisonLines(
        _ workshopCase: WorkshopCase, _ exercise: CaseExercise, participant: Session, reference: Session, savedPath: String, language: Language
    ) -> [(String, Role)] {
        let nl = language == .nl
        let words = OutcomeText.Words(language)
        let questionnaire = participant.questionnaire
        let mine = Scorer.outcome(for: participant), theirs = Scorer.outcome(for: reference)
        var lines: [(String, Role)] = [
            ((nl ? "◇ OEFENING — " : "◇ PRACTICE — ") + workshopCase.title[language], .heading),
            ((nl ? "Opgeslagen als oefenresultaat: " : "Saved as a practice result: ") + savedPath, .muted), ("", .normal),
            (nl ? "Uw uitkomst en de referentie" : "Your outcome and the reference", .heading),
        ]
        for assessment in mine.assessments {
            let other = theirs.assessments.first { $0.id == assessment.id }?.level
            let same = other == assessment.level
            let text = "\(same ? "✓" : "✗") \(assessment.title[language]): \(nl ? "u" : "you") \(words.level(assessment.level)) · \(nl ? "referentie" : "reference") \(other.map(words.level) ?? "—")"
            lines.append(("  " + text, same ? .success : .warning))
        }
        let decisive = DecisiveAnswers.between(participant: participant, reference: reference)
        lines += [("", .normal), (nl ? "Wat maakte het verschil" : "What made the difference", .heading)]
        if decisive.isEmpty {
            lines.append((nl ? "  Geen enkel antwoord verandert op zichzelf een uitkomst." : "  No single answer changes an outcome by itself.", .muted))
        }
        for answer in decisive {
            let question = questionnaire.questions[answer.questionIndex]
            let given = answer.given.map { question.describe($0, language: language) } ?? (nl ? "geen antwoord" : "no answer")
            let wanted = answer.reference.map { question.describe($0, language: language) } ?? (nl ? "geen antwoord" : "no answer")
            lines.append(("  \(question.text[language])", .normal))
            lines.append(("    \(nl ? "u" : "you"): \(given) → \(nl ? "referentie" : "reference"): \(wanted)", .warning))
            for change in answer.changes {
                let from = AssessmentLevel(rawValue: change.from).map(words.level) ?? change.from
                let to = AssessmentLevel(rawValue: change.to).map(words.level) ?? change.to
                lines.append(("    \(change.title[language]): \(from) → \(to)", .muted))
            }
        }
        lines += [("", .normal), (nl ? "Per vraag" : "Per question", .heading)]
        for comparison in CaseExercise.compare(participant, with: reference) {
            let question = questionnaire.questions[comparison.questionIndex]
            let given = comparison.given.map { question.describe($0, language: language) } ?? (nl ? "geen antwoord" : "no answer")
            let wanted = comparison.reference.map { question.describe($0, language: language) } ?? (nl ? "niet gesteld" : "not asked")
            lines.append(("\(comparison.matches ? "✓" : "✗") \(question.text[language])", comparison.matches ? .normal : .warning))
            lines.append(("    \(nl ? "u" : "you"): \(given)" + (comparison.matches ? "" : " · \(nl ? "referentie" : "reference"): \(wanted)"), .muted))
            if let explain = exercise.answer(for: question.id)?.explain, !comparison.matches {
                lines.append(("    " + explain[language], .normal))
            }
        }
        if !workshopCase.discussion.isEmpty {
            lines += [("", .normal), (nl ? "Om te bespreken" : "To discuss", .heading)]
            lines += workshopCase.discussion.map { ("  • " + $0[language], .normal) }
        }
        return lines
    }

    static func drawWorkshop(_ buffer: inout ScreenBuffer, _ state: AppState) {
        guard let workshop = state.workshop else { return }
        let language = state.language
        let nl = language == .nl
        switch workshop.mode {
        case .list:
            drawTitle(&buffer, nl ? "◇ Workshop: kies een casus (oefenen, geen echte beoordeling)" : "◇ Workshop: choose a case (practice, not a real assessment)", right: "\(workshop.cases.count)")
            let top = 2, height = buffer.height - 4
            if workshop.cases.isEmpty { buffer.write(nl ? "Geen casussen gevonden." : "No cases found.", x: 2, y: top, role: .muted) }
            for (offset, index) in window(count: workshop.cases.count, selection: workshop.selection, height: height / 2).enumerated() {
                let workshopCase = workshop.cases[index]
                let selected = index == workshop.selection
                let y = top + offset * 2
                if selected { buffer.fill(x: 1, y: y, width: buffer.width - 2, height: 1, role: .selected) }
                buffer.write(TextWidth.truncate(workshopCase.title[language], to: buffer.width - 4), x: 2, y: y, role: selected ? .selected : .normal)
                let level = workshopCase.level == .basis ? (nl ? "basis" : "basic") : (nl ? "gevorderd" : "advanced")
                let instruments = workshopCase.exercises.map { exercise in state.instruments.first { $0.id == exercise.instrument }?.title[language] ?? exercise.instrument }
                buffer.write(TextWidth.truncate("\(level) · ~\(workshopCase.durationMinutes) min · \(instruments.joined(separator: ", "))", to: buffer.width - 6), x: 4, y: y + 1, role: .muted)
            }
            drawFooter(&buffer, state, KeyMaps.workshopList)
        case .story(let index, let scroll, let answering):
            let workshopCase = workshop.cases[index]
            drawTitle(&buffer, "◇ " + workshopCase.title[language])
            var text = StyledLines(width: buffer.width - 4)
            for paragraph in workshopCase.story[language].components(separatedBy: "\n\n") {
                text.add(paragraph.replacingOccurrences(of: "\n", with: " "))
                text.blank()
            }
            if !answering {
                text.add(nl ? "Oefeningen" : "Exercises", role: .heading)
                for (number, exercise) in workshopCase.exercises.enumerated() {
                    let title = state.instruments.first { $0.id == exercise.instrument }?.title[language] ?? exercise.instrument
                    text.add("  \(number + 1)  \(title)", role: .key)
                }
            }
            let height = buffer.height - 4
            text.draw(into: &buffer, x: 2, y: 2, height: height, scroll: min(scroll, max(0, text.lines.count - height)))
            var keys = KeyMaps.workshopStory
            if answering { keys.bindings.removeAll { $0.action == .confirm } }
            drawFooter(&buffer, state, keys)
        case .comparison(let lines, let scroll):
            drawTitle(&buffer, nl ? "◇ OEFENING — vergelijking met de referentie" : "◇ PRACTICE — comparison with the reference")
            var text = StyledLines(width: buffer.width - 4)
            for (line, role) in lines {
                if line.isEmpty { text.blank() } else { text.add(line, role: role, indent: line.prefix { $0 == " " }.count) }
            }
            let height = buffer.height - 4
            text.draw(into: &buffer, x: 2, y: 2, height: height, scroll: min(scroll, max(0, text.lines.count - height)))
            drawFooter(&buffer, state, KeyMaps.workshopReading)
        }
    }
}
