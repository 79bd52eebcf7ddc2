/// A participant's answer to one question next to the reference answer.
public struct AnswerComparison: Sendable, Equatable {
    public var questionIndex: Int
    /// What the reference session holds, read as the outcome reads it: nil when the
    /// question is hidden there or the reference leaves it open.
    public var reference: AnswerValue?
    /// The same for the participant's session.
    public var given: AnswerValue?

    public init(questionIndex: Int, reference: AnswerValue?, given: AnswerValue?) {
        self.questionIndex = questionIndex
        self.reference = reference
        self.given = given
    }

    /// Same answer; the order of chosen options does not matter.
    public var matches: Bool { Self.same(reference, given) }

    static func same(_ left: AnswerValue?, _ right: AnswerValue?) -> Bool {
        if case .options(let a)? = left, case .options(let b)? = right { return Set(a) == Set(b) }
        return left == right
    }
}

extension CaseExercise {
    /// Question by question, in questionnaire order, every question that is shown in
    /// either session. Both sessions must be of the same questionnaire; a participant's
    /// answer to a question the reference hides (and the other way round) counts as a
    /// difference, because it changes what the outcome reads.
    public static func compare(_ participant: Session, with reference: Session) -> [AnswerComparison] {
        guard participant.questionnaire.id == reference.questionnaire.id,
            participant.questionnaire.questions.count == reference.questionnaire.questions.count
        else { return [] }
        func shown(_ session: Session, _ index: Int) -> AnswerValue? {
            session.isVisible(index) ? session.answer(at: index) : nil
        }
        return reference.questionnaire.questions.indices.compactMap { index in
            guard participant.isVisible(index) || reference.isVisible(index) else { return nil }
            return AnswerComparison(questionIndex: index, reference: shown(reference, index), given: shown(participant, index))
        }
    }
}
