import Crypto
import Foundation
import GripEngine

/// The index of one folder, remembered between runs in the user's cache directory. A
/// damaged or older cache is ignored (and rebuilt), never trusted in part.
enum IndexCache {
    struct Entry {
        var stamp: FileStamp
        var file: IndexedFile
    }

    static let magic = "grip-index"
    /// 3: integers as six-bit varints (`BinaryWriter`); an older cache is rebuilt.
    static let format = 3

    static func fileName(for directory: URL) -> String {
        "index-" + ResultDocument.sha256Hex(Data(directory.standardizedFileURL.path.utf8)).prefix(24) + ".bin"
    }

    static func read(_ url: URL) -> [String: Entry] {
        // The last 32 bytes are the SHA-256 of the rest: a cache changed by a disk error or
        // by hand is rebuilt, not read with a wrong status in it.
        guard let stored = try? Data(contentsOf: url), stored.count > 32 else { return [:] }
        let data = stored.prefix(stored.count - 32)
        guard Data(SHA256.hash(data: data)) == stored.suffix(32) else { return [:] }
        return data.withUnsafeBytes { bytes in
            var raw = BinaryReader(bytes, file: "")
            do throws(CompiledFormError) {
                guard try raw.string() == magic, try raw.int() == format else { return [:] }
                // Every distinct text once: thousands of results repeat the same titles,
                // levels, names and key ids, which are then shared instead of copied.
                var table: [String] = []
                for _ in 0..<(try raw.count()) { table.append(try raw.string()) }
                var reader = TableReader(raw: raw, table: table)
                var entries: [String: Entry] = [:]
                for _ in 0..<(try reader.raw.count()) {
                    let name = try reader.string()
                    entries[name] = Entry(stamp: try stamp(&reader), file: try file(&reader))
                }
                return reader.raw.isAtEnd ? entries : [:]
            } catch {
                return [:]
            }
        }
    }

    static func write(_ entries: [String: Entry], to url: URL) {
        var body = TableWriter()
        body.raw.int(entries.count)
        for name in entries.keys.sorted() {
            guard let entry = entries[name] else { continue }
            body.string(name)
            write(entry.stamp, &body)
            write(entry.file, &body)
        }
        var writer = BinaryWriter()
        writer.string(magic)
        writer.int(format)
        writer.int(body.table.count)
        for text in body.table { writer.string(text) }
        var data = Data(writer.bytes)
        data.append(contentsOf: body.raw.bytes)
        data.append(contentsOf: SHA256.hash(data: data))
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try? AtomicFile.replace(data, named: url.lastPathComponent, in: url.deletingLastPathComponent())
    }

    /// Strings as indices into a table of distinct texts.
    struct TableWriter {
        var raw = BinaryWriter()
        var table: [String] = []
        var indices: [String: Int] = [:]

        mutating func string(_ text: String) {
            if let index = indices[text] { raw.int(index); return }
            indices[text] = table.count
            raw.int(table.count)
            table.append(text)
        }
        mutating func optionalString(_ text: String?) {
            raw.bool(text != nil)
            if let text { string(text) }
        }
        mutating func strings(_ texts: [String]) {
            raw.int(texts.count)
            for text in texts { string(text) }
        }
        mutating func int(_ value: Int) { raw.int(value) }
    }

    struct TableReader {
        var raw: BinaryReader
        let table: [String]

        mutating func string() throws(CompiledFormError) -> String {
            let index = try raw.int()
            guard index >= 0, index < table.count else { throw CompiledFormError() }
            return table[index]
        }
        mutating func optionalString() throws(CompiledFormError) -> String? { try raw.bool() ? try string() : nil }
        mutating func strings() throws(CompiledFormError) -> [String] {
            var texts: [String] = []
            for _ in 0..<(try raw.count()) { texts.append(try string()) }
            return texts
        }
        mutating func int() throws(CompiledFormError) -> Int { try raw.int() }
        mutating func count() throws(CompiledFormError) -> Int { try raw.count() }
    }

    // MARK: Fields, in a fixed order

    private static func write(_ stamp: FileStamp, _ writer: inout TableWriter) {
        writer.int(Int(stamp.size))
        writer.int(Int(stamp.modified))
        writer.int(Int(stamp.modifiedNanoseconds))
        writer.int(Int(truncatingIfNeeded: stamp.inode))
    }

    private static func stamp(_ reader: inout TableReader) throws(CompiledFormError) -> FileStamp {
        FileStamp(
            size: Int64(try reader.int()), modified: Int64(try reader.int()), modifiedNanoseconds: Int64(try reader.int()),
            inode: UInt64(truncatingIfNeeded: try reader.int()))
    }

