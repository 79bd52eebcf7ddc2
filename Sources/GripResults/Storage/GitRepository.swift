import Foundation

/// A git work tree that holds a register of result and review files, driven through the
/// `git` program (Grip runs no server; the organisation's own git server is the remote).
/// Every call runs git once or a few times with a time limit and never asks for input;
/// every failure is a `GitError` carrying git's message, never a crash.
public struct GitRepository: Sendable {
    /// The top of the work tree, with symbolic links resolved.
    public let root: URL
    /// The `git` program used.
    public let executable: URL
    /// Seconds any one git command may take (a push or pull over a slow line included).
    public var timeout: TimeInterval

    public static let defaultTimeout: TimeInterval = 120

    /// The `git` program on PATH, or nil when it is not installed.
    public static func findExecutable() -> URL? {
        GitProcess.findExecutable()
    }

    /// The work tree that contains `directory`; nil when git is missing or the folder is not
    /// in a work tree. `locate` says which.
    public static func workTree(containing directory: URL, timeout: TimeInterval = defaultTimeout) -> GitRepository? {
        try? locate(directory, timeout: timeout)
    }

    /// The work tree that contains `directory`, or why there is none.
    public static func locate(_ directory: URL, timeout: TimeInterval = defaultTimeout) throws(GitError) -> GitRepository {
        guard let executable = findExecutable() else { throw .gitNotFound }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notAWorkTree(path: directory.path)
        }
        let output = try GitProcess.run(executable, in: directory, ["rev-parse", "--is-inside-work-tree", "--show-toplevel"], timeout: timeout)
        let lines = String(decoding: output.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        // "false" inside a .git folder or a bare repository; git's C-locale message outside one.
        if lines.first == "false" || String(decoding: output.stderr, as: UTF8.self).contains("not a git repository") {
            throw .notAWorkTree(path: directory.path)
        }
        guard output.status == 0, lines.count >= 2, lines[0] == "true" else {
            throw .failed(command: "git rev-parse", status: output.status, message: GitError.safeMessage(output.stderr))
        }
        return GitRepository(root: URL(fileURLWithPath: realPath(lines[1]) ?? lines[1], isDirectory: true), executable: executable, timeout: timeout)
    }

    public init(root: URL, executable: URL, timeout: TimeInterval = defaultTimeout) {
        self.root = root
        self.executable = executable
        self.timeout = timeout
    }

    // MARK: - Reading

    /// Branch, upstream, ahead/behind (as of the last fetch) and changed files.
    public func status() throws(GitError) -> GitStatus {
        GitStatus.parse(try succeed(["status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all"]).stdout)
    }

    /// Whether the branch follows an upstream it can pull from and push to.
    public func hasUpstream() throws(GitError) -> Bool {
        // Branch lines only: no need to walk the folder for untracked files.
        GitStatus.parse(try succeed(["status", "--porcelain=v2", "--branch", "-z", "--untracked-files=no"]).stdout).hasUpstream
    }

    /// The commit checked out (full hash); nil before the first commit.
    public func head() throws(GitError) -> String? {
        let output = try run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
        guard output.status == 0 else { return nil }
        let hash = String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return hash.isEmpty ? nil : hash
    }

    /// Whether git tracks `file` (it is in the index).
    public func isTracked(_ file: URL) throws(GitError) -> Bool {
        let path = try pathInWorkTree(file)
        return !(try succeed(["ls-files", "-z", "--", path]).stdout.isEmpty)
    }

    // MARK: - Recording

    /// Stages `files` (new or changed).
    public func add(_ files: [URL]) throws(GitError) {
        let paths = try files.map { (file) throws(GitError) in try pathInWorkTree(file) }
        guard !paths.isEmpty else { return }
        _ = try succeed(["add", "--"] + paths)
    }

    /// What `commit` did.
    public enum CommitOutcome: Sendable, Equatable {
        /// A new commit, by its full hash.
        case committed(String)
        /// The files were already committed as they are.
        case nothingToCommit
    }

