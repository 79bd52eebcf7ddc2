import GripEngine

/// Diffs as JSON for machines. Stable: every member is always present,
/// `null` where a side has nothing; texts as stored (PrettyJSON escapes what could drive
/// a terminal).
extension ResultDiff {
    public var json: JSONValue {
        func change(_ change: Change<String>?) -> JSONValue {
            change.map { ["old": .string($0.old), "new": .string($0.new)] } ?? .null
        }
        return [
            "comparable": .bool(isComparable),
            "differentSystem": .bool(differentSystem),
            "completedAt": change(completedAt),
            "subject": .array(subject.map { ["field": .string($0.field.rawValue), "old": .string($0.change.old), "new": .string($0.change.new)] }),
            "questionnaire": ["id": change(questionnaireID), "version": change(questionnaireVersion), "sha256": change(questionnaireSHA256)],
            "language": change(language),
            "answers": .array(answers.map(\.json)),
            "outcome": outcome.json,
        ]
    }
}

extension AnswerChange {
    var json: JSONValue {
        func state(_ state: State?) -> JSONValue {
            guard let state else { return .null }
            return [
                "value": state.value ?? .null, "answer": state.answer.map(JSONValue.string) ?? .null,
                "note": state.note.map(JSONValue.string) ?? .null, "shown": .bool(state.shown),
            ]
        }
        return [
            "question": .string(question), "text": .string(text), "kind": .string(kind.rawValue),
            "answerChanged": .bool(answerChanged), "noteChanged": .bool(noteChanged), "visibilityChanged": .bool(visibilityChanged),
            "old": state(old), "new": state(new),
        ]
    }
}

extension OutcomeDiff {
    public var json: JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func classification(_ state: ClassificationState?) -> JSONValue {
            guard let state else { return .null }
            return [
                "status": .string(state.decided ? "decided" : "undecided"), "category": optional(state.category),
                "atLeast": optional(state.atLeast), "possible": .array(state.possible.map(JSONValue.string)), "headline": .string(state.headline),
            ]
        }
        func points(_ points: [OpenPoint]) -> JSONValue {
            .array(points.map { point in
                [
                    "assessment": .string(point.assessment), "criterion": .string(point.criterion), "text": .string(point.text),
                    "questions": .array(point.questions.map(JSONValue.string)),
                ]
            })
        }
        return [
            "changed": .bool(!isEmpty),
            "assessments": .array(assessments.map { ["id": .string($0.id), "title": .string($0.title), "old": optional($0.old), "new": optional($0.new)] }),
            "classifications": .array(classifications.map {
                ["id": .string($0.id), "title": .string($0.title), "old": classification($0.old), "new": classification($0.new)]
            }),
            "openPointsAdded": points(openPointsAdded),
            "openPointsRemoved": points(openPointsRemoved),
        ]
    }
}
