import GripEngine

/// A rescore as text for a terminal: English interface words, level names and the
/// current questionnaire's texts in `language`, texts from the result escaped.
extension Rescore {
    public func text(language: Language) -> String {
        var lines: [String] = []
        if sameFile {
            lines.append("Questionnaire \(questionnaireID.displaySafe) \(version.new.displaySafe): the same file the result was made with")
        } else if version.old.equalsExactly(version.new) {
            // Edited without a new version number: say so, "1.0 → 1.0" would read as no change.
            lines.append("Questionnaire \(questionnaireID.displaySafe) \(version.new.displaySafe): not the file the result was made with, although the version is the same")
        } else {
            lines.append("Questionnaire \(questionnaireID.displaySafe): \(version.old.displaySafe) in the result → \(version.new.displaySafe) now")
        }
        lines += outcome.textLines(language: language, older: "the recorded outcome", newer: "the current questionnaire")
        if !unanswered.isEmpty {
            lines.append("Questions the result does not answer (new or now required; read as \"don't know\"):")
            for question in unanswered {
                lines.append("  \(question.question.displaySafe): \(question.text.displaySafe)")
            }
        }
        if !rejected.isEmpty {
            lines.append("Answers the current questionnaire no longer accepts (left out):")
            for item in rejected {
                lines.append("  \(item.entry.question.displaySafe): \(item.entry.text.displaySafe)")
                lines.append("    answer: \(item.entry.answerText.displaySafe) — \(item.reason.message(language).displaySafe)")
            }
        }
        lines.append(isEmpty ? "No change: the current questionnaire gives the same outcome." : changesOutcome ? "The outcome changes." : "The outcome stays the same.")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension ResultAnswers.Rejected.Reason {
    /// Why the answer is refused, for the person reading the rescore.
    public func message(_ language: Language) -> String {
        switch self {
        case .questionRemoved: language == .nl ? "deze vraag bestaat niet meer." : "this question no longer exists."
        case .notAccepted(let problem): problem.message(in: language)
        }
    }
}
