import ArgumentParser
import Foundation
import GripEngine
import GripResults

/// The git steps `grip submit` and `grip countersign` share: pull, commit, push, each saying
/// what it did and, on failure, what is left and how to finish by hand.
enum RegisterGit {
    /// A one-line commit message part from a file: no line breaks or terminal codes, short.
    static func messagePart(_ text: String, limit: Int = 80) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ").displaySafe
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }

    /// Brings in the register's new commits (fast-forward only) when the branch follows an
    /// upstream. Returns false, having said why, when that fails.
    static func pullFirst(_ repository: GitRepository, command: String, say: (String) -> Void) -> Bool {
        do {
            guard try repository.hasUpstream() else { return true }
            if case .updated(_, let to) = try repository.pull() {
                say("pulled the register's new commits (now at \(to.prefix(7)))")
            }
            return true
        } catch {
            printError("grip \(command): cannot bring the register \(repository.root.path.displaySafe) up to date: \(ErrorText.describe(error).en)")
            return false
        }
    }

    /// Commits `files` in `repository`; `say` reports what happened. Throws `ExitCode(1)`
    /// when git fails, after saying the files are in place but not committed.
    static func commit(_ files: [URL], message: String, in repository: GitRepository, command: String, say: (String) -> Void) throws {
        do {
            switch try repository.commit(message: message, files: files) {
            case .committed(let hash):
                say("committed \(hash.prefix(7)) in \(repository.root.path.displaySafe): \(message)")
            case .nothingToCommit:
                say("nothing to commit: \(files.count == 1 ? "the file is" : "the files are") already committed in \(repository.root.path.displaySafe)")
            }
        } catch {
            printError("grip \(command): the files are in \(repository.root.path.displaySafe) but not committed: \(ErrorText.describe(error).en)")
            throw ExitCode(1)
        }
    }

    /// Pushes the branch. Throws `ExitCode(1)` when git fails, saying the commit is kept.
    static func push(_ repository: GitRepository, command: String, say: (String) -> Void) throws {
        do {
            try repository.push()
            let upstream = (try? repository.status().upstream) ?? nil
            say("pushed\(upstream.map { " to \($0.displaySafe)" } ?? "")")
        } catch {
            let root = repository.root.path.displaySafe
            printError(
                "grip \(command): committed, but not pushed: \(ErrorText.describe(error).en)\n"
                    + "The commit is kept in \(root). When others pushed first, bring in their commits and push again: "
                    + "git -C \(root) pull --rebase && git -C \(root) push")
            throw ExitCode(1)
        }
    }

    /// `grip countersign`'s git step. A review of a result that git tracks is committed beside
    /// it (and pushed with `push`); a result outside a work tree, or one git does not track, gets
    /// no commit, so a review is never committed into some unrelated repository. Lines go to
    /// stderr: stdout is the review's path.
    static func commitReview(_ review: URL, of result: URL, message: String, push: Bool) throws {
        let say = { (line: String) in printError("grip countersign: \(line)") }
        let shown = result.path.displaySafe
        let repository: GitRepository
        do throws(GitError) {
            repository = try GitRepository.locate(review.deletingLastPathComponent())
        } catch {
            switch error {
            case .gitNotFound, .notAWorkTree:
                guard push else { return }
                say("cannot push: \(error.description); the review is written but not committed")
            default:
                say("the review is written but not committed: \(error.description)")
            }
            throw ExitCode(1)
        }
        let tracked: Bool
        do throws(GitError) {
            tracked = try repository.isTracked(result)
        } catch {
            say("the review is written but not committed: \(error.description)")
            throw ExitCode(1)
        }
        guard tracked else {
            say("\(push ? "cannot push" : "note"): \(shown) is not committed in \(repository.root.path.displaySafe), so the review is not committed either")
            if push { throw ExitCode(1) }
            return
        }
        // Pull before committing: once our own commit is made, fast-forward is no longer possible.
        let upToDate = !push || pullFirst(repository, command: "countersign", say: say)
        try commit([review], message: message, in: repository, command: "countersign", say: say)
        guard push else { return }
        guard upToDate else {
            say("the review is committed but not pushed")
            throw ExitCode(1)
        }
        try self.push(repository, command: "countersign", say: say)
    }
}
