import Foundation
import GripEngine

/// Something about a system that needs attention, for the desk's flags and the register.
public enum RegisterFlag: Sendable, Equatable, Hashable {
    /// The latest review set a date for the next review, and it has passed.
    case reviewOverdue(String)
    /// An action from the latest review is past its due date.
    case actionOverdue(String)
    /// A result was made with an older version of its questionnaire than Grip has now.
    case outdatedQuestionnaire(id: String, version: String, current: String)
    /// An obligation that applies from a date after the assessment, which has now passed.
    case obligationStarted(assessment: String, date: String)
    /// The latest result is signed by a key not on the trust list.
    case unknownSigner(String)
    /// Its answers, run through the current version of the questionnaire, give another outcome.
    case newerVersionChangesOutcome(id: String, current: String)

    public func words(_ language: Language) -> String {
        let nl = language == .nl
        switch self {
        case .reviewOverdue(let date): return nl ? "herbeoordeling te laat (\(date))" : "re-assessment overdue (\(date))"
        case .actionOverdue(let date): return nl ? "actie over tijd (\(date))" : "action overdue (\(date))"
        case .outdatedQuestionnaire(let id, let version, let current):
            return nl ? "\(id) \(version) verouderd (nu \(current))" : "\(id) \(version) outdated (now \(current))"
        case .obligationStarted(let assessment, let date):
            return nl ? "\(assessment) geldt sinds \(date)" : "\(assessment) applies since \(date)"
        case .unknownSigner(let name): return nl ? "onbekende ondertekenaar \(name)" : "unknown signer \(name)"
        case .newerVersionChangesOutcome(let id, let current):
            return nl ? "met \(id) \(current) een andere uitkomst" : "\(id) \(current) gives another outcome"
        }
    }

    /// A short stable code for CSV and JSON.
    public var code: String {
        switch self {
        case .reviewOverdue: "review-overdue"
        case .actionOverdue: "action-overdue"
        case .outdatedQuestionnaire: "outdated-questionnaire"
        case .obligationStarted: "obligation-started"
        case .unknownSigner: "unknown-signer"
        case .newerVersionChangesOutcome: "newer-version-changes-outcome"
        }
    }
}

/// `IndexedFile.verification`, remembering per key and claimed name what the trust list
/// says (decoding and checking a key costs more than everything else in a row).
struct CachedTrust {
    let trustList: TrustList
    private var known: [String: VerificationReport] = [:]

    init(trustList: TrustList) { self.trustList = trustList }

    mutating func verification(of file: IndexedFile) -> VerificationReport {
        guard case .valid(let keyID, let publicKey) = file.signature else { return file.verification(trustList) }
        let key = [keyID, publicKey, file.claimedSigner ?? "", file.claimedOrganisation ?? ""].joined(separator: "\u{1F}")
        var report = known[key] ?? {
            let report = file.verification(trustList)
            known[key] = report
            return report
        }()
        // What differs per file: the result's own fields.
        if let result = file.result {
            report.kind = .result
            report.resultID = result.id
            report.questionnaireID = result.questionnaireID
            report.questionnaireVersion = result.questionnaireVersion
        } else {
            report.kind = file.review != nil ? .review : nil
            report.resultID = nil
            report.questionnaireID = nil
            report.questionnaireVersion = nil
        }
        return report
    }
}

extension RegisterOverview {
    /// The rescore check for `assess`: reads the result and runs it through `questionnaire(id)`.
    public static func rescorer(_ questionnaire: @escaping (String) -> Questionnaire?) -> (String, String) -> Bool? {
        { path, id in
            guard let current = questionnaire(id), let opened = try? ResultFile.open(path, trustList: TrustList()) else { return nil }
            return Rescore.outcomeChanges(result: opened.document, questionnaire: current)
        }
    }
}

