import GripEngine

/// A rescore as JSON for machines: every member always present.
extension Rescore {
    /// `language` is that of the messages explaining refused answers.
    public func json(language: Language) -> JSONValue {
        [
            "questionnaire": .string(questionnaireID),
            "version": ["old": .string(version.old), "new": .string(version.new)],
            "sameFile": .bool(sameFile),
            "changesOutcome": .bool(changesOutcome),
            "unchanged": .bool(isEmpty),
            "outcome": outcome.json,
            "unanswered": .array(unanswered.map { ["question": .string($0.question), "text": .string($0.text)] }),
            "rejected": .array(rejected.map { item in
                let reason: String =
                    switch item.reason {
                    case .questionRemoved: "question-removed"
                    case .notAccepted: "not-accepted"
                    }
                return [
                    "question": .string(item.entry.question), "text": .string(item.entry.text), "value": item.entry.value,
                    "answer": .string(item.entry.answerText), "reason": .string(reason), "message": .string(item.reason.message(language)),
                ]
            }),
        ]
    }
}
