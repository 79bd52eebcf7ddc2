import Foundation
import GripEngine
import GripResults

/// One result on the review desk, with everything its row, filters and search need
/// worked out once, so a keystroke only compares what is already there.
public struct DeskRow: Sendable, Equatable {
    public var entry: RegisterOverview.Instrument
    public var systemKey: String
    /// Lower-case text the search looks in: system, organisation, instrument, signer, date.
    let haystack: String
    /// The completion time in local time, worked out once (formatting costs too much per frame).
    public var localTime: String

    public var result: IndexedResult { entry.result }
    public var path: String { entry.path }

    public enum Trust: String, Sendable, CaseIterable {
        case trusted
        case unknown
        /// An unknown key under a trusted signer's name.
        case impostor
    }

    public var trust: Trust {
        switch entry.verification.status {
        case .validTrusted: .trusted
        default: entry.verification.lookalike?.sameName == true ? .impostor : .unknown
        }
    }

    /// The latest review's verdict, or nil when nobody reviewed this version.
    public var verdict: Review.Verdict? { entry.latestReview?.verdict }

    init(_ entry: RegisterOverview.Instrument, localTime: String) {
        self.entry = entry
        self.localTime = localTime
        systemKey = RegisterOverview.systemKey(entry.result)
        let result = entry.result
        haystack = [
            result.system, result.organisation, result.questionnaireID, result.questionnaireTitle, result.completedAt,
            entry.verification.claimedSigner ?? "", entry.verification.label(.nl), result.assessor, localTime,
        ].joined(separator: "\u{1F}").lowercased()
    }
}

/// What the desk shows of its folders: rows, files not counted, and where it came from.
public struct DeskData: Sendable, Equatable {
    public var rows: [DeskRow]
    public var problems: [RegisterOverview.Problem]
    /// Statuses remembered from an earlier run (the desk says so) and files in all.
    public var fromCache: Int
    public var files: Int

    public init(rows: [DeskRow], problems: [RegisterOverview.Problem], fromCache: Int, files: Int) {
        self.rows = rows
        self.problems = problems
        self.fromCache = fromCache
        self.files = files
    }

    public static func build(
        index: ResultIndex, trustList: TrustList, currentVersions: [String: String], today: String, timeZone: TimeZone,
        rescore: ((String, String) -> Bool?)? = nil
    ) -> DeskData {
        let (results, problems) = RegisterOverview.assess(index: index, trustList: trustList, currentVersions: currentVersions, today: today, rescore: rescore)
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime]
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = timeZone
        let rows = results.map { entry in
            DeskRow(entry, localTime: parser.date(from: entry.result.completedAt).map(formatter.string(from:)) ?? entry.result.completedAt)
        }
        return DeskData(rows: rows, problems: problems, fromCache: index.fromCache, files: index.files.count)
    }
}

/// The columns the desk sorts by.
public enum DeskColumn: Int, CaseIterable, Sendable {
    case date, system, organisation, instrument, level, signer, review

    func title(_ language: Language) -> String {
        let nl = language == .nl
        switch self {
        case .date: return nl ? "datum" : "date"
        case .system: return nl ? "systeem" : "system"
        case .organisation: return nl ? "organisatie" : "organisation"
        case .instrument: return nl ? "instrument" : "instrument"
        case .level: return nl ? "niveau" : "level"
        case .signer: return nl ? "ondertekenaar" : "signer"
        case .review: return nl ? "beoordeling" : "review"
        }
    }
}

/// What the desk shows: each part narrows the list; nil means no restriction.
public struct DeskFilter: Sendable, Equatable {
    public var instrument: String?
    public var level: AssessmentLevel?
    public var trust: DeskRow.Trust?
    /// "none" for not reviewed, otherwise a verdict's raw value.
    public var review: String?
    public var text = ""

    public init() {}

    public var isEmpty: Bool { instrument == nil && level == nil && trust == nil && review == nil && text.isEmpty }

    func admits(_ row: DeskRow, words: [String]) -> Bool {
        if let instrument, row.result.questionnaireID != instrument { return false }
        if let level, row.result.highestLevel != level.rawValue { return false }
        if let trust, row.trust != trust { return false }
        if let review, (row.verdict?.rawValue ?? "none") != review { return false }
        return words.allSatisfy { row.haystack.contains($0) }
    }
}

enum DeskQuery {
    /// Row indices in the order of `column`; the date newest first unless reversed.
    static func sorted(_ rows: [DeskRow], by column: DeskColumn, reversed: Bool) -> [Int] {
        func key(_ row: DeskRow) -> String {
            switch column {
            case .date: row.result.completedAt
            case .system: row.result.system.lowercased()
            case .organisation: row.result.organisation.lowercased()
            case .instrument: row.result.questionnaireID
            case .level: String(AssessmentLevel(rawValue: row.result.highestLevel ?? "").map { 9 - $0.rank } ?? 9)
            case .signer: (row.entry.verification.claimedSigner ?? "").lowercased()
            case .review: row.verdict?.rawValue ?? ""
            }
        }
        let keys = rows.map(key)
        let descending = (column == .date) != reversed
        return rows.indices.sorted { left, right in
            keys[left] == keys[right] ? rows[left].result.completedAt > rows[right].result.completedAt
                : (descending ? keys[left] > keys[right] : keys[left] < keys[right])
        }
    }

    static func filtered(_ order: [Int], _ rows: [DeskRow], _ filter: DeskFilter) -> [Int] {
        guard !filter.isEmpty else { return order }
        let words = filter.text.lowercased().split(separator: " ").map(String.init)
        return order.filter { filter.admits(rows[$0], words: words) }
    }
}

extension AssessmentLevel {
    /// 4 for required down to 1 for not needed: the order of severity.
    var rank: Int {
        switch self {
        case .required: 4
        case .possiblyRequired: 3
        case .recommended: 2
        case .notNeeded: 1
        }
    }
}
