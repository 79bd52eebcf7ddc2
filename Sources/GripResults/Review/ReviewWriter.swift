import Foundation

/// Writes a signed review beside the result it covers; shared by `grip countersign` and
/// the review desk.
public enum ReviewWriter {
    public enum Problem: Error, Sendable {
        /// The result does not verify: a review can only cover a genuine, unchanged result.
        case resultDoesNotVerify(String)
        case unknownAssessment(String, known: [String])
        /// A practice result from a workshop: there is no assessment to review.
        case practice
    }

    /// Verifies the result, signs the review with `key` and writes it beside the result
    /// (never replacing a file); returns where.
    public static func write(
        resultAt path: String, trustList: TrustList, key: SigningKey, verdict: Review.Verdict, remarks: String,
        judgements: [Review.Judgement] = [], actions: [Review.Action] = [], nextReview: String? = nil, now: Date = Date()
    ) throws -> URL {
        try write(
            opened: ResultFile.open(path, trustList: trustList), key: key, verdict: verdict, remarks: remarks, judgements: judgements,
            actions: actions, nextReview: nextReview, now: now)
    }

    /// The same for a result the caller has opened already (read once).
    public static func write(
        opened: OpenedResult, key: SigningKey, verdict: Review.Verdict, remarks: String,
        judgements: [Review.Judgement] = [], actions: [Review.Action] = [], nextReview: String? = nil, now: Date = Date()
    ) throws -> URL {
        let path = opened.path
        guard opened.verification.isValid, let subject = ReviewDocument.subject(of: opened.document) else {
            throw Problem.resultDoesNotVerify(opened.verification.status.reason(.en) ?? "it is not signed")
        }
        if opened.verification.isPractice { throw Problem.practice }
        let assessments = (opened.document["result"]?["outcome"]?["assessments"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        if let unknown = judgements.first(where: { !assessments.contains($0.assessment) }) {
            throw Problem.unknownAssessment(unknown.assessment, known: assessments.sorted())
        }
        let id = UUID()
        let review = ReviewDocument.review(
            id: id, of: subject, at: now, verdict: verdict, remarks: remarks, judgements: judgements, actions: actions, nextReview: nextReview)
        let json = Data(PrettyJSON.bytes(try ResultSigner.signedReview(review, key: key)))
        let resultURL = URL(fileURLWithPath: path)
        let name = ReviewDocument.fileName(forResultFile: resultURL.lastPathComponent, id: id)
        return try ResultWriter.writeNew(json, named: name, in: resultURL.deletingLastPathComponent())
    }
}
