import GripEngine

/// Turns answers into an `Outcome` by the questionnaire's outcome rules. Pure: the same
/// answers always give the same outcome.
public enum Scorer {
    /// Evaluates the rules over any answer source: a finished session, or
    /// `ProvisionalAnswers` to see what is already settled.
    public static func outcome(for questionnaire: Questionnaire, answers: some AnswerLookup) -> Outcome {
        let rules = questionnaire.outcomes
        let context = RuleContext(rules: rules, questionnaire: questionnaire, answers: answers)
        return Outcome(
            assessments: rules.assessments.map { assess($0, rules: rules, context: context, questionnaire: questionnaire) },
            classifications: rules.classifications.map { classify($0, rules: rules, context: context, questionnaire: questionnaire) },
            scores: rules.scores.enumerated().map { index, score in
                ScoreOutcome(id: score.id, title: score.title, value: context.scores[index])
            },
            dimensions: rules.dimensions.map { dimension in
                func clamp(_ value: Int) -> Int { min(max(value, 0), dimension.maximum) }
                let (low, high): (Int, Int) =
                    switch dimension.value.rangedNumber(in: context) {
                    case nil: (0, 0)  // depends on an absent answer
                    case .unbounded: (0, dimension.maximum)  // a "weet ik niet" number: unknown never lowers
                    case let number?: (clamp(number.bounds!.low), clamp(number.bounds!.high))
                    }
                return DimensionOutcome(id: dimension.id, title: dimension.title, value: high, lowest: low, maximum: dimension.maximum)
            },
            warnings: rules.warnings.compactMap { warning in
                warning.condition.truth(in: context) == .true
                    ? WarningOutcome(id: warning.id, text: warning.text, sources: warning.sources) : nil
            })
    }

    /// The outcome of a session: hidden and unanswered questions are absent.
    public static func outcome(for session: Session) -> Outcome {
        outcome(for: session.questionnaire, answers: session)
    }

    private static func assess(_ rule: AssessmentRule, rules: OutcomeRules, context: RuleContext<some AnswerLookup>, questionnaire: Questionnaire) -> AssessmentOutcome {
        var reasons: [Reason] = []
        var undecided: [(criterion: Int, level: AssessmentLevel)] = []
        var level = AssessmentLevel.notNeeded
        var definite = AssessmentLevel.notNeeded
        for candidate in AssessmentLevel.allCases where candidate != .notNeeded {
            for index in rule.criteria[candidate] ?? [] {
                switch context.criteria[index] {
                case .true:
                    let criterion = rules.criteria[index]
                    reasons.append(reason(criterion, level: candidate, context: context, questionnaire: questionnaire))
                    level = max(level, candidate)
                    definite = max(definite, candidate)
                case .unknown:
                    undecided.append((index, candidate))
                    // An undecided "required" makes it possibly required; an undecided
                    // weaker level counts as holding. Unknown never lowers the outcome.
                    level = max(level, candidate == .required ? .possiblyRequired : candidate)
                case .false:
                    break
                }
            }
        }
        let openPoints = undecided.filter { $0.level > definite }.map { entry in
            let criterion = rules.criteria[entry.criterion]
            return OpenPoint(
                criterion: criterion.id, level: entry.level, text: criterion.text,
                questions: criterion.questions.filter { context.isUnknown($0) }.map { questionnaire.questions[$0].id })
        }
        return AssessmentOutcome(
            id: rule.id, title: rule.title, level: level, reasons: reasons, openPoints: openPoints,
            nextStep: rule.nextSteps[level] ?? DefaultTexts.nextStep(level, title: rule.title),
            rationale: level == .notNeeded ? (rule.notNeeded ?? DefaultTexts.notNeeded) : nil,
            instrument: rule.instrument, appliesFrom: rule.appliesFrom, appliesNote: rule.appliesNote)
    }

    /// A criterion that holds, with the given answers it read (the ones that made it hold).
    private static func reason(_ criterion: Criterion, level: AssessmentLevel, context: RuleContext<some AnswerLookup>, questionnaire: Questionnaire) -> Reason {
        let answers = criterion.questions.sorted().compactMap { index -> Reason.Answer? in
            guard let value = context.givenAnswer(at: index) else { return nil }
            let question = questionnaire.questions[index]
            return Reason.Answer(
                question: question.id, questionText: question.text,
                answer: LocalizedText(nl: question.describe(value, language: .nl), en: question.describe(value, language: .en)))
        }
        return Reason(criterion: criterion.id, level: level, text: criterion.text, sources: criterion.sources, answers: answers)
    }

