import Foundation
import Synchronization

/// The outcome of loading one questionnaire file: the questionnaire when it has no
/// errors, and every diagnostic (errors and warnings) in file order.
public struct LoadReport: Sendable {
    public var questionnaire: Questionnaire?
    public var diagnostics: [Diagnostic]
}

/// Loads questionnaires from YAML: syntax, shape, then the validator pipeline. Pure:
/// it reads bytes it is given, never the file system.
public enum QuestionnaireLoader {
    public static func load(_ data: Data, file: String) -> LoadReport {
        let root: YAMLNode
        switch YAMLDocument.compose(data, file: file) {
        case .failure(let diagnostic):
            return LoadReport(questionnaire: nil, diagnostics: [diagnostic])
        case .success(let node):
            root = node
        }
        var decoder = QuestionnaireDecoder(reader: NodeReader(file: file))
        let draft = decoder.decode(root)
        var report = decoder.reader
        for validator in questionnaireValidators {
            validator.validate(draft, into: &report)
        }
        let scope = ExpressionScope(draft: draft)
        // Compiled once: errors go into the report, the results into the questionnaire.
        let conditions = compileConditions(draft, scope: scope, into: &report)
        var outcomesDecoder = OutcomesDecoder(reader: report, draft: draft, scope: scope)
        let outcomes = draft.outcomesNode.flatMap { outcomesDecoder.decodeOutcomes($0) } ?? .empty
        let prefill = draft.prefillNode.map { outcomesDecoder.decodePrefill($0) } ?? []
        report = outcomesDecoder.reader
        let diagnostics = report.diagnostics.sortedByLocation()
        guard diagnostics.errors.isEmpty else {
            return LoadReport(questionnaire: nil, diagnostics: diagnostics)
        }
        var questionnaire = build(draft, conditions: conditions, file: file, source: data, reader: report)
        questionnaire?.outcomes = outcomes
        questionnaire?.prefill = prefill
        return LoadReport(questionnaire: questionnaire, diagnostics: diagnostics)
    }

    /// Every visibility condition parsed and type-checked against earlier questions,
    /// by question index; errors are reported at their position.
    static func compileConditions(_ draft: QuestionnaireDraft, scope: ExpressionScope, into report: inout NodeReader) -> [CompiledExpression?] {
        var compiled: [CompiledExpression?] = []
        for (index, question) in draft.questions.enumerated() {
            guard let source = question.when, let node = question.whenNode else {
                compiled.append(nil)
                continue
            }
            do throws(ExpressionError) {
                compiled.append(try TypeChecker.compileCondition(source, scope: scope.withOwner(index)))
            } catch {
                report.error(at: report.location(in: node, offset: error.offset), "in the condition of \(question.name): \(error.message)")
                compiled.append(nil)
            }
        }
        return compiled
    }

    /// Loads several files at once on every core; reports come back in the given order.
    public static func loadAll(_ files: [(data: Data, name: String)]) -> [LoadReport] {
        let reports = Mutex([LoadReport?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let report = load(files[index].data, file: files[index].name)
            reports.withLock { $0[index] = report }
        }
        return reports.withLock { $0.compactMap { $0 } }
    }

    /// Assembles the checked draft. Only called when validation found no errors, so
    /// every required field is present.
    private static func build(_ draft: QuestionnaireDraft, conditions: [CompiledExpression?], file: String, source: Data, reader: NodeReader) -> Questionnaire? {
        var sections: [Section] = []
        var questions: [Question] = []
        for (sectionIndex, sectionDraft) in draft.sections.enumerated() {
            guard let sectionID = sectionDraft.id, let title = sectionDraft.title else { return nil }
            let start = questions.count
            for questionDraft in draft.questions[sectionDraft.questionIndices] {
                guard let id = questionDraft.id, let type = questionDraft.type, let text = questionDraft.text else { return nil }
                var condition: Condition?
                if let source = questionDraft.when, let node = questionDraft.whenNode {
                    guard let compiled = conditions[questions.count] else { return nil }
                    condition = Condition(source: source, expression: compiled, location: reader.location(node))
                }
                let options = questionDraft.options.compactMap { option -> ChoiceOption? in
                    guard let id = option.id, let label = option.label else { return nil }
                    return ChoiceOption(id: id, label: label, explain: option.explain, exclusive: option.exclusive, location: reader.location(option.node))
                }
                questions.append(Question(
                    id: id, type: type, text: text, help: questionDraft.help, sources: questionDraft.sources,
                    options: options, condition: condition, isRequired: questionDraft.required,
                    allowsUnknown: questionDraft.allowUnknown, minimum: questionDraft.minimum,
                    maximum: questionDraft.maximum, unit: questionDraft.unit,
                    minimumLabel: questionDraft.minimumLabel, maximumLabel: questionDraft.maximumLabel,
                    maxLength: questionDraft.maxLength, isMultiline: questionDraft.multiline,
                    sectionIndex: sectionIndex, location: reader.location(questionDraft.idNode ?? questionDraft.node)))
            }
            sections.append(Section(
                id: sectionID, title: title, description: sectionDraft.description,
                questionIndices: start..<questions.count, location: reader.location(sectionDraft.idNode)))
        }
        guard let id = draft.id, let version = draft.version, let title = draft.title, let description = draft.description else { return nil }
        return Questionnaire(
            id: id, version: version, title: title, description: description,
            estimatedMinutes: draft.estimatedMinutes, sections: sections, questions: questions,
            file: file, source: source)
    }
}