    /// Commits exactly `files` with `message`: whatever else is staged stays staged and out
    /// of this commit (`git commit --only`). Nothing is committed when the files are already
    /// committed as they are.
    public func commit(message: String, files: [URL]) throws(GitError) -> CommitOutcome {
        let paths = try files.map { (file) throws(GitError) in try pathInWorkTree(file) }
        guard !paths.isEmpty else { return .nothingToCommit }
        _ = try succeed(["add", "--"] + paths)
        // Exit 0: the staged files equal HEAD's (or, before the first commit, nothing is staged).
        let difference = try run(["diff", "--cached", "--quiet", "--"] + paths)
        switch difference.status {
        case 0: return .nothingToCommit
        case 1: break
        default: throw .failed(command: "git diff", status: difference.status, message: GitError.safeMessage(difference.stderr))
        }
        _ = try succeed(["commit", "--quiet", "--only", "-m", message, "--"] + paths)
        guard let hash = try head() else {
            throw .failed(command: "git commit", status: 0, message: "no commit was made")
        }
        return .committed(hash)
    }

    // MARK: - Sharing

    /// What `pull` did.
    public enum PullOutcome: Sendable, Equatable {
        case upToDate
        /// Moved forward from one commit to another (from is nil before the first commit).
        case updated(from: String?, to: String)
    }

    /// Brings in the upstream's new commits, fast-forward only: it never merges, so it never
    /// asks for a merge message and never leaves a half-merged register. When local commits
    /// and the upstream's have diverged, it fails with git's message.
    public func pull() throws(GitError) -> PullOutcome {
        guard try hasUpstream() else { throw .noUpstream(root: root.path) }
        if try !upstreamIsKnown() {
            // The upstream branch is not known locally: fetch first. If it still does not
            // exist, nobody has pushed to this register yet and there is nothing to pull.
            _ = try succeed(["fetch", "--quiet"])
            if try !upstreamIsKnown() { return .upToDate }
        }
        let from = try head()
        _ = try succeed(["pull", "--ff-only", "--quiet"])
        let to = try head()
        guard let to, to != from else { return .upToDate }
        return .updated(from: from, to: to)
    }

    /// Whether the upstream branch exists locally (after a clone of an empty register it
    /// does not until someone pushes and it is fetched).
    func upstreamIsKnown() throws(GitError) -> Bool {
        try run(["rev-parse", "--verify", "--quiet", "@{upstream}"]).status == 0
    }

    /// Fetches the upstream's commits without changing the files, so `status()` can say how
    /// far behind the register is (for "pull first?").
    public func fetch() throws(GitError) {
        guard try hasUpstream() else { throw .noUpstream(root: root.path) }
        _ = try succeed(["fetch", "--quiet"])
    }

    /// Pushes the branch to its upstream. A branch without one, in a clone with exactly one
    /// remote, is pushed there and set to follow it.
    public func push() throws(GitError) {
        if try hasUpstream() {
            _ = try succeed(["push", "--quiet"])
            return
        }
        let remotes = String(decoding: try succeed(["remote"]).stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        guard remotes.count == 1, let remote = remotes.first, !remote.hasPrefix("-") else { throw .noUpstream(root: root.path) }
        _ = try succeed(["push", "--quiet", "--set-upstream", remote, "HEAD"])
    }

    // MARK: - Running git

    /// Runs `git -C ROOT ARGUMENTS…`; the caller reads the status.
    func run(_ arguments: [String]) throws(GitError) -> GitProcess.Output {
        try GitProcess.run(executable, in: root, arguments, timeout: timeout)
    }

    /// Runs git and fails with its message unless it exits 0.
    func succeed(_ arguments: [String]) throws(GitError) -> GitProcess.Output {
        let output = try run(arguments)
        guard output.status == 0 else {
            let message = GitError.safeMessage(output.stderr.isEmpty ? output.stdout : output.stderr)
            throw .failed(command: "git \(arguments.first ?? "")", status: output.status, message: message)
        }
        return output
    }

    /// `file` relative to the top of the work tree. The folder's symbolic links are resolved
    /// (as git resolves the top), the file's own name is kept as given.
    func pathInWorkTree(_ file: URL) throws(GitError) -> String {
        let folder = file.deletingLastPathComponent().path
        let name = file.lastPathComponent
        guard let resolved = Self.realPath(folder), !name.isEmpty, name != ".", name != ".." else {
            throw .outsideWorkTree(path: file.path, root: root.path)
        }
        let full = (resolved == "/" ? "" : resolved) + "/" + name
        let top = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let relative = String(full.dropFirst(top.count))
        guard full.hasPrefix(top), !relative.isEmpty, relative != ".git", !relative.hasPrefix(".git/") else {
            throw .outsideWorkTree(path: file.path, root: root.path)
        }
        return relative
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
