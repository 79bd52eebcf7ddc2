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
        /// The compiled form, whose bytes are valid UTF-8 (see `CompiledForm.swift`): a
        /// static literal, read where it lies in the binary.
        fileprivate let compiledForm: StaticString?
        /// SHA-256 of the exact bytes, lowercase hex, computed at build time; nil when the
        /// file did not load then.
        public let sha256: String?

        /// The file's exact bytes (a copy, made on each call).
        public var contents: Data {
            // A string literal's UTF-8 is contiguous: one copy (Data(utf8) went byte by byte).
            text.map { text in text.utf8.withContiguousStorageIfAvailable { Data($0) } ?? Data(text.utf8) }
                ?? base64.flatMap { Data(base64Encoded: $0) } ?? Data()
        }

        /// The compiled form, without a copy; nil when the file did not load at build time.
        public var compiled: Data? {
            guard let form = compiledForm, form.hasPointerRepresentation else { return nil }
            // A static literal lives as long as the program and is never written to.
            return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: form.utf8Start), count: form.utf8CodeUnitCount, deallocator: .none)
        }
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
}

extension BundledQuestionnaires.File {
    /// A file that loaded at build time. Its text is a string literal, stored as UTF-8 in
    /// the binary: turning it into bytes is a copy, not a decode.
    init(name: String, text: String, header: BundledQuestionnaires.Header, sha256: String, compiled: StaticString) {
        self.name = name
        self.header = header
        self.text = text
        base64 = nil
        self.sha256 = sha256
        compiledForm = compiled
    }

    /// A file that did not load (or is not UTF-8), for the run-time load to report.
    init(name: String, base64: String) {
        self.name = name
        header = nil
        text = nil
        self.base64 = base64
        sha256 = nil
        compiledForm = nil
    }
}
