
/// Decodes the YAML tree of a case file, reporting shape errors at their positions:
/// unknown keys (with "did you mean"), missing keys, wrong value types, missing
/// translations. Whether the answers fit their questionnaire is checked afterwards
/// (`WorkshopCase.diagnostics(questionnaires:)`), when the questionnaires are at hand.
struct CaseDecoder {
    static let topLevelKeys = KeySet.allRequired(["id", "title", "story", "level", "duration_minutes", "discussion", "sources", "exercises"])
    static let exerciseKeys = KeySet.allRequired(["instrument", "subject", "answers", "outcome"])
    static let subjectKeys = KeySet(["system", "organisation"], required: ["system"])
    static let answerKeys = KeySet(["value", "explain", "source"], required: ["value", "explain"])
    static let outcomeKeys = KeySet(["levels", "classifications", "warnings"], required: ["levels"])

    var reader: NodeReader

    /// The case, or nil when a required part is missing or unreadable (the reader then
    /// holds an error saying why).
    mutating func decode(_ root: YAMLNode) -> WorkshopCase? {
        guard let fields = reader.fields(root, of: "the case", keys: Self.topLevelKeys) else {
            return nil
        }
        let id = fields["id"].flatMap { reader.identifier($0, of: "the case id", allowHyphen: true) }
        let title = fields["title"].flatMap { reader.localized($0, of: "the title") }
        let story = fields["story"].flatMap { reader.localized($0, of: "the story") }
        var level: CaseLevel?
        if let node = fields["level"], let raw = reader.string(node, of: "the level") {
            level = CaseLevel(rawValue: raw)
            if level == nil {
                reader.error(node, "unknown level '\(raw)'\(hint(raw, CaseLevel.allCases.map(\.rawValue)))")
            }
        }
        var duration: Int?
        if let node = fields["duration_minutes"], let minutes = reader.integer(node, of: "duration_minutes") {
            if (1...24 * 60).contains(minutes) {
                duration = minutes
            } else {
                reader.error(node, "duration_minutes must lie between 1 and 1440, but is \(minutes)")
            }
        }
        var discussion: [LocalizedText] = []
        if let node = fields["discussion"], let items = reader.sequence(node, of: "discussion") {
            if items.isEmpty { reader.error(node, "discussion is empty; give the group at least one question to discuss") }
            discussion = items.enumerated().compactMap { reader.localized($1, of: "discussion prompt \($0 + 1)") }
        }
        var sources: [LegalSource] = []
        if let node = fields["sources"] {
            sources = reader.sources(node, of: "the case")
            if node.kind == .sequence, node.items.isEmpty { reader.error(node, "sources is empty; say where the case comes from") }
        }
        var exercises: [CaseExercise] = []
        if let node = fields["exercises"], let items = reader.sequence(node, of: "exercises") {
            if items.isEmpty { reader.error(node, "exercises is empty; a case needs at least one exercise") }
            exercises = items.compactMap { decodeExercise($0) }
            var seen = Set<String>()
            for (item, exercise) in zip(items, exercises) where !seen.insert(exercise.instrument).inserted {
                reader.error(item, "instrument '\(exercise.instrument)' has a second exercise in this case; give one exercise per instrument")
            }
        }
        guard let id, let title, let story, let level, let duration else { return nil }
        return WorkshopCase(
            id: id, title: title, story: story, level: level, durationMinutes: duration,
            discussion: discussion, sources: sources, exercises: exercises, file: reader.file)
    }

    private mutating func decodeExercise(_ node: YAMLNode) -> CaseExercise? {
        guard let fields = reader.fields(node, of: "an exercise", keys: Self.exerciseKeys) else {
            return nil
        }
        let instrument = fields["instrument"].flatMap { reader.identifier($0, of: "the instrument", allowHyphen: true) }
        let name = instrument.map { "the \($0) exercise" } ?? "this exercise"
        var subject: Subject?
        if let node = fields["subject"], let subjectFields = reader.fields(node, of: "the subject of \(name)", keys: Self.subjectKeys) {
            let system = subjectFields["system"].flatMap { reader.string($0, of: "the system name of \(name)") }
            let organisation = subjectFields["organisation"].flatMap { reader.string($0, of: "the organisation of \(name)") } ?? ""
            subject = system.map { Subject(system: $0, organisation: organisation) }
        }
        let answers = fields["answers"].map { decodeAnswers($0, of: name) } ?? []
        let outcome = fields["outcome"].flatMap { decodeOutcome($0, of: name) }
        guard let instrument, let subject, let outcome else { return nil }
        return CaseExercise(
            instrument: instrument, subject: subject, answers: answers, outcome: outcome,
            location: reader.location(node), answersLocation: reader.location(fields.key("answers")))
    }

