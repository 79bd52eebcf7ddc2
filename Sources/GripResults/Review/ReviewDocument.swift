import Crypto
import Foundation
import GripEngine

/// A privacy officer's review of one signed result (format `grip-review/1`): the same
/// envelope and signature rules as a result, with a `review` member instead of `result`.
/// It names the result it covers by id, by the SHA-256 of the RFC 8785 bytes of its
/// `result` member and by its signature value, so it covers exactly one signed version
/// and the result's own signature stays untouched.
public struct Review: Sendable, Equatable {
    public enum Verdict: String, CaseIterable, Sendable {
        case agree
        case agreeWithConditions = "agree-with-conditions"
        case disagree
        case moreInformationNeeded = "more-information-needed"

        public func words(_ language: Language) -> String {
            switch (self, language) {
            case (.agree, .nl): "akkoord"
            case (.agree, .en): "agree"
            case (.agreeWithConditions, .nl): "akkoord onder voorwaarden"
            case (.agreeWithConditions, .en): "agree with conditions"
            case (.disagree, .nl): "niet akkoord"
            case (.disagree, .en): "disagree"
            case (.moreInformationNeeded, .nl): "meer informatie nodig"
            case (.moreInformationNeeded, .en): "more information needed"
            }
        }
    }

    public struct Action: Sendable, Equatable {
        public var text: String
        public var owner: String
        /// YYYY-MM-DD.
        public var due: String

        public init(text: String, owner: String, due: String) {
            self.text = text
            self.owner = owner
            self.due = due
        }
    }

    /// The reviewer's view of one assessment of the result (e.g. `dpia`).
    public struct Judgement: Sendable, Equatable {
        public var assessment: String
        public var remark: String

        public init(assessment: String, remark: String) {
            self.assessment = assessment
            self.remark = remark
        }
    }

    /// What identifies the reviewed result.
    public struct Subject: Sendable, Equatable {
        public var resultID: String
        public var resultSHA256: String
        public var signature: String
        public var signerKeyID: String
        public var questionnaireID: String
        public var questionnaireVersion: String
        public var system: String
    }

    public var id: String
    public var reviewed: Subject
    public var reviewerName: String
    public var reviewerOrganisation: String
    public var reviewerKeyID: String
    public var reviewedAt: String
    public var verdict: Verdict
    public var remarks: String
    public var judgements: [Judgement]
    public var actions: [Action]
    public var nextReview: String?
}

public enum ReviewDocument {
    public static let format = "grip-review/1"

    /// The fingerprint of a signed result as a review records it: its id, the SHA-256 of
    /// the RFC 8785 bytes of `result`, and the signature value. Nil for a document that
    /// has no result or no signature value.
    public static func subject(of document: JSONValue) -> Review.Subject? {
        guard let result = document["result"], result.objectValue != nil,
            let signature = document["signature"]?["value"]?.stringValue
        else { return nil }
        return Review.Subject(
            resultID: result["id"]?.stringValue ?? "",
            resultSHA256: ResultDocument.sha256Hex(Data(CanonicalJSON.bytes(result))),
            signature: signature,
            signerKeyID: document["signature"]?["keyId"]?.stringValue ?? "",
            questionnaireID: result["questionnaire"]?["id"]?.stringValue ?? "",
            questionnaireVersion: result["questionnaire"]?["version"]?.stringValue ?? "",
            system: result["subject"]?["system"]?.stringValue ?? "")
    }

