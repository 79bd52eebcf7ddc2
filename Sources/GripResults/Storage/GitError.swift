import Foundation
import GripEngine

/// Why a git step did not happen, in words, naming the folder. git's own message is kept
/// (made safe for the terminal and shortened), because it usually says how to fix it.
public enum GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `git` program on PATH.
    case gitNotFound
    /// The folder is not inside a git work tree (or does not exist).
    case notAWorkTree(path: String)
    /// A file to add or commit lies outside the work tree.
    case outsideWorkTree(path: String, root: String)
    /// The branch has no upstream to pull from or push to.
    case noUpstream(root: String)
    /// `git` could not be started.
    case couldNotRun(reason: String)
    /// `git SUBCOMMAND` took longer than allowed and was stopped.
    case timedOut(command: String, seconds: Int)
    /// `git SUBCOMMAND` failed; `message` is what git said.
    case failed(command: String, status: Int32, message: String)

    public var description: String { words.en }

    /// The reason in the interface language.
    public var words: LocalizedText {
        // Paths come from the user and from git: shown safe, on one line.
        switch self.safe {
        case .gitNotFound:
            return LocalizedText(nl: "git is niet gevonden (niet op PATH)", en: "git was not found (not on PATH)")
        case .notAWorkTree(let path):
            return LocalizedText(nl: "\(path) ligt niet in een git-werkmap", en: "\(path) is not in a git work tree")
        case .outsideWorkTree(let path, let root):
            return LocalizedText(nl: "\(path) ligt buiten de git-werkmap \(root)", en: "\(path) is outside the git work tree \(root)")
        case .noUpstream(let root):
            return LocalizedText(
                nl: "de branch in \(root) heeft geen upstream; stel er een in met: git -C \(root) push -u origin HEAD",
                en: "the branch in \(root) has no upstream; set one with: git -C \(root) push -u origin HEAD")
        case .couldNotRun(let reason):
            return LocalizedText(nl: "git kon niet worden gestart: \(reason)", en: "git could not be started: \(reason)")
        case .timedOut(let command, let seconds):
            return LocalizedText(
                nl: "\(command) duurde langer dan \(seconds) seconden en is afgebroken (vraagt de server om een wachtwoord? Grip vraagt er nooit om; gebruik een credential helper of ssh-agent)",
                en: "\(command) took longer than \(seconds) seconds and was stopped (does the server ask for a password? Grip never asks; use a credential helper or ssh-agent)")
        case .failed(let command, let status, let message):
            let said = message.isEmpty ? "" : ": \(message)"
            return LocalizedText(nl: "\(command) mislukte (status \(status))\(said)", en: "\(command) failed (status \(status))\(said)")
        }
    }

    /// This error with every path made safe to show (git's message already is).
    private var safe: GitError {
        switch self {
        case .notAWorkTree(let path): .notAWorkTree(path: path.displaySafe)
        case .outsideWorkTree(let path, let root): .outsideWorkTree(path: path.displaySafe, root: root.displaySafe)
        case .noUpstream(let root): .noUpstream(root: root.displaySafe)
        case .couldNotRun(let reason): .couldNotRun(reason: reason.displaySafe)
        case .timedOut(let command, let seconds): .timedOut(command: command.displaySafe, seconds: seconds)
        case .gitNotFound, .failed: self
        }
    }

    /// git's output as it may be shown: no terminal codes, at most a few lines.
    static func safeMessage(_ data: Data) -> String {
        let text = String(decoding: data.prefix(16_384), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let kept = lines.prefix(12).map { DisplaySafety.safe(String($0.prefix(300))) }
        return (kept + (lines.count > 12 ? ["…"] : [])).joined(separator: "\n")
    }
}
