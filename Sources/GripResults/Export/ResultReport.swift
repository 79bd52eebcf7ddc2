import Foundation
import GripEngine
import GripScoring

/// A result file read for people: everything an export or a screen shows, taken from
/// the file alone (results are self-contained), tolerant of missing optional parts.
public struct ResultReport: Sendable {
    public struct Source: Sendable {
        public var title: String, article: String?, url: String?

        /// "AVG Art. 35(3)(a)": the title with the article, as every report cites it.
        public var label: String { [title, article].compactMap { $0 }.joined(separator: " ") }
    }
    public struct Reason: Sendable {
        public var text: String, sources: [Source]
        /// The answers that made the criterion hold ("question = answer"), when the result names them.
        public var answers: [String] = []
    }
    public struct OpenPoint: Sendable { public var text: String, questions: [String] }
    public struct Assessment: Sendable {
        public var id: String, title: String, level: String
        public var reasons: [Reason], openPoints: [OpenPoint]
        public var nextStep: String, rationale: String?, appliesFrom: String?, appliesNote: String?
    }
    public struct Classification: Sendable {
        /// `category` is set only when decided; `headline` is what to show either way.
        public var title: String, category: String?, possible: [String], headline: String
    }
    public struct Dimension: Sendable {
        public var title: String, value: Int, maximum: Int

        /// How many of `cells` a bar fills: the value clamped to 0...maximum, whatever a
        /// file says (negative values, a zero or negative maximum, huge numbers).
        public func barCells(_ cells: Int) -> Int {
            guard maximum > 0 else { return 0 }
            let clamped = min(max(value, 0), maximum)
            return Int((Double(clamped) / Double(maximum) * Double(cells)).rounded(.down))
        }
    }
    public struct Answer: Sendable {
        public var question: String, section: String, type: String, text: String
        public var shown: Bool, value: String?, answerText: String?, note: String?
    }

    public var language: String
    public var questionnaireID: String, questionnaireTitle: String, questionnaireVersion: String, questionnaireSHA256: String
    public var system: String, organisation: String, assessor: String
    public var startedAt: String, completedAt: String, resultID: String
    public var signerName: String?, signerOrganisation: String?
    public var assessments: [Assessment] = []
    public var classifications: [Classification] = []
    public var dimensions: [Dimension] = []
    public var warnings: [Reason] = []
    public var nextInstruments: [String] = []
    public var answers: [Answer] = []
    public var verification: VerificationReport

    public init(document: JSONValue, verification: VerificationReport) {
        let result = document["result"] ?? .object([])
        func text(_ value: JSONValue?, _ key: String) -> String { value?[key]?.stringValue ?? "" }
        func sources(_ value: JSONValue?) -> [Source] {
            (value?.arrayValue ?? []).map { Source(title: text($0, "title"), article: $0["article"]?.stringValue, url: $0["url"]?.stringValue) }
        }
        func reasons(_ value: JSONValue?) -> [Reason] {
            (value?.arrayValue ?? []).map { reason in
                Reason(
                    text: text(reason, "text"), sources: sources(reason["sources"]),
                    answers: (reason["answers"]?.arrayValue ?? []).map { "\(text($0, "question")) = \(text($0, "answer"))" })
            }
        }
        language = text(result, "language")
        let questionnaire = result["questionnaire"]
        questionnaireID = text(questionnaire, "id")
        questionnaireTitle = questionnaire?["title"]?.stringValue ?? questionnaireID
        questionnaireVersion = text(questionnaire, "version")
        questionnaireSHA256 = text(questionnaire, "sha256")
        let subject = result["subject"]
        system = text(subject, "system")
        organisation = text(subject, "organisation")
        assessor = text(subject, "assessor")
        startedAt = text(result, "startedAt")
        completedAt = text(result, "completedAt")
        resultID = text(result, "id")
        signerName = result["signer"]?["name"]?.stringValue
        signerOrganisation = result["signer"]?["organisation"]?.stringValue
        let outcome = result["outcome"]
        assessments = (outcome?["assessments"]?.arrayValue ?? []).map { item in
            Assessment(
                id: text(item, "id"), title: text(item, "title"), level: text(item, "level"),
                reasons: reasons(item["reasons"]),
                openPoints: (item["openPoints"]?.arrayValue ?? []).map {
                    OpenPoint(text: text($0, "text"), questions: ($0["questions"]?.arrayValue ?? []).compactMap(\.stringValue))
                },
                nextStep: text(item, "nextStep"), rationale: item["rationale"]?.stringValue,
                appliesFrom: item["appliesFrom"]?.stringValue, appliesNote: item["appliesNote"]?.stringValue)
        }
        let english = language == "en"
        classifications = (outcome?["classifications"]?.arrayValue ?? []).map { item in
            let possible = (item["possible"]?.arrayValue ?? []).map { text($0, "title") }
            // Results written before `status` existed carried the weaker category beside
            // the possible ones: read any result with a possible stronger one as undecided.
            let decided = item["status"]?.stringValue != "undecided" && possible.isEmpty
            let headline: String
            if decided {
                headline = item["category"]?["title"]?.stringValue ?? "—"
            } else {
                let words = ClassificationOutcome.undecidedHeadline(possibly: LocalizedText(nl: possible.first ?? "?", en: possible.first ?? "?"))
                headline = english ? words.en : words.nl
            }
            return Classification(
                title: text(item, "title"), category: decided ? item["category"]?["title"]?.stringValue : nil,
                possible: possible, headline: headline)
        }
        dimensions = (outcome?["dimensions"]?.arrayValue ?? []).map { item in
            Dimension(title: text(item, "title"), value: Int(item["value"]?.integerValue ?? 0), maximum: max(1, Int(item["max"]?.integerValue ?? 1)))
        }
        warnings = reasons(outcome?["warnings"])
        nextInstruments = (outcome?["nextInstruments"]?.arrayValue ?? []).compactMap(\.stringValue)
        answers = (result["answers"]?.arrayValue ?? []).map { item in
            let value: String? =
                switch item["value"] {
                case .string(let string)?: string
                case .integer(let number)?: String(number)
                case .array(let items)?: items.compactMap(\.stringValue).joined(separator: ";")
                default: nil
                }
            return Answer(
                question: text(item, "question"), section: text(item, "section"), type: text(item, "type"), text: text(item, "text"),
                shown: item["visibility"]?.stringValue != "hidden", value: value,
                answerText: item["answerText"]?.stringValue, note: item["note"]?.stringValue)
        }
        self.verification = verification
    }

