
/// Decodes the YAML tree into a `QuestionnaireDraft`, reporting shape errors: unknown
/// keys, missing keys, wrong value types, missing translations.
struct QuestionnaireDecoder {
    static let topLevelKeys = KeySet(["id", "version", "title", "description", "estimated_minutes", "sections", "outcomes", "prefill"], required: ["id", "version", "title", "description", "sections"])
    static let sectionKeys = KeySet(["id", "title", "description", "questions"], required: ["id", "title", "questions"])
    static let questionKeys = KeySet(
        [
            "id", "type", "text", "help", "sources", "options", "when", "required", "allow_unknown",
            "min", "max", "unit", "min_label", "max_label", "max_length", "multiline",
        ],
        required: ["id", "type", "text"])
    static let optionKeys = KeySet(["id", "label", "explain", "exclusive"], required: ["id", "label"])

    /// Keys that only make sense for some question types, sorted once (their errors are
    /// reported in this order), with their place in `questionKeys`.
    static let typeSpecificKeys: [(key: String, slot: Int, types: [QuestionType])] = [
        ("options", [.single, .multi]),
        ("min", [.number, .scale]), ("max", [.number, .scale]),
        ("unit", [.number]),
        ("min_label", [.scale]), ("max_label", [.scale]),
        ("max_length", [.text]), ("multiline", [.text]),
        ("allow_unknown", [.yesNoUnknown, .single, .multi, .text, .number, .scale]),
    ].sorted { $0.0 < $1.0 }.map { key, types in (key, questionKeys.index(of: key)!, types) }

    var reader: NodeReader

    mutating func decode(_ root: YAMLNode) -> QuestionnaireDraft {
        var draft = QuestionnaireDraft(root: root)
        guard let fields = reader.fields(root, of: "the questionnaire", keys: Self.topLevelKeys) else {
            return draft
        }
        if let node = fields["id"] {
            draft.idNode = node
            draft.id = reader.identifier(node, of: "the questionnaire id", allowHyphen: true)
        }
        if let node = fields["version"] {
            draft.versionNode = node
            draft.version = reader.string(node, of: "the version")
        }
        draft.title = fields["title"].flatMap { reader.localized($0, of: "the title") }
        draft.description = fields["description"].flatMap { reader.localized($0, of: "the description") }
        if let node = fields["estimated_minutes"] {
            draft.estimatedMinutes = reader.integer(node, of: "estimated_minutes")
        }
        draft.outcomesNode = fields["outcomes"]
        draft.prefillNode = fields["prefill"]
        if let node = fields["sections"], let items = reader.sequence(node, of: "sections") {
            if items.isEmpty { reader.error(node, "sections is empty; a questionnaire needs at least one section") }
            var questions: [QuestionDraft] = []
            draft.sections = items.map { decodeSection($0, into: &questions) }
            draft.questions = questions
        }
        return draft
    }

    private mutating func decodeSection(_ node: YAMLNode, into questions: inout [QuestionDraft]) -> SectionDraft {
        var section = SectionDraft(node: node)
        guard let fields = reader.fields(node, of: "a section", keys: Self.sectionKeys) else {
            return section
        }
        if let idNode = fields["id"] {
            section.idNode = idNode
            section.id = reader.identifier(idNode, of: "the section id")
        }
        let name = section.id.map { "section '\($0)'" } ?? "this section"
        section.title = fields["title"].flatMap { reader.localized($0, of: "the title of \(name)") }
        section.description = fields["description"].flatMap { reader.localized($0, of: "the description of \(name)") }
        if let questionsNode = fields["questions"], let items = reader.sequence(questionsNode, of: "the questions of \(name)") {
            if items.isEmpty { reader.error(questionsNode, "\(name) has no questions") }
            let start = questions.count
            for item in items { questions.append(decodeQuestion(item)) }
            section.questionIndices = start..<questions.count
        }
        return section
    }

