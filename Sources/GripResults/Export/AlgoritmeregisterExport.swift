import Foundation
import GripEngine

/// Turns one or more signed results about the same system into the fields of the
/// Algoritmeregister publication standard that Grip's answers can fill, plus a list of the
/// fields left to fill by hand, each with a Dutch hint.
///
/// Conservative by design: a field is filled only from an answer or outcome that means
/// what the field means. A Grip outcome "DPIA verplicht" says a DPIA is needed, not that
/// one was done, so it never fills the list of impact assessments carried out. Every text
/// is copied as written (the JSON writer escapes it); nothing is HTML-escaped or rewritten.
public enum AlgoritmeregisterExport {
    /// One result file as read and verified.
    public struct Input: Sendable {
        /// The file name as given, for messages and the provenance list.
        public var file: String
        public var document: JSONValue
        public var verification: VerificationReport

        public init(file: String, document: JSONValue, verification: VerificationReport) {
            self.file = file
            self.document = document
            self.verification = verification
        }
    }

    /// Why results are not exported to the register.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case noResults
        /// Tampered, malformed or unsigned: nothing from it may reach a public register.
        case notVerified(file: String, reason: String)
        /// A practice result from a workshop is never a real assessment.
        case practiceResult(file: String)
        case otherSystem(file: String, system: String, firstFile: String, firstSystem: String)
        case otherOrganisation(file: String, organisation: String, firstFile: String, firstOrganisation: String)
        case sameQuestionnaireTwice(file: String, otherFile: String, questionnaire: String)

