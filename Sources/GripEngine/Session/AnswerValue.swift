/// An answer to one question. Which cases a question accepts depends on its type.
public enum AnswerValue: Hashable, Sendable {
    case yes
    case no
    /// "weet ik niet / I don't know": a first-class answer, never read as "no".
    case unknown
    case option(String)
    case options([String])
    case number(Int)
    case text(String)
}

/// An answer as a condition sees it.
public enum ResolvedAnswer: Sendable, Equatable {
    /// Hidden or not answered: satisfies no comparison.
    case absent
    case unknown
    case value(AnswerValue)
}

extension AnswerValue: Codable {
    // Encoded self-describingly so a snapshot can be read without the questionnaire:
    // "yes" / "no" / "unknown", or {"option": "a"}, {"options": [...]}, {"number": 3}, {"text": "..."}.
    private enum CodingKeys: String, CodingKey {
        case option, options, number, text
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let word = try? single.decode(String.self) {
            switch word {
            case "yes": self = .yes
            case "no": self = .no
            case "unknown": self = .unknown
            default:
                throw DecodingError.dataCorruptedError(in: single, debugDescription: "unexpected answer '\(word)'")
            }
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let value = try container.decodeIfPresent(String.self, forKey: .option) {
            self = .option(value)
        } else if let value = try container.decodeIfPresent([String].self, forKey: .options) {
            self = .options(value)
        } else if let value = try container.decodeIfPresent(Int.self, forKey: .number) {
            self = .number(value)
        } else if let value = try container.decodeIfPresent(String.self, forKey: .text) {
            self = .text(value)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unrecognised answer"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .yes, .no, .unknown:
            var single = encoder.singleValueContainer()
            try single.encode(self == .yes ? "yes" : self == .no ? "no" : "unknown")
        case .option(let value):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .option)
        case .options(let value):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .options)
        case .number(let value):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .number)
        case .text(let value):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .text)
        }
    }
}
