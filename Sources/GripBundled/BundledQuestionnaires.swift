import Foundation

/// The questionnaire files shipped with Grip, embedded in the binary at build time.
public enum BundledQuestionnaires {
    /// One bundled file: its name (e.g. `quickscan.yaml`) and its exact bytes.
    public struct File: Sendable {
        public let name: String
        public let contents: Data
    }

    /// Every bundled file, ordered by name.
    public static let files: [File] = encodedFiles.compactMap { entry in
        Data(base64Encoded: entry.base64).map { File(name: entry.name, contents: $0) }
    }
}
