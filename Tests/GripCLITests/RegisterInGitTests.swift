import Foundation
import Testing

/// The register across machines: a bare repository stands for the organisation's git server,
/// each officer works in a clone. Real git throughout; without git these tests fail.
struct RegisterInGitTests {
    struct Git {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs git for the test's own setup and checks, apart from grip.
    @discardableResult
    static func git(_ arguments: [String], in directory: URL, expectSuccess: Bool = true) throws -> Git {
        let executable = try #require(KeysAndVerifyTests.which("git"), "git is required for these tests (apt-get install git)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", directory.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = Git(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
        if expectSuccess { #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)") }
        return result
    }

    /// The organisation's server (a bare repository) and officers' clones of it.
    struct Register {
        var root: URL
        var server: URL { root.appendingPathComponent("register.git") }

        init() throws {
            root = try temporaryDirectory()
            try FileManager.default.createDirectory(at: server, withIntermediateDirectories: true)
            try RegisterInGitTests.git(["init", "--quiet", "--bare"], in: server)
        }

        /// An officer's clone, with the identity their commits carry.
        func clone(_ name: String, officer: String = "Anna de Vries") throws -> URL {
            try RegisterInGitTests.git(["clone", "--quiet", server.path, name], in: root)
            let clone = root.appendingPathComponent(name)
            try RegisterInGitTests.git(["config", "user.name", officer], in: clone)
            try RegisterInGitTests.git(["config", "user.email", "\(officer.split(separator: " ")[0].lowercased())@example.org"], in: clone)
            return clone
        }

        func commits(in directory: URL) throws -> [String] {
            let log = try RegisterInGitTests.git(["log", "--format=%s"], in: directory, expectSuccess: false)
            return log.status == 0 ? log.stdout.split(separator: "\n").map(String.init) : []
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func name(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    static func resultID(_ path: String) throws -> String {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        return try #require((document["result"] as? [String: Any])?["id"] as? String)
    }

    @Test func aSubmittedResultIsCommittedPushedAndVerifiesInAnotherClone() throws {
        let register = try Register()
        defer { register.remove() }
        let setup = try CountersignTests.setup()
        defer { setup.remove() }
        let anna = try register.clone("anna")

        let submit = try GripProcess.run(["submit", setup.result, "--register", anna.path, "--push"], home: setup.author)
        #expect(submit.status == 0, "\(submit.stderr)")
        let id = try Self.resultID(setup.result)
        let name = Self.name(setup.result)
        #expect(submit.stdout.contains("copied \(setup.result) to \(anna.appendingPathComponent(name).path)"), "\(submit.stdout)")
        #expect(submit.stdout.contains(": Grip: quickscan result for "), "\(submit.stdout)")
        #expect(submit.stdout.contains("(\(id))\n") && submit.stdout.contains("pushed to origin/"), "\(submit.stdout)")
        #expect(try register.commits(in: register.server) == ["Grip: quickscan result for \(try Self.system(setup.result)) (\(id))"])

        // Piet clones the register on his machine: the result is there, byte for byte, and verifies.
        let piet = try register.clone("piet", officer: "Piet Privacy")
        let pietsCopy = piet.appendingPathComponent(name)
        #expect(try Data(contentsOf: pietsCopy) == Data(contentsOf: URL(fileURLWithPath: setup.result)))
        let verify = try GripProcess.run(["verify", pietsCopy.path], home: setup.reviewer)
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("valid, signed by trusted signer Anna ("))

        // His review is committed in the register and pushed; stdout stays the review's path.
        let review = try GripProcess.run(["countersign", pietsCopy.path, "--verdict", "agree-with-conditions", "--push"], home: setup.reviewer)
        #expect(review.status == 0, "\(review.stderr)")
        let reviewPath = review.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!reviewPath.contains("\n") && FileManager.default.fileExists(atPath: reviewPath))
        #expect(review.stderr.contains("grip countersign: committed ") && review.stderr.contains("grip countersign: pushed"), "\(review.stderr)")
        #expect(try register.commits(in: piet).first == "Grip: review (agree-with-conditions) of \(id)")
        #expect(try Self.git(["ls-files", "--", Self.name(reviewPath)], in: piet).stdout == Self.name(reviewPath) + "\n")
        #expect(try register.commits(in: register.server).count == 2)

        // Anna submits the same result again: she pulls Piet's review first, and nothing new is committed.
        let again = try GripProcess.run(["submit", setup.result, "--register", anna.path, "--push"], home: setup.author)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("pulled the register's new commits"), "\(again.stdout)")
        #expect(again.stdout.contains("already in the register (identical): "), "\(again.stdout)")
        #expect(again.stdout.contains("nothing to commit"), "\(again.stdout)")
        #expect(try register.commits(in: anna).count == 2)
        #expect(try register.commits(in: register.server).count == 2)
        #expect(FileManager.default.fileExists(atPath: anna.appendingPathComponent(Self.name(reviewPath)).path))
        let verifyAnna = try GripProcess.run(["verify", anna.appendingPathComponent(name).path], home: setup.reviewer)
        #expect(verifyAnna.status == 0 && verifyAnna.stdout.contains("  reviewed by Piet Privacy (trusted)"), "\(verifyAnna.stdout)")
    }

    static func system(_ path: String) throws -> String {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        return try #require(((document["result"] as? [String: Any])?["subject"] as? [String: Any])?["system"] as? String)
    }

    @Test func theReviewsBesideAResultGoInWithItInOneCommit() throws {
        let register = try Register()
        defer { register.remove() }
        let setup = try CountersignTests.setup()
        defer { setup.remove() }
        let good = try GripProcess.run(["countersign", setup.result, "--verdict", "agree"], home: setup.reviewer)
        #expect(good.status == 0 && !good.stderr.contains("commit"), "\(good.stderr)")
        let bad = try GripProcess.run(["countersign", setup.result, "--verdict", "disagree"], home: setup.reviewer).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let text = try String(contentsOfFile: bad, encoding: .utf8)
        try text.replacingOccurrences(of: "\"disagree\"", with: "\"agree\"").write(toFile: bad, atomically: true, encoding: .utf8)

        let anna = try register.clone("anna")
        let submit = try GripProcess.run(["submit", setup.result, "--register", anna.path], home: setup.reviewer)
        #expect(submit.status == 0, "\(submit.stderr)")
        #expect(submit.stderr.contains("note: the review \(Self.name(bad)) is not submitted: it does not verify"), "\(submit.stderr)")
        let files = try Self.git(["show", "--name-only", "--format=", "HEAD"], in: anna).stdout.split(separator: "\n").map(String.init)
        let goodName = Self.name(good.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(files.sorted() == [Self.name(setup.result), goodName].sorted())
        // Not pushed without --push.
        #expect(try register.commits(in: register.server).isEmpty)
        #expect(try register.commits(in: anna).count == 1)
    }

    @Test func aDifferentFileWithTheSameNameIsRefusedAndNothingIsCopied() throws {
        let register = try Register()
        defer { register.remove() }
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let result = try KeysAndVerifyTests.signedResult(home: home)
        let anna = try register.clone("anna")
        let squatter = anna.appendingPathComponent(Self.name(result))
        try Data("{\"not\": \"this\"}".utf8).write(to: squatter)

        let submit = try GripProcess.run(["submit", result, "--register", anna.path], home: home)
        #expect(submit.status == 1)
        #expect(submit.stderr.contains("already has \(Self.name(result)) with other content; it is never replaced"), "\(submit.stderr)")
        #expect(submit.stderr.contains("nothing was copied"))
        #expect(try String(contentsOf: squatter, encoding: .utf8) == "{\"not\": \"this\"}")
        #expect(try register.commits(in: anna).isEmpty)

        // A link in its place is not the same file either, even when it points at the result.
        try FileManager.default.removeItem(at: squatter)
        try FileManager.default.createSymbolicLink(atPath: squatter.path, withDestinationPath: result)
        let linked = try GripProcess.run(["submit", result, "--register", anna.path], home: home)
        #expect(linked.status == 1 && linked.stderr.contains("but it is not a regular file"), "\(linked.stderr)")
        #expect(try register.commits(in: anna).isEmpty)
    }

    @Test func aTamperedResultIsRefusedAndNothingIsCommitted() throws {
        let register = try Register()
        defer { register.remove() }
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let result = try KeysAndVerifyTests.signedResult(home: home)
        let text = try String(contentsOfFile: result, encoding: .utf8)
        try text.replacingOccurrences(of: "\"level\": \"required\"", with: "\"level\": \"not-needed\"").write(toFile: result, atomically: true, encoding: .utf8)
        let anna = try register.clone("anna")

        let submit = try GripProcess.run(["submit", result, "--register", anna.path, "--push"], home: home)
        #expect(submit.status == 1)
        #expect(submit.stderr.contains("does not verify (the signature does not match the content"), "\(submit.stderr)")
        #expect(submit.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: anna.path) == [".git"])
        #expect(try register.commits(in: anna).isEmpty && register.commits(in: register.server).isEmpty)
    }

    @Test func aFolderThatIsNotAWorkTreeJustGetsTheCopy() throws {
        let home = try temporaryDirectory(), shared = try temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: home)
            try? FileManager.default.removeItem(at: shared)
        }
        try initKey(home: home)
        let result = try KeysAndVerifyTests.signedResult(home: home)

        let submit = try GripProcess.run(["submit", result, "--register", shared.path], home: home)
        #expect(submit.status == 0, "\(submit.stderr)")
        #expect(submit.stdout.contains("\(shared.path) is not in a git work tree; the files were copied only"), "\(submit.stdout)")
        let copy = shared.appendingPathComponent(Self.name(result))
        #expect(try Data(contentsOf: copy) == Data(contentsOf: URL(fileURLWithPath: result)))
        // Readable by colleagues as any new file is; the original stays private.
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: copy.path)[.posixPermissions] as? Int)
        #expect(mode == Self.modeOfANewFile, "mode \(String(mode, radix: 8))")

