import Foundation
import GripEngine
import Synchronization

/// What the review desk and the register need of one result, read from its file.
public struct IndexedResult: Sendable, Equatable {
    public struct Assessment: Sendable, Equatable {
        public var id: String
        public var title: String
        public var level: String
        /// YYYY-MM-DD from which the obligation applies, when the outcome says so.
        public var appliesFrom: String?
    }

    public var id: String
    public var system: String
    public var organisation: String
    public var assessor: String
    public var questionnaireID: String
    public var questionnaireTitle: String
    public var questionnaireVersion: String
    public var completedAt: String
    public var language: String
    /// `training` for practice results, which the desk and the register never count.
    public var purpose: String?
    public var assessments: [Assessment]
    public var classifications: [String]
    public var openPoints: [String]
    /// The questions answered "weet ik niet".
    public var unknownAnswers: [String]
    public var nextInstruments: [String]
    /// What a review records of the result it covers (set when the signature holds).
    public var contentSHA256: String?
    public var signatureValue: String?

    public var isPractice: Bool { purpose == "training" }

    /// The highest level among the assessments (required above possibly-required, …).
    public var highestLevel: String? {
        assessments.compactMap { AssessmentLevel(rawValue: $0.level) }.max()?.rawValue
    }
}

/// One file of a register folder, as verified when it was indexed. Trust is not stored:
/// it depends on the trust list of whoever looks, and is worked out on reading.
public struct IndexedFile: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case result(IndexedResult)
        case review(Review)
        /// Not a result or review Grip can read: shown as broken, never counted.
        case unreadable
    }

    public enum Signature: Sendable, Equatable {
        case valid(keyID: String, publicKey: String)
        case invalid(String)
        case malformed(String)
        case unsigned
    }

    public var path: String
    public var content: Content
    public var signature: Signature
    public var claimedSigner: String?
    public var claimedOrganisation: String?

    public var result: IndexedResult? {
        if case .result(let result) = content { return result }
        return nil
    }

    public var review: Review? {
        if case .review(let review) = content { return review }
        return nil
    }

    /// The verification as this person's trust list sees it.
    public func verification(_ trustList: TrustList) -> VerificationReport {
        var report = VerificationReport(status: .unsigned)
        report.claimedSigner = claimedSigner
        report.claimedOrganisation = claimedOrganisation
        switch signature {
        case .valid(let keyID, let publicKey):
            report.keyID = keyID
            if let raw = Data(base64Encoded: publicKey), let trusted = trustList.signer(keyID: keyID, rawPublicKey: raw) {
                report.status = .validTrusted(signer: trusted.name)
            } else {
                report.status = .validUnknownSigner
                report.lookalike = trustList.lookalike(name: claimedSigner, organisation: claimedOrganisation, keyID: keyID)
            }
        case .invalid(let reason): report.status = .invalid(reason)
        case .malformed(let reason): report.status = .malformed(reason)
        case .unsigned: report.status = .unsigned
        }
        if let result {
            report.kind = .result
            report.resultID = result.id
            report.questionnaireID = result.questionnaireID
            report.questionnaireVersion = result.questionnaireVersion
        } else if review != nil {
            report.kind = .review
        }
        return report
    }

    /// Reads and verifies one file. Never throws: whatever is wrong becomes the entry.
    public static func read(_ path: String) -> IndexedFile {
        let data: Data
        do throws(ResultFile.Problem) {
            data = try ResultFile.bytes(path)
        } catch {
            let reason = if case .tooLarge = error { "larger than 10 MB" } else { "cannot read the file" }
            return IndexedFile(path: path, content: .unreadable, signature: .malformed(reason))
        }
        guard let document = try? StrictJSONParser.parse(Array(data)) else {
            // The verifier words the parse problem exactly.
            let report = ResultVerifier.verify(data, trustList: TrustList())
            return IndexedFile(path: path, content: .unreadable, signature: signature(of: report, document: nil))
        }
        let report = ResultVerifier.verify(document: document, trustList: TrustList(), digest: true)
        var file = IndexedFile(
            path: path, content: .unreadable, signature: signature(of: report, document: document),
            claimedSigner: report.claimedSigner, claimedOrganisation: report.claimedOrganisation)
        switch report.kind {
        case .result:
            var facts = facts(of: document)
            facts.contentSHA256 = report.contentSHA256
            facts.signatureValue = report.isValid ? document["signature"]?["value"]?.stringValue : nil
            file.content = .result(facts)
        case .review:
            if report.isValid, let review = ReviewDocument.parse(document) {
                file.content = .review(review)
            } else if report.isValid {
                file.signature = .malformed("not a well-formed review")
            }
        case nil: break
        }
        return file
    }

    static func signature(of report: VerificationReport, document: JSONValue?) -> Signature {
        switch report.status {
        case .validTrusted, .validUnknownSigner:
            .valid(keyID: report.keyID ?? "", publicKey: document?["signature"]?["publicKey"]?.stringValue ?? "")
        case .invalid(let reason): .invalid(reason)
        case .malformed(let reason): .malformed(reason)
        case .unsigned: .unsigned
        }
    }

    static func facts(of document: JSONValue) -> IndexedResult {
        let result = document["result"] ?? .object([])
        func text(_ value: JSONValue?) -> String { value?.stringValue ?? "" }
        let outcome = result["outcome"]
        let assessments = (outcome?["assessments"]?.arrayValue ?? []).map { assessment in
            IndexedResult.Assessment(
                id: text(assessment["id"]), title: text(assessment["title"]), level: text(assessment["level"]),
                appliesFrom: assessment["appliesFrom"]?.stringValue)
        }
        let openPoints = (outcome?["assessments"]?.arrayValue ?? []).flatMap { ($0["openPoints"]?.arrayValue ?? []).map { text($0["text"]) } }
        let answers = result["answers"]?.arrayValue ?? []
        let unknown = answers.filter { $0["value"]?.stringValue == "unknown" && $0["visibility"]?.stringValue != "hidden" }.map { text($0["text"]) }
        return IndexedResult(
            id: text(result["id"]), system: text(result["subject"]?["system"]), organisation: text(result["subject"]?["organisation"]),
            assessor: text(result["subject"]?["assessor"]), questionnaireID: text(result["questionnaire"]?["id"]),
            questionnaireTitle: text(result["questionnaire"]?["title"]), questionnaireVersion: text(result["questionnaire"]?["version"]),
            completedAt: text(result["completedAt"]), language: text(result["language"]), purpose: result["purpose"]?.stringValue,
            assessments: assessments,
            classifications: (outcome?["classifications"]?.arrayValue ?? []).map { text($0["headline"]).isEmpty ? text($0["category"]) : text($0["headline"]) },
            openPoints: openPoints, unknownAnswers: unknown,
            nextInstruments: (outcome?["nextInstruments"]?.arrayValue ?? []).compactMap(\.stringValue))
    }
}

