import Foundation
import GripEngine

/// A `DecodingError` in words a person can act on, in Dutch and English: which key, and
/// what is wrong with it.
public enum DecodingProblem {
    public static func describe(_ error: DecodingError) -> LocalizedText {
        func path(_ context: DecodingError.Context) -> LocalizedText {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            guard !keys.isEmpty else { return LocalizedText(nl: "het bestand", en: "the file") }
            let quoted = "'" + keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + "'"
            return LocalizedText(nl: quoted, en: quoted)
        }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return LocalizedText(nl: "het is geen geldige JSON", en: "it is not valid JSON") }
            let at = path(context)
            return LocalizedText(nl: "\(at.nl) heeft een ongeldige waarde", en: "\(at.en) has an invalid value")
        case .keyNotFound(let key, let context):
            let owner = path(context)
            return LocalizedText(nl: "\(owner.nl) mist de sleutel '\(key.stringValue)'", en: "\(owner.en) lacks the key '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            let at = path(context), kind = describe(type)
            return LocalizedText(nl: "\(at.nl) moet \(kind.nl) zijn", en: "\(at.en) should be \(kind.en)")
        case .valueNotFound(let type, let context):
            let at = path(context), kind = describe(type)
            return LocalizedText(nl: "\(at.nl) is leeg maar moet \(kind.nl) zijn", en: "\(at.en) is empty but should be \(kind.en)")
        @unknown default:
            return LocalizedText(nl: "de inhoud heeft niet de verwachte vorm", en: "its content does not have the expected shape")
        }
    }

    private static func describe(_ type: Any.Type) -> LocalizedText {
        switch type {
        case is String.Type: LocalizedText(nl: "tekst", en: "text")
        case is Int.Type, is Int64.Type: LocalizedText(nl: "een geheel getal", en: "a whole number")
        case is Bool.Type: LocalizedText(nl: "true of false", en: "true or false")
        default: type is any Collection.Type ? LocalizedText(nl: "een lijst", en: "a list") : LocalizedText(nl: "een object", en: "an object")
        }
    }
}