/// The flags of one result, given the reviews that cover it and what Grip knows now.
public enum ResultFlags {
    public static func of(
        _ result: IndexedResult, verification: VerificationReport, reviews: [Review], currentVersions: [String: String], today: String
    ) -> [RegisterFlag] {
        var flags: [RegisterFlag] = []
        let latestReview = reviews.max { $0.reviewedAt < $1.reviewedAt }
        if let next = latestReview?.nextReview, next < today { flags.append(.reviewOverdue(next)) }
        if let due = latestReview?.actions.map(\.due).filter({ $0 < today }).min() { flags.append(.actionOverdue(due)) }
        if let current = currentVersions[result.questionnaireID], current != result.questionnaireVersion {
            flags.append(.outdatedQuestionnaire(id: result.questionnaireID, version: result.questionnaireVersion, current: current))
        }
        let assessed = String(result.completedAt.prefix(10))
        for assessment in result.assessments {
            if let date = assessment.appliesFrom, date > assessed, date <= today, assessment.level != AssessmentLevel.notNeeded.rawValue {
                flags.append(.obligationStarted(assessment: assessment.title.isEmpty ? assessment.id : assessment.title, date: date))
            }
        }
        if case .validUnknownSigner = verification.status { flags.append(.unknownSigner(verification.claimedSigner ?? "?")) }
        return flags
    }
}

/// The register: one row per system, for the management report a privacy officer hands on.
public struct RegisterOverview: Sendable {
    public struct Instrument: Sendable, Equatable {
        public var result: IndexedResult
        public var path: String
        public var verification: VerificationReport
        /// Valid reviews covering exactly this result, oldest first.
        public var reviews: [Review]
        public var reviewTrusted: Bool
        public var flags: [RegisterFlag]

        public var latestReview: Review? { reviews.last }
    }

    public struct System: Sendable {
        public var system: String
        public var organisation: String
        /// The latest result per instrument, in the order people use them.
        public var instruments: [Instrument]
        /// Earlier results of the same instruments.
        public var earlier: Int

        public var highestLevel: String? {
            instruments.compactMap { $0.result.highestLevel.flatMap(AssessmentLevel.init(rawValue:)) }.max()?.rawValue
        }

        /// Per assessment id, the level in the latest result that has it.
        public var levels: [(assessment: String, title: String, level: String)] {
            var seen: [String: IndexedResult.Assessment] = [:]
            var order: [String] = []
            for instrument in instruments.sorted(by: { $0.result.completedAt > $1.result.completedAt }) {
                for assessment in instrument.result.assessments where seen[assessment.id] == nil {
                    seen[assessment.id] = assessment
                    order.append(assessment.id)
                }
            }
            return order.compactMap { id in seen[id].map { (id, $0.title.isEmpty ? id : $0.title, $0.level) } }
        }

        public var openActions: [Review.Action] { instruments.flatMap { $0.latestReview?.actions ?? [] }.sorted { $0.due < $1.due } }
        public var flags: [RegisterFlag] { instruments.flatMap(\.flags) }
        public var latestReview: Review? { instruments.compactMap(\.latestReview).max { $0.reviewedAt < $1.reviewedAt } }
    }

    /// A file that is not counted: it does not verify, or is not a result Grip can read.
    public struct Problem: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    public var systems: [System]
    public var problems: [Problem]
    public var today: String

    /// The spelling most results use (trimmed); the later one when two are as common.
    static func usualSpelling(_ names: [String]) -> String {
        var counts: [String: Int] = [:]
        for name in names { counts[name.trimmingCharacters(in: .whitespaces), default: 0] += 1 }
        var best = ""
        for name in names.reversed().map({ $0.trimmingCharacters(in: .whitespaces) }) where (counts[name] ?? 0) > (counts[best] ?? 0) { best = name }
        return best
    }

