import Foundation
import GripEngine
import GripResults

/// One result on the review desk, with everything its row, filters and search need
/// worked out once, so a keystroke only compares what is already there.
public struct DeskRow: Sendable, Equatable {
    public var entry: RegisterOverview.Instrument
    public var systemKey: String
    /// Lower-case UTF-8 the search looks in: system, organisation, instrument, signer, date.
    let haystack: [UInt8]
    /// The highest level, worked out once (filters read it for every row).
    public let highestLevel: AssessmentLevel?
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
        haystack = Array([
            result.system, result.organisation, result.questionnaireID, result.questionnaireTitle, result.completedAt,
            entry.verification.claimedSigner ?? "", entry.verification.label(.nl), result.assessor, localTime,
        ].joined(separator: "\u{1F}").lowercased().utf8)
        highestLevel = result.highestLevel.flatMap(AssessmentLevel.init(rawValue:))
    }
}

/// What the desk shows of its folders: rows, files not counted, and where it came from.
public struct DeskData: Sendable, Equatable {
    public var rows: [DeskRow] {
        didSet { facets = rows.map(DeskFacet.init) }
    }
    /// What the filters read, per row, in a few bytes: filtering 10,000 rows then touches
    /// no strings but the search text.
    private(set) var facets: [DeskFacet]
    public var problems: [RegisterOverview.Problem]
    /// Statuses remembered from an earlier run (the desk says so) and files in all.
    public var fromCache: Int
    public var files: Int

    public init(rows: [DeskRow], problems: [RegisterOverview.Problem], fromCache: Int, files: Int) {
        self.rows = rows
        facets = rows.map(DeskFacet.init)
        self.problems = problems
        self.fromCache = fromCache
        self.files = files
    }

    public static func build(
        index: ResultIndex, trustList: TrustList, currentVersions: [String: String], today: String, timeZone: TimeZone,
        rescore: ((String, String) -> Bool?)? = nil
    ) -> DeskData {
        let (results, problems) = RegisterOverview.assess(index: index, trustList: trustList, currentVersions: currentVersions, today: today, rescore: rescore)
        let rows = results.map { entry in DeskRow(entry, localTime: LocalTime.text(entry.result.completedAt, timeZone)) }
        return DeskData(rows: rows, problems: problems, fromCache: index.fromCache, files: index.files.count)
    }
}

/// A row as the filters see it.
struct DeskFacet: Sendable, Equatable {
    let instrument: String
    let level: AssessmentLevel?
    let trust: DeskRow.Trust
    /// "none" or the verdict's raw value.
    let review: String
    let haystack: [UInt8]

    init(_ row: DeskRow) {
        instrument = row.result.questionnaireID
        level = row.highestLevel
        trust = row.trust
        review = row.verdict?.rawValue ?? "none"
        haystack = row.haystack
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

    func admits(_ row: DeskFacet, words: [[UInt8]]) -> Bool {
        if let instrument, row.instrument != instrument { return false }
        if let level, row.level != level { return false }
        if let trust, row.trust != trust { return false }
        if let review, row.review != review { return false }
        return words.allSatisfy { Self.contains(row.haystack, $0) }
    }

    /// Byte search in lower-case UTF-8: a keystroke searches 10,000 rows well within a frame.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { word in
                var index = 0
                let last = hay.count - word.count
                while index <= last {
                    if hay[index] == first {
                        var matched = 1
                        while matched < word.count && hay[index + matched] == word[matched] { matched += 1 }
                        if matched == word.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
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
            case .level: String(row.highestLevel.map { 9 - $0.rank } ?? 9)
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

    static func filtered(_ order: [Int], _ data: DeskData, _ filter: DeskFilter) -> [Int] {
        guard !filter.isEmpty else { return order }
        let words = filter.text.lowercased().split(separator: " ").map { Array($0.utf8) }
        return data.facets.withUnsafeBufferPointer { facets in order.filter { filter.admits(facets[$0], words: words) } }
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

/// `2026-11-23T14:05:09Z` as local `2026-11-23 15:05`, without a date formatter per row
/// (creating one costs tens of microseconds; a desk of 10,000 rows would wait for it).
enum LocalTime {
    /// Results write UTC as `…Z` and take the fast path; any other RFC 3339 time goes
    /// through Foundation, and text that is no time at all is shown as it is.
    static func text(_ timestamp: String, _ timeZone: TimeZone) -> String {
        if let fast = utc(timestamp, timeZone) { return fast }
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime]
        guard let date = parser.date(from: timestamp) else { return timestamp }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = timeZone
        return formatter.string(from: date)
    }

    private static func utc(_ timestamp: String, _ timeZone: TimeZone) -> String? {
        let bytes = Array(timestamp.utf8)
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        // Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let utc = days * 86_400 + hour * 3_600 + minute * 60 + second
        let local = utc + timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
        // And back to a civil date (civil_from_days).
        let localDays = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondsOfDay = local - localDays * 86_400
        let z = localDays + 719_468
        let era2 = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra2 = z - era2 * 146_097
        let yearOfEra2 = (dayOfEra2 - dayOfEra2 / 1_460 + dayOfEra2 / 36_524 - dayOfEra2 / 146_096) / 365
        let dayOfYear2 = dayOfEra2 - (365 * yearOfEra2 + yearOfEra2 / 4 - yearOfEra2 / 100)
        let monthPrime = (5 * dayOfYear2 + 2) / 153
        let localDay = dayOfYear2 - (153 * monthPrime + 2) / 5 + 1
        let localMonth = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let localYear = yearOfEra2 + era2 * 400 + (localMonth <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(localYear)-\(two(localMonth))-\(two(localDay)) \(two(secondsOfDay / 3_600)):\(two(secondsOfDay % 3_600 / 60))"
    }
}
