/// One small check over a decoded questionnaire. Each validator reports every problem
/// it finds into the reader and never stops the others.
protocol QuestionnaireValidator: Sendable {
    func validate(_ draft: QuestionnaireDraft, into report: inout NodeReader)
}

/// The checks run on every questionnaire, in order.
let questionnaireValidators: [any QuestionnaireValidator] = [
    VersionValidator(),
    UniqueIdentifierValidator(),
    OptionListValidator(),
    ConstraintValidator(),
    HelpTextValidator(),
]

/// `version` is a semantic version, so results can name exactly what they used.
struct VersionValidator: QuestionnaireValidator {
    func validate(_ draft: QuestionnaireDraft, into report: inout NodeReader) {
        guard let version = draft.version else { return }
        let core = version.split(separator: "-", maxSplits: 1).first.map(String.init) ?? version
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        let valid = parts.count == 3 && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy(\.isASCIIDigit) && (part == "0" || part.first != "0")
        }
        if !valid {
            report.error(draft.versionNode, "version '\(version)' is not a semantic version such as 1.0.0")
        }
    }
}

/// Section ids and question ids are unique in the file, option ids within their
/// question, and no id is a word the condition language reserves.
struct UniqueIdentifierValidator: QuestionnaireValidator {
    func validate(_ draft: QuestionnaireDraft, into report: inout NodeReader) {
        // Indices, not locations: a location is made only for a duplicate.
        var sections: [String: Int] = [:]
        sections.reserveCapacity(draft.sections.count)
        for (index, section) in draft.sections.enumerated() {
            guard let id = section.id else { continue }
            if let first = sections[id] {
                report.error(section.idNode, "duplicate section id '\(id)'; first used at line \(report.location(draft.sections[first].idNode).line)")
            } else {
                sections[id] = index
            }
        }
        var questions: [String: Int] = [:]
        questions.reserveCapacity(draft.questions.count)
        // One table of option ids for all questions, emptied for each: not one allocated
        // per question.
        var firstOption: [String: Int] = [:]
        for (index, question) in draft.questions.enumerated() {
            guard let id = question.id else { continue }
            if reservedWords.contains(id) {
                report.error(question.idNode, "'\(id)' cannot be a question id: conditions use it as a keyword")
            }
            if let first = questions[id] {
                report.error(question.idNode, "duplicate question id '\(id)'; first used at line \(report.location(draft.questions[first].idNode).line)")
            } else {
                questions[id] = index
            }
            firstOption.removeAll(keepingCapacity: true)
            for (index, option) in question.options.enumerated() {
                guard let optionID = option.id else { continue }
                guard let first = firstOption[optionID] else {
                    firstOption[optionID] = index
                    continue
                }
                report.error(option.idNode, "duplicate option id '\(optionID)' in \(question.name); first used at line \(report.location(question.options[first].idNode).line)")
            }
        }
    }
}

/// Choice questions have options; only multi-choice options can be exclusive.
struct OptionListValidator: QuestionnaireValidator {
    func validate(_ draft: QuestionnaireDraft, into report: inout NodeReader) {
        for question in draft.questions {
            guard let type = question.type, type.hasOptions else { continue }
            guard let optionsNode = question.optionsNode else {
                report.error(question.node, "\(question.name) is \(type.rawValue)-choice and needs 'options'")
                continue
            }
            if question.options.isEmpty {
                report.error(optionsNode, "\(question.name) has an empty option list")
            } else if type == .single && question.options.count == 1 {
                report.error(optionsNode, "\(question.name) is single-choice with only one option; add options or use yes_no")
            }
            for option in question.options where option.exclusive && type == .single {
                report.error(option.exclusiveNode, "'exclusive' only applies to options of a multi question; in \(question.name) every option already excludes the others")
            }
        }
    }
}

/// Number and scale bounds make sense; text limits are positive.
struct ConstraintValidator: QuestionnaireValidator {
    func validate(_ draft: QuestionnaireDraft, into report: inout NodeReader) {
        for question in draft.questions {
            if question.type == .scale && (question.minimum == nil || question.maximum == nil) {
                report.error(question.node, "\(question.name) is a scale and needs both 'min' and 'max'")
            }
            if let minimum = question.minimum, let maximum = question.maximum, minimum > maximum {
                report.error(question.minimumNode, "'min' (\(minimum)) is larger than 'max' (\(maximum)) in \(question.name)")
            }
            if question.type == .scale, let minimum = question.minimum, let maximum = question.maximum, maximum - minimum > 100 {
                report.error(question.minimumNode, "the scale of \(question.name) has more than 101 steps; use a number question")
            }
            if let maxLength = question.maxLength, maxLength < 1 {
                report.error(question.maxLengthNode, "'max_length' of \(question.name) must be at least 1")
            }
        }
    }
}

/// Help text is how a non-lawyer understands a question; its absence is worth a warning.
struct HelpTextValidator: QuestionnaireValidator {
    func validate(_ draft: QuestionnaireDraft, into report: inout NodeReader) {
        for question in draft.questions where question.help == nil && question.id != nil {
            report.warning(question.idNode, "\(question.name) has no help text")
        }
    }
}

extension ExpressionScope {
    /// The scope of every question in a draft, in file order. Questions whose id or
    /// type did not decode get placeholder entries so indices stay aligned.
    init(draft: QuestionnaireDraft) {
        self.init(entries: draft.questions.map { question in
            Entry(
                id: question.id ?? "", type: question.type ?? .text,
                optionIDs: question.options.compactMap(\.id),
                exclusiveOptionIDs: question.options.filter(\.exclusive).compactMap(\.id))
        })
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
