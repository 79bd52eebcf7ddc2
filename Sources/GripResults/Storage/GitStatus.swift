import Foundation

/// Where a work tree stands: its branch, the upstream it follows, how far apart they are,
/// and which files have changes. Read from `git status --porcelain=v2 --branch -z`.
public struct GitStatus: Sendable, Equatable {
    /// The branch checked out; nil when HEAD is detached.
    public var branch: String?
    /// The upstream the branch follows (e.g. `origin/main`), as configured.
    public var upstream: String?
    /// Commits on the branch not on the upstream, and the reverse, as of the last fetch;
    /// nil when the upstream branch is not known locally (an empty register just cloned).
    public var ahead: Int?
    public var behind: Int?
    /// Tracked files with changes, staged or not, relative to the work tree's top.
    public var changed: [String] = []
    /// Files git does not track (and does not ignore).
    public var untracked: [String] = []

    public var hasUpstream: Bool { upstream != nil }

    public init(branch: String? = nil, upstream: String? = nil, ahead: Int? = nil, behind: Int? = nil, changed: [String] = [], untracked: [String] = []) {
        self.branch = branch
        self.upstream = upstream
        self.ahead = ahead
        self.behind = behind
        self.changed = changed
        self.untracked = untracked
    }

    /// Parses porcelain v2 with `--branch -z`. Unknown records are skipped, so a newer git
    /// that adds some cannot make this fail.
    public static func parse(_ data: Data) -> GitStatus {
        var status = GitStatus()
        let records = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var index = 0
        while index < records.count {
            let record = records[index]
            index += 1
            if record.hasPrefix("# ") {
                let parts = record.dropFirst(2).split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                switch parts[0] {
                case "branch.head": status.branch = parts[1] == "(detached)" ? nil : parts[1]
                case "branch.upstream": status.upstream = parts[1]
                case "branch.ab":
                    let counts = parts[1].split(separator: " ")
                    if counts.count == 2 {
                        status.ahead = Int(counts[0].dropFirst())
                        status.behind = Int(counts[1].dropFirst())
                    }
                default: break
                }
                continue
            }
            // Fields before the path: "1" has 8, "2" has 9 (then the original path as the
            // next record), "u" has 10; the path itself may contain spaces.
            switch record.first {
            case "1":
                if let path = field(record, after: 8) { status.changed.append(path) }
            case "2":
                if let path = field(record, after: 9) { status.changed.append(path) }
                index += 1
            case "u":
                if let path = field(record, after: 10) { status.changed.append(path) }
            case "?":
                if record.count > 2 { status.untracked.append(String(record.dropFirst(2))) }
            default: break
            }
        }
        return status
    }

    /// What follows the first `count` space-separated fields.
    private static func field(_ record: String, after count: Int) -> String? {
        let parts = record.split(separator: " ", maxSplits: count, omittingEmptySubsequences: false)
        return parts.count == count + 1 ? String(parts[count]) : nil
    }
}
