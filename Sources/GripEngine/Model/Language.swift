/// The languages every user-visible text is written in. Dutch is the default.
public enum Language: String, CaseIterable, Codable, Sendable {
    case nl
    case en

    public static let `default`: Language = .nl
}

/// A user-visible text in both languages.
public struct LocalizedText: Hashable, Codable, Sendable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .nl: nl
        case .en: en
        }
    }
}
