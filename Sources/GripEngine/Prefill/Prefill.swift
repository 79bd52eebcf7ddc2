/// Hands answers from one questionnaire (usually the quickscan) to another, as its
/// `prefill` part declares. Prefilled answers are suggestions: the user confirms or
/// changes them like any other answer.
public enum Prefill {
    /// Checks a questionnaire's prefill names against the questionnaires it takes from.
    /// A source that is not available is not an error: organisations may leave it out.
    public static func diagnostics(for target: Questionnaire, sources: [Questionnaire]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in target.prefill {
            guard let source = sources.first(where: { $0.id == rule.from }) else { continue }
            let scope = ExpressionScope(questionnaire: source)
            for mapping in rule.mappings {
                if case .failure(let problem) = resolve(mapping, into: target, from: source, scope: scope) {
                    diagnostics.append(Diagnostic(.error, at: mapping.location, problem.description))
                }
            }
        }
        return diagnostics
    }

    /// The answers `source` hands to `target`, by target question index, each already
    /// accepted by the target question. Answers the target cannot take are left out.
    public static func answers(for target: Questionnaire, from source: Session) -> [Int: AnswerValue] {
        var answers: [Int: AnswerValue] = [:]
        for rule in target.prefill where rule.from == source.questionnaire.id {
            let scope = ExpressionScope(questionnaire: source.questionnaire)
            for mapping in rule.mappings {
                guard case .success(let transfer) = resolve(mapping, into: target, from: source.questionnaire, scope: scope) else { continue }
                let value: AnswerValue?
                switch transfer {
                case .copy(let index):
                    switch source.resolvedAnswer(at: index) {
                    case .absent: value = nil
                    case .unknown: value = .unknown
                    case .value(.options(let ids)):
                        // Keep only options the target also has.
                        let known = Set(target.questions[mapping.target].options.map(\.id))
                        let kept = ids.filter(known.contains)
                        value = kept.isEmpty ? nil : .options(kept)
                    case .value(let answer): value = answer
                    }
                case .condition(let expression):
                    switch expression.truth(in: source) {
                    case .true: value = .yes
                    case .false: value = .no
                    case .unknown: value = .unknown
                    }
                case .choice(let candidates):
                    value = choose(candidates, for: target.questions[mapping.target], in: source)
                }
                guard let value, case .success(let accepted?) = target.questions[mapping.target].normalize(value) else { continue }
                answers[mapping.target] = accepted
            }
        }
        return answers
    }

    /// The notes that travel with copied answers: a note on the source question goes to
    /// the question that takes over its answer.
    public static func notes(for target: Questionnaire, from source: Session) -> [Int: String] {
        var notes: [Int: String] = [:]
        for rule in target.prefill where rule.from == source.questionnaire.id {
            let scope = ExpressionScope(questionnaire: source.questionnaire)
            for mapping in rule.mappings {
                guard case .success(.copy(let index)) = resolve(mapping, into: target, from: source.questionnaire, scope: scope),
                    let note = source.note(at: index), !note.isEmpty
                else { continue }
                notes[mapping.target] = note
            }
        }
        return notes
    }

    enum Transfer {
        case copy(Int)
        case condition(CompiledExpression)
        case choice([(options: [String], condition: CompiledExpression)])
    }

    /// The first candidate whose condition holds; while an earlier one is undecided the
    /// answer is "weet ik niet" (never a weaker choice); nothing when none can hold.
    static func choose(_ candidates: [(options: [String], condition: CompiledExpression)], for question: Question, in source: Session) -> AnswerValue? {
        for candidate in candidates {
            switch candidate.condition.truth(in: source) {
            case .true: return question.type == .multi ? .options(candidate.options) : .option(candidate.options[0])
            case .unknown: return .unknown
            case .false: continue
            }
        }
        return nil
    }

    struct Problem: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// How one mapping hands its answer over; `scope` is `source`'s, made once per rule
    /// (building it per condition showed in `grip validate`).
    static func resolve(
        _ mapping: PrefillRule.Mapping, into target: Questionnaire, from source: Questionnaire, scope: ExpressionScope
    ) -> Result<Transfer, Problem> {
        let targetQuestion = target.questions[mapping.target]
        switch mapping.source {
        case .question(let id):
            guard let index = source.index(of: id) else {
                var message = "unknown question '\(id)' in \(source.id), prefilling '\(targetQuestion.id)'"
                if let suggestion = closestMatch(to: id, in: source.questions.map(\.id)) { message += "; did you mean '\(suggestion)'?" }
                return .failure(Problem(message))
            }
            let from = source.questions[index].type, to = targetQuestion.type
            let yesNo: Set<QuestionType> = [.yesNo, .yesNoUnknown]
            guard from == to || (yesNo.contains(from) && yesNo.contains(to)) else {
                return .failure(Problem("'\(id)' of \(source.id) is \(from.rawValue) and cannot prefill '\(targetQuestion.id)', which is \(to.rawValue)"))
            }
            return .success(.copy(index))
        case .choice(let candidates):
            var compiled: [(options: [String], condition: CompiledExpression)] = []
            let known = Set(targetQuestion.options.map(\.id))
            for candidate in candidates {
                if let unknown = candidate.options.first(where: { !known.contains($0) }) {
                    var message = "'\(unknown)' is not an option of '\(targetQuestion.id)'"
                    if let suggestion = closestMatch(to: unknown, in: Array(known)) { message += "; did you mean '\(suggestion)'?" }
                    return .failure(Problem(message))
                }
                do throws(ExpressionError) {
                    compiled.append((candidate.options, try TypeChecker.compileCondition(candidate.condition, scope: scope)))
                } catch {
                    return .failure(Problem("in the condition prefilling '\(targetQuestion.id)' (over \(source.id)), at character \(error.offset + 1): \(error.message)"))
                }
            }
            return .success(.choice(compiled))
        case .condition(let text):
            do throws(ExpressionError) {
                return .success(.condition(try TypeChecker.compileCondition(text, scope: scope)))
            } catch {
                return .failure(Problem("in the condition prefilling '\(targetQuestion.id)' (over \(source.id)), at character \(error.offset + 1): \(error.message)"))
            }
        }
    }
}

extension Session {
    /// Takes over the answers `source` hands to this questionnaire, in file order, and
    /// returns the indices that were filled (to show them as suggestions).
    @discardableResult
    public mutating func applyPrefill(from source: Session) -> Set<Int> {
        var filled = Set<Int>()
        for (index, value) in Prefill.answers(for: questionnaire, from: source).sorted(by: { $0.key < $1.key })
        where setAnswer(value, at: index) == .ok {
            filled.insert(index)
        }
        // Notes come along with the answers they explain, never over a note already there.
        for (index, note) in Prefill.notes(for: questionnaire, from: source) where filled.contains(index) && (self.note(at: index) ?? "").isEmpty {
            setNote(note, at: index)
        }
        return filled
    }
}

extension ExpressionScope {
    /// The scope of a loaded questionnaire's questions, for conditions written elsewhere.
    public init(questionnaire: Questionnaire) {
        self.init(entries: questionnaire.questions.map { question in
            Entry(
                id: question.id, type: question.type, optionIDs: question.options.map(\.id),
                exclusiveOptionIDs: question.options.filter(\.exclusive).map(\.id))
        })
    }
}