    /// Every genuine result (not practice, signature holding) with the valid reviews
    /// that cover exactly its version and its flags; and the files not counted, with why.
    /// `rescore`, when given, is asked for results made with an older questionnaire version
    /// whether the current version gives their answers another outcome (it reads the file).
    public static func assess(
        index: ResultIndex, trustList: TrustList, currentVersions: [String: String], today: String,
        rescore: ((_ path: String, _ questionnaireID: String) -> Bool?)? = nil
    ) -> (results: [Instrument], problems: [Problem]) {
        var problems: [Problem] = []
        var reviewsByResult: [String: [(review: Review, trusted: Bool)]] = [:]
        // Thousands of files share a few keys: each key is checked against the trust list once.
        var verifier = CachedTrust(trustList: trustList)
        for file in index.files {
            let verification = verifier.verification(of: file)
            switch file.content {
            case .unreadable:
                problems.append(Problem(path: file.path, reason: verification.status.reason(.en) ?? "not a Grip result or review"))
            case .review(let review):
                guard verification.isValid else {
                    problems.append(Problem(path: file.path, reason: verification.status.reason(.en) ?? "does not verify"))
                    continue
                }
                let trusted = if case .validTrusted = verification.status { true } else { false }
                reviewsByResult[review.reviewed.resultID, default: []].append((review, trusted))
            case .result:
                if !verification.isValid {
                    problems.append(Problem(path: file.path, reason: verification.status.reason(.en) ?? "does not verify"))
                }
            }
        }
        var results: [Instrument] = []
        for file in index.results {
            guard let result = file.result else { continue }
            let verification = verifier.verification(of: file)
            guard verification.isValid else { continue }
            // A review counts only for the very version it was made for.
            let covering = (reviewsByResult[result.id] ?? [])
                .filter { $0.review.reviewed.resultSHA256 == result.contentSHA256 && $0.review.reviewed.signature == result.signatureValue }
                .sorted { $0.review.reviewedAt < $1.review.reviewedAt }
            var flags = ResultFlags.of(result, verification: verification, reviews: covering.map(\.review), currentVersions: currentVersions, today: today)
            if let rescore, let current = currentVersions[result.questionnaireID], current != result.questionnaireVersion,
                rescore(file.path, result.questionnaireID) == true
            {
                flags.append(.newerVersionChangesOutcome(id: result.questionnaireID, current: current))
            }
            results.append(Instrument(
                result: result, path: file.path, verification: verification, reviews: covering.map(\.review),
                reviewTrusted: covering.last?.trusted ?? false, flags: flags))
        }
        return (results, problems.sorted { $0.path < $1.path })
    }

    /// Which results belong to one system: the same organisation and system name, ignoring
    /// case and surrounding spaces.
    public static func systemKey(_ result: IndexedResult) -> String {
        func normal(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces).lowercased() }
        return normal(result.organisation) + "\u{1F}" + normal(result.system)
    }

    /// Groups the index by system. Practice results, files that do not verify and reviews
    /// that do not cover a result exactly are never counted.
    public init(
        index: ResultIndex, trustList: TrustList, currentVersions: [String: String], today: String, order: [String] = [],
        rescore: ((_ path: String, _ questionnaireID: String) -> Bool?)? = nil
    ) {
        self.today = today
        let (results, problems) = Self.assess(index: index, trustList: trustList, currentVersions: currentVersions, today: today, rescore: rescore)
        var groups: [String: [Instrument]] = [:]
        for instrument in results { groups[Self.systemKey(instrument.result), default: []].append(instrument) }
        func rank(_ id: String) -> Int { order.firstIndex(of: id) ?? order.count }
        systems = groups.values.map { all in
            var latest: [String: Instrument] = [:]
            for instrument in all where (latest[instrument.result.questionnaireID]?.result.completedAt ?? "") <= instrument.result.completedAt {
                latest[instrument.result.questionnaireID] = instrument
            }
            let instruments = latest.values.sorted { (rank($0.result.questionnaireID), $0.result.questionnaireID) < (rank($1.result.questionnaireID), $1.result.questionnaireID) }
            return System(
                system: Self.usualSpelling(all.map(\.result.system)), organisation: Self.usualSpelling(all.map(\.result.organisation)),
                instruments: instruments, earlier: all.count - instruments.count)
        }
        .sorted { ($0.system.lowercased(), $0.organisation.lowercased()) < ($1.system.lowercased(), $1.organisation.lowercased()) }
        self.problems = problems
    }
}