/// The files of register folders, verified once and remembered in a cache keyed by
/// path, size, modification time and inode: a folder of 10,000 results opens again in
/// a fraction of a second, and only what changed is read again. `grip verify` never
/// uses it; the desk says when it shows remembered statuses.
public struct ResultIndex: Sendable {
    public var files: [IndexedFile]
    /// How many entries came from the cache rather than a fresh verification.
    public var fromCache: Int

    /// The results (not practice ones) and reviews, and the broken files, by kind.
    public var results: [IndexedFile] { files.filter { $0.result.map { !$0.isPractice } ?? false } }
    public var reviews: [IndexedFile] { files.filter { $0.review != nil } }
    public var broken: [IndexedFile] { files.filter { if case .unreadable = $0.content { true } else { false } } }

    /// The `.json` files directly inside each folder, read on every core. `cache`, when
    /// given, is a directory where one cache file per folder is kept.
    /// `progress`, when given, gets the index so far after every 1,000 files verified, so
    /// a list can fill in while a large fresh folder is read.
    public static func build(directories: [URL], cache: URL?, batch: Int = 1_000, progress: ((ResultIndex) -> Void)? = nil) -> ResultIndex {
        var files: [IndexedFile] = []
        var fromCache = 0
        for directory in directories {
            let earlier = files, earlierFromCache = fromCache
            let folder = index(directory, cache: cache, batch: batch, progress: progress.map { report in
                { partial in report(ResultIndex(files: earlier + partial.files, fromCache: earlierFromCache + partial.fromCache)) }
            })
            files += folder.files
            fromCache += folder.fromCache
        }
        return ResultIndex(files: files, fromCache: fromCache)
    }

