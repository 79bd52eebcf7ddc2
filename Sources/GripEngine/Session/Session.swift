import Foundation

/// The people and system an assessment is about.
public struct Subject: Hashable, Codable, Sendable {
    public var system: String
    public var organisation: String
    public var assessor: String

    public init(system: String = "", organisation: String = "", assessor: String = "") {
        self.system = system
        self.organisation = organisation
        self.assessor = assessor
    }
}

/// Answered of visible questions.
public struct Progress: Equatable, Sendable {
    public var answered: Int
    public var visible: Int
}

/// A questionnaire being filled in: pure state, no I/O.
///
/// Visibility is kept up to date incrementally: a change to one answer re-evaluates
/// only the conditions that (transitively) read it, so a whole session stays linear in
/// the number of questions.
public struct Session: Sendable {
    public let questionnaire: Questionnaire
    public var subject: Subject
    /// Where the person is: an index into `questionnaire.questions`.
    public private(set) var cursor: Int
    /// Stored answers by question index; hidden questions keep theirs.
    public private(set) var answers: [AnswerValue?]
    public private(set) var notes: [String?]
    public private(set) var visibility: [Bool]

    public init(questionnaire: Questionnaire, subject: Subject = Subject()) {
        self.questionnaire = questionnaire
        self.subject = subject
        let count = questionnaire.questions.count
        answers = Array(repeating: nil, count: count)
        notes = Array(repeating: nil, count: count)
        visibility = Array(repeating: true, count: count)
        cursor = 0
        recomputeAllVisibility()
        cursor = firstVisible(from: 0) ?? 0
    }

    // MARK: Reading

    public var currentQuestion: Question? {
        questionnaire.questions.indices.contains(cursor) && visibility[cursor] ? questionnaire.questions[cursor] : nil
    }

    public func isVisible(_ index: Int) -> Bool { visibility[index] }

    /// Indices of the questions shown for the current answers, in order.
    public var visibleIndices: [Int] { visibility.indices.filter { visibility[$0] } }

    public func answer(at index: Int) -> AnswerValue? { answers[index] }

    public func answer(for questionID: String) -> AnswerValue? {
        questionnaire.index(of: questionID).flatMap { answers[$0] }
    }

    public func note(at index: Int) -> String? { notes[index] }

    public var progress: Progress {
        var progress = Progress(answered: 0, visible: 0)
        for index in visibility.indices where visibility[index] {
            progress.visible += 1
            if answers[index] != nil { progress.answered += 1 }
        }
        return progress
    }

    /// Visible required questions without an answer, in order.
    public var missingRequired: [Int] {
        visibility.indices.filter {
            visibility[$0] && answers[$0] == nil && questionnaire.questions[$0].isRequired
        }
    }

    public var isComplete: Bool { missingRequired.isEmpty }

    // MARK: Answering

    /// Gives (or with `nil`, clears) the answer to the question at `index`.
    @discardableResult
    public mutating func setAnswer(_ value: AnswerValue?, at index: Int) -> AnswerResult {
        var stored: AnswerValue?
        if let value {
            switch questionnaire.questions[index].normalize(value) {
            case .success(let normalized): stored = normalized
            case .failure(let problem): return .invalid(problem)
            }
        }
        if answers[index] != stored {
            answers[index] = stored
            propagateChange(from: index)
        }
        return stored == nil && questionnaire.questions[index].isRequired ? .requiredButEmpty : .ok
    }

    @discardableResult
    public mutating func setAnswer(_ value: AnswerValue?, for questionID: String) -> AnswerResult {
        guard let index = questionnaire.index(of: questionID) else {
            return .invalid(.noSuchQuestion(questionID))
        }
        return setAnswer(value, at: index)
    }

    /// Sets the free remark that goes with a question; empty text removes it. A note over
    /// `AnswerLimits.maximumTextLength` is refused and the earlier note kept.
    @discardableResult
    public mutating func setNote(_ note: String?, at index: Int) -> AnswerResult {
        if let note, !AnswerLimits.fits(note) { return .invalid(.tooLong(maximum: AnswerLimits.maximumTextLength)) }
        let trimmed = note?.trimmingWhitespace
        notes[index] = trimmed?.isEmpty == false ? trimmed : nil
        return .ok
    }

    /// The answered questions that giving `value` at `index` would hide. Their answers
    /// stay stored and come back if the change is undone; the UI names them first.
    public func questionsHidden(byAnswering value: AnswerValue?, at index: Int) -> [Int] {
        var trial = self
        if case .invalid = trial.setAnswer(value, at: index) { return [] }
        return visibility.indices.filter { visibility[$0] && !trial.visibility[$0] && answers[$0] != nil }
    }

    // MARK: Navigation

    /// Moves to the next visible question; returns false at the end.
    @discardableResult
    public mutating func goToNext() -> Bool {
        guard let next = firstVisible(from: cursor + 1) else { return false }
        cursor = next
        return true
    }

    /// Moves to the previous visible question; returns false at the start.
    @discardableResult
    public mutating func goToPrevious() -> Bool {
        var index = min(cursor, visibility.count) - 1
        while index >= 0 {
            if visibility[index] {
                cursor = index
                return true
            }
            index -= 1
        }
        return false
    }

    /// Jumps to a visible question; returns false if it is hidden or out of range.
    @discardableResult
    public mutating func jump(to index: Int) -> Bool {
        guard visibility.indices.contains(index), visibility[index] else { return false }
        cursor = index
        return true
    }

    private func firstVisible(from start: Int) -> Int? {
        var index = max(start, 0)
        while index < visibility.count {
            if visibility[index] { return index }
            index += 1
        }
        return nil
    }

    // MARK: Visibility

    private mutating func recomputeAllVisibility() {
        for index in questionnaire.questions.indices {
            visibility[index] = evaluateVisibility(of: index)
        }
    }

    private func evaluateVisibility(of index: Int) -> Bool {
        guard let condition = questionnaire.conditions[index] else { return true }
        // Shown when true or unknown: "weet ik niet" must not hide what may be relevant.
        return condition.truth(in: self) != .false
    }

    /// Re-evaluates the conditions that read `changed`, in file order, following the
    /// chain further only where a question's visibility actually flipped.
    private mutating func propagateChange(from changed: Int) {
        var pending = IndexHeap()
        for dependent in questionnaire.dependents[changed] { pending.insert(dependent) }
        while let index = pending.popMin() {
            let visible = evaluateVisibility(of: index)
            guard visible != visibility[index] else { continue }
            visibility[index] = visible
            // A question with no answer reads as absent whether shown or not.
            if answers[index] != nil {
                for dependent in questionnaire.dependents[index] { pending.insert(dependent) }
            }
        }
    }
}

extension Session: AnswerLookup {
    public func resolvedAnswer(at index: Int) -> ResolvedAnswer {
        guard visibility[index], let answer = answers[index] else { return .absent }
        return answer == .unknown ? .unknown : .value(answer)
    }

    public func givenAnswer(at index: Int) -> AnswerValue? { visibility[index] ? answers[index] : nil }
}

/// Question indices waiting to be re-evaluated, taken smallest first, without
/// duplicates. Kept sorted: it only ever holds a handful of dependents.
struct IndexHeap {
    private var items: [Int] = []

    mutating func insert(_ value: Int) {
        var low = 0, high = items.count
        while low < high {
            let middle = (low + high) / 2
            if items[middle] < value { low = middle + 1 } else { high = middle }
        }
        if low < items.count && items[low] == value { return }
        items.insert(value, at: low)
    }

    mutating func popMin() -> Int? {
        items.isEmpty ? nil : items.removeFirst()
    }
}
