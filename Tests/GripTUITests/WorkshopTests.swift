import Foundation
import GripBundled
import GripEngine
import GripResults
import GripScoring
import Testing
@testable import GripTUI

/// Workshop screens: the case list, the story, an exercise marked as practice, and the
/// comparison with the reference (issue 12).
struct WorkshopTests {
    static let cases = BundledCases.files.compactMap { CaseLoader.load($0.contents, file: $0.name).workshopCase }

    static func state() -> AppState {
        var state = makeState(width: 100, height: 30)
        state.cases = cases
        return state
    }

    @Test func fromTheHomeScreenThroughTheStoryToAPracticeExercise() {
        var state = Self.state()
        send(&state, keys("w"))
        #expect(App.view(state).text.contains("kies een casus"))
        send(&state, [.key(.enter)])
        #expect(App.view(state).text.contains("Oefeningen"))
        let effects = send(&state, keys("1"))
        guard case .question = state.screen, let caseID = state.active?.practiceCase else { Issue.record("an exercise starts"); return }
        #expect(caseID == Self.cases[0].id)
        #expect(App.view(state).text.contains("◇ OEFENING · "))
        #expect(effects.contains { if case .saveDraft(let draft) = $0 { draft.practiceCase == caseID } else { false } }, "the draft remembers it is practice")
        send(&state, [.key(.function(3))])
        #expect(App.view(state).text.contains(Self.cases[0].title.nl))
        send(&state, [.key(.escape)])
        guard case .question = state.screen else { Issue.record("Esc returns to the question"); return }
        // Signing a practice exercise needs no key: no key setup screen, a practice write.
        state.signer = nil
        state.screen = .outcome(OutcomeState())
        let write = App.update(&state, .key(.enter))
        guard case .writeResult(_, _, _, _, let practice) = write.first else { Issue.record("signs at once: \(write)"); return }
        #expect(practice == caseID)
    }

    @Test func theComparisonShowsOutcomesWhatMadeTheDifferenceAndEveryQuestion() throws {
        let workshopCase = try #require(Self.cases.first { $0.id == "anpr-camera" })
        let exercise = try #require(workshopCase.exercises.first { $0.instrument == "quickscan" })
        let questionnaire = try #require(bundledInstruments.first { $0.id == "quickscan" })
        let reference = exercise.referenceSession(in: questionnaire).session
        // The same answers: everything agrees.
        var lines = App.comparisonLines(workshopCase, exercise, participant: reference, reference: reference, savedPath: "/p.json", language: .nl).map(\.0)
        #expect(lines.contains("  Geen enkel antwoord verandert op zichzelf een uitkomst."))
        #expect(!lines.contains { $0.hasPrefix("✗") })
        // One answer different: it is listed, and explained from the case.
        var participant = reference
        let index = try #require(questionnaire.index(of: "personal_data"))
        _ = participant.setAnswer(.no, at: index)
        lines = App.comparisonLines(workshopCase, exercise, participant: participant, reference: reference, savedPath: "/p.json", language: .nl).map(\.0)
        let decisive = DecisiveAnswers.between(participant: participant, reference: reference)
        #expect(!decisive.isEmpty, "not handling personal data changes the DPIA")
        #expect(lines.contains("  \(questionnaire.questions[index].text.nl)"))
        #expect(lines.contains { $0.hasPrefix("✗ \(questionnaire.questions[index].text.nl)") })
        if let explain = exercise.answer(for: "personal_data")?.explain.nl { #expect(lines.contains("    " + explain)) }
    }
}

/// The home footer at 80 columns: on a draft it offers deleting it; elsewhere the review
/// desk and the workshop, and always the language switch.
struct HomeFooterTests {
    @Test func theFooterFollowsTheSelection() {
        var state = makeState(width: 80, height: 24)
        var session = Session(questionnaire: bundledInstruments[0], subject: Subject(system: "Fraude-risicomodel"))
        _ = session.setAnswer(.text("Selecteert dossiers"), at: 0)
        state.drafts = [Draft(session: session, language: .nl, startedAt: Date())]
        let footer = { (state: AppState) in App.view(state).lines.last ?? "" }
        #expect(footer(state).contains("t English") && footer(state).contains("w workshop") && !footer(state).contains("verwijderen"))
        // Down past the instruments to the draft.
        send(&state, Array(repeating: .key(.down), count: bundledInstruments.count))
        #expect(footer(state).contains("verwijderen") && footer(state).contains("t English"), "\(footer(state))")
    }
}

/// The trainer's group view from the workshop screens: the practice results of the
/// selected case on this machine, on the projector.
struct WorkshopGroupViewTests {
    @Test func gOnACaseAsksForItsSummaryAndShowsItOrSaysThereIsNone() throws {
        var state = makeState(width: 100, height: 30)
        state.cases = WorkshopTests.cases
        state.practiceDirectory = "/data/practice"
        App.openWorkshop(&state)
        let effects = send(&state, keys("g"))
        guard case .workshopSummary(let caseID, let questionnaireID, let reference) = effects.first else { Issue.record("no summary effect"); return }
        #expect(caseID == WorkshopTests.cases[0].id && questionnaireID == WorkshopTests.cases[0].exercises[0].instrument)
        #expect(!(reference?.answers.isEmpty ?? true) && !(reference?.levels.isEmpty ?? true))
        send(&state, [.effect(.workshopSummaryLoaded(nil))])
        #expect(App.view(state).text.contains("Nog geen oefenresultaten van deze casus"))
        send(&state, [.effect(.workshopSummaryLoaded(PresentationTests.summary))])
        #expect(App.view(state).text.contains("UITKOMSTEN"))
        send(&state, [.key(.escape)])
        guard case .workshop = state.screen else { Issue.record("Esc returns to the workshop"); return }
    }
}
