/// Answers in words, for result files, exports and screens.
extension Question {
    public func describe(_ value: AnswerValue, language: Language) -> String {
        switch value {
        case .yes: return AnswerWords.yes[language]
        case .no: return AnswerWords.no[language]
        case .unknown: return AnswerWords.unknown[language]
        case .option(let id): return label(of: id, language: language)
        case .options(let ids): return ids.map { label(of: $0, language: language) }.joined(separator: "; ")
        case .number(let number): return unit.map { "\(number) \($0[language])" } ?? String(number)
        case .text(let text): return text
        }
    }

    private func label(of optionID: String, language: Language) -> String {
        options.first { $0.id == optionID }?.label[language] ?? optionID
    }
}

public enum AnswerWords {
    public static let yes = LocalizedText(nl: "Ja", en: "Yes")
    public static let no = LocalizedText(nl: "Nee", en: "No")
    public static let unknown = LocalizedText(nl: "Weet ik niet", en: "I don't know")
}