    static func index(_ directory: URL, cache: URL?, batch: Int = 1_000, progress: ((ResultIndex) -> Void)? = nil) -> ResultIndex {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        let cacheFile = cache.map { $0.appendingPathComponent(IndexCache.fileName(for: directory)) }
        let remembered = cacheFile.map(IndexCache.read) ?? [:]
        // Thousands of stat calls: on every core.
        let collected = Mutex([FileStamp?](repeating: nil, count: names.count))
        DispatchQueue.concurrentPerform(iterations: max(1, min(names.count, 8))) { part in
            var mine: [(Int, FileStamp?)] = []
            for index in stride(from: part, to: names.count, by: max(1, min(names.count, 8))) {
                mine.append((index, FileStamp(path: directory.appendingPathComponent(names[index]).path)))
            }
            collected.withLock { stamps in for (index, stamp) in mine { stamps[index] = stamp } }
        }
        let stamps = collected.withLock { $0 }
        var entries = [IndexedFile?](repeating: nil, count: names.count)
        var toRead: [Int] = []
        for (index, name) in names.enumerated() {
            if let stamp = stamps[index], let cached = remembered[name], cached.stamp == stamp {
                var file = cached.file
                file.path = directory.appendingPathComponent(name).path
                entries[index] = file
            } else {
                toRead.append(index)
            }
        }
        let read = Mutex(entries)
        let cached = names.count - toRead.count
        var start = 0
        repeat {
            let pending = Array(toRead[start..<min(toRead.count, start + (progress == nil ? toRead.count : max(1, batch)))])
            DispatchQueue.concurrentPerform(iterations: pending.count) { position in
                let index = pending[position]
                let file = IndexedFile.read(directory.appendingPathComponent(names[index]).path)
                read.withLock { $0[index] = file }
            }
            start += pending.count
            if let progress, start < toRead.count { progress(ResultIndex(files: read.withLock { $0 }.compactMap { $0 }, fromCache: cached)) }
        } while start < toRead.count
        let files = read.withLock { $0 }.compactMap { $0 }
        if let cacheFile, !toRead.isEmpty || remembered.count != names.count {
            var keep: [String: IndexCache.Entry] = [:]
            for (index, name) in names.enumerated() {
                if let stamp = stamps[index] { keep[name] = IndexCache.Entry(stamp: stamp, file: files[index]) }
            }
            IndexCache.write(keep, to: cacheFile)
        }
        return ResultIndex(files: files, fromCache: names.count - toRead.count)
    }
}

/// What identifies a version of a file without reading it.
public struct FileStamp: Sendable, Equatable {
    public var size: Int64
    public var modified: Int64
    public var modifiedNanoseconds: Int64
    public var inode: UInt64

    init(size: Int64, modified: Int64, modifiedNanoseconds: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
            self.init(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino))
        #else
            self.init(size: Int64(info.st_size), modified: Int64(info.st_mtimespec.tv_sec), modifiedNanoseconds: Int64(info.st_mtimespec.tv_nsec), inode: UInt64(info.st_ino))
        #endif
    }
}
