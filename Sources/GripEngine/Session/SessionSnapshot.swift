import Foundation

/// Everything needed to resume a session later: what a draft file stores.
/// Answers are keyed by question id so a draft survives a reordered questionnaire.
public struct SessionSnapshot: Codable, Equatable, Sendable {
    public var questionnaireID: String
    public var questionnaireVersion: String
    public var subject: Subject
    public var answers: [String: AnswerValue]
    public var notes: [String: String]
    /// The question the person was at.
    public var currentQuestion: String?

    public init(
        questionnaireID: String, questionnaireVersion: String, subject: Subject,
        answers: [String: AnswerValue], notes: [String: String], currentQuestion: String?
    ) {
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.subject = subject
        self.answers = answers
        self.notes = notes
        self.currentQuestion = currentQuestion
    }
}

/// An answer or note in a snapshot that the questionnaire no longer accepts.
public struct DroppedAnswer: Equatable, Sendable {
    public var questionID: String
    public var problem: AnswerProblem
}

extension Session {
    /// The session's state, for saving.
    public var snapshot: SessionSnapshot {
        var answers: [String: AnswerValue] = [:]
        var notes: [String: String] = [:]
        for (index, question) in questionnaire.questions.enumerated() {
            if let answer = self.answers[index] { answers[question.id] = answer }
            if let note = self.notes[index] { notes[question.id] = note }
        }
        return SessionSnapshot(
            questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
            subject: subject, answers: answers, notes: notes,
            currentQuestion: currentQuestion?.id)
    }

    /// Restores a saved session. Answers the questionnaire no longer accepts (a newer
    /// version changed a question) are reported in `dropped`, never silently lost.
    public init(questionnaire: Questionnaire, snapshot: SessionSnapshot, dropped: inout [DroppedAnswer]) {
        self.init(questionnaire: questionnaire, subject: snapshot.subject)
        // File order, so each condition sees the answers it depends on.
        for (index, question) in questionnaire.questions.enumerated() {
            if let answer = snapshot.answers[question.id],
                case .invalid(let problem) = setAnswer(answer, at: index)
            {
                dropped.append(DroppedAnswer(questionID: question.id, problem: problem))
            }
            if let note = snapshot.notes[question.id] { setNote(note, at: index) }
        }
        for id in Set(snapshot.answers.keys).union(snapshot.notes.keys).sorted()
        where questionnaire.index(of: id) == nil {
            dropped.append(DroppedAnswer(questionID: id, problem: .noSuchQuestion(id)))
        }
        if let current = snapshot.currentQuestion, let index = questionnaire.index(of: current) {
            if !jump(to: index) {
                // The saved question is hidden now: continue at the next one shown.
                jump(to: visibleIndices.first { $0 > index } ?? visibleIndices.last ?? 0)
            }
        }
    }
}