    private static func write(_ file: IndexedFile, _ writer: inout TableWriter) {
        switch file.signature {
        case .valid(let keyID, let publicKey): writer.int(0); writer.string(keyID); writer.string(publicKey)
        case .invalid(let reason): writer.int(1); writer.string(reason)
        case .malformed(let reason): writer.int(2); writer.string(reason)
        case .unsigned: writer.int(3)
        }
        writer.optionalString(file.claimedSigner)
        writer.optionalString(file.claimedOrganisation)
        switch file.content {
        case .unreadable: writer.int(0)
        case .result(let result):
            writer.int(1)
            for text in [result.id, result.system, result.organisation, result.assessor, result.questionnaireID, result.questionnaireTitle,
                result.questionnaireVersion, result.completedAt, result.language]
            {
                writer.string(text)
            }
            writer.optionalString(result.purpose)
            writer.int(result.assessments.count)
            for assessment in result.assessments {
                writer.string(assessment.id)
                writer.string(assessment.title)
                writer.string(assessment.level)
                writer.optionalString(assessment.appliesFrom)
            }
            writer.strings(result.classifications)
            writer.strings(result.openPoints)
            writer.strings(result.unknownAnswers)
            writer.strings(result.nextInstruments)
            writer.optionalString(result.contentSHA256)
            writer.optionalString(result.signatureValue)
        case .review(let review):
            writer.int(2)
            let subject = review.reviewed
            for text in [review.id, subject.resultID, subject.resultSHA256, subject.signature, subject.signerKeyID, subject.questionnaireID,
                subject.questionnaireVersion, subject.system, review.reviewerName, review.reviewerOrganisation, review.reviewerKeyID,
                review.reviewedAt, review.verdict.rawValue, review.remarks]
            {
                writer.string(text)
            }
            writer.int(review.judgements.count)
            for judgement in review.judgements {
                writer.string(judgement.assessment)
                writer.string(judgement.remark)
            }
            writer.int(review.actions.count)
            for action in review.actions {
                writer.string(action.text)
                writer.string(action.owner)
                writer.string(action.due)
            }
            writer.optionalString(review.nextReview)
        }
    }

    private static func file(_ reader: inout TableReader) throws(CompiledFormError) -> IndexedFile {
        let signature: IndexedFile.Signature
        switch try reader.int() {
        case 0: signature = .valid(keyID: try reader.string(), publicKey: try reader.string())
        case 1: signature = .invalid(try reader.string())
        case 2: signature = .malformed(try reader.string())
        case 3: signature = .unsigned
        default: throw CompiledFormError()
        }
        let claimedSigner = try reader.optionalString(), claimedOrganisation = try reader.optionalString()
        let content: IndexedFile.Content
        switch try reader.int() {
        case 0: content = .unreadable
        case 1:
            var texts: [String] = []
            for _ in 0..<9 { texts.append(try reader.string()) }
            let purpose = try reader.optionalString()
            var assessments: [IndexedResult.Assessment] = []
            for _ in 0..<(try reader.count()) {
                assessments.append(IndexedResult.Assessment(id: try reader.string(), title: try reader.string(), level: try reader.string(), appliesFrom: try reader.optionalString()))
            }
            content = .result(IndexedResult(
                id: texts[0], system: texts[1], organisation: texts[2], assessor: texts[3], questionnaireID: texts[4],
                questionnaireTitle: texts[5], questionnaireVersion: texts[6], completedAt: texts[7], language: texts[8], purpose: purpose,
                assessments: assessments, classifications: try reader.strings(), openPoints: try reader.strings(),
                unknownAnswers: try reader.strings(), nextInstruments: try reader.strings(),
                contentSHA256: try reader.optionalString(), signatureValue: try reader.optionalString()))
        case 2:
            var texts: [String] = []
            for _ in 0..<14 { texts.append(try reader.string()) }
            guard let verdict = Review.Verdict(rawValue: texts[12]) else { throw CompiledFormError() }
            var judgements: [Review.Judgement] = []
            for _ in 0..<(try reader.count()) { judgements.append(Review.Judgement(assessment: try reader.string(), remark: try reader.string())) }
            var actions: [Review.Action] = []
            for _ in 0..<(try reader.count()) { actions.append(Review.Action(text: try reader.string(), owner: try reader.string(), due: try reader.string())) }
            let subject = Review.Subject(
                resultID: texts[1], resultSHA256: texts[2], signature: texts[3], signerKeyID: texts[4], questionnaireID: texts[5],
                questionnaireVersion: texts[6], system: texts[7])
            content = .review(Review(
                id: texts[0], reviewed: subject, reviewerName: texts[8], reviewerOrganisation: texts[9], reviewerKeyID: texts[10],
                reviewedAt: texts[11], verdict: verdict, remarks: texts[13], judgements: judgements, actions: actions,
                nextReview: try reader.optionalString()))
        default: throw CompiledFormError()
        }
        return IndexedFile(path: "", content: content, signature: signature, claimedSigner: claimedSigner, claimedOrganisation: claimedOrganisation)
    }
}