    /// The `review` member, without reviewer (the signer adds itself when signing).
    public static func review(
        id: UUID, of subject: Review.Subject, at date: Date, verdict: Review.Verdict, remarks: String,
        judgements: [Review.Judgement], actions: [Review.Action], nextReview: String?
    ) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id.uuidString.lowercased())),
            ("reviewed", [
                "resultId": .string(subject.resultID),
                "resultSha256": .string(subject.resultSHA256),
                "signature": .string(subject.signature),
                "signerKeyId": .string(subject.signerKeyID),
                "questionnaire": ["id": .string(subject.questionnaireID), "version": .string(subject.questionnaireVersion)],
                "system": .string(subject.system),
            ]),
            ("reviewedAt", .string(ResultDocument.timestamp(date))),
            ("verdict", .string(verdict.rawValue)),
            ("remarks", .string(remarks)),
            ("judgements", .array(judgements.map { ["assessment": .string($0.assessment), "remark": .string($0.remark)] })),
            ("actions", .array(actions.map { ["text": .string($0.text), "owner": .string($0.owner), "due": .string($0.due)] })),
            ("tool", ["name": .string(ResultDocument.toolName), "version": .string(ResultDocument.toolVersion)]),
        ]
        if let nextReview { members.append(("nextReview", .string(nextReview))) }
        return .object(members)
    }

    /// The review in a verified document; nil when a field is missing or of the wrong
    /// kind (the file is then malformed as a review, whatever its signature says).
    public static func parse(_ document: JSONValue) -> Review? {
        guard let review = document["review"], let reviewed = review["reviewed"], let reviewer = review["reviewer"],
            let verdict = review["verdict"]?.stringValue.flatMap(Review.Verdict.init(rawValue:)),
            let judgements = review["judgements"]?.arrayValue, let actions = review["actions"]?.arrayValue
        else { return nil }
        func text(_ value: JSONValue?) -> String? { value?.stringValue }
        guard let id = text(review["id"]), let resultID = text(reviewed["resultId"]), let sha = text(reviewed["resultSha256"]),
            let signature = text(reviewed["signature"]), let signerKeyID = text(reviewed["signerKeyId"]),
            let questionnaireID = text(reviewed["questionnaire"]?["id"]), let version = text(reviewed["questionnaire"]?["version"]),
            let system = text(reviewed["system"]), let name = text(reviewer["name"]), let organisation = text(reviewer["organisation"]),
            let keyID = text(reviewer["keyId"]), let reviewedAt = text(review["reviewedAt"]), let remarks = text(review["remarks"])
        else { return nil }
        var parsedJudgements: [Review.Judgement] = []
        for judgement in judgements {
            guard let assessment = text(judgement["assessment"]), let remark = text(judgement["remark"]) else { return nil }
            parsedJudgements.append(Review.Judgement(assessment: assessment, remark: remark))
        }
        var parsedActions: [Review.Action] = []
        for action in actions {
            guard let actionText = text(action["text"]), let owner = text(action["owner"]), let due = text(action["due"]) else { return nil }
            parsedActions.append(Review.Action(text: actionText, owner: owner, due: due))
        }
        let nextReview = review["nextReview"].map { $0.stringValue }
        if let nextReview, nextReview == nil { return nil }
        return Review(
            id: id,
            reviewed: Review.Subject(
                resultID: resultID, resultSHA256: sha, signature: signature, signerKeyID: signerKeyID,
                questionnaireID: questionnaireID, questionnaireVersion: version, system: system),
            reviewerName: name, reviewerOrganisation: organisation, reviewerKeyID: keyID, reviewedAt: reviewedAt,
            verdict: verdict, remarks: remarks, judgements: parsedJudgements, actions: parsedActions, nextReview: nextReview ?? nil)
    }

    /// The name of a review file beside its result: `RESULT.review-1a2b3c4d.json`.
    public static func fileName(forResultFile resultName: String, id: UUID) -> String {
        let stem = resultName.hasSuffix(".json") ? String(resultName.dropLast(5)) : resultName
        return "\(stem).review-\(id.uuidString.lowercased().prefix(8)).json"
    }

    /// Whether `name` is a review file of the result file `resultName` by the naming rule.
    public static func isReviewFile(_ name: String, ofResultFile resultName: String) -> Bool {
        let stem = resultName.hasSuffix(".json") ? String(resultName.dropLast(5)) : resultName
        return name.hasPrefix(stem + ".review-") && name.hasSuffix(".json")
    }

    /// Whether `name` follows the naming of review files (`….review-XXXXXXXX.json`).
    public static func isReviewFileName(_ name: String) -> Bool {
        guard name.hasSuffix(".json"), let range = name.range(of: ".review-", options: .backwards) else { return false }
        let short = name[range.upperBound...].dropLast(5)
        return short.count == 8 && short.allSatisfy(\.isHexDigit)
    }

    /// A real calendar date written YYYY-MM-DD.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}
