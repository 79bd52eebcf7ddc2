import GripEngine
import GripScoring

/// The differences as text for a terminal. Interface words are English, like the
/// command line; level names follow `language`; texts from the files are shown as
/// stored, with control and bidi characters escaped so one value stays on one line.
extension ResultDiff {
    public func text(language: Language) -> String {
        var lines: [String] = []
        if let id = questionnaireID {
            lines.append("NOT COMPARABLE: the questionnaires differ (\(id.old.displaySafe) → \(id.new.displaySafe)); answers and outcome are not compared.")
        }
        if differentSystem {
            lines.append("WARNING: the system names differ; these are probably not results of the same system.")
        }
        lines.append("Completed: \(completedAt.old.displaySafe) → \(completedAt.new.displaySafe)")
        if !subject.isEmpty {
            lines.append("Subject:")
            for item in subject {
                lines.append("  \(item.field.rawValue): \(item.change.old.displaySafe) → \(item.change.new.displaySafe)")
            }
        }
        let questionnaireChanges = [("version", questionnaireVersion), ("sha256", questionnaireSHA256)].compactMap { name, change in
            change.map { "  \(name): \($0.old.displaySafe) → \($0.new.displaySafe)" }
        }
        if !questionnaireChanges.isEmpty {
            lines.append("Questionnaire:")
            lines += questionnaireChanges
        }
        if let language = self.language {
            lines.append("Language: \(language.old.displaySafe) → \(language.new.displaySafe) (answers are compared by value, not by their words)")
        }
        if isComparable {
            lines += answerLines()
            lines += outcome.textLines(language: language, older: "the older result", newer: "the newer result")
        }
        if isEmpty { lines.append("No differences.") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func answerLines() -> [String] {
        guard !answers.isEmpty else { return ["Answers: no changes"] }
        let counts = [AnswerChange.Kind.changed, .added, .removed].compactMap { kind -> String? in
            let count = answers.filter { $0.kind == kind }.count
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        var lines = ["Answers: \(counts.joined(separator: ", "))"]
        for change in answers {
            lines.append("  \(change.kind.rawValue) \(change.question.displaySafe): \(change.text.displaySafe)")
            switch (change.old, change.new) {
            case (let old?, let new?):
                if change.answerChanged { lines.append("    answer: \(Self.words(old.answer)) → \(Self.words(new.answer))") }
                if change.noteChanged { lines.append("    note: \(Self.words(old.note)) → \(Self.words(new.note))") }
                if change.visibilityChanged { lines.append("    \(Self.shown(old.shown)) → \(Self.shown(new.shown))") }
            case (let only?, nil), (nil, let only?):
                if only.answer != nil { lines.append("    answer: \(Self.words(only.answer))") }
                if only.note != nil { lines.append("    note: \(Self.words(only.note))") }
                if !only.shown { lines.append("    hidden (did not count)") }
            case (nil, nil):
                break
            }
        }
        return lines
    }

    static func words(_ text: String?) -> String {
        text.map(\.displaySafe) ?? "(none)"
    }

    private static func shown(_ shown: Bool) -> String {
        shown ? "shown" : "hidden (did not count)"
    }
}

extension OutcomeDiff {
    /// `older` and `newer` name the two sides where one has no assessment or
    /// classification ("the older result", "the recorded outcome").
    func textLines(language: Language, older: String, newer: String) -> [String] {
        guard !isEmpty else { return ["Outcome: no change"] }
        var lines = ["Outcome:"]
        let words = OutcomeText.Words(language)
        func level(_ level: String?, missing: String) -> String {
            guard let level else { return "(not in \(missing))" }
            return AssessmentLevel(rawValue: level).map(words.level) ?? level.displaySafe
        }
        for change in assessments {
            lines.append("  \(change.title.displaySafe): \(level(change.old, missing: older)) → \(level(change.new, missing: newer))")
        }
        for change in classifications {
            let old = change.old.map(\.headline.displaySafe) ?? "(not in \(older))"
            let new = change.new.map(\.headline.displaySafe) ?? "(not in \(newer))"
            lines.append("  \(change.title.displaySafe): \(old) → \(new)")
        }
        for (points, word) in [(openPointsAdded, "new open point"), (openPointsRemoved, "no longer open")] {
            for point in points {
                let questions = point.questions.isEmpty ? "" : " (questions: \(point.questions.map(\.displaySafe).joined(separator: ", ")))"
                lines.append("  \(word), \(point.assessmentTitle.displaySafe): \(point.text.displaySafe)\(questions)")
            }
        }
        return lines
    }
}
