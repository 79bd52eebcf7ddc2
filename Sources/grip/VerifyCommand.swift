import ArgumentParser
import Foundation
import GripBundled
import GripEngine
import GripResults
import Synchronization

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify that result and review files are genuine and unchanged.",
        discussion: """
            One line per file: valid (trusted signer), valid (unknown signer), invalid, malformed or unsigned, \
            with the reason. Under a result, the reviews found beside it (RESULT.review-*.json), each \
            verified and checked to cover this very version of the result. Exit status 0 when every file \
            and every review has a valid signature, 1 otherwise.
            """)

    @Argument(help: "Result files, or directories whose .json files are all verified.") var files: [String]
    @Flag(help: "Also fail signatures by signers not on your trust list.") var trustedOnly = false
    @Flag(help: "One JSON object per file, for machines.") var json = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one result file") }
    }

    func run() throws {
        let trustList = KeysCommand.trustListOrWarn(command: "verify")
        let bundledHashes = Dictionary(
            BundledQuestionnaires.files.map { ($0.sha256 ?? ResultDocument.sha256Hex($0.contents), $0.name) }, uniquingKeysWith: { first, _ in first })
        let paths = Self.expand(files)
        // Files are independent: verify them on every core, report in the order given.
        let collected = Mutex([VerificationReport?](repeating: nil, count: paths.count))
        let reviews = Mutex([[FoundReview]](repeating: [], count: paths.count))
        let reviewed = Self.reviewFiles(paths)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let report = ResultFile.verify(paths[index], trustList: trustList)
            collected.withLock { $0[index] = report }
            // Reviews are looked for only where a file by the review naming exists.
            if let names = reviewed[paths[index]], report.kind != .review, let opened = try? ResultFile.open(paths[index], trustList: trustList) {
                let found = ReviewFiles.reviews(besideResultAt: paths[index], result: opened.document, trustList: trustList, names: names)
                reviews.withLock { $0[index] = found }
            }
        }
        let reports = collected.withLock { $0 }
        let foundReviews = reviews.withLock { $0 }
        var allPassed = true
        for (index, (file, report)) in zip(paths, reports.map { $0! }).enumerated() {
            let passed: Bool
            switch report.status {
            case .validTrusted: passed = true
            // A name borrowed from a trusted signer fails even without --trusted-only.
            case .validUnknownSigner: passed = !trustedOnly && report.lookalike?.sameName != true
            default: passed = false
            }
            let besides = foundReviews[index]
            let reviewsPassed = besides.allSatisfy { $0.verification.isValid && $0.review != nil }
            allPassed = allPassed && passed && reviewsPassed
            let knownQuestionnaire = report.questionnaireSHA256.flatMap { bundledHashes[$0] }
            let review = report.kind == .review ? Self.reviewContext(file, trustList: trustList) : nil
            if json {
                Console.out(jsonLine(file: file, report: report, passed: passed && reviewsPassed, knownQuestionnaire: knownQuestionnaire, reviews: besides, review: review))
            } else {
                Console.out(textLine(file: file, report: report, knownQuestionnaire: knownQuestionnaire, review: review))
                for found in besides { Console.out("  " + Self.reviewLine(found)) }
            }
        }
        if !allPassed { throw ExitCode(1) }
    }

    /// Directories stand for the `.json` files directly inside them, sorted by name.
    static func expand(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else { return [argument] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
            return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { URL(fileURLWithPath: argument).appendingPathComponent($0).path }
        }
    }

    /// The paths among `paths` with a review file beside them by name; each directory is listed once.
    static func reviewFiles(_ paths: [String]) -> [String: [String]] {
        // Per folder, the review files by the result they sit beside: one pass over each
        // listing (a folder of 10,000 results is looked up, not scanned per file).
        var byFolder: [String: [String: [String]]] = [:]
        var found: [String: [String]] = [:]
        for path in paths {
            let url = URL(fileURLWithPath: path)
            let directory = url.deletingLastPathComponent().path
            if byFolder[directory] == nil {
                var reviews: [String: [String]] = [:]
                for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                    guard ReviewDocument.isReviewFileName(name), let range = name.range(of: ".review-", options: .backwards) else { continue }
                    reviews[String(name[..<range.lowerBound]) + ".json", default: []].append(name)
                }
                byFolder[directory] = reviews
            }
            if let names = byFolder[directory]?[url.lastPathComponent] { found[path] = names }
        }
        return found
    }

    /// For a review file: the review, and how it relates to the result beside it.
    struct ReviewContext {
        var review: Review?
        /// "matches", "different-version" or "missing".
        var resultBeside: String
    }

    static func reviewContext(_ path: String, trustList: TrustList) -> ReviewContext {
        let resultPath = ReviewFiles.resultPath(forReviewAt: path)
        let subject = resultPath.flatMap { try? ResultFile.open($0, trustList: trustList) }.flatMap { ReviewDocument.subject(of: $0.document) }
        let found = ReviewFiles.check(path, against: subject, trustList: trustList)
        let beside = subject == nil ? "missing" : found.coversThisVersion ? "matches" : "different-version"
        return ReviewContext(review: found.review, resultBeside: beside)
    }

    /// One review under its result: who, when, what, and whether it covers this version.
    static func reviewLine(_ found: FoundReview) -> String {
        let name = URL(fileURLWithPath: found.path).lastPathComponent.displaySafe
        guard let review = found.review else {
            switch found.verification.status {
            case .invalid(let reason), .malformed(let reason): return "review \(name): INVALID: \(reason.displaySafe)"
            case .unsigned: return "review \(name): UNSIGNED"
            default: return "review \(name): not a well-formed review"
            }
        }
        let who: String
        switch found.verification.status {
        case .validTrusted(let signer): who = "\(signer.displaySafe) (trusted)"
        default: who = "\(review.reviewerName.displaySafe) (UNKNOWN reviewer, key \(review.reviewerKeyID.displaySafe))"
        }
        var line = "reviewed by \(who) on \(review.reviewedAt.prefix(10).displaySafe): \(review.verdict.rawValue)"
        if !review.actions.isEmpty { line += ", \(review.actions.count) action\(review.actions.count == 1 ? "" : "s")" }
        if !found.coversThisVersion { line += "; WARNING: it covers a different version of this result" }
        return line + " [\(name)]"
    }

    private func textLine(file: String, report: VerificationReport, knownQuestionnaire: String?, review: ReviewContext?) -> String {
        var line = "\(file.displaySafe): "
        line += VerificationLine.status(report)
        if let review {
            if let parsed = review.review {
                line += "; verdict \(parsed.verdict.rawValue) on result \(parsed.reviewed.resultID.displaySafe) (\(parsed.reviewed.system.displaySafe))"
            } else if report.isValid {
                line += "; but it is not a well-formed review"
            }
            switch review.resultBeside {
            case "matches": line += "; the result beside it is the version reviewed"
            case "different-version": line += "; WARNING: the result beside it is a different version than the one reviewed"
            default: line += "; the reviewed result is not beside it"
            }
        }
        if report.isValid, report.kind == .result, let id = report.questionnaireID {
            line += knownQuestionnaire != nil
                ? "; questionnaire \(id.displaySafe) \((report.questionnaireVersion ?? "").displaySafe) matches the bundled version"
                : "; questionnaire \(id.displaySafe) \((report.questionnaireVersion ?? "").displaySafe) is not a bundled version"
        }
        return line
    }

    private func jsonLine(file: String, report: VerificationReport, passed: Bool, knownQuestionnaire: String?, reviews: [FoundReview], review: ReviewContext?) -> String {
        let (status, reason) = VerificationLine.code(report)
        var members: [(key: String, value: JSONValue)] = [
            ("file", .string(file)), ("kind", .string(report.kind == .review ? "review" : "result")),
            ("status", .string(status)), ("passed", .bool(passed)),
        ]
        if report.kind != .review { members.append(("questionnaireKnown", .bool(knownQuestionnaire != nil))) }
        if report.isPractice { members.append(("practice", .bool(true))) }
        if let reason { members.append(("reason", .string(reason))) }
        if let keyID = report.keyID { members.append(("keyId", .string(keyID))) }
        if case .validTrusted(let signer) = report.status { members.append(("signer", .string(signer))) }
        if let id = report.questionnaireID { members.append(("questionnaire", .string(id))) }
        if let claimed = report.claimedSigner { members.append(("claimedSigner", .string(claimed))) }
        if let lookalike = report.lookalike {
            members.append(("resembles", .object([
                ("signer", .string(lookalike.signer.name)), ("keyId", .string(lookalike.signer.keyId)),
                ("sameName", .bool(lookalike.sameName)),
            ])))
        }
        if let review {
            if let parsed = review.review {
                members.append(("verdict", .string(parsed.verdict.rawValue)))
                members.append(("reviewedResult", .string(parsed.reviewed.resultID)))
            }
            members.append(("resultBeside", .string(review.resultBeside)))
        }
        if report.kind == .result {
            members.append(("reviews", .array(reviews.map { found in
                var entry: [(key: String, value: JSONValue)] = [
                    ("file", .string(found.path)), ("valid", .bool(found.verification.isValid && found.review != nil)),
                    ("trusted", .bool({ if case .validTrusted = found.verification.status { true } else { false } }())),
                    ("coversThisVersion", .bool(found.coversThisVersion)),
                ]
                if let review = found.review {
                    entry += [("reviewer", .string(review.reviewerName)), ("verdict", .string(review.verdict.rawValue)), ("reviewedAt", .string(review.reviewedAt))]
                }
                return .object(entry)
            })))
        }
        return PrettyJSON.line(.object(members))
    }
}
