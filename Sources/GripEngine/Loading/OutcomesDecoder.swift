
/// Decodes and compiles the `outcomes` and `prefill` parts of a questionnaire, reporting
/// every problem at its position: unknown keys, unknown or duplicate names, expressions
/// that do not type-check, and scores or criteria that depend on themselves.
struct OutcomesDecoder {
    static let outcomeKeys = KeySet(["scores", "criteria", "assessments", "classifications", "dimensions", "warnings"], required: ["criteria", "assessments"])
    static let scoreKeys = KeySet(["id", "title", "terms"], required: ["id", "terms"])
    static let termKeys: KeySet = ["when", "points", "value", "question", "weights"]
    static let criterionKeys = KeySet(["id", "when", "text", "sources"], required: ["id", "when", "text"])
    static let assessmentKeys = KeySet(
        ["id", "title", "instrument", "applies_from", "applies_note", "not_needed", "next_steps"]
            + AssessmentLevel.allCases.filter { $0 != .notNeeded }.map(\.key),
        required: ["id", "title"])
    static let nextStepKeys = KeySet(AssessmentLevel.allCases.map(\.key))
    static let conditionKeys = KeySet(["when"], required: ["when"])
    static let singleChoiceKeys = KeySet(["option", "when"], required: ["option", "when"])
    static let multiChoiceKeys = KeySet(["options", "when"], required: ["options", "when"])
    static let classificationKeys = KeySet(["id", "title", "categories"], required: ["id", "title", "categories"])
    static let categoryKeys = KeySet(["id", "title", "when"], required: ["id", "title"])
    static let dimensionKeys = KeySet(["id", "title", "value", "max"], required: ["id", "title", "value", "max"])
    static let warningKeys = KeySet(["id", "when", "text", "sources"], required: ["id", "when", "text"])
    static let prefillKeys = KeySet(["from", "answers"], required: ["from", "answers"])

    var reader: NodeReader
    let draft: QuestionnaireDraft
    let questionScope: ExpressionScope

    init(reader: NodeReader, draft: QuestionnaireDraft, scope: ExpressionScope) {
        self.reader = reader
        self.draft = draft
        questionScope = scope
    }

    // MARK: Outcomes

    private struct Named {
        var id: String
        var node: YAMLNode
        var fields: NodeReader.Fields
    }

