import GripEngine

/// Texts used when a questionnaire does not give its own.
enum DefaultTexts {
    static let notNeeded = LocalizedText(
        nl: "Geen van de criteria is van toepassing op grond van de gegeven antwoorden.",
        en: "None of the criteria applies, based on the answers given.")

    static func nextStep(_ level: AssessmentLevel, title: LocalizedText) -> LocalizedText {
        switch level {
        case .required:
            LocalizedText(nl: "Voer een volledige \(title.nl) uit voordat het systeem in gebruik gaat.", en: "Carry out a full \(title.en) before the system is used.")
        case .recommended:
            LocalizedText(nl: "Een volledige \(title.nl) wordt aanbevolen; leg vast als u ervan afziet, en waarom.", en: "A full \(title.en) is recommended; record it if you decide against it, and why.")
        case .possiblyRequired:
            LocalizedText(nl: "Zoek de open punten uit; daarna is duidelijk of een \(title.nl) verplicht is.", en: "Resolve the open points; then it is clear whether a \(title.en) is required.")
        case .notNeeded:
            LocalizedText(nl: "Geen \(title.nl) nodig. Bewaar deze uitkomst en herhaal de toets als het systeem verandert.", en: "No \(title.en) needed. Keep this result and repeat the check when the system changes.")
        }
    }
}
