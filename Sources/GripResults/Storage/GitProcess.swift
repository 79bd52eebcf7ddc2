import Foundation

/// Runs the `git` program: found on PATH, started directly (never through a shell) with
/// its arguments as an array, with no terminal input, a time limit, and its output captured.
enum GitProcess {
    struct Output: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    /// The first executable `git` in a directory on PATH. Empty and relative PATH entries are
    /// skipped, so a `git` in the current folder (say, inside a register) is never run.
    static func findExecutable(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
        for directory in (path ?? "").split(separator: ":") where directory.hasPrefix("/") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("git")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        return nil
    }

    /// The environment git runs in: the user's, with every way for git to wait for a person
    /// switched off, pathspecs taken literally (a file named `:(glob)*` is just a name), stable
    /// English messages, and no inherited variables that point git at another repository.
    static func environment(_ base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var environment = base
        for name in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX"] {
            environment.removeValue(forKey: name)
        }
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GCM_INTERACTIVE"] = "never"
        environment["GIT_EDITOR"] = ":"
        environment["GIT_MERGE_AUTOEDIT"] = "no"
        environment["GIT_LITERAL_PATHSPECS"] = "1"
        environment["LC_ALL"] = "C"
        return environment
    }

    /// Caps on what is kept of git's output; the rest is read and dropped.
    static let maximumStdout = 8 << 20
    static let maximumStderr = 64 << 10

    /// Runs `git -C DIRECTORY ARGUMENTS…` and waits at most `timeout` seconds. Output goes to
    /// unlinked temporary files rather than pipes: git never blocks on a full pipe, and a
    /// helper it started (ssh) that keeps the output open cannot keep Grip waiting.
    static func run(_ executable: URL, in directory: URL?, _ arguments: [String], timeout: TimeInterval) throws(GitError) -> Output {
        let stdout: FileHandle, stderr: FileHandle
        do {
            stdout = try anonymousFile()
            stderr = try anonymousFile()
        } catch {
            throw .couldNotRun(reason: "cannot create a temporary file: \(ErrorText.describe(error).en)")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = (directory.map { ["-C", $0.path] } ?? []) + arguments
        process.environment = environment()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw .couldNotRun(reason: "\(executable.path): \(ErrorText.describe(error).en)")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            // Foundation starts git in a process group of its own; signalling the group also
            // stops what git started (ssh, a credential helper). A signal git ignores is
            // followed by one it cannot.
            let pid = process.processIdentifier
            kill(-pid, SIGTERM)
            kill(pid, SIGTERM)
            if finished.wait(timeout: .now() + 1) == .timedOut {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                _ = finished.wait(timeout: .now() + 2)
            }
            throw .timedOut(command: (["git"] + arguments.prefix(1)).joined(separator: " "), seconds: Int(timeout.rounded(.up)))
        }
        return Output(status: process.terminationStatus, stdout: readAll(stdout, limit: maximumStdout), stderr: readAll(stderr, limit: maximumStderr))
    }

    /// A temporary file that has no name from the start, so nothing is left behind.
    private static func anonymousFile() throws -> FileHandle {
        var template = Array((NSTemporaryDirectory() + "/grip-git-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    private static func readAll(_ handle: FileHandle, limit: Int) -> Data {
        do {
            try handle.seek(toOffset: 0)
            return try handle.read(upToCount: limit) ?? Data()
        } catch {
            return Data()
        }
    }
}