    private static func classify(_ rule: ClassificationRule, rules: OutcomeRules, context: RuleContext<some AnswerLookup>, questionnaire: Questionnaire) -> ClassificationOutcome {
        var possible: [ClassificationRule.Category.Summary] = []
        // While a stronger category is undecided, the first one that holds is only a floor.
        func outcome(_ found: ClassificationRule.Category.Summary?, reasons: [Reason]) -> ClassificationOutcome {
            ClassificationOutcome(
                id: rule.id, title: rule.title, category: possible.isEmpty ? found : nil,
                atLeast: possible.isEmpty ? nil : found, possible: possible, reasons: reasons)
        }
        for category in rule.categories {
            let summary = ClassificationRule.Category.Summary(id: category.id, title: category.title)
            if category.criteria.isEmpty { return outcome(summary, reasons: []) }
            let holding = category.criteria.filter { context.criteria[$0] == .true }
            if !holding.isEmpty {
                let reasons = holding.map { reason(rules.criteria[$0], level: .required, context: context, questionnaire: questionnaire) }
                return outcome(summary, reasons: reasons)
            }
            if category.criteria.contains(where: { context.criteria[$0] == .unknown }) { possible.append(summary) }
        }
        return outcome(nil, reasons: [])
    }
}

/// Scores and criteria computed once, in dependency order, over an answer source.
struct RuleContext<Answers: AnswerLookup>: AnswerLookup {
    let answers: Answers
    private(set) var scores: [RangedNumber]
    private(set) var criteria: [Truth]

    init(rules: OutcomeRules, questionnaire: Questionnaire, answers: Answers) {
        self.answers = answers
        scores = Array(repeating: .exact(0), count: rules.scores.count)
        criteria = Array(repeating: .false, count: rules.criteria.count)
        for symbol in rules.evaluationOrder {
            switch symbol {
            case .score(let index):
                scores[index] = Self.sum(rules.scores[index].terms, questionnaire: questionnaire, context: self)
            case .criterion(let index):
                criteria[index] = rules.criteria[index].condition.truth(in: self)
            }
        }
    }

    func resolvedAnswer(at index: Int) -> ResolvedAnswer { answers.resolvedAnswer(at: index) }
    func givenAnswer(at index: Int) -> AnswerValue? { answers.givenAnswer(at: index) }
    func score(at index: Int) -> RangedNumber { scores[index] }
    func criterion(at index: Int) -> Truth { criteria[index] }

    func isUnknown(_ question: Int) -> Bool {
        switch answers.resolvedAnswer(at: question) {
        case .unknown, .value(.unknown): true
        default: false
        }
    }

    private static func sum(_ terms: [ScoreTerm], questionnaire: Questionnaire, context: RuleContext) -> RangedNumber {
        var low = 0, high = 0
        func add(_ a: Int, _ b: Int) {
            low = low.addingReportingOverflow(min(a, b)).overflow ? (min(a, b) < 0 ? .min : .max) : low + min(a, b)
            high = high.addingReportingOverflow(max(a, b)).overflow ? (max(a, b) < 0 ? .min : .max) : high + max(a, b)
        }
        for term in terms {
            switch term {
            case .points(let condition, let points):
                switch condition.truth(in: context) {
                case .true: add(points, points)
                case .unknown: add(0, points)
                case .false: break
                }
            case .value(let expression):
                switch expression.rangedNumber(in: context) {
                case .exact(let value): add(value, value)
                case .between(let a, let b): add(a, b)
                case .unbounded: return .unbounded
                case nil: break  // absent: adds nothing
                }
            case .weights(let question, let weights):
                switch context.resolvedAnswer(at: question) {
                case .absent: break
                case .value(.option(let id)): add(weights[id] ?? 0, weights[id] ?? 0)
                case .value(.options(let ids)):
                    let total = ids.reduce(0) { $0 + (weights[$1] ?? 0) }
                    add(total, total)
                case .unknown, .value:
                    // Any choice is possible: bound by the lightest and heaviest.
                    let options = questionnaire.questions[question].options.map { weights[$0.id] ?? 0 }
                    if questionnaire.questions[question].type == .multi {
                        add(options.filter { $0 < 0 }.reduce(0, +), options.filter { $0 > 0 }.reduce(0, +))
                    } else {
                        add(options.min() ?? 0, options.max() ?? 0)
                    }
                }
            }
        }
        return .bounded(low, high)
    }
}
