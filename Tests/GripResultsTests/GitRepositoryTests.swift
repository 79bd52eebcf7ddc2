import Foundation
import Testing

@testable import GripResults

/// The git wrapper against the real `git` program: these tests fail, never skip, without it.
struct GitRepositoryTests {
    /// Runs git in `directory` for the test's own setup and checks, apart from the code under test.
    @discardableResult
    static func git(_ arguments: [String], in directory: URL) throws -> String {
        let executable = try #require(GitProcess.findExecutable(), "git is required for these tests (apt-get install git)")
        let output = try GitProcess.run(executable, in: directory, arguments, timeout: 60)
        #expect(output.status == 0, "git \(arguments.joined(separator: " ")): \(String(decoding: output.stderr, as: UTF8.self))")
        return String(decoding: output.stdout, as: UTF8.self)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grip-git-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return URL(fileURLWithPath: GitRepository.realPath(url.path) ?? url.path, isDirectory: true)
    }

    /// A work tree with an identity for commits.
    static func workTree(in parent: URL, named name: String = "register") throws -> URL {
        let url = parent.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try git(["init", "--quiet"], in: url)
        try configureIdentity(url)
        return url
    }

    static func configureIdentity(_ url: URL) throws {
        try git(["config", "user.name", "Piet Privacy"], in: url)
        try git(["config", "user.email", "piet@example.org"], in: url)
    }

