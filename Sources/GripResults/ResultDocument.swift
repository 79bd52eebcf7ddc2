import Crypto
import Foundation
import GripEngine
import GripScoring

/// Builds the `result` member of a result file (format `grip-result/1`) from a
/// finished session. Integers and strings only: no floating point in signed data.
public enum ResultDocument {
    public static let format = "grip-result/1"
    public static let toolName = "grip"
    public static let toolVersion = "0.1.0"
    /// The `purpose` of a practice result (a workshop exercise, not an assessment).
    public static let practicePurpose = "training"

    /// Lower-case hex SHA-256 of the exact questionnaire bytes.
    public static func sha256Hex(_ data: Data) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            hex.append(CanonicalJSON.hexDigits[Int(byte >> 4)])
            hex.append(CanonicalJSON.hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The `result` member, without signer (the signer adds itself when signing).
    /// Self-contained: question texts and answers in words travel with the ids, so the
    /// file reads without the questionnaire.
    /// `sessionID` names the draft the answers were given in, so a draft that outlives its
    /// signing is recognised.
    public static func result(
        for session: Session, outcome: Outcome, id: UUID, language: Language, startedAt: Date, completedAt: Date, sessionID: UUID? = nil,
        practice: Bool = false, caseID: String? = nil
    ) -> JSONValue {
        let questionnaire = session.questionnaire
        var answers: [JSONValue] = []
        for (index, question) in questionnaire.questions.enumerated() {
            let note = session.note(at: index)
            let value = session.answer(at: index)
            guard value != nil || note != nil else { continue }
            var entry: [(key: String, value: JSONValue)] = [
                ("question", .string(question.id)),
                ("section", .string(questionnaire.sections[question.sectionIndex].id)),
                ("type", .string(question.type.rawValue)),
                ("text", .string(question.text[language])),
                // A hidden answer is kept (it returns if the condition does) but did not count.
                ("visibility", .string(session.isVisible(index) ? "shown" : "hidden")),
            ]
            if let value {
                entry.append(("value", jsonValue(value)))
                entry.append(("answerText", .string(question.describe(value, language: language))))
            }
            if let note { entry.append(("note", .string(note))) }
            answers.append(.object(entry))
        }
        var result: JSONValue = [
            "id": .string(id.uuidString.lowercased()),
            "questionnaire": [
                "id": .string(questionnaire.id),
                "title": .string(questionnaire.title[language]),
                "version": .string(questionnaire.version),
                "sha256": .string(questionnaire.sourceSHA256),
            ],
            "tool": ["name": .string(toolName), "version": .string(toolVersion)],
            "language": .string(language.rawValue),
            "subject": [
                "system": .string(session.subject.system),
                "organisation": .string(session.subject.organisation),
                "assessor": .string(session.subject.assessor),
            ],
            "startedAt": .string(timestamp(startedAt)),
            "completedAt": .string(timestamp(completedAt)),
            "answers": .array(answers),
            "outcome": OutcomeJSON.json(outcome, language: language),
        ]
        if let sessionID, case .object(var members) = result {
            members.append(("session", .string(sessionID.uuidString.lowercased())))
            result = .object(members)
        }
        // Signed in, so no one can present a workshop exercise as an assessment.
        if practice, case .object(var members) = result {
            members.append(("purpose", .string(practicePurpose)))
            // The workshop case the exercise was (for the trainer's group summary).
            if let caseID { members.append(("case", .string(caseID))) }
            result = .object(members)
        }
        return result
    }

    static func jsonValue(_ value: AnswerValue) -> JSONValue {
        switch value {
        case .yes: "yes"
        case .no: "no"
        case .unknown: "unknown"
        case .option(let id): .string(id)
        case .options(let ids): .array(ids.map(JSONValue.string))
        case .number(let number): .integer(Int64(number))
        case .text(let text): .string(text)
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

extension Questionnaire {
    /// SHA-256 of the exact bytes it was loaded from, lowercase hex, as results record
    /// it: the build's record for a bundled file, computed otherwise.
    public var sourceSHA256: String { recordedSourceSHA256 ?? ResultDocument.sha256Hex(source) }
}
