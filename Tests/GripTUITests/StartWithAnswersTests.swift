import Foundation
import GripEngine
import GripResults
import Testing
@testable import GripTUI

/// `grip start ID --answers FILE`: the interface opens on the case's answers.
struct StartWithAnswersTests {
    @Test func theSessionOpensAtItsFirstQuestionSavedAsADraftWithTheSettingsLeftAlone() throws {
        var state = makeState()
        let quickscan = try #require(bundledInstruments.first { $0.id == "quickscan" })
        var session = Session(questionnaire: quickscan, subject: Subject(system: "Casus", organisation: "Fictief", assessor: "Trainer"))
        #expect(session.setAnswer(.no, for: "new_legislation") == .ok)
        #expect(session.setAnswer(.yes, for: "has_algorithm") == .ok)
        // Wherever the cursor was, the case starts at the beginning.
        let jumped = session.jump(to: 2)
        #expect(jumped)

        let effects = App.openStart(answers: session, &state, now: fixedNow)
        guard case .question = state.screen else {
            Issue.record("not on a question: \(state.screen)")
            return
        }
        let active = try #require(state.active)
        #expect(active.session.cursor == 0)
        #expect(active.session.answer(for: "has_algorithm") == .yes)
        #expect(active.session.subject.system == "Casus")
        #expect(active.prefilled.isEmpty, "the case's own answers, not suggestions")
        #expect(state.message?.text == "2 antwoorden ingelezen.")
        #expect(state.settings.assessor == "A. de Vries", "a case's fictional assessor does not become yours")
        let drafts = effects.compactMap { effect -> Draft? in if case .saveDraft(let draft) = effect { draft } else { nil } }
        #expect(drafts.count == 1)
        #expect(drafts.first?.answered == 2)
    }
}
