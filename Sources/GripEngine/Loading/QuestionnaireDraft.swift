import Yams

/// A questionnaire as decoded from YAML, before cross-checks: every field optional
/// (a missing one was already reported) and every value still tied to its node, so
/// the validators can point at it.
struct QuestionnaireDraft {
    var root: Node
    var id: String?
    var idNode: Node?
    var version: String?
    var versionNode: Node?
    var title: LocalizedText?
    var description: LocalizedText?
    var estimatedMinutes: Int?
    var sections: [SectionDraft] = []
    var outcomesNode: Node?
    var prefillNode: Node?

    var questions: [QuestionDraft] { sections.flatMap(\.questions) }
}

struct SectionDraft {
    var node: Node
    var id: String?
    var idNode: Node?
    var title: LocalizedText?
    var description: LocalizedText?
    var questions: [QuestionDraft] = []
}

struct QuestionDraft {
    var node: Node
    var id: String?
    var idNode: Node?
    var type: QuestionType?
    var text: LocalizedText?
    var help: LocalizedText?
    var sources: [LegalSource] = []
    var options: [OptionDraft] = []
    var optionsNode: Node?
    var when: String?
    var whenNode: Node?
    var required = true
    var allowUnknown = false
    var minimum: Int?
    var minimumNode: Node?
    var maximum: Int?
    var unit: LocalizedText?
    var minimumLabel: LocalizedText?
    var maximumLabel: LocalizedText?
    var maxLength: Int?
    var maxLengthNode: Node?
    var multiline = false

    /// How a diagnostic names this question.
    var name: String { id.map { "question '\($0)'" } ?? "this question" }
}

struct OptionDraft {
    var node: Node
    var id: String?
    var idNode: Node?
    var label: LocalizedText?
    var explain: LocalizedText?
    var exclusive = false
    var exclusiveNode: Node?
}
