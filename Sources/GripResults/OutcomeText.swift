import GripEngine
import GripScoring

/// An outcome as plain text, for the terminal.
public enum OutcomeText {
    /// `forAuthors` adds the internal scores and the ids of next instruments (`grip score`);
    /// people filling in a questionnaire see levels, reasons and dimension values only.
    public static func render(_ outcome: Outcome, language: Language, forAuthors: Bool = true) -> String {
        let words = Words(language)
        var text = ""
        for assessment in outcome.assessments {
            text += "\(assessment.title[language]): \(words.level(assessment.level))\n"
            for reason in assessment.reasons {
                text += "  + \(reason.text[language])\(sourceList(reason.sources, language))\(answerList(reason.answers, language))\n"
            }
            for point in assessment.openPoints {
                text += "  ? \(words.openPoint): \(point.text[language]) — \(words.resolve): \(point.questions.joined(separator: ", "))\n"
            }
            if let rationale = assessment.rationale { text += "  = \(rationale[language])\n" }
            if let date = assessment.appliesFrom { text += "  \(words.appliesFrom) \(date)\n" }
            text += "  → \(assessment.nextStep[language])\n"
        }
        for classification in outcome.classifications {
            text += "\(classification.title[language]): \(classification.headline[language])\n"
        }
        for score in outcome.scores where forAuthors {
            let value: String =
                switch score.value {
                case .exact(let number): String(number)
                case .between(let low, let high): "\(low)–\(high)"
                case .unbounded: "?"
                }
            text += "\(score.title?[language] ?? score.id): \(value)\n"
        }
        for dimension in outcome.dimensions {
            text += "\(dimension.title[language]): \(dimension.value)/\(dimension.maximum)\n"
        }
        for warning in outcome.warnings {
            text += "! \(warning.text[language])\(sourceList(warning.sources, language))\n"
        }
        if !outcome.nextInstruments.isEmpty && forAuthors {
            text += "\(words.next): \(outcome.nextInstruments.joined(separator: ", "))\n"
        }
        return text
    }

    /// " — omdat: personal_data = Ja · origin = Ingekocht": the answers a reason rests on,
    /// by question id (grip score is for authors, who know them), each on one line.
    public static func answerList(_ answers: [Reason.Answer], _ language: Language) -> String {
        guard !answers.isEmpty else { return "" }
        let because = language == .nl ? "omdat" : "because"
        return " — \(because): " + answers.map { "\($0.question) = \(oneLine($0.answer[language]))" }.joined(separator: " · ")
    }

    /// A free-text answer on one line and at most 60 characters, so a reason stays readable.
    static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 60 ? String(flat.prefix(59)) + "…" : flat
    }

    public static func sourceList(_ sources: [LegalSource], _ language: Language) -> String {
        guard !sources.isEmpty else { return "" }
        return " [" + sources.map { [$0.title[language], $0.article].compactMap { $0 }.joined(separator: " ") }.joined(separator: "; ") + "]"
    }

    /// The interface words of outcomes, in both languages.
    public struct Words: Sendable {
        public let language: Language
        public init(_ language: Language) { self.language = language }

        public func level(_ level: AssessmentLevel) -> String {
            switch (level, language) {
            case (.required, .nl): "verplicht"
            case (.required, .en): "required"
            case (.recommended, .nl): "aanbevolen"
            case (.recommended, .en): "recommended"
            case (.possiblyRequired, .nl): "mogelijk verplicht"
            case (.possiblyRequired, .en): "possibly required"
            case (.notNeeded, .nl): "niet nodig"
            case (.notNeeded, .en): "not needed"
            }
        }

        public var resolve: String { language == .nl ? "vragen" : "questions" }
        public var openPoint: String { language == .nl ? "nog uitzoeken of dit geldt" : "to find out whether this holds" }
        public var appliesFrom: String { language == .nl ? "Geldt vanaf" : "Applies from" }
        var possibly: String { language == .nl ? "mogelijk" : "possibly" }
        var next: String { language == .nl ? "Vervolginstrumenten" : "Next instruments" }
    }
}
