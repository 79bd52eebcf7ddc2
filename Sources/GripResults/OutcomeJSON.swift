import GripEngine
import GripScoring

/// The outcome as it is stored in a result: texts in the result's language, ids beside
/// them so tools can re-read it, integers and strings only.
public enum OutcomeJSON {
    /// Scores saturate in the engine; a result keeps integers within ±(2^53−1), which
    /// verification requires, so an extreme score is recorded at that bound.
    static func exact(_ value: Int) -> Int64 {
        Int64(min(max(value, -AnswerLimits.maximumInteger), AnswerLimits.maximumInteger))
    }

    public static func json(_ outcome: Outcome, language: Language) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("assessments", .array(outcome.assessments.map { assessment($0, language) })),
            ("nextInstruments", .array(outcome.nextInstruments.map(JSONValue.string))),
        ]
        if !outcome.classifications.isEmpty {
            members.append(("classifications", .array(outcome.classifications.map { classification($0, language) })))
        }
        if !outcome.scores.isEmpty {
            members.append(("scores", .array(outcome.scores.map { score in
                var entry: [(key: String, value: JSONValue)] = [("id", .string(score.id))]
                if let title = score.title { entry.append(("title", .string(title[language]))) }
                switch score.value {
                case .exact(let value):
                    entry.append(("low", .integer(exact(value))))
                    entry.append(("high", .integer(exact(value))))
                case .between(let low, let high):
                    entry.append(("low", .integer(exact(low))))
                    entry.append(("high", .integer(exact(high))))
                case .unbounded:
                    entry.append(("unbounded", "yes"))
                }
                return .object(entry)
            })))
        }
        if !outcome.dimensions.isEmpty {
            members.append(("dimensions", .array(outcome.dimensions.map { dimension in
                [
                    "id": .string(dimension.id), "title": .string(dimension.title[language]),
                    "value": .integer(exact(dimension.value)), "lowest": .integer(exact(dimension.lowest)),
                    "max": .integer(exact(dimension.maximum)),
                ]
            })))
        }
        if !outcome.warnings.isEmpty {
            members.append(("warnings", .array(outcome.warnings.map { warning in
                ["id": .string(warning.id), "text": .string(warning.text[language]), "sources": sources(warning.sources, language)]
            })))
        }
        return .object(members)
    }

    static func assessment(_ assessment: AssessmentOutcome, _ language: Language) -> JSONValue {
        var entry: [(key: String, value: JSONValue)] = [
            ("id", .string(assessment.id)),
            ("title", .string(assessment.title[language])),
            ("level", .string(assessment.level.rawValue)),
            ("reasons", .array(assessment.reasons.map { reason($0, language) })),
            ("openPoints", .array(assessment.openPoints.map { point in
                [
                    "criterion": .string(point.criterion), "level": .string(point.level.rawValue),
                    "text": .string(point.text[language]), "questions": .array(point.questions.map(JSONValue.string)),
                ]
            })),
            ("nextStep", .string(assessment.nextStep[language])),
        ]
        if let rationale = assessment.rationale { entry.append(("rationale", .string(rationale[language]))) }
        if let instrument = assessment.instrument { entry.append(("instrument", .string(instrument))) }
        if let appliesFrom = assessment.appliesFrom { entry.append(("appliesFrom", .string(appliesFrom))) }
        if let note = assessment.appliesNote { entry.append(("appliesNote", .string(note[language]))) }
        return .object(entry)
    }

    static func classification(_ classification: ClassificationOutcome, _ language: Language) -> JSONValue {
        func summary(_ category: ClassificationRule.Category.Summary) -> JSONValue {
            ["id": .string(category.id), "title": .string(category.title[language])]
        }
        var entry: [(key: String, value: JSONValue)] = [
            ("id", .string(classification.id)), ("title", .string(classification.title[language])),
            ("status", .string(classification.isDecided ? "decided" : "undecided")),
            ("headline", .string(classification.headline[language])),
        ]
        if let category = classification.category { entry.append(("category", summary(category))) }
        if let floor = classification.atLeast { entry.append(("atLeast", summary(floor))) }
        entry.append(("possible", .array(classification.possible.map(summary))))
        entry.append(("reasons", .array(classification.reasons.map { reason($0, language) })))
        return .object(entry)
    }

    static func reason(_ reason: Reason, _ language: Language) -> JSONValue {
        [
            "criterion": .string(reason.criterion), "level": .string(reason.level.rawValue),
            "text": .string(reason.text[language]), "sources": sources(reason.sources, language),
            "answers": .array(reason.answers.map { ["question": .string($0.question), "answer": .string($0.answer[language])] }),
        ]
    }

    static func sources(_ sources: [LegalSource], _ language: Language) -> JSONValue {
        .array(sources.map { source in
            var entry: [(key: String, value: JSONValue)] = [("title", .string(source.title[language]))]
            if let article = source.article { entry.append(("article", .string(article))) }
            if let url = source.url { entry.append(("url", .string(url))) }
            return .object(entry)
        })
    }
}
