import Foundation

/// Who has a draft open. Two interfaces on one draft would overwrite each other's
/// answers without a word; instead the first one to open it holds a claim (a small
/// `.ID.owner` file beside the draft), the second is told who holds it and may read
/// only or take over, and the holder that was taken over can no longer save.
public struct DraftClaims: Sendable {
    public struct Holder: Codable, Equatable, Sendable {
        public var user: String
        public var host: String
        public var pid: Int32
        /// Distinguishes two interfaces even where pids are reused.
        public var token: String
        public var since: Date

        /// "anna@werkplek-12 (proces 4242) sinds 14:05"-style words.
        public func describe(dutch: Bool, timeZone: TimeZone = .current) -> String {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            formatter.timeZone = timeZone
            return dutch
                ? "\(user)@\(host) (proces \(pid)) sinds \(formatter.string(from: since))"
                : "\(user)@\(host) (process \(pid)) since \(formatter.string(from: since))"
        }
    }

    public enum Problem: Error, Equatable {
        /// Another interface holds the draft (and took it over, if this one held it before).
        case heldBy(Holder)
    }

    public let directory: URL
    public let me: Holder

    public init(directory: URL, me: Holder = DraftClaims.currentProcess()) {
        self.directory = directory
        self.me = me
    }

    public static func currentProcess() -> Holder {
        var name = [CChar](repeating: 0, count: 256)
        let host = gethostname(&name, name.count) == 0 ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
        let user = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "?"
        return Holder(user: user, host: host, pid: getpid(), token: UUID().uuidString, since: Date())
    }

    func url(_ id: UUID) -> URL { directory.appendingPathComponent(".\(id.uuidString.lowercased()).owner") }

    /// The other interface holding this draft, if one does and is still running (a claim
    /// left by a process that died, on this machine, counts as free).
    public func holder(of id: UUID) -> Holder? {
        guard let data = FileManager.default.contents(atPath: url(id).path),
            let holder = try? Self.decoder.decode(Holder.self, from: data),
            holder.token != me.token
        else { return nil }
        if holder.host == me.host && !Self.isRunning(holder.pid) { return nil }
        return holder
    }

    /// Whether a process on this machine still runs. A killed process can linger as a
    /// zombie until its parent reaps it; kill(pid, 0) still finds it, so /proc is asked.
    static func isRunning(_ pid: Int32) -> Bool {
        if kill(pid, 0) != 0 && errno == ESRCH { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let closing = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: closing)...].drop { $0 == " " }.first
        return state != "Z" && state != "X"
    }

    /// Claims the draft for this interface unless another one holds it; with `force`,
    /// takes it over.
    public func claim(_ id: UUID, force: Bool = false) throws {
        // Saving after every answer claims each time: when the claim is already ours,
        // there is nothing to write.
        if !force, let data = FileManager.default.contents(atPath: url(id).path),
            let current = try? Self.decoder.decode(Holder.self, from: data), current.token == me.token
        {
            return
        }
        try FileLock.withLock(on: url(id)) {
            if !force, let holder = holder(of: id) { throw Problem.heldBy(holder) }
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            _ = try AtomicFile.replace(try encoder.encode(me), named: url(id).lastPathComponent, in: directory)
        }
    }

    /// Gives the draft up (finished, deleted or the interface closed), if this one holds it.
    public func release(_ id: UUID) {
        guard let data = FileManager.default.contents(atPath: url(id).path),
            let holder = try? Self.decoder.decode(Holder.self, from: data), holder.token == me.token
        else { return }
        try? FileManager.default.removeItem(at: url(id))
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
