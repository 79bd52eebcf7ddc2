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
        let question = questionnaire.questions[index]
        var stored: AnswerValue?
        if let value {
            switch question.normalize(value) {
            case .success(let normalized): stored = normalized
            case .failure(let problem): return .invalid(problem)
            }
        }
        if answers[index] != stored {
            answers[index] = stored
            propagateChange(from: index)
        }
        return stored == nil && question.isRequired ? .requiredButEmpty : .ok
    }

    @discardableResult
    public mutating func setAnswer(_ value: AnswerValue?, for questionID: String) -> AnswerResult {
        guard let index = questionnaire.index(of: questionID) else {
            return .invalid(.noSuchQuestion(questionID))
        }
        return setAnswer(value, at: index)
    }

    /// Sets the free remark that goes with a question; empty text removes it.
    public mutating func setNote(_ note: String?, at index: Int) {
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        notes[index] = trimmed?.isEmpty == false ? trimmed : nil
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
        guard let condition = questionnaire.questions[index].condition else { return true }
        // Shown when true or unknown: "weet ik niet" must not hide what may be relevant.
        return condition.expression.truth(in: self) != .false
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
}

/// A min-heap of question indices without duplicates.
struct IndexHeap {
    private var items: [Int] = []
    private var members = Set<Int>()

    mutating func insert(_ value: Int) {
        guard members.insert(value).inserted else { return }
        items.append(value)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMin() -> Int? {
        guard let first = items.first else { return nil }
        members.remove(first)
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, items[left] < items[smallest] { smallest = left }
                if right < items.count, items[right] < items[smallest] { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
