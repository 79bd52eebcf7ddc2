/// Writing answers files: a skeleton to fill in for a questionnaire (`grip template`), and
/// the building blocks `grip answers` uses to write the answers of a result. Everything
/// written reads back with `AnswersFile.parse` as exactly the values given: texts from a
/// questionnaire or a result go into comments one safe line at a time, values are quoted.
public enum AnswersFileText {
    /// A value as it is written after a question id.
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Int64)
        case list([String])
    }

    /// The skeleton of an answers file for `questionnaire`: every question in order,
    /// grouped by section, with its text, type and options as comments and an empty value
    /// that `AnswersFile.apply` reports as not answered.
    public static func template(for questionnaire: Questionnaire, language: Language) -> String {
        var lines = comment("Answers file for \(questionnaire.id) \(questionnaire.version): \(questionnaire.title[language])")
        lines += [
            "# Fill in a value after every question id. A value left empty is not answered;",
            "# grip names every required question still empty. Check with:",
            "#   grip score \(key(questionnaire.id)) --answers THIS_FILE",
            "questionnaire: \(scalar(questionnaire.id))",
            "subject:",
            "  system: \"\"  # the name of the system (required)",
            "  organisation: \"\"",
            "  assessor: \"\"",
            "answers:",
        ]
        for (sectionIndex, section) in questionnaire.sections.enumerated() {
            lines.append("")
            lines += comment("\(sectionIndex + 1). \(section.title[language])", indent: "  ")
            lines.append("  # " + String(repeating: "─", count: 60))
            for question in questionnaire.questions[section.questionIndices] {
                lines.append("")
                lines += comment(question.text[language], indent: "  ")
                var about: [String] = []
                if !question.isRequired { about.append("optional") }
                if let condition = question.condition { about.append("asked only when: \(condition.source)") }
                if !about.isEmpty { lines += comment("(" + about.joined(separator: "; ") + ")", indent: "  ") }
                lines += comment(hint(for: question, language: language), indent: "  ")
                for option in question.options {
                    lines += comment("  \(option.id): \(option.label[language])" + (option.exclusive ? " (only on its own)" : ""), indent: "  ")
                }
                lines.append("  \(key(question.id)):" + (question.type == .multi ? " []" : ""))
            }
        }
        lines += [
            "notes:",
            "  # question_id: \"a note with this answer\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a question's value must be, in the words of the answers file.
    public static func hint(for question: Question, language: Language = .en) -> String {
        let unknown = question.allowsUnknown && question.type != .yesNoUnknown ? ", or unknown" : ""
        let ids = question.options.map(\.id).joined(separator: ", ")
        switch question.type {
        case .yesNo: return "yes or no"
        case .yesNoUnknown: return "yes, no or unknown"
        case .single: return "one option id: \(ids)\(unknown)"
        case .multi: return "a list of option ids, e.g. [\(question.options.prefix(2).map(\.id).joined(separator: ", "))]\(unknown)"
        case .number:
            let range = [question.minimum.map { "at least \($0)" }, question.maximum.map { "at most \($0)" }].compactMap { $0 }
            let unit = question.unit.map { " (\($0[language]))" } ?? ""
            return "a whole number\(unit)" + (range.isEmpty ? "" : ", " + range.joined(separator: " and ")) + unknown
        case .scale:
            let low = question.minimum ?? 0, high = question.maximum ?? 0
            let labels = [question.minimumLabel.map { "\(low) = \($0[language])" }, question.maximumLabel.map { "\(high) = \($0[language])" }].compactMap { $0 }
            return "a whole number from \(low) to \(high)" + (labels.isEmpty ? "" : " (" + labels.joined(separator: ", ") + ")") + unknown
        case .text: return "a text in quotes" + unknown
        }
    }

    /// `text` as comment lines: one per line of the text, every unsafe character escaped,
    /// so nothing in it can end the comment or reach a terminal raw.
    /// Long lines are wrapped at spaces, so the file reads in any editor.
    public static func comment(_ text: String, indent: String = "", width: Int = 88) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let safe = DisplaySafety.safe(line)
            let lead = String(safe.prefix { $0 == " " })
            var lines: [String] = []
            var current = lead
            for word in safe.dropFirst(lead.count).split(separator: " ") {
                if current.count > lead.count && current.count + 1 + word.count > width {
                    lines.append(current)
                    current = lead + (lead.isEmpty ? "" : "  ") + word
                } else {
                    current += (current.count > lead.count ? " " : "") + word
                }
            }
            lines.append(current)
            return lines.map { indent + "#" + ($0.isEmpty ? "" : " " + $0) }
        }
    }

    /// A question id or other key: bare when it is a plain identifier, quoted otherwise.
    public static func key(_ text: String) -> String {
        isPlain(text) ? text : quoted(text)
    }

    /// A value: numbers bare, option-like words bare, everything else double-quoted.
    public static func value(_ value: Value) -> String {
        switch value {
        case .number(let number): String(number)
        case .text(let text): scalar(text)
        case .list(let items): "[" + items.map(scalar).joined(separator: ", ") + "]"
        }
    }

    static func scalar(_ text: String) -> String {
        isPlain(text) ? text : quoted(text)
    }

    /// Lower-case identifiers (a–z first, then a–z, 0–9, `_`, `-`) read back unchanged.
    static func isPlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// A YAML double-quoted scalar that reads back as exactly `text`: quotes, backslashes,
    /// line breaks, controls, bidi controls and non-characters are escapes.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                // YAML's printable set leaves out controls and U+FFFE/U+FFFF; a BOM, line
                // separators and bidi controls are escaped too, so `cat` shows nothing odd.
                if DisplaySafety.isUnsafe(scalar) || scalar.value == 0xFEFF || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += scalar.value <= 0xFF ? "\\x" + hex(scalar.value, digits: 2) : "\\u" + hex(scalar.value, digits: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