    /// The words of reports, in the result's language.
    struct Words {
        let dutch: Bool
        init(_ language: String) { dutch = language != "en" }

        /// The level in words, as the outcome text says it, starting with a capital.
        func level(_ level: String) -> String {
            guard let known = AssessmentLevel(rawValue: level) else { return level }
            let words = OutcomeText.Words(dutch ? .nl : .en).level(known)
            return words.prefix(1).uppercased() + words.dropFirst()
        }

        func verification(_ report: VerificationReport) -> String {
            switch report.status {
            case .validTrusted(let signer): dutch ? "Geldig, ondertekend door vertrouwde ondertekenaar \(signer)" : "Valid, signed by trusted signer \(signer)"
            case .validUnknownSigner: report.signerWarning(dutch ? .nl : .en) ?? ""
            case .invalid: (dutch ? "ONGELDIG: " : "INVALID: ") + (report.status.reason(dutch ? .nl : .en) ?? "")
            case .malformed: (dutch ? "ONLEESBAAR: " : "MALFORMED: ") + (report.status.reason(dutch ? .nl : .en) ?? "")
            case .unsigned: dutch ? "NIET ONDERTEKEND" : "UNSIGNED"
            }
        }

        /// The line at the top of a report of a file that does not verify; nil when it does.
        func untrustedBanner(_ report: VerificationReport) -> String? {
            if report.isPractice, report.isValid {
                return dutch
                    ? "◇ OEFENING: een oefenresultaat uit een workshop, ondertekend met een oefensleutel. Geen beoordeling van een echt systeem."
                    : "◇ PRACTICE: a practice result from a workshop, signed with a practice key. Not an assessment of a real system."
            }
            guard !report.isValid else { return nil }
            return dutch
                ? "✗ NIET TE VERTROUWEN: dit bestand is geen geldig ondertekend resultaat (\(verification(report))). Niets hieronder is nagegaan."
                : "✗ DO NOT TRUST: this file is not a validly signed result (\(verification(report))). Nothing below has been checked."
        }

        var subject: String { dutch ? "Onderwerp" : "Subject" }
        var system: String { dutch ? "Systeem" : "System" }
        var organisation: String { dutch ? "Organisatie" : "Organisation" }
        var assessor: String { dutch ? "Ingevuld door" : "Assessor" }
        var completed: String { dutch ? "Afgerond" : "Completed" }
        var questionnaire: String { dutch ? "Vragenlijst" : "Questionnaire" }
        var outcome: String { dutch ? "Uitkomst" : "Outcome" }
        var reasons: String { dutch ? "Redenen" : "Reasons" }
        var because: String { dutch ? "omdat" : "because" }
        var openPoints: String { dutch ? "Open punten (nog uitzoeken of dit geldt)" : "Open points (to find out whether these hold)" }
        var resolve: String { dutch ? "vragen" : "questions" }
        var nextStep: String { dutch ? "Volgende stap" : "Next step" }
        var rationale: String { dutch ? "Onderbouwing" : "Rationale" }
        var appliesFrom: String { dutch ? "Geldt vanaf" : "Applies from" }
        var dimensions: String { dutch ? "Scores per aandachtsgebied" : "Dimension scores" }
        var warnings: String { dutch ? "Let op: tegenstrijdige antwoorden" : "Attention: contradicting answers" }
        var nextInstruments: String { dutch ? "Vervolginstrumenten" : "Next instruments" }
        var answers: String { dutch ? "Antwoorden" : "Answers" }
        var hiddenAnswers: String { dutch ? "Antwoorden die door latere keuzes niet meetellen" : "Answers that no longer count after later changes" }
        var note: String { dutch ? "Toelichting" : "Note" }
        var signature: String { dutch ? "Ondertekening" : "Signature" }
        var signer: String { dutch ? "Ondertekenaar" : "Signer" }
        var keyFingerprint: String { dutch ? "Sleutel (vingerafdruk)" : "Key fingerprint" }
        var resultID: String { dutch ? "Resultaat-id" : "Result id" }
        var notAnswered: String { dutch ? "(niet beantwoord)" : "(not answered)" }
    }
}
