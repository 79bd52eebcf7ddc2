import Crypto
import Foundation
import GripEngine

/// Builds the `result` member of a result file (format `grip-result/1`) from a
/// finished session. Integers and strings only: no floating point in signed data.
public enum ResultDocument {
    public static let format = "grip-result/1"
    public static let toolName = "grip"
    public static let toolVersion = "0.1.0"

    /// Lower-case hex SHA-256 of the exact questionnaire bytes.
    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    public static func result(
        for session: Session, id: UUID, language: Language, startedAt: Date, completedAt: Date
    ) -> [String: Any] {
        let questionnaire = session.questionnaire
        var answers: [[String: Any]] = []
        for (index, question) in questionnaire.questions.enumerated() {
            guard let value = session.answer(at: index) else { continue }
            var entry: [String: Any] = [
                "question": question.id,
                "section": questionnaire.sections[question.sectionIndex].id,
                "type": question.type.rawValue,
                "value": jsonValue(value),
                "visible": session.isVisible(index) ? "yes" : "no",
            ]
            if let note = session.note(at: index) { entry["note"] = note }
            answers.append(entry)
        }
        return [
            "id": id.uuidString.lowercased(),
            "questionnaire": [
                "id": questionnaire.id,
                "version": questionnaire.version,
                "sha256": sha256Hex(questionnaire.source),
            ],
            "tool": ["name": toolName, "version": toolVersion],
            "language": language.rawValue,
            "subject": [
                "system": session.subject.system,
                "organisation": session.subject.organisation,
                "assessor": session.subject.assessor,
            ],
            "startedAt": timestamp(startedAt),
            "completedAt": timestamp(completedAt),
            "answers": answers,
        ]
    }

    static func jsonValue(_ value: AnswerValue) -> Any {
        switch value {
        case .yes: "yes"
        case .no: "no"
        case .unknown: "unknown"
        case .option(let id): id
        case .options(let ids): ids
        case .number(let number): number
        case .text(let text): text
        }
    }

    /// RFC 3339 UTC with seconds, e.g. `2026-11-23T14:05:09Z`.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
