import Foundation
import Synchronization

/// A questionnaire Grip can offer, loaded only when it is opened. Listing instruments
/// (the home screen, `grip list`) needs only the few header fields at the top of the
/// file, which are read in microseconds; the full load (hundreds of kilobytes of YAML,
/// with every condition compiled) happens once, on first use, and is kept.
public final class Instrument: Sendable {
    public let id: String
    public let version: String
    public let title: LocalizedText
    public let description: LocalizedText
    public let estimatedMinutes: Int?
    public let file: String
    /// The file's bytes. Bundled ones sit in the binary and are copied out only when
    /// asked for (to hash a result's questionnaire, or to load it).
    public var source: Data { sourceBytes() }
    private let sourceBytes: @Sendable () -> Data
    /// SHA-256 of the bytes, lowercase hex, when the build recorded it.
    private let sourceSHA256: String?
    private let loaded: Mutex<LoadReport?>
    /// The build-time compiled form (`CompiledQuestionnaire`), for bundled instruments.
    private let compiled: (@Sendable () -> Data?)?

    /// An instrument that is already loaded (tests, own questionnaires loaded to report
    /// their problems).
    public init(_ questionnaire: Questionnaire) {
        id = questionnaire.id
        version = questionnaire.version
        title = questionnaire.title
        description = questionnaire.description
        estimatedMinutes = questionnaire.estimatedMinutes
        file = questionnaire.file
        let source = questionnaire.source
        sourceBytes = { source }
        sourceSHA256 = questionnaire.recordedSourceSHA256
        loaded = Mutex(LoadReport(questionnaire: questionnaire, diagnostics: []))
        compiled = nil
    }

    private init(
        header: Header, file: String, source: @escaping @Sendable () -> Data, sourceSHA256: String? = nil,
        compiled: (@Sendable () -> Data?)? = nil
    ) {
        id = header.id
        version = header.version
        title = header.title
        description = header.description
        estimatedMinutes = header.estimatedMinutes
        self.file = file
        sourceBytes = source
        self.sourceSHA256 = sourceSHA256
        self.compiled = compiled
        loaded = Mutex(nil)
    }

    /// Reads only the header of `source`; nil when it cannot be read that way (then the
    /// file is loaded whole, which reports its problems).
    public static func lazy(_ source: Data, file: String) -> Instrument? {
        Header.read(source).map { Instrument(header: $0, file: file, source: { source }) }
    }

    /// A bundled instrument with its header fields, SHA-256 and compiled form made at
    /// build time. Nothing is read until the instrument is opened; a compiled form that
    /// does not fit means the YAML is loaded instead.
    public static func precompiled(
        id: String, version: String, title: LocalizedText, description: LocalizedText, estimatedMinutes: Int?,
        file: String, source: @escaping @Sendable () -> Data, sourceSHA256: String? = nil,
        compiled: @escaping @Sendable () -> Data?
    ) -> Instrument {
        let header = Header(id: id, version: version, title: title, description: description, estimatedMinutes: estimatedMinutes)
        return Instrument(header: header, file: file, source: source, sourceSHA256: sourceSHA256, compiled: compiled)
    }

    /// The full load, done once: from the compiled form when there is one that fits,
    /// otherwise from the YAML.
    public var report: LoadReport {
        loaded.withLock { cached in
            if let cached { return cached }
            var report = compiled?().flatMap { CompiledQuestionnaire.report(from: $0, source: sourceBytes, sourceSHA256: sourceSHA256) }
                .flatMap { $0.questionnaire?.file == file ? $0 : nil }
                ?? QuestionnaireLoader.load(source, file: file)
            // The header promised these; a file that says otherwise in full is not this instrument.
            if let questionnaire = report.questionnaire, questionnaire.id != id || questionnaire.version != version {
                report = LoadReport(questionnaire: nil, diagnostics: [Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "the header names \(id) \(version), the file \(questionnaire.id) \(questionnaire.version)")])
            }
            cached = report
            return report
        }
    }

    public var questionnaire: Questionnaire? { report.questionnaire }

    /// Its sections and questions, for checking another questionnaire's prefill against:
    /// the full load when it is done already, otherwise only the front of the compiled
    /// form, which is not kept (outcome rules and prefill stay empty). Without a compiled
    /// form that fits, the full load.
    public var questionsOnly: Questionnaire? {
        if let cached = loaded.withLock({ $0 }) { return cached.questionnaire }
        if let partial = compiled?().flatMap({ CompiledQuestionnaire.questions(from: $0, source: sourceBytes, sourceSHA256: sourceSHA256) }),
            partial.file == file, partial.id == id, partial.version == version {
            return partial
        }
        return questionnaire
    }

    /// The top-level fields before `sections:`.
    struct Header {
        var id: String
        var version: String
        var title: LocalizedText
        var description: LocalizedText
        var estimatedMinutes: Int?

        static func read(_ data: Data) -> Header? {
            // The header ends where the first of the large parts begins, at column 0.
            let end = headerEnd(data)
            guard end < data.endIndex || data.count < 4096,
                case .success(let root) = YAMLDocument.compose(Data(data[data.startIndex..<end]), file: "")
            else { return nil }
            func field(_ name: StaticString) -> YAMLNode? {
                root.pairs.first { $0.key.isScalar(name) }?.value
            }
            guard let id = text(field("id")), let version = text(field("version")),
                let title = localized(field("title")), let description = localized(field("description"))
            else { return nil }
            var minutes: Int?
            if let value = field("estimated_minutes") {
                guard let text = text(value), let number = Int(text) else { return nil }
                minutes = number
            }
            return Header(id: id, version: version, title: title, description: description, estimatedMinutes: minutes)
        }

        /// Where the header ends: the first line that starts one of the large parts. One
        /// pass that stops there (Data's generic search showed in start-up time).
        static func headerEnd(_ data: Data) -> Data.Index {
            let keys = ["sections:", "outcomes:", "prefill:"].map { Array($0.utf8) }
            return data.withUnsafeBytes { bytes -> Data.Index in
                var index = 0
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "\n") {
                        let line = index + 1
                        for key in keys where line + key.count <= bytes.count {
                            if (0..<key.count).allSatisfy({ bytes[line + $0] == key[$0] }) { return data.startIndex + index }
                        }
                    }
                    index += 1
                }
                return data.endIndex
            }
        }

        static func text(_ node: YAMLNode?) -> String? {
            node?.string
        }

        static func localized(_ node: YAMLNode?) -> LocalizedText? {
            guard let node, node.kind == .mapping else { return nil }
            var nl: String?, en: String?
            for (key, value) in node.pairs {
                switch text(key) {
                case "nl": nl = text(value)
                case "en": en = text(value)
                default: break
                }
            }
            guard let nl, let en else { return nil }
            // Folded and literal blocks keep their final newline in YAML; the loader trims it.
            return LocalizedText(nl: nl.trimmingWhitespace, en: en.trimmingWhitespace)
        }
    }
}