    static func write(_ text: String, _ name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func aCommitHoldsOnlyTheNamedFilesEvenWhenSomethingElseIsStaged() throws {
        let parent = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let tree = try Self.workTree(in: parent)
        let result = try Self.write("{\"result\":1}", "result.json", in: tree)
        _ = try Self.write("draft", "unrelated.txt", in: tree)
        try Self.git(["add", "unrelated.txt"], in: tree)

        let repository = try GitRepository.locate(tree)
        #expect(repository.root.path == tree.path)
        guard case .committed(let hash) = try repository.commit(message: "Grip: one file", files: [result]) else {
            Issue.record("nothing was committed")
            return
        }
        #expect(try repository.head() == hash)
        #expect(try Self.git(["show", "--name-only", "--format=%s", "HEAD"], in: tree) == "Grip: one file\n\nresult.json\n")
        // The other change is still staged, and still not committed.
        #expect(try Self.git(["diff", "--cached", "--name-only"], in: tree) == "unrelated.txt\n")
        #expect(try repository.status().changed == ["unrelated.txt"])

        // The same file again: nothing to commit, no new commit.
        #expect(try repository.commit(message: "again", files: [result]) == .nothingToCommit)
        #expect(try repository.head() == hash)
        #expect(try repository.isTracked(result))
        #expect(try !repository.isTracked(tree.appendingPathComponent("never-added.txt")))
    }

    @Test func fileNamesAreTakenLiterallyNotAsPatterns() throws {
        let parent = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let tree = try Self.workTree(in: parent)
        let pattern = try Self.write("1", "*.json", in: tree)
        let magic = try Self.write("2", ":(glob)**", in: tree)
        _ = try Self.write("3", "other.json", in: tree)
        let repository = try GitRepository.locate(tree)
        _ = try repository.commit(message: "literal", files: [pattern, magic])
        #expect(try Self.git(["show", "--name-only", "--format=", "HEAD"], in: tree).split(separator: "\n").sorted() == ["*.json", ":(glob)**"])
        #expect(try repository.status().untracked == ["other.json"])
    }

    @Test func aFolderOutsideAWorkTreeOrAFileOutsideItIsSaidSo() throws {
        let parent = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let plain = parent.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        #expect(throws: GitError.notAWorkTree(path: plain.path)) { try GitRepository.locate(plain) }
        #expect(GitRepository.workTree(containing: plain) == nil)
        let missing = parent.appendingPathComponent("missing")
        #expect(throws: GitError.notAWorkTree(path: missing.path)) { try GitRepository.locate(missing) }

        let tree = try Self.workTree(in: parent)
        #expect(throws: GitError.notAWorkTree(path: tree.appendingPathComponent(".git").path)) { try GitRepository.locate(tree.appendingPathComponent(".git")) }
        let sub = tree.appendingPathComponent("2026")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let repository = try #require(GitRepository.workTree(containing: sub))
        #expect(repository.root.path == tree.path)
        // Through a symbolic link to the folder, the file is still inside.
        let link = parent.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: sub)
        let file = try Self.write("x", "x.json", in: sub)
        #expect(try repository.pathInWorkTree(link.appendingPathComponent("x.json")) == "2026/x.json")

        let outside = try Self.write("y", "y.json", in: plain)
        #expect(throws: GitError.outsideWorkTree(path: outside.path, root: tree.path)) { try repository.commit(message: "m", files: [outside]) }
        #expect(throws: GitError.outsideWorkTree(path: tree.appendingPathComponent(".git/config").path, root: tree.path)) {
            try repository.add([tree.appendingPathComponent(".git/config")])
        }
        _ = try repository.commit(message: "m", files: [file])
        #expect(try Self.git(["log", "--format=%s"], in: tree) == "m\n")
    }

    /// Two officers share a register through a bare repository, as on the organisation's server.
    @Test func pushPublishesAndPullFastForwards() throws {
        let parent = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let server = parent.appendingPathComponent("register.git")
        try FileManager.default.createDirectory(at: server, withIntermediateDirectories: true)
        try Self.git(["init", "--quiet", "--bare"], in: server)
        try Self.git(["clone", "--quiet", server.path, "anna"], in: parent)
        try Self.git(["clone", "--quiet", server.path, "piet"], in: parent)
        let anna = parent.appendingPathComponent("anna"), piet = parent.appendingPathComponent("piet")
        try Self.configureIdentity(anna)
        try Self.configureIdentity(piet)
        let annas = try GitRepository.locate(anna), piets = try GitRepository.locate(piet)

        // Nobody has pushed yet: nothing to pull, and that is not an error.
        #expect(try piets.hasUpstream())
        #expect(try piets.pull() == .upToDate)

        let result = try Self.write("{}", "result.json", in: anna)
        guard case .committed(let hash) = try annas.commit(message: "Grip: result", files: [result]) else {
            Issue.record("nothing was committed")
            return
        }
        try annas.push()
        #expect(try Self.git(["rev-parse", "HEAD"], in: server).trimmingCharacters(in: .newlines) == hash)

        try piets.fetch()
        #expect(try piets.pull() == .updated(from: nil, to: hash))
        #expect(FileManager.default.fileExists(atPath: piet.appendingPathComponent("result.json").path))
        #expect(try piets.pull() == .upToDate)

        // Piet reviews; Anna fetches and sees she is one behind, then pulls.
        let review = try Self.write("{}", "result.review-1a2b3c4d.json", in: piet)
        guard case .committed(let reviewHash) = try piets.commit(message: "Grip: review", files: [review]) else {
            Issue.record("nothing was committed")
            return
        }
        try piets.push()
        try annas.fetch()
        let behind = try annas.status()
        #expect(behind.behind == 1 && behind.ahead == 0 && behind.upstream?.hasPrefix("origin/") == true, "\(behind)")
        #expect(try annas.pull() == .updated(from: hash, to: reviewHash))

        // Both commit before pulling: fast-forward is impossible and git says why.
        _ = try annas.commit(message: "a", files: [try Self.write("a", "a.json", in: anna)])
        try annas.push()
        _ = try piets.commit(message: "p", files: [try Self.write("p", "p.json", in: piet)])
        #expect(throws: GitError.self) { try piets.push() }
        do {
            _ = try piets.pull()
            Issue.record("a diverged pull succeeded")
        } catch {
            guard case .failed(let command, _, let message) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(command == "git pull" && !message.isEmpty, "\(message)")
        }
    }

    @Test func withoutAnUpstreamPullSaysSoAndPushNeedsOneRemote() throws {
        let parent = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let tree = try Self.workTree(in: parent)
        let repository = try GitRepository.locate(tree)
        #expect(try !repository.hasUpstream())
        #expect(throws: GitError.noUpstream(root: tree.path)) { try repository.pull() }
        #expect(throws: GitError.noUpstream(root: tree.path)) { try repository.push() }

        // One remote and no upstream yet: push sets it.
        let server = parent.appendingPathComponent("server.git")
        try FileManager.default.createDirectory(at: server, withIntermediateDirectories: true)
        try Self.git(["init", "--quiet", "--bare"], in: server)
        try Self.git(["remote", "add", "origin", server.path], in: tree)
        _ = try repository.commit(message: "first", files: [try Self.write("1", "1.json", in: tree)])
        try repository.push()
        #expect(try repository.hasUpstream())
        #expect(try Self.git(["log", "--format=%s"], in: server) == "first\n")
    }

    @Test func aHangingCommandIsStoppedAtItsTimeLimit() throws {
        let sleep = try #require(["/bin/sleep", "/usr/bin/sleep"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let started = Date()
        do {
            _ = try GitProcess.run(URL(fileURLWithPath: sleep), in: nil, ["30"], timeout: 0.5)
            Issue.record("the command was not stopped")
        } catch {
            guard case .timedOut(_, let seconds) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(seconds == 1)
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func gitIsFoundOnlyInAbsolutePathEntries() throws {
        let parent = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let fake = parent.appendingPathComponent("git")
        try Data("#!/bin/sh\n".utf8).write(to: fake)
        chmod(fake.path, 0o755)
        #expect(GitProcess.findExecutable(path: nil) == nil)
        #expect(GitProcess.findExecutable(path: "") == nil)
        #expect(GitProcess.findExecutable(path: ".:bin:git") == nil)
        #expect(GitProcess.findExecutable(path: "/nonexistent:\(parent.path)")?.path == fake.path)
        // Never prompts, and a GIT_DIR from outside cannot point it at another repository.
        let environment = GitProcess.environment(["GIT_DIR": "/elsewhere", "PATH": "/usr/bin"])
        #expect(environment["GIT_DIR"] == nil && environment["GIT_TERMINAL_PROMPT"] == "0" && environment["PATH"] == "/usr/bin")
    }

    @Test func gitsMessagesAreShortAndInert() {
        let hostile = "fatal: \u{1B}]52;c;aGk=\u{07}bad \u{202E}name\n" + String(repeating: "hint: more\n", count: 40)
        let message = GitError.safeMessage(Data(hostile.utf8))
        #expect(!message.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
        #expect(message.split(separator: "\n").count == 13 && message.hasSuffix("…"))
        let words = GitError.notAWorkTree(path: "/tmp/a\nvalid, signed").words
        #expect(!words.en.contains("\n") && !words.nl.contains("\n"))
    }

    @Test func statusIsReadFromPorcelainVersionTwo() {
        let records = [
            "# branch.oid 0123456789abcdef0123456789abcdef01234567",
            "# branch.head main",
            "# branch.upstream origin/main",
            "# branch.ab +2 -3",
            "1 .M N... 100644 100644 100644 aaaa bbbb with space.json",
            "2 R. N... 100644 100644 100644 aaaa bbbb R100 new name.json",
            "old name.json",
            "u UU N... 100644 100644 100644 100644 aaaa bbbb cccc conflict.json",
            "? new\nline.json",
            "! ignored.json",
            "",
        ]
        let status = GitStatus.parse(Data(records.joined(separator: "\u{0}").utf8))
        #expect(status == GitStatus(branch: "main", upstream: "origin/main", ahead: 2, behind: 3, changed: ["with space.json", "new name.json", "conflict.json"], untracked: ["new\nline.json"]))
        #expect(GitStatus.parse(Data("# branch.oid (initial)\u{0}# branch.head (detached)\u{0}".utf8)) == GitStatus())
        #expect(GitStatus.parse(Data([0xFF, 0x00, 0x31])) == GitStatus())
    }
}
