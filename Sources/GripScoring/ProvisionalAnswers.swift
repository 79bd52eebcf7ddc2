import GripEngine

/// A session's answers as they stand, with every question still to be answered read as
/// "weet ik niet". Scoring over this shows what is settled whatever the remaining
/// answers turn out to be: a level without open points cannot change any more.
public struct ProvisionalAnswers: AnswerLookup, Sendable {
    private var resolved: [ResolvedAnswer]
    /// Answers of questions certainly shown, "weet ik niet" included.
    private var given: [AnswerValue?]

    public init(session: Session) {
        let questions = session.questionnaire.questions
        resolved = []
        given = Array(repeating: nil, count: questions.count)
        resolved.reserveCapacity(questions.count)
        // One pass in file order: a condition only reads earlier questions.
        for (index, question) in questions.enumerated() {
            let shown = question.condition.map { $0.expression.truth(in: self) } ?? .true
            switch (shown, session.answer(at: index)) {
            case (.false, _):
                resolved.append(.absent)
            case (.true, let answer?) where answer != .unknown:
                given[index] = answer
                resolved.append(.value(answer))
            default:
                if shown == .true { given[index] = session.answer(at: index) }
                // Not answered yet, answered "weet ik niet", or shown only if a still-open
                // answer says so (then it may yet be absent): any value remains possible.
                resolved.append(.unknown)
            }
        }
    }

    public func resolvedAnswer(at index: Int) -> ResolvedAnswer { resolved[index] }
    public func givenAnswer(at index: Int) -> AnswerValue? { given[index] }
}
