
/// A questionnaire as decoded from YAML, before cross-checks: every field optional
/// (a missing one was already reported) and every value still tied to its node, so
/// the validators can point at it.
struct QuestionnaireDraft {
    var root: YAMLNode
    var id: String?
    var idNode: YAMLNode?
    var version: String?
    var versionNode: YAMLNode?
    var title: LocalizedText?
    var description: LocalizedText?
    var estimatedMinutes: Int?
    var sections: [SectionDraft] = []
    /// Every section's questions in file order: kept flat, since each validator reads them
    /// all (joining them for each one copied every question).
    var questions: [QuestionDraft] = []
    var outcomesNode: YAMLNode?
    var prefillNode: YAMLNode?
}

struct SectionDraft {
    var node: YAMLNode
    var id: String?
    var idNode: YAMLNode?
    var title: LocalizedText?
    var description: LocalizedText?
    /// Its questions' place in `QuestionnaireDraft.questions`.
    var questionIndices: Range<Int> = 0..<0
}

struct QuestionDraft {
    var node: YAMLNode
    var id: String?
    var idNode: YAMLNode?
    var type: QuestionType?
    var text: LocalizedText?
    var help: LocalizedText?
    var sources: [LegalSource] = []
    var options: [OptionDraft] = []
    var optionsNode: YAMLNode?
    var when: String?
    var whenNode: YAMLNode?
    var required = true
    var allowUnknown = false
    var minimum: Int?
    var minimumNode: YAMLNode?
    var maximum: Int?
    var unit: LocalizedText?
    var minimumLabel: LocalizedText?
    var maximumLabel: LocalizedText?
    var maxLength: Int?
    var maxLengthNode: YAMLNode?
    var multiline = false

    /// How a diagnostic names this question.
    var name: String { id.map { "question '\($0)'" } ?? "this question" }
}

struct OptionDraft {
    var node: YAMLNode
    var id: String?
    var idNode: YAMLNode?
    var label: LocalizedText?
    var explain: LocalizedText?
    var exclusive = false
    var exclusiveNode: YAMLNode?
}
