import Foundation

/// The workshop cases shipped with Grip (`Questionnaires/cases/*.yaml`), embedded in the
/// binary at build time byte for byte, so an installed binary finds them wherever it runs.
/// Loading and checking them is GripEngine's work (`CaseLoader`); the test suite checks
/// every bundled case.
public enum BundledCases {
    /// One bundled case file: its name (e.g. `woz-model.yaml`) and its exact bytes.
    public struct File: Sendable {
        public let name: String
        fileprivate let text: String?
        fileprivate let base64: String?

        /// The file's exact bytes (a copy, made on each call).
        public var contents: Data {
            text.map { Data($0.utf8) } ?? base64.flatMap { Data(base64Encoded: $0) } ?? Data()
        }
    }

    /// Every bundled case file, ordered by name.
    public static var files: [File] { embedded }
}

extension BundledCases.File {
    /// A UTF-8 file, kept as a string literal: its bytes are the literal's UTF-8.
    init(name: String, text: String) {
        self.name = name
        self.text = text
        base64 = nil
    }

    /// A file that is not UTF-8, kept as it is, for the loader to report.
    init(name: String, base64: String) {
        self.name = name
        text = nil
        self.base64 = base64
    }
}