    private mutating func decodeAnswers(_ node: YAMLNode, of name: String) -> [ReferenceAnswer] {
        guard node.kind == .mapping else {
            reader.error(node, "the answers of \(name) must map question ids to {value, explain}")
            return []
        }
        var answers: [ReferenceAnswer] = []
        for (keyNode, entry) in node.pairs {
            guard let questionID = reader.identifier(keyNode, of: "a question id in the answers of \(name)") else { continue }
            let what = "the answer to '\(questionID)'"
            guard let fields = reader.fields(entry, of: what, keys: Self.answerKeys) else { continue }
            let value = fields["value"].flatMap { rawValue($0, of: what) }
            let explain = fields["explain"].flatMap { reader.localized($0, of: "the explanation of \(what)") }
            let source = fields["source"].flatMap { reader.decodeSource($0, of: what) }
            guard let value, let explain else { continue }
            answers.append(ReferenceAnswer(questionID: questionID, value: value, explain: explain, source: source, location: reader.location(keyNode)))
        }
        return answers
    }

    /// A value as an answers file writes it: one scalar, or a list of option ids.
    private mutating func rawValue(_ node: YAMLNode, of what: String) -> AnswersFile.RawValue? {
        if node.kind == .sequence {
            guard let items = reader.sequence(node, of: "the value of \(what)") else { return nil }
            let values = items.compactMap { reader.string($0, of: "an option of \(what)") }
            return values.count == items.count ? .list(values) : nil
        }
        return reader.string(node, of: "the value of \(what)").map { .scalar($0) }
    }

    private mutating func decodeOutcome(_ node: YAMLNode, of name: String) -> ReferenceOutcome? {
        guard let fields = reader.fields(node, of: "the outcome of \(name)", keys: Self.outcomeKeys) else {
            return nil
        }
        var levels: [ReferenceOutcome.Expected<AssessmentLevel>] = []
        if let levelsNode = fields["levels"] {
            let names = AssessmentLevel.allCases.map(\.rawValue)
            for (key, keyNode, valueNode) in entries(levelsNode, of: "the levels of \(name)") {
                guard let raw = reader.string(valueNode, of: "the level of '\(key)'") else { continue }
                guard let level = AssessmentLevel(rawValue: raw) else {
                    reader.error(valueNode, "'\(raw)' is not a level of '\(key)'\(hint(raw, names))")
                    continue
                }
                levels.append(.init(id: key, value: level, location: reader.location(keyNode)))
            }
        }
        var classifications: [ReferenceOutcome.Expected<ExpectedCategory>] = []
        if let classificationsNode = fields["classifications"] {
            for (key, keyNode, valueNode) in entries(classificationsNode, of: "the classifications of \(name)") {
                guard let raw = reader.string(valueNode, of: "the category of '\(key)'") else { continue }
                guard let category = ExpectedCategory(raw) else {
                    reader.error(valueNode, "the category of '\(key)' must be a category id, 'none' or 'possibly:<category id>', but is '\(raw)'")
                    continue
                }
                classifications.append(.init(id: key, value: category, location: reader.location(keyNode)))
            }
        }
        var warnings: [String] = []
        if let warningsNode = fields["warnings"], let items = reader.sequence(warningsNode, of: "the warnings of \(name)") {
            warnings = items.compactMap { reader.identifier($0, of: "a warning id") }
        }
        return ReferenceOutcome(
            levels: levels, classifications: classifications, warnings: warnings,
            location: reader.location(node), warningsLocation: reader.location(fields.key("warnings") ?? node))
    }

    /// The entries of a mapping from rule ids to values.
    private mutating func entries(_ node: YAMLNode, of what: String) -> [(String, YAMLNode, YAMLNode)] {
        guard node.kind == .mapping else {
            reader.error(node, "\(what) must map ids to values")
            return []
        }
        return node.pairs.compactMap { key, value in
            reader.identifier(key, of: "an id in \(what)").map { ($0, key, value) }
        }
    }

    private func hint(_ word: String, _ names: [String]) -> String {
        closestMatch(to: word, in: names).map { "; did you mean '\($0)'?" } ?? " (one of: \(names.joined(separator: ", ")))"
    }
}