        public var description: String {
            switch self {
            case .noResults:
                "no result files given"
            case .notVerified(let file, let reason):
                "\(file) is not exported to the Algoritmeregister: \(reason)"
            case .practiceResult(let file):
                "\(file) is a practice result (workshop) and is not exported to the Algoritmeregister"
            case .otherSystem(let file, let system, let firstFile, let firstSystem):
                "\(file) is about the system \"\(system)\", \(firstFile) about \"\(firstSystem)\": one registration covers one system"
            case .otherOrganisation(let file, let organisation, let firstFile, let firstOrganisation):
                "\(file) names the organisation \"\(organisation)\", \(firstFile) \"\(firstOrganisation)\": one registration covers one organisation"
            case .sameQuestionnaireTwice(let file, let otherFile, let questionnaire):
                "\(file) and \(otherFile) are both \(questionnaire) results: give one result per questionnaire"
            }
        }
    }

    /// The export as JSON. `bundledQuestionnaires` (SHA-256 hex of the bundled files), when
    /// given, lets the provenance say whether each result used a bundled questionnaire.
    public static func export(_ inputs: [Input], bundledQuestionnaires: Set<String>? = nil) throws(Refusal) -> JSONValue {
        let sources = try accepted(inputs)
        var builder = Builder(sources: sources)
        builder.mapAll()
        return builder.document(bundledQuestionnaires: bundledQuestionnaires)
    }

    /// The export as pretty JSON bytes (sorted keys, terminal-safe escapes).
    public static func data(_ inputs: [Input], bundledQuestionnaires: Set<String>? = nil) throws(Refusal) -> Data {
        Data(PrettyJSON.bytes(try export(inputs, bundledQuestionnaires: bundledQuestionnaires)))
    }

    /// The inputs that may be exported together, or why not.
    static func accepted(_ inputs: [Input]) throws(Refusal) -> [Source] {
        guard let first = inputs.first else { throw .noResults }
        var sources: [Source] = []
        for input in inputs {
            switch input.verification.status {
            case .validTrusted, .validUnknownSigner: break
            case .unsigned: throw .notVerified(file: input.file, reason: "it is not signed")
            case .invalid, .malformed:
                throw .notVerified(file: input.file, reason: input.verification.status.reason(.en) ?? "it does not verify")
            }
            let source = Source(input)
            if source.result["purpose"]?.stringValue?.equalsExactly("training") == true { throw .practiceResult(file: input.file) }
            if let firstSource = sources.first {
                guard source.system.equalsExactly(firstSource.system) else {
                    throw .otherSystem(file: input.file, system: source.system, firstFile: first.file, firstSystem: firstSource.system)
                }
                guard source.organisation.equalsExactly(firstSource.organisation) else {
                    throw .otherOrganisation(
                        file: input.file, organisation: source.organisation, firstFile: first.file, firstOrganisation: firstSource.organisation)
                }
            }
            if let earlier = sources.first(where: { $0.questionnaire.equalsExactly(source.questionnaire) }) {
                throw .sameQuestionnaireTwice(file: input.file, otherFile: earlier.file, questionnaire: source.questionnaire)
            }
            sources.append(source)
        }
        return sources
    }

    /// One accepted result, read defensively: a validly signed file can still have any shape.
    struct Source {
        let file: String
        let result: JSONValue
        let verification: VerificationReport
        let questionnaire: String
        let id: String
        let system: String
        let organisation: String

        init(_ input: Input) {
            file = input.file
            result = input.document["result"] ?? .object([])
            verification = input.verification
            questionnaire = result["questionnaire"]?["id"]?.stringValue ?? ""
            id = result["id"]?.stringValue ?? ""
            system = result["subject"]?["system"]?.stringValue ?? ""
            organisation = result["subject"]?["organisation"]?.stringValue ?? ""
        }

        /// The questionnaire's title and version as the result records them, for sentences.
        var questionnaireTitle: String { result["questionnaire"]?["title"]?.stringValue ?? questionnaire }
        var questionnaireVersion: String { result["questionnaire"]?["version"]?.stringValue ?? "" }
        /// The day the result was completed (the date part of its RFC 3339 time).
        var completedOn: String { String((result["completedAt"]?.stringValue ?? "").prefix(10)) }

        /// The answer to `question` if it counted and says something: shown (hidden answers
        /// did not count towards the outcome), with a value, and not "weet ik niet" unless
        /// asked for (it is worth knowing for someone filling a field, but never fills one).
        func answer(_ question: String, includingUnknown: Bool = false) -> Answer? {
            for item in result["answers"]?.arrayValue ?? [] where item["question"]?.stringValue?.equalsExactly(question) == true {
                guard item["visibility"]?.stringValue != "hidden", let value = item["value"] else { return nil }
                let type = item["type"]?.stringValue ?? ""
                if !includingUnknown, type != "text", value.stringValue == "unknown" { return nil }
                if case .string(let text) = value, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return nil }
                return Answer(
                    source: self, question: question, questionText: item["text"]?.stringValue ?? question, value: value,
                    answerText: item["answerText"]?.stringValue, note: item["note"]?.stringValue)
            }
            return nil
        }

        /// An assessment of the outcome by id.
        func assessment(_ id: String) -> JSONValue? {
            (result["outcome"]?["assessments"]?.arrayValue ?? []).first { $0["id"]?.stringValue?.equalsExactly(id) == true }
        }

        /// A classification of the outcome by id.
        func classification(_ id: String) -> JSONValue? {
            (result["outcome"]?["classifications"]?.arrayValue ?? []).first { $0["id"]?.stringValue?.equalsExactly(id) == true }
        }
    }

    /// One answer that counted.
    struct Answer {
        let source: Source
        let question: String
        let questionText: String
        let value: JSONValue
        let answerText: String?
        let note: String?

        /// A free-text answer, trimmed.
        var text: String? { value.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) }
        /// The selected option ids of a single or multiple choice.
        var options: [String] {
            switch value {
            case .string(let id): [id]
            case .array(let items): items.compactMap(\.stringValue)
            default: []
            }
        }
        /// The answer in words: the option labels, or the text itself.
        var words: String { answerText ?? text ?? "" }
        /// Where the field value came from: a pointer into the result.
        var origin: Origin { Origin(source: source, item: "answers/\(question)") }

        /// The answer as material for someone filling a field by hand.
        var material: JSONValue {
            var entry: [(key: String, value: JSONValue)] = [
                ("questionnaire", .string(source.questionnaire)), ("question", .string(question)),
                ("text", .string(questionText)), ("answer", .string(words)),
            ]
            if let note { entry.append(("note", .string(note))) }
            return .object(entry)
        }
    }

    /// A part of one result that a field value was taken from.
    struct Origin {
        let source: Source
        let item: String

        var json: JSONValue {
            ["result": .string(source.id), "questionnaire": .string(source.questionnaire), "item": .string(item)]
        }
    }

    /// What is known about a field that is left to fill by hand.
    struct ByHand {
        var hint: String
        var answers: [JSONValue] = []
        var outcomes: [JSONValue] = []
    }

    /// Collects the fields, their origins, the notes to check and the fields left open.
    struct Builder {
        let sources: [Source]
        var fields: [(key: String, value: JSONValue)] = []
        var filledFrom: [(key: String, value: JSONValue)] = []
        var toCheck: [(field: String, hint: String)] = []
        var byHand: [String: ByHand] = [:]

        init(sources: [Source]) {
            self.sources = sources
        }

        /// The result of this questionnaire, if one was given.
        func source(_ questionnaire: String) -> Source? {
            sources.first { $0.questionnaire.equalsExactly(questionnaire) }
        }

        /// The first answer that counted, trying (questionnaire, question) pairs in order.
        func firstAnswer(_ candidates: [(String, String)]) -> Answer? {
            for (questionnaire, question) in candidates {
                if let answer = source(questionnaire)?.answer(question) { return answer }
            }
            return nil
        }

        /// Every answer that counted among the candidates, "weet ik niet" too, as material.
        func material(_ candidates: [(String, String)]) -> [JSONValue] {
            candidates.compactMap { source($0.0)?.answer($0.1, includingUnknown: true)?.material }
        }

        /// Fills a text field, unless it is longer than the standard allows: then the field
        /// is left to fill by hand with the text as material, since cutting it could change
        /// its meaning.
        mutating func fill(_ key: String, _ text: String, from origins: [Origin], check: String? = nil, material: [JSONValue] = []) {
            let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return }
            if let maximum = AlgoritmeregisterStandard.field(key)?.maximumLength, text.unicodeScalars.count > maximum {
                let shown = material.isEmpty ? [JSONValue.object([("draft", .string(text))])] : material
                leave(
                    key, "De tekst uit Grip is te lang voor dit veld (\(text.unicodeScalars.count) tekens, maximaal \(maximum)). Kort hem in.",
                    answers: shown)
                return
            }
            fields.append((key, .string(text)))
            if !origins.isEmpty { filledFrom.append((key, .array(origins.map(\.json)))) }
            if let check { toCheck.append((key, check)) }
            // Kept as written (the export must show what the signed result says), but a
            // public register is no place for terminal codes or spreadsheet formulas.
            if text.unicodeScalars.contains(where: { DisplaySafety.isUnsafe($0) && !["\n", "\r", "\t"].contains($0) }) || ResultExporter.startsLikeFormula(text) {
                toCheck.append((key, "De tekst bevat stuurtekens of begint als een formule (=, +, - of @). Controleer of dat zo bedoeld is voordat u publiceert."))
            }
        }

        mutating func leave(_ key: String, _ hint: String, answers: [JSONValue] = [], outcomes: [JSONValue] = []) {
            byHand[key] = ByHand(hint: hint, answers: answers, outcomes: outcomes)
        }

        func isFilled(_ key: String) -> Bool { fields.contains { $0.key == key } }

        func document(bundledQuestionnaires: Set<String>?) -> JSONValue {
            let words = ResultReport.Words("nl")
            var open: [JSONValue] = []
            for field in AlgoritmeregisterStandard.fields where !isFilled(field.key) {
                let known = byHand[field.key] ?? ByHand(hint: AlgoritmeregisterExport.defaultHints[field.key] ?? "Vul dit veld in volgens de standaard.")
                var entry: [(key: String, value: JSONValue)] = [
                    ("field", .string(field.key)), ("title", .string(field.title)),
                    ("requiredForPublication", .bool(field.required)), ("hint", .string(known.hint)),
                ]
                if !field.allowedValues.isEmpty { entry.append(("allowedValues", .array(field.allowedValues.map(JSONValue.string)))) }
                if !known.answers.isEmpty { entry.append(("fromGrip", .array(known.answers))) }
                if !known.outcomes.isEmpty { entry.append(("gripOutcomes", .array(known.outcomes))) }
                open.append(.object(entry))
            }
            let provenance: [JSONValue] = sources.map { source in
                let questionnaire = source.result["questionnaire"]
                var questionnaireEntry: [(key: String, value: JSONValue)] = [
                    ("id", .string(source.questionnaire)), ("version", .string(source.questionnaireVersion)),
                    ("sha256", .string(questionnaire?["sha256"]?.stringValue ?? "")),
                ]
                if let bundledQuestionnaires {
                    let sha = questionnaire?["sha256"]?.stringValue ?? ""
                    questionnaireEntry.append(("bundled", .bool(bundledQuestionnaires.contains(sha))))
                }
                let signer = source.result["signer"]
                let status: String =
                    switch source.verification.status {
                    case .validTrusted: "valid-trusted-signer"
                    default: "valid-unknown-signer"
                    }
                return [
                    "file": .string(source.file),
                    "result": .string(source.id),
                    "questionnaire": .object(questionnaireEntry),
                    "language": .string(source.result["language"]?.stringValue ?? ""),
                    "completedAt": .string(source.result["completedAt"]?.stringValue ?? ""),
                    "assessor": .string(source.result["subject"]?["assessor"]?.stringValue ?? ""),
                    "signer": [
                        "name": .string(signer?["name"]?.stringValue ?? ""),
                        "organisation": .string(signer?["organisation"]?.stringValue ?? ""),
                        "keyId": .string(source.verification.keyID ?? ""),
                    ],
                    "verification": ["status": .string(status), "text": .string(words.verification(source.verification))],
                ]
            }
            return [
                "standard": [
                    "name": .string(AlgoritmeregisterStandard.name), "version": .string(AlgoritmeregisterStandard.version),
                    "url": .string(AlgoritmeregisterStandard.url), "repository": .string(AlgoritmeregisterStandard.repository),
                    "schema": .string(AlgoritmeregisterStandard.schema),
                ],
                "fields": .object(fields),
                "filledFrom": .object(filledFrom),
                "toCheck": .array(toCheck.map { ["field": .string($0.field), "hint": .string($0.hint)] }),
                "toFillByHand": .array(open),
                "provenance": .array(provenance),
            ]
        }
    }
}
