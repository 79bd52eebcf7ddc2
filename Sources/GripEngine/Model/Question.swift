/// The kinds of input a question asks for.
public enum QuestionType: String, CaseIterable, Codable, Sendable {
    case yesNo = "yes_no"
    case yesNoUnknown = "yes_no_unknown"
    case single
    case multi
    case text
    case number
    case scale

    var hasOptions: Bool { self == .single || self == .multi }
}

/// A legal or policy source a question or rule rests on.
public struct LegalSource: Hashable, Codable, Sendable {
    public var title: LocalizedText
    /// Article or section, language-neutral, e.g. `Art. 35(3)(a)`.
    public var article: String?
    public var url: String?

    public init(title: LocalizedText, article: String? = nil, url: String? = nil) {
        self.title = title
        self.article = article
        self.url = url
    }
}

/// One answer option of a single- or multi-choice question.
public struct ChoiceOption: Hashable, Sendable, Codable {
    public var id: String
    public var label: LocalizedText
    public var explain: LocalizedText?
    /// A "none of these" option that cannot be combined with others.
    public var exclusive: Bool
    public var location: SourceLocation

    public init(
        id: String, label: LocalizedText, explain: LocalizedText? = nil, exclusive: Bool = false,
        location: SourceLocation
    ) {
        self.id = id
        self.label = label
        self.explain = explain
        self.exclusive = exclusive
        self.location = location
    }
}

/// One question of a questionnaire, as loaded and checked.
public struct Question: Sendable, Codable {
    public var id: String
    public var type: QuestionType
    public var text: LocalizedText
    public var help: LocalizedText?
    public var sources: [LegalSource]
    public var options: [ChoiceOption]
    /// The visibility condition; `nil` means always shown.
    public var condition: Condition?
    public var isRequired: Bool
    /// Whether "weet ik niet / I don't know" is an accepted answer.
    public var allowsUnknown: Bool
    public var minimum: Int?
    public var maximum: Int?
    public var unit: LocalizedText?
    public var minimumLabel: LocalizedText?
    public var maximumLabel: LocalizedText?
    public var maxLength: Int?
    public var isMultiline: Bool
    /// The section this question belongs to (index into `Questionnaire.sections`).
    public var sectionIndex: Int
    public var location: SourceLocation

    public func option(_ id: String) -> ChoiceOption? { options.first { $0.id == id } }
}

/// A parsed, type-checked visibility condition with its source text.
public struct Condition: Sendable, Codable {
    public var source: String
    public var expression: CompiledExpression
    public var location: SourceLocation
}
