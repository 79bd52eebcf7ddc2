import Foundation

/// The questionnaire files shipped with Grip, embedded in the binary at build time.
public enum BundledQuestionnaires {
    /// One bundled file: its name (e.g. `quickscan.yaml`), its exact bytes, and what the
    /// build made of it when it loaded without errors: its header fields and its compiled
    /// form (`CompiledQuestionnaire`). The bytes stay in the binary's read-only data until
    /// asked for, so listing the instruments copies nothing.
    public struct File: Sendable {
        public let name: String
        public let header: Header?
        fileprivate let text: String?
        fileprivate let base64: String?
        /// The compiled form, one character per byte (see `latin1Bytes`).
        fileprivate let compiledLatin1: String?
        /// SHA-256 of the exact bytes, lowercase hex, computed at build time; nil when the
        /// file did not load then.
        public let sha256: String?

        /// The file's exact bytes (a copy, made on each call).
        public var contents: Data {
            // A string literal's UTF-8 is contiguous: one copy (Data(utf8) went byte by byte).
            text.map { text in text.utf8.withContiguousStorageIfAvailable { Data($0) } ?? Data(text.utf8) }
                ?? base64.flatMap { Data(base64Encoded: $0) } ?? Data()
        }

        /// The compiled form, decoded on each call; nil when the file did not load at build time.
        public var compiled: Data? { compiledLatin1.flatMap(BundledQuestionnaires.latin1Bytes) }
    }

    /// The top-level fields a list of instruments shows, read at build time.
    public struct Header: Sendable {
        public let id: String
        public let version: String
        public let title: (nl: String, en: String)
        public let description: (nl: String, en: String)
        public let estimatedMinutes: Int?
    }

    /// Every bundled file, ordered by name.
    public static var files: [File] { embedded }

    /// The bytes a text of characters U+0000–U+00FF stands for, one per character; nil
    /// for any other character. In UTF-8 such a character is one byte below 0x80, or
    /// 0xC2/0xC3 and a continuation byte.
    static func latin1Bytes(_ text: String) -> Data? {
        var text = text
        return text.withUTF8 { utf8 -> Data? in
            var data = Data(count: utf8.count)
            let count = data.withUnsafeMutableBytes { (bytes: UnsafeMutableRawBufferPointer) -> Int? in
                var count = 0
                var index = 0
                while index < utf8.count {
                    // Eight ASCII bytes at a time (most of a compiled form is text).
                    if index + 8 <= utf8.count {
                        let word = UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 == 0 {
                            bytes.storeBytes(of: word, toByteOffset: count, as: UInt64.self)
                            index += 8
                            count += 8
                            continue
                        }
                    }
                    let byte = utf8[index]
                    if byte < 0x80 {
                        bytes[count] = byte
                        index += 1
                    } else {
                        guard byte == 0xC2 || byte == 0xC3, index + 1 < utf8.count else { return nil }
                        bytes[count] = (byte & 0x03) << 6 | (utf8[index + 1] & 0x3F)
                        index += 2
                    }
                    count += 1
                }
                return count
            }
            guard let count else { return nil }
            data.count = count
            return data
        }
    }
}

extension BundledQuestionnaires.File {
    /// A file that loaded at build time. Its text is a string literal, stored as UTF-8 in
    /// the binary: turning it into bytes is a copy, not a decode.
    init(name: String, text: String, header: BundledQuestionnaires.Header, sha256: String, compiled: String) {
        self.name = name
        self.header = header
        self.text = text
        base64 = nil
        self.sha256 = sha256
        compiledLatin1 = compiled
    }

    /// A file that did not load (or is not UTF-8), for the run-time load to report.
    init(name: String, base64: String) {
        self.name = name
        header = nil
        text = nil
        self.base64 = base64
        sha256 = nil
        compiledLatin1 = nil
    }
}