    mutating func decodeOutcomes(_ node: YAMLNode) -> OutcomeRules? {
        guard let fields = reader.fields(node, of: "outcomes", keys: Self.outcomeKeys) else { return nil }
        let errorsBefore = reader.diagnostics.errors.count

        // Names first, so rules may refer to each other in any order.
        let scoreItems = namedItems(fields["scores"], of: "a score", list: "scores", keys: Self.scoreKeys)
        let criterionItems = namedItems(fields["criteria"], of: "a criterion", list: "criteria", keys: Self.criterionKeys)
        var rules: [String: RuleSymbol] = [:]
        var firstUse: [String: YAMLNode] = [:]
        rules.reserveCapacity(scoreItems.count + criterionItems.count)
        firstUse.reserveCapacity(scoreItems.count + criterionItems.count)
        for (symbol, item) in scoreItems.enumerated().map({ (RuleSymbol.score($0), $1) }) + criterionItems.enumerated().map({ (RuleSymbol.criterion($0), $1) }) {
            if let first = firstUse[item.id] {
                reader.error(item.fields.node, "duplicate name '\(item.id)'; first used at line \(reader.location(first).line)")
                continue
            }
            if questionScope.indexByID[item.id] != nil {
                reader.error(item.fields.node, "'\(item.id)' is already a question id; give the score or criterion its own name")
                continue
            }
            if reservedWords.contains(item.id) {
                reader.error(item.fields.node, "'\(item.id)' cannot be a name: expressions use it as a keyword")
                continue
            }
            firstUse[item.id] = item.node
            rules[item.id] = symbol
        }
        let scope = questionScope.withRules(rules)

        let scores = scoreItems.map { decodeScore($0, scope: scope) }
        let criteria = criterionItems.map { decodeCriterion($0, scope: scope) }
        // What each rule reads, worked out once: the order, the use check and the
        // questions behind each criterion all need it.
        let reads = RuleReads(scores: scores, criteria: criteria)
        let order = evaluationOrder(reads: reads, scoreItems: scoreItems, criterionItems: criterionItems)
        let criterionIndex = Dictionary(criterionItems.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        // A flag per criterion: a few hundred, each marked a few times.
        var used = [Bool](repeating: false, count: criterionItems.count)
        // A score's number terms cannot read a criterion (a yes/no value is never a number).
        for case .criterion(let other) in reads.criteria.flatMap(\.rules) + reads.scores.joined().flatMap(\.rules) {
            used[other] = true
        }
        let assessments = items(fields["assessments"], of: "assessments").compactMap { decodeAssessment($0, criteria: criterionIndex, used: &used) }
        if let node = fields["assessments"], assessments.isEmpty, reader.diagnostics.errors.count == errorsBefore {
            reader.error(node, "outcomes need at least one assessment")
        }
        let classifications = items(fields["classifications"], of: "classifications").compactMap { decodeClassification($0, criteria: criterionIndex, used: &used) }
        let dimensions = items(fields["dimensions"], of: "dimensions").compactMap { decodeDimension($0, scope: scope) }
        let warnings = items(fields["warnings"], of: "warnings").compactMap { decodeWarning($0, scope: scope) }
        for expression in dimensions.map(\.value) + warnings.map(\.condition) {
            for case .criterion(let other) in expression.referencedRules { used[other] = true }
        }
        for (index, item) in criterionItems.enumerated() where !used[index] {
            reader.warning(item.fields.node, "criterion '\(item.id)' is not used by any assessment, classification, score or other criterion")
        }

        guard reader.diagnostics.errors.count == errorsBefore, let order else { return nil }
        let compiledScores = scores.compactMap { $0 }
        var compiledCriteria = criteria.compactMap { $0 }
        guard compiledScores.count == scores.count, compiledCriteria.count == criteria.count else { return nil }
        Self.collectQuestions(&compiledCriteria, reads: reads, order: order, questionCount: questionScope.entries.count)
        return OutcomeRules(
            scores: compiledScores, criteria: compiledCriteria, assessments: assessments,
            classifications: classifications, dimensions: dimensions, warnings: warnings, evaluationOrder: order)
    }

    private mutating func items(_ node: YAMLNode?, of what: String) -> [YAMLNode] {
        guard let node else { return [] }
        return reader.sequence(node, of: what).map(Array.init) ?? []
    }

    private mutating func namedItems(_ node: YAMLNode?, of what: String, list: String, keys: KeySet) -> [Named] {
        items(node, of: list).compactMap { item in
            guard let fields = reader.fields(item, of: what, keys: keys),
                let idNode = fields["id"], let id = reader.identifier(idNode, of: "the id of \(what)")
            else { return nil }
            return Named(id: id, node: idNode, fields: fields)
        }
    }

    private mutating func compile(_ node: YAMLNode?, of what: @autoclosure () -> String, scope: ExpressionScope, number: Bool = false) -> CompiledExpression? {
        guard let node, let source = reader.string(node, of: what()) else { return nil }
        do {
            return number ? try TypeChecker.compileNumber(source, scope: scope) : try TypeChecker.compileCondition(source, scope: scope)
        } catch {
            reader.error(at: reader.location(in: node, offset: error.offset), "in \(what()): \(error.message)")
            return nil
        }
    }

    private mutating func decodeScore(_ item: Named, scope: ExpressionScope) -> ScoreRule? {
        let name = "score '\(item.id)'"
        let title = item.fields["title"].flatMap { reader.localized($0, of: "the title of \(name)") }
        var terms: [ScoreTerm] = []
        var failed = false
        for termNode in items(item.fields["terms"], of: "the terms of \(name)") {
            guard let fields = reader.fields(termNode, of: "a term of \(name)", keys: Self.termKeys) else {
                failed = true
                continue
            }
            let kinds = ["when", "value", "question"].filter { fields[named: $0] != nil }
            guard kinds.count == 1 else {
                reader.error(termNode, "a term of \(name) needs exactly one of 'when' (with 'points'), 'value' or 'question' (with 'weights')")
                failed = true
                continue
            }
            if fields["points"] != nil && kinds[0] != "when" { reader.error(fields.key("points"), "'points' goes with 'when' in \(name)") }
            if fields["weights"] != nil && kinds[0] != "question" { reader.error(fields.key("weights"), "'weights' goes with 'question' in \(name)") }
            switch kinds[0] {
            case "when":
                let points = fields["points"].map { reader.integer($0, of: "'points' in \(name)") } ?? 1
                if let condition = compile(fields["when"], of: "a term of \(name)", scope: scope), let points {
                    terms.append(.points(condition, points))
                } else { failed = true }
            case "value":
                if let value = compile(fields["value"], of: "a term of \(name)", scope: scope, number: true) {
                    terms.append(.value(value))
                } else { failed = true }
            default:
                if let term = decodeWeights(fields, of: name) { terms.append(term) } else { failed = true }
            }
        }
        if terms.isEmpty && !failed { reader.error(item.fields["terms"] ?? item.fields.node, "\(name) has no terms") }
        return failed ? nil : ScoreRule(id: item.id, title: title, terms: terms, location: reader.location(item.node))
    }

    private mutating func decodeWeights(_ fields: NodeReader.Fields, of name: String) -> ScoreTerm? {
        guard let questionNode = fields["question"], let questionID = reader.string(questionNode, of: "the question of a term of \(name)") else { return nil }
        guard let index = questionScope.indexByID[questionID] else {
            var message = "unknown question '\(questionID)' in \(name)"
            if let suggestion = closestMatch(to: questionID, in: questionScope.entries.map(\.id)) { message += "; did you mean '\(suggestion)'?" }
            reader.error(questionNode, message)
            return nil
        }
        let entry = questionScope.entries[index]
        guard entry.type == .single || entry.type == .multi else {
            reader.error(questionNode, "weights need a single- or multi-choice question, but '\(questionID)' is \(entry.type.rawValue)")
            return nil
        }
        guard let weightsNode = fields["weights"] else {
            reader.error(fields.node, "a 'question' term of \(name) needs 'weights': option id → points")
            return nil
        }
        guard weightsNode.kind == .mapping else {
            reader.error(weightsNode, "'weights' in \(name) must map option ids to whole numbers")
            return nil
        }
        var weights: [String: Int] = [:]
        var failed = false
        for (keyNode, valueNode) in weightsNode.pairs {
            guard let option = reader.string(keyNode, of: "an option in the weights of \(name)"), let weight = reader.integer(valueNode, of: "the weight of '\(option)' in \(name)") else {
                failed = true
                continue
            }
            guard entry.optionIDs.contains(option) else {
                var message = "'\(option)' is not an option of question '\(questionID)'"
                if let suggestion = closestMatch(to: option, in: entry.optionIDs) { message += "; did you mean '\(suggestion)'?" }
                reader.error(keyNode, message)
                failed = true
                continue
            }
            weights[option] = weight
        }
        return failed ? nil : .weights(question: index, weights)
    }

    private mutating func decodeCriterion(_ item: Named, scope: ExpressionScope) -> Criterion? {
        // Written out only for a message.
        func name() -> String { "criterion '\(item.id)'" }
        let text = item.fields["text"].flatMap { reader.localized($0, of: "the text of \(name())") }
        let sources = decodeSources(item.fields["sources"], of: name())
        guard let condition = compile(item.fields["when"], of: "the condition of \(name())", scope: scope), let text else { return nil }
        return Criterion(id: item.id, condition: condition, text: text, sources: sources, questions: [], location: reader.location(item.node))
    }

    private mutating func decodeSources(_ node: YAMLNode?, of name: @autoclosure () -> String) -> [LegalSource] {
        guard let node else { return [] }
        return reader.sources(node, of: name())
    }

    /// A topological order of scores and criteria; reports a cycle and returns nil.
    private mutating func evaluationOrder(reads: RuleReads, scoreItems: [Named], criterionItems: [Named]) -> [RuleSymbol]? {
        func named(_ symbol: RuleSymbol) -> Named {
            switch symbol {
            case .score(let index): scoreItems[index]
            case .criterion(let index): criterionItems[index]
            }
        }
        enum Mark { case visiting, done }
        // By index, one list per kind of rule: a few hundred rules, each visited once.
        var scoreMarks = [Mark?](repeating: nil, count: scoreItems.count)
        var criterionMarks = [Mark?](repeating: nil, count: criterionItems.count)
        func mark(_ symbol: RuleSymbol) -> Mark? {
            switch symbol {
            case .score(let index): scoreMarks[index]
            case .criterion(let index): criterionMarks[index]
            }
        }
        func setMark(_ symbol: RuleSymbol, _ mark: Mark) {
            switch symbol {
            case .score(let index): scoreMarks[index] = mark
            case .criterion(let index): criterionMarks[index] = mark
            }
        }
        var order: [RuleSymbol] = []
        var path: [RuleSymbol] = []
        /// Depth-first; returns the cycle when one is met.
        func visit(_ symbol: RuleSymbol) -> [RuleSymbol]? {
            switch mark(symbol) {
            case .done: return nil
            case .visiting: return Array(path.drop { $0 != symbol }) + [symbol]
            case nil: break
            }
            setMark(symbol, .visiting)
            path.append(symbol)
            for next in reads.rules(of: symbol) {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            setMark(symbol, .done)
            order.append(symbol)
            return nil
        }
        let all = scoreItems.indices.map(RuleSymbol.score) + criterionItems.indices.map(RuleSymbol.criterion)
        for symbol in all {
            if let cycle = visit(symbol) {
                reader.error(named(cycle[0]).fields.node, "these rules depend on each other in a circle: \(cycle.map { named($0).id }.joined(separator: " → "))")
                return nil
            }
        }
        return order
    }

    /// What each score term and each criterion reads, by index (nothing for one that did
    /// not compile).
    struct RuleReads {
        var scores: [[ExpressionReferences]]
        var criteria: [ExpressionReferences]

        init(scores: [ScoreRule?], criteria: [Criterion?]) {
            self.scores = scores.map { score in
                (score?.terms ?? []).map { term in
                    switch term {
                    case .points(let condition, _): condition.references
                    case .value(let value): value.references
                    case .weights(let question, _): ExpressionReferences(questions: [question])
                    }
                }
            }
            self.criteria = criteria.map { $0?.condition.references ?? ExpressionReferences() }
        }

        func rules(of symbol: RuleSymbol) -> [RuleSymbol] {
            switch symbol {
            case .score(let index): scores[index].flatMap(\.rules)
            case .criterion(let index): criteria[index].rules
            }
        }
    }

    /// Each criterion's questions, through the scores and criteria it reads, in the
    /// order they first occur. One table of flags for all rules, told apart by a round
    /// number: not a table and a list of lists per rule.
    private static func collectQuestions(_ criteria: inout [Criterion], reads: RuleReads, order: [RuleSymbol], questionCount: Int) {
        var scoreQuestions = Array(repeating: [Int](), count: reads.scores.count)
        var seenInRound = [Int](repeating: -1, count: questionCount)
        var round = 0
        var result: [Int] = []
        func add(_ questions: [Int]) {
            for question in questions where seenInRound[question] != round {
                seenInRound[question] = round
                result.append(question)
            }
        }
        func add(_ references: ExpressionReferences) {
            add(references.questions)
            for rule in references.rules {
                switch rule {
                case .score(let index): add(scoreQuestions[index])
                case .criterion(let index): add(criteria[index].questions)
                }
            }
        }
        for symbol in order {
            round += 1
            result = []
            switch symbol {
            case .score(let index):
                for term in reads.scores[index] { add(term) }
                scoreQuestions[index] = result
            case .criterion(let index):
                add(reads.criteria[index])
                criteria[index].questions = result
            }
        }
    }

    private mutating func criterionList(_ node: YAMLNode?, of what: @autoclosure () -> String, criteria: [String: Int], used: inout [Bool]) -> [Int]? {
        guard let node else { return nil }
        var indices: [Int] = []
        let entries: [YAMLNode]
        if node.isScalar { entries = [node] } else { entries = reader.sequence(node, of: what()).map(Array.init) ?? [] }
        for entry in entries {
            guard let id = reader.string(entry, of: "a criterion in \(what())") else { continue }
            guard let index = criteria[id] else {
                var message = "unknown criterion '\(id)' in \(what())"
                if let suggestion = closestMatch(to: id, in: criteria.keys.sorted()) { message += "; did you mean '\(suggestion)'?" }
                reader.error(entry, message)
                continue
            }
            used[index] = true
            indices.append(index)
        }
        return indices
    }

    private mutating func decodeAssessment(_ node: YAMLNode, criteria: [String: Int], used: inout [Bool]) -> AssessmentRule? {
        guard let fields = reader.fields(node, of: "an assessment", keys: Self.assessmentKeys),
            let idNode = fields["id"], let id = reader.identifier(idNode, of: "the id of an assessment")
        else { return nil }
        let name = "assessment '\(id)'"
        let title = fields["title"].flatMap { reader.localized($0, of: "the title of \(name)") }
        var levels: [AssessmentLevel: [Int]] = [:]
        for level in AssessmentLevel.allCases where level != .notNeeded {
            if let list = criterionList(fields[named: level.key], of: "'\(level.key)' of \(name)", criteria: criteria, used: &used) { levels[level] = list }
        }
        if levels.isEmpty {
            reader.error(node, "\(name) lists no criteria; give at least one under required, recommended or possibly_required")
        }
        var instrument: String?
        if let node = fields["instrument"] { instrument = reader.identifier(node, of: "the instrument of \(name)", allowHyphen: true) }
        var appliesFrom: String?
        if let node = fields["applies_from"], let value = reader.string(node, of: "'applies_from' of \(name)") {
            if Self.isDate(value) { appliesFrom = value } else { reader.error(node, "'applies_from' of \(name) must be a date written as YYYY-MM-DD") }
        }
        let appliesNote = fields["applies_note"].flatMap { reader.localized($0, of: "'applies_note' of \(name)") }
        let notNeeded = fields["not_needed"].flatMap { reader.localized($0, of: "'not_needed' of \(name)") }
        var nextSteps: [AssessmentLevel: LocalizedText] = [:]
        if let stepsNode = fields["next_steps"],
            let steps = reader.fields(stepsNode, of: "the next steps of \(name)", keys: Self.nextStepKeys)
        {
            for level in AssessmentLevel.allCases {
                if let text = steps[named: level.key].flatMap({ reader.localized($0, of: "the next step '\(level.key)' of \(name)") }) { nextSteps[level] = text }
            }
        }
        guard let title else { return nil }
        return AssessmentRule(
            id: id, title: title, instrument: instrument, appliesFrom: appliesFrom, appliesNote: appliesNote,
            criteria: levels, notNeeded: notNeeded, nextSteps: nextSteps, location: reader.location(idNode))
    }

    static func isDate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    private mutating func decodeClassification(_ node: YAMLNode, criteria: [String: Int], used: inout [Bool]) -> ClassificationRule? {
        guard let fields = reader.fields(node, of: "a classification", keys: Self.classificationKeys),
            let idNode = fields["id"], let id = reader.identifier(idNode, of: "the id of a classification")
        else { return nil }
        let name = "classification '\(id)'"
        let title = fields["title"].flatMap { reader.localized($0, of: "the title of \(name)") }
        let categoryNodes = items(fields["categories"], of: "the categories of \(name)")
        var categories: [ClassificationRule.Category] = []
        for (position, categoryNode) in categoryNodes.enumerated() {
            guard let categoryFields = reader.fields(categoryNode, of: "a category of \(name)", keys: Self.categoryKeys),
                let categoryIDNode = categoryFields["id"], let categoryID = reader.identifier(categoryIDNode, of: "the id of a category of \(name)"),
                let categoryTitle = categoryFields["title"].flatMap({ reader.localized($0, of: "the title of category '\($0)' of \(name)") })
            else { continue }
            let list = criterionList(categoryFields["when"], of: "category '\(categoryID)' of \(name)", criteria: criteria, used: &used) ?? []
            if list.isEmpty && position != categoryNodes.count - 1 {
                reader.error(categoryNode, "only the last category of \(name) may go without 'when'; it is the default")
            }
            categories.append(.init(id: categoryID, title: categoryTitle, criteria: list))
        }
        if categoryNodes.count < 2, let categoriesNode = fields["categories"] {
            reader.error(categoriesNode, "\(name) needs at least two categories")
        }
        guard let title else { return nil }
        return ClassificationRule(id: id, title: title, categories: categories, location: reader.location(idNode))
    }

    private mutating func decodeDimension(_ node: YAMLNode, scope: ExpressionScope) -> DimensionRule? {
        guard let fields = reader.fields(node, of: "a dimension", keys: Self.dimensionKeys),
            let idNode = fields["id"], let id = reader.identifier(idNode, of: "the id of a dimension")
        else { return nil }
        let name = "dimension '\(id)'"
        let title = fields["title"].flatMap { reader.localized($0, of: "the title of \(name)") }
        let value = compile(fields["value"], of: "the value of \(name)", scope: scope, number: true)
        let maximum = fields["max"].flatMap { reader.integer($0, of: "'max' of \(name)") }
        if let maximum, !(1...100).contains(maximum) { reader.error(fields["max"], "'max' of \(name) must be between 1 and 100") }
        guard let title, let value, let maximum else { return nil }
        return DimensionRule(id: id, title: title, value: value, maximum: maximum)
    }

    private mutating func decodeWarning(_ node: YAMLNode, scope: ExpressionScope) -> ConsistencyRule? {
        guard let fields = reader.fields(node, of: "a warning", keys: Self.warningKeys),
            let idNode = fields["id"], let id = reader.identifier(idNode, of: "the id of a warning")
        else { return nil }
        let name = "warning '\(id)'"
        let text = fields["text"].flatMap { reader.localized($0, of: "the text of \(name)") }
        let sources = decodeSources(fields["sources"], of: name)
        guard let condition = compile(fields["when"], of: "the condition of \(name)", scope: scope), let text else { return nil }
        return ConsistencyRule(id: id, condition: condition, text: text, sources: sources)
    }

    // MARK: Prefill

    mutating func decodePrefill(_ node: YAMLNode) -> [PrefillRule] {
        items(node, of: "prefill").compactMap { item -> PrefillRule? in
            guard let fields = reader.fields(item, of: "a prefill entry", keys: Self.prefillKeys),
                let fromNode = fields["from"], let from = reader.identifier(fromNode, of: "'from' of a prefill entry", allowHyphen: true),
                let answersNode = fields["answers"]
            else { return nil }
            guard answersNode.kind == .mapping else {
                reader.error(answersNode, "'answers' of the prefill from \(from) must map this questionnaire's question ids to a question of \(from) or to {when: condition}")
                return nil
            }
            var mappings: [PrefillRule.Mapping] = []
            for (keyNode, valueNode) in answersNode.pairs {
                guard let target = reader.string(keyNode, of: "a question in the prefill from \(from)") else { continue }
                guard let index = questionScope.indexByID[target] else {
                    var message = "unknown question '\(target)' in the prefill from \(from)"
                    if let suggestion = closestMatch(to: target, in: questionScope.entries.map(\.id)) { message += "; did you mean '\(suggestion)'?" }
                    reader.error(keyNode, message)
                    continue
                }
                if valueNode.isScalar {
                    if let source = reader.identifier(valueNode, of: "the source question for '\(target)'") {
                        mappings.append(.init(target: index, source: .question(source), location: reader.location(valueNode)))
                    }
                    continue
                }
                let type = questionScope.entries[index].type
                if type == .single || type == .multi {
                    if let candidates = decodeChoice(valueNode, target: target, multi: type == .multi) {
                        mappings.append(.init(target: index, source: .choice(candidates), location: reader.location(valueNode)))
                    }
                    continue
                }
                guard let condition = reader.fields(valueNode, of: "the prefill of '\(target)'", keys: Self.conditionKeys),
                    let whenNode = condition["when"], let source = reader.string(whenNode, of: "the condition prefilling '\(target)'")
                else { continue }
                guard type == .yesNo || type == .yesNoUnknown else {
                    reader.error(whenNode, "a condition can only prefill a yes/no question, but '\(target)' is \(type.rawValue)")
                    continue
                }
                do throws(ExpressionError) {
                    _ = try Parser.parse(source)
                } catch {
                    reader.error(at: reader.location(in: whenNode, offset: error.offset), "in the condition prefilling '\(target)': \(error.message)")
                    continue
                }
                mappings.append(.init(target: index, source: .condition(source), location: reader.location(whenNode)))
            }
            return PrefillRule(from: from, mappings: mappings, location: reader.location(fromNode))
        }
    }

    /// `{option: id, when: condition}` (single choice), `{options: [ids], when: ...}`
    /// (multi), or a list of them tried in order.
    mutating func decodeChoice(_ node: YAMLNode, target: String, multi: Bool) -> [PrefillRule.ChoiceCandidate]? {
        let entries: [YAMLNode]
        if node.kind == .sequence { entries = Array(node.items) } else { entries = [node] }
        var candidates: [PrefillRule.ChoiceCandidate] = []
        let key = multi ? "options" : "option"
        for entry in entries {
            // A bare condition, as for a yes/no question: say how a choice is prefilled.
            if entry.kind == .mapping, entry.pairs.count == 1, let only = entry.pairs.first, only.key.isScalar("when") {
                reader.error(only.value, "a condition alone can only prefill a yes/no question; '\(target)' is \(multi ? "multi" : "single"), so name what it chooses: {\(key): \(multi ? "[ids]" : "id"), when: condition}")
                return nil
            }
            guard let fields = reader.fields(entry, of: "the prefill of '\(target)'", keys: multi ? Self.multiChoiceKeys : Self.singleChoiceKeys),
                let whenNode = fields["when"], let source = reader.string(whenNode, of: "the condition prefilling '\(target)'"),
                let optionsNode = fields[named: key]
            else { return nil }
            let options: [String]
            if multi {
                guard optionsNode.kind == .sequence else {
                    reader.error(optionsNode, "'options' prefilling '\(target)' must be a list of option ids")
                    return nil
                }
                options = optionsNode.items.compactMap { reader.identifier($0, of: "an option prefilling '\(target)'") }
            } else {
                guard let option = reader.identifier(optionsNode, of: "the option prefilling '\(target)'") else { return nil }
                options = [option]
            }
            do throws(ExpressionError) {
                _ = try Parser.parse(source)
            } catch {
                reader.error(at: reader.location(in: whenNode, offset: error.offset), "in the condition prefilling '\(target)': \(error.message)")
                return nil
            }
            candidates.append(.init(options: options, condition: source, location: reader.location(whenNode)))
        }
        return candidates
    }
}
