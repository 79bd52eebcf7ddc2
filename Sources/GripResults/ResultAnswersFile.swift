import GripEngine

/// The answers file that reproduces a result (`grip answers`): its subject, every shown
/// answer and note as the result stored them, and hidden answers as comments (they did
/// not count). Scored with the same questionnaire version, it gives the result's outcome.
public enum ResultAnswersFile {
    /// nil when the document is not a result of a questionnaire. A `warning` (the result
    /// does not verify) heads the file, so it travels with the answers.
    public static func text(of document: JSONValue, file: String, warning: String? = nil) -> String? {
        guard let result = document["result"], let id = result["questionnaire"]?["id"]?.stringValue else { return nil }
        let version = result["questionnaire"]?["version"]?.stringValue ?? "?"
        let subject = result["subject"]
        var lines = warning.map { AnswersFileText.comment("WARNING: " + $0) } ?? []
        lines += AnswersFileText.comment("The answers of \(file), a result of \(id) \(version).")
        lines += AnswersFileText.comment("Its outcome again: grip score \(id) --answers THIS_FILE (with \(id) \(version)).")
        lines += [
            "questionnaire: " + AnswersFileText.value(.text(id)),
            "subject:",
        ]
        for field in ["system", "organisation", "assessor"] {
            lines.append("  \(field): " + AnswersFileText.quoted(subject?[field]?.stringValue ?? ""))
        }
        lines.append("answers:")
        var notes: [String] = []
        var seen = Set<ExactString>()
        for item in result["answers"]?.arrayValue ?? [] {
            // A question's first entry only, as ResultAnswers reads it.
            guard let question = item["question"]?.stringValue, seen.insert(ExactString(question)).inserted else { continue }
            let hidden = item["visibility"]?.stringValue == "hidden"
            let key = "  " + (hidden ? "# " : "") + AnswersFileText.key(question) + ": "
            if let value = item["value"].flatMap(value) {
                var about = item["text"]?.stringValue ?? ""
                if let words = item["answerText"]?.stringValue { about += " — " + words }
                lines += AnswersFileText.comment(about, indent: "  ")
                if hidden { lines += AnswersFileText.comment("not shown in the result (its condition was not met), so it did not count:", indent: "  ") }
                lines.append(key + AnswersFileText.value(value))
            }
            if let note = item["note"]?.stringValue {
                notes.append(key + AnswersFileText.quoted(note))
            }
        }
        lines.append("notes:")
        lines += notes
        return lines.joined(separator: "\n") + "\n"
    }

    /// A stored answer as it is written; nil for a value no answer can have.
    static func value(_ json: JSONValue) -> AnswersFileText.Value? {
        switch json {
        case .string(let text): return .text(text)
        case .integer(let number): return .number(number)
        case .array(let items):
            let ids = items.compactMap(\.stringValue)
            return ids.count == items.count ? .list(ids) : nil
        default: return nil
        }
    }
}
