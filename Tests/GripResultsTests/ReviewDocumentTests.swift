import Foundation
import GripEngine
import Testing
@testable import GripResults

/// The review contract: it covers one signed version of one result (issue 11).
struct ReviewDocumentTests {
    static func signedResultDocument(language: String = "nl") throws -> JSONValue {
        var text = String(decoding: try signedBytes(), as: UTF8.self)
        if language != "nl" {
            // Another version of the same result (same id), signed again by the same key.
            let document = try StrictJSONParser.parse(Array(text.utf8))
            guard case .object(var members) = document["result"] else { throw CocoaError(.coderInvalidValue) }
            members.removeAll { $0.key == "language" }
            members.append(("language", .string(language)))
            text = String(decoding: PrettyJSON.bytes(try ResultSigner.signedDocument(result: .object(members), key: testKey)), as: UTF8.self)
        }
        return try StrictJSONParser.parse(Array(text.utf8))
    }

    @Test func aSignedReviewParsesBackAndVerifiesAsAReview() throws {
        let result = try Self.signedResultDocument()
        let subject = try #require(ReviewDocument.subject(of: result))
        #expect(subject.resultSHA256 == ResultDocument.sha256Hex(Data(CanonicalJSON.bytes(try #require(result["result"])))))
        let actions = [Review.Action(text: "DPIA", owner: "Team", due: "2027-01-31")]
        let judgements = [Review.Judgement(assessment: "dpia", remark: "eens")]
        let content = ReviewDocument.review(
            id: UUID(), of: subject, at: Date(timeIntervalSince1970: 1_800_000_000), verdict: .disagree, remarks: "r",
            judgements: judgements, actions: actions, nextReview: "2028-02-29")
        let signed = try ResultSigner.signedReview(content, key: testKey)
        let report = ResultVerifier.verify(Data(PrettyJSON.bytes(signed)), trustList: TrustList())
        #expect(report.status == .validUnknownSigner && report.kind == .review)
        let review = try #require(ReviewDocument.parse(signed))
        #expect(review.verdict == .disagree && review.actions == actions && review.judgements == judgements)
        #expect(review.reviewed == subject && review.nextReview == "2028-02-29" && review.reviewerKeyID == testKey.keyID)
        // A review is never taken for a result.
        #expect(throws: ResultFile.Problem.self) { try Self.openAsResult(signed) }
    }

    static func openAsResult(_ document: JSONValue) throws(ResultFile.Problem) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString).json")
        try? Data(PrettyJSON.bytes(document)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try ResultFile.open(url.path, trustList: TrustList())
    }

    @Test func aReviewCoversOnlyTheVersionItWasMadeFor() throws {
        let original = try Self.signedResultDocument()
        let other = try Self.signedResultDocument(language: "en")
        let subject = try #require(ReviewDocument.subject(of: original))
        let otherSubject = try #require(ReviewDocument.subject(of: other))
        #expect(subject.resultID == otherSubject.resultID, "same result id")
        #expect(subject.resultSHA256 != otherSubject.resultSHA256)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reviews-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let id = UUID()
        let review = try ResultSigner.signedReview(
            ReviewDocument.review(id: id, of: subject, at: Date(), verdict: .agree, remarks: "", judgements: [], actions: [], nextReview: nil), key: testKey)
        let reviewURL = directory.appendingPathComponent(ReviewDocument.fileName(forResultFile: "r.json", id: id))
        try Data(PrettyJSON.bytes(review)).write(to: reviewURL)
        let resultPath = directory.appendingPathComponent("r.json").path
        #expect(ReviewFiles.resultPath(forReviewAt: reviewURL.path) == resultPath)

        let covering = ReviewFiles.reviews(besideResultAt: resultPath, result: original, trustList: TrustList())
        #expect(covering.count == 1 && covering[0].coversThisVersion)
        let changed = ReviewFiles.reviews(besideResultAt: resultPath, result: other, trustList: TrustList())
        #expect(changed.count == 1 && !changed[0].coversThisVersion)
    }

    @Test(arguments: [
        ("2027-01-31", true), ("2028-02-29", true), ("2027-02-29", false), ("1900-02-29", false), ("2000-02-29", true),
        ("2027-13-01", false), ("2027-1-01", false), ("27-01-01", false), ("2027-01-00", false), ("２０２７-01-01", false), ("", false),
    ])
    func dates(_ text: String, _ valid: Bool) {
        #expect(ReviewDocument.isDate(text) == valid)
    }

    @Test(arguments: [
        ("2026-11-30-quickscan-x-1a2b3c4d.review-0f0f0f0f.json", true),
        ("2026-11-30-quickscan-x-1a2b3c4d.json", false),
        ("notes.review-draft.json", false),
        ("a.review-0f0f0f0f.json.bak", false),
    ])
    func reviewFileNames(_ name: String, _ isReview: Bool) {
        #expect(ReviewDocument.isReviewFileName(name) == isReview)
    }
}
