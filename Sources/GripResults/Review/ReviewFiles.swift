import Foundation

/// A review file found beside a result, verified, and checked against that result.
public struct FoundReview: Sendable {
    public var path: String
    public var verification: VerificationReport
    /// The review when the file verifies as a well-formed review; nil otherwise.
    public var review: Review?
    /// True when the review covers exactly this signed version of the result.
    public var coversThisVersion: Bool
}

/// Review files live beside the result they review (`RESULT.review-XXXXXXXX.json`).
public enum ReviewFiles {
    /// The reviews beside the result at `resultPath`, oldest first. A review that names
    /// another result id is left out (it is someone else's file with a similar name); one
    /// for another version of this result is kept and says so.
    /// `names`, when the caller has listed the folder already, are the file names to consider.
    public static func reviews(besideResultAt resultPath: String, result: JSONValue, trustList: TrustList, names: [String]? = nil) -> [FoundReview] {
        let url = URL(fileURLWithPath: resultPath)
        let directory = url.deletingLastPathComponent()
        let names = names ?? (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let subject = ReviewDocument.subject(of: result)
        var found: [FoundReview] = []
        for name in names.sorted() where ReviewDocument.isReviewFile(name, ofResultFile: url.lastPathComponent) && ReviewDocument.isReviewFileName(name) {
            let path = directory.appendingPathComponent(name).path
            found.append(check(path, against: subject, trustList: trustList))
        }
        return found
            .filter { $0.review == nil || $0.review?.reviewed.resultID == subject?.resultID }
            .sorted { ($0.review?.reviewedAt ?? "", $0.path) < ($1.review?.reviewedAt ?? "", $1.path) }
    }

    /// Verifies the review file at `path` and compares it with the result it should cover.
    public static func check(_ path: String, against subject: Review.Subject?, trustList: TrustList) -> FoundReview {
        let verification: VerificationReport
        var review: Review?
        do throws(ResultFile.Problem) {
            let data = try ResultFile.bytes(path)
            if let document = try? StrictJSONParser.parse(Array(data)) {
                verification = ResultVerifier.verify(document: document, trustList: trustList)
                if verification.isValid, verification.kind == .review { review = ReviewDocument.parse(document) }
            } else {
                verification = ResultVerifier.verify(data, trustList: trustList)
            }
        } catch {
            verification = VerificationReport(status: .malformed("cannot read the file"))
        }
        let covers = review.map { review in
            subject.map { review.reviewed.resultSHA256 == $0.resultSHA256 && review.reviewed.signature == $0.signature } ?? false
        } ?? false
        return FoundReview(path: path, verification: verification, review: review, coversThisVersion: covers)
    }

    /// The result file a review file sits beside by the naming rule.
    public static func resultPath(forReviewAt path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard ReviewDocument.isReviewFileName(name), let range = name.range(of: ".review-", options: .backwards) else { return nil }
        return url.deletingLastPathComponent().appendingPathComponent(String(name[..<range.lowerBound]) + ".json").path
    }
}
