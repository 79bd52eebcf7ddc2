import GripEngine

/// What made the difference between a participant's outcome and the reference: the
/// answers that, set to the reference answer one at a time, change an assessment's level
/// (or a classification). For the workshop comparison: "why do our outcomes differ".
public struct DecisiveAnswer: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        /// An assessment or classification id.
        public var id: String
        public var title: LocalizedText
        public var from: String
        public var to: String
    }

    public var questionIndex: Int
    public var given: AnswerValue?
    public var reference: AnswerValue?
    public var changes: [Change]
}

public enum DecisiveAnswers {
    /// In questionnaire order. Both sessions must be of the same questionnaire.
    public static func between(participant: Session, reference: Session) -> [DecisiveAnswer] {
        guard participant.questionnaire.id == reference.questionnaire.id,
            participant.questionnaire.questions.count == reference.questionnaire.questions.count
        else { return [] }
        let base = Scorer.outcome(for: participant)
        var decisive: [DecisiveAnswer] = []
        for index in participant.questionnaire.questions.indices {
            // Only answers that count differ meaningfully: a hidden answer is read as absent.
            let given = participant.isVisible(index) ? participant.answer(at: index) : nil
            let wanted = reference.isVisible(index) ? reference.answer(at: index) : nil
            guard given != wanted else { continue }
            var changed = participant
            _ = changed.setAnswer(wanted, at: index)
            let changes = differences(base, Scorer.outcome(for: changed))
            if !changes.isEmpty {
                decisive.append(DecisiveAnswer(questionIndex: index, given: given, reference: wanted, changes: changes))
            }
        }
        return decisive
    }

    static func differences(_ before: Outcome, _ after: Outcome) -> [DecisiveAnswer.Change] {
        var changes: [DecisiveAnswer.Change] = []
        for assessment in before.assessments {
            guard let other = after.assessments.first(where: { $0.id == assessment.id }), other.level != assessment.level else { continue }
            changes.append(DecisiveAnswer.Change(id: assessment.id, title: assessment.title, from: assessment.level.rawValue, to: other.level.rawValue))
        }
        for classification in before.classifications {
            guard let other = after.classifications.first(where: { $0.id == classification.id }) else { continue }
            let from = classification.category?.id ?? "undecided", to = other.category?.id ?? "undecided"
            if from != to { changes.append(DecisiveAnswer.Change(id: classification.id, title: classification.title, from: from, to: to)) }
        }
        return changes
    }
}