        // Again: identical, fine. With --push: there is nothing to push to.
        let again = try GripProcess.run(["submit", result, "--register", shared.path], home: home)
        #expect(again.status == 0 && again.stdout.contains("already in the register (identical)"), "\(again.stdout)")
        let push = try GripProcess.run(["submit", result, "--register", shared.path, "--push"], home: home)
        #expect(push.status == 1 && push.stderr.contains("cannot push: \(shared.path) is not in a git work tree"), "\(push.stderr)")

        let missing = try GripProcess.run(["submit", result, "--register", shared.appendingPathComponent("nope").path], home: home)
        #expect(missing.status == 1 && missing.stderr.contains("does not exist or is not a folder"))
        #expect(try GripProcess.run(["submit", result], home: home).status == 2)
    }

    /// The permissions a new file gets here (grip inherits the test's umask).
    static var modeOfANewFile: Int {
        let mask = umask(0o022)
        umask(mask)
        return Int(0o666 & ~mask)
    }

    @Test func withoutGitTheResultIsCopiedAndThatIsSaid() throws {
        let register = try Register()
        defer { register.remove() }
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let result = try KeysAndVerifyTests.signedResult(home: home)
        let anna = try register.clone("anna")

        let noGit = ["PATH": register.root.appendingPathComponent("empty-bin").path]
        let submit = try GripProcess.run(["submit", result, "--register", anna.path], home: home, environment: noGit)
        #expect(submit.status == 0, "\(submit.stderr)")
        #expect(submit.stdout.contains("git was not found; the files were copied only, not committed"), "\(submit.stdout)")
        #expect(FileManager.default.fileExists(atPath: anna.appendingPathComponent(Self.name(result)).path))
        #expect(try register.commits(in: anna).isEmpty)
        let push = try GripProcess.run(["submit", result, "--register", anna.path, "--push"], home: home, environment: noGit)
        #expect(push.status == 1 && push.stderr.contains("cannot push: git was not found"), "\(push.stderr)")

        // A review written without git on PATH is just written.
        let review = try GripProcess.run(["countersign", result, "--verdict", "agree"], home: home, environment: noGit)
        #expect(review.status == 0 && review.stderr.isEmpty, "\(review.stderr)")
    }

    @Test func aReviewOfAResultGitDoesNotTrackIsNotCommitted() throws {
        let register = try Register()
        defer { register.remove() }
        let setup = try CountersignTests.setup()
        defer { setup.remove() }
        let piet = try register.clone("piet", officer: "Piet Privacy")
        let copy = piet.appendingPathComponent(Self.name(setup.result))
        try FileManager.default.copyItem(atPath: setup.result, toPath: copy.path)

        let review = try GripProcess.run(["countersign", copy.path, "--verdict", "agree"], home: setup.reviewer)
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stderr.contains("note: \(copy.path) is not committed in "), "\(review.stderr)")
        #expect(try register.commits(in: piet).isEmpty)
        let push = try GripProcess.run(["countersign", copy.path, "--verdict", "agree", "--push"], home: setup.reviewer)
        #expect(push.status == 1 && push.stderr.contains("cannot push: "), "\(push.stderr)")
        #expect(try register.commits(in: piet).isEmpty)
    }

    /// `grip review` on a register in git fetches what colleagues pushed before the desk
    /// reads the folder (asked at a terminal; --pull / --no-pull for scripts).
    @Test func theDeskPullsTheRegisterFirst() throws {
        let register = try Register()
        defer { register.remove() }
        let setup = try CountersignTests.setup()
        defer { setup.remove() }
        let anna = try register.clone("anna")
        let piet = try register.clone("piet", officer: "Piet Privacy")
        #expect(try GripProcess.run(["submit", setup.result, "--register", anna.path, "--push"], home: setup.author).status == 0)
        let name = Self.name(setup.result)

        // Without a terminal the desk cannot open, but the pull happens before that.
        let skipped = try GripProcess.run(["review", piet.path, "--no-pull"], home: setup.reviewer)
        #expect(!FileManager.default.fileExists(atPath: piet.appendingPathComponent(name).path), "--no-pull leaves the folder as it is")
        #expect(skipped.stderr.contains("needs a full terminal"), "\(skipped.stderr)")
        let pulled = try GripProcess.run(["review", piet.path, "--pull"], home: setup.reviewer)
        #expect(pulled.stdout.contains("updated to "), "\(pulled.stdout)")
        #expect(FileManager.default.fileExists(atPath: piet.appendingPathComponent(name).path))
    }
}