    private mutating func decodeQuestion(_ node: YAMLNode) -> QuestionDraft {
        var question = QuestionDraft(node: node)
        guard let fields = reader.fields(node, of: "a question", keys: Self.questionKeys) else {
            return question
        }
        if let idNode = fields["id"] {
            question.idNode = idNode
            question.id = reader.identifier(idNode, of: "the question id")
        }
        let name = question.name
        if let typeNode = fields["type"], let raw = reader.string(typeNode, of: "the type of \(name)") {
            if let type = QuestionType(rawValue: raw) {
                question.type = type
            } else {
                let names = QuestionType.allCases.map(\.rawValue)
                var message = "unknown question type '\(raw)' in \(name)"
                if let suggestion = closestMatch(to: raw, in: names) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += " (types: \(names.joined(separator: ", ")))"
                }
                reader.error(typeNode, message)
            }
        }
        if let type = question.type {
            for (key, slot, types) in Self.typeSpecificKeys where fields.contains(slot: slot) && !types.contains(type) {
                let hint = key == "allow_unknown" ? "; use type yes_no_unknown instead" : ""
                reader.error(fields.key(named: key), "'\(key)' does not apply to a \(type.rawValue) question (\(name))\(hint)")
            }
        }
        question.text = fields["text"].flatMap { reader.localized($0, of: "the text of \(name)") }
        question.help = fields["help"].flatMap { reader.localized($0, of: "the help of \(name)") }
        if let sourcesNode = fields["sources"] {
            question.sources = reader.sources(sourcesNode, of: name)
        }
        if let optionsNode = fields["options"] {
            question.optionsNode = optionsNode
            if let items = reader.sequence(optionsNode, of: "the options of \(name)") {
                question.options = items.map { decodeOption($0, of: name) }
            }
        }
        if let whenNode = fields["when"] {
            question.whenNode = whenNode
            question.when = reader.string(whenNode, of: "the condition (when) of \(name)")
        }
        if let node = fields["required"], let value = reader.boolean(node, of: "'required' of \(name)") {
            question.required = value
        }
        question.allowUnknown = question.type == .yesNoUnknown
        if let node = fields["allow_unknown"], let value = reader.boolean(node, of: "'allow_unknown' of \(name)") {
            if question.type == .yesNoUnknown && !value {
                reader.error(node, "a yes_no_unknown question always allows 'unknown'; use type yes_no instead (\(name))")
            }
            question.allowUnknown = question.allowUnknown || value
        }
        if let node = fields["min"] {
            question.minimumNode = node
            question.minimum = reader.integer(node, of: "'min' of \(name)")
        }
        question.maximum = fields["max"].flatMap { reader.integer($0, of: "'max' of \(name)") }
        question.unit = fields["unit"].flatMap { reader.localized($0, of: "the unit of \(name)") }
        question.minimumLabel = fields["min_label"].flatMap { reader.localized($0, of: "'min_label' of \(name)") }
        question.maximumLabel = fields["max_label"].flatMap { reader.localized($0, of: "'max_label' of \(name)") }
        if let node = fields["max_length"] {
            question.maxLengthNode = node
            question.maxLength = reader.integer(node, of: "'max_length' of \(name)")
        }
        if let node = fields["multiline"], let value = reader.boolean(node, of: "'multiline' of \(name)") {
            question.multiline = value
        }
        return question
    }

    private mutating func decodeOption(_ node: YAMLNode, of questionName: String) -> OptionDraft {
        var option = OptionDraft(node: node)
        guard let fields = reader.fields(node, of: "an option of \(questionName)", keys: Self.optionKeys) else {
            return option
        }
        if let idNode = fields["id"] {
            option.idNode = idNode
            option.id = reader.identifier(idNode, of: "the option id")
        }
        // Written out only for a message: a questionnaire has hundreds of options.
        let id = option.id
        func name() -> String { id.map { "option '\($0)' of \(questionName)" } ?? "an option of \(questionName)" }
        option.label = fields["label"].flatMap { reader.localized($0, of: "the label of \(name())") }
        option.explain = fields["explain"].flatMap { reader.localized($0, of: "the explanation of \(name())") }
        if let exclusiveNode = fields["exclusive"] {
            option.exclusiveNode = exclusiveNode
            option.exclusive = reader.boolean(exclusiveNode, of: "'exclusive' of \(name())") ?? false
        }
        return option
    }
}

extension NodeReader {
    static let sourceKeys = KeySet(["title", "article", "url"], required: ["title"])

    /// A list of legal sources, of a question or an outcome rule.
    mutating func sources(_ node: YAMLNode, of name: @autoclosure () -> String) -> [LegalSource] {
        guard let items = sequence(node, of: "the sources of \(name())") else { return [] }
        var sources: [LegalSource] = []
        sources.reserveCapacity(items.count)
        for item in items {
            if let source = decodeSource(item, of: name()) { sources.append(source) }
        }
        return sources
    }

    mutating func decodeSource(_ node: YAMLNode, of questionName: @autoclosure () -> String) -> LegalSource? {
        guard let fields = fields(node, of: "a source of \(questionName())", keys: NodeReader.sourceKeys) else {
            return nil
        }
        let title = fields["title"].flatMap { localized($0, of: "the title of a source of \(questionName())") }
        let article = fields["article"].flatMap { string($0, of: "the article of a source of \(questionName())") }
        var url: String?
        if let urlNode = fields["url"], let value = string(urlNode, of: "the url of a source of \(questionName())") {
            if value.hasPrefix("https://") || value.hasPrefix("http://") {
                url = value
            } else {
                error(urlNode, "the url of a source of \(questionName()) must start with https://")
            }
        }
        return title.map { LegalSource(title: $0, article: article, url: url) }
    }
}
