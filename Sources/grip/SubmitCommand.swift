import ArgumentParser
import Foundation
import GripEngine
import GripResults

/// `grip submit`: puts a genuine result, with its reviews, into a register folder and, when
/// that folder is a git work tree, commits it there (and pushes with --push).
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Put a result and its reviews into a register folder, committed to git when the folder is a git work tree.",
        discussion: """
            The result must verify. It is copied into the register together with the reviews beside it \
            that verify and cover this version; nothing there is ever replaced (an identical file is fine, \
            a different file with the same name is an error). When the folder is in a git work tree the \
            copied files, and only those, are committed; with --push the register is first brought up to \
            date (fast-forward only) and the commit is pushed. Without git it only copies.
            """)

    @Argument(help: "The result file to submit.") var file: String
    @Option(help: ArgumentHelp("The register folder (a shared folder or a clone of the register's git repository).", valueName: "dir"))
    var register: String
    @Flag(help: "Pull first (fast-forward only), then push the commit to the register's upstream.") var push = false

    /// One file to put into the register.
    struct Copy {
        var source: String
        var name: String
        var data: Data
    }

    func run() throws {
        let trustList = KeysCommand.trustListOrWarn(command: "submit")
        let opened = try openGenuineResult(trustList: trustList)
        let registerURL = URL(fileURLWithPath: register, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: registerURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            printError("grip submit: the register folder \(register.displaySafe) does not exist or is not a folder")
            throw ExitCode(1)
        }

        // Which git, if any; decided before anything is copied so --push can fail early.
        var repository: GitRepository?
        var noGit: GitError?
        do throws(GitError) {
            repository = try GitRepository.locate(registerURL)
        } catch {
            switch error {
            case .gitNotFound, .notAWorkTree: noGit = error
            default:
                printError("grip submit: cannot use git in \(register.displaySafe): \(error.description); nothing was copied")
                throw ExitCode(1)
            }
        }
        if push, let noGit {
            printError("grip submit: cannot push: \(noGit.description); nothing was copied")
            throw ExitCode(1)
        }
        if push, let repository, !RegisterGit.pullFirst(repository, command: "submit", say: { Console.out($0) }) {
            printError("grip submit: nothing was copied; without --push the result is copied and committed only")
            throw ExitCode(1)
        }

        let copies = [Copy(source: file, name: URL(fileURLWithPath: file).lastPathComponent, data: opened.data)] + reviewsBeside(opened, trustList: trustList)
        let targets = try place(copies, in: registerURL)

        guard let repository else {
            switch noGit {
            case .gitNotFound?: Console.out("git was not found; the files were copied only, not committed")
            default: Console.out("\(register.displaySafe) is not in a git work tree; the files were copied only")
            }
            return
        }
        let questionnaire = RegisterGit.messagePart(opened.verification.questionnaireID ?? "grip")
        let system = RegisterGit.messagePart(opened.document["result"]?["subject"]?["system"]?.stringValue ?? "?")
        let id = RegisterGit.messagePart(opened.verification.resultID ?? "?")
        let message = "Grip: \(questionnaire) result for \(system) (\(id))"
        try RegisterGit.commit(targets, message: message, in: repository, command: "submit", say: { Console.out($0) })
        if push { try RegisterGit.push(repository, command: "submit", say: { Console.out($0) }) }
    }

    /// The result, read and verified; exit 1 unless `grip verify` would pass its signature.
    func openGenuineResult(trustList: TrustList) throws -> OpenedResult {
        let opened: OpenedResult
        do {
            opened = try ResultFile.open(file, trustList: trustList)
        } catch {
            printError("grip submit: \(ErrorText.describe(error).en)")
            throw ExitCode(1)
        }
        guard opened.verification.isValid else {
            let reason = opened.verification.status.reason(.en) ?? "it is not signed"
            printError("grip submit: \(file.displaySafe) does not verify (\(reason.displaySafe)); only a genuine, unchanged result goes into the register; nothing was copied")
            throw ExitCode(1)
        }
        // A workshop exercise is never an entry in the register.
        if opened.verification.isPractice {
            printError("grip submit: \(file.displaySafe) is a practice result from a workshop, not an assessment; nothing was copied")
            throw ExitCode(1)
        }
        // A trusted signer's name on another key fails grip verify, so it fails here too.
        if let lookalike = opened.verification.lookalike, lookalike.sameName {
            printError("grip submit: \(file.displaySafe) is signed with key \((opened.verification.keyID ?? "?").displaySafe), which is not the key of trusted signer \(lookalike.signer.name.displaySafe) whose name it carries; nothing was copied")
            throw ExitCode(1)
        }
        if let warning = opened.verification.signerWarning(.en) {
            printError("grip submit: note: \(warning.displaySafe)")
        }
        return opened
    }

    /// The reviews beside the result that verify and cover exactly this version; the others
    /// are named and left behind.
    func reviewsBeside(_ opened: OpenedResult, trustList: TrustList) -> [Copy] {
        var copies: [Copy] = []
        for found in ReviewFiles.reviews(besideResultAt: file, result: opened.document, trustList: trustList) {
            let name = URL(fileURLWithPath: found.path).lastPathComponent
            guard found.review != nil, found.coversThisVersion, let data = FileManager.default.contents(atPath: found.path) else {
                let why = found.review == nil ? "it does not verify" : "it covers another version of the result"
                printError("grip submit: note: the review \(name.displaySafe) is not submitted: \(why)")
                continue
            }
            copies.append(Copy(source: found.path, name: name, data: data))
        }
        return copies
    }

    /// Copies into `folder`, never replacing: every name is checked first, so a clash leaves
    /// the register as it was. Returns the files in the register.
    func place(_ copies: [Copy], in folder: URL) throws -> [URL] {
        var clashes: [String] = []
        var present = Set<String>()
        for copy in copies {
            switch Self.existing(folder.appendingPathComponent(copy.name), comparedWith: copy.data) {
            case .absent: break
            case .identical: present.insert(copy.name)
            case .different(let why): clashes.append("\(copy.name.displaySafe) \(why)")
            }
        }
        guard clashes.isEmpty else {
            for clash in clashes { printError("grip submit: \(register.displaySafe) already has \(clash); it is never replaced") }
            printError("grip submit: nothing was copied")
            throw ExitCode(1)
        }
        var targets: [URL] = []
        for copy in copies {
            let target = folder.appendingPathComponent(copy.name)
            targets.append(target)
            if present.contains(copy.name) {
                Console.out("already in the register (identical): \(target.path.displaySafe)")
                continue
            }
            do {
                _ = try ResultWriter.writeNew(copy.data, named: copy.name, in: folder)
                Self.makeReadableLikeAnyNewFile(target)
                Console.out("copied \(copy.source.displaySafe) to \(target.path.displaySafe)")
            } catch {
                // Someone else may have put the same file there meanwhile.
                if case .identical = Self.existing(target, comparedWith: copy.data) {
                    Console.out("already in the register (identical): \(target.path.displaySafe)")
                    continue
                }
                printError("grip submit: cannot copy \(copy.source.displaySafe) into \(register.displaySafe): \(ErrorText.describe(error).en)")
                throw ExitCode(1)
            }
        }
        return targets
    }

    enum Existing {
        case absent
        case identical
        case different(String)
    }

    /// What is at `url` now, compared byte for byte with `data`. Only a regular file counts as
    /// the same: a link there could point anywhere, and git would record the link.
    static func existing(_ url: URL, comparedWith data: Data) -> Existing {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return errno == ENOENT ? .absent : .different("(it cannot be read)") }
        guard info.st_mode & S_IFMT == S_IFREG else { return .different("but it is not a regular file") }
        guard Int(info.st_size) == data.count, FileManager.default.contents(atPath: url.path) == data else {
            return .different("with other content")
        }
        return .identical
    }

    /// Results are written readable by their owner only; a register is for sharing, so a copy
    /// gets the permissions any new file gets (the umask decides).
    static func makeReadableLikeAnyNewFile(_ url: URL) {
        let mask = umask(0o022)
        umask(mask)
        chmod(url.path, 0o666 & ~mask)
    }
}
