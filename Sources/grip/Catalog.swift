import Foundation
import GripBundled
import GripEngine
import GripResults

/// Every questionnaire Grip can offer: bundled ones first, then directories of an
/// organisation's own, where a later source overrides an earlier one with the same id.
struct Catalog {
    struct Entry {
        /// Loaded in full only when used: listing needs the header alone.
        var instrument: Instrument
        var origin: String
        var overrides: String?

        var id: String { instrument.id }
    }

    var entries: [Entry] = []
    var diagnostics: [Diagnostic] = []

    static func load(extraDirectories: [String], paths: GripPaths, environment: GripPaths.Environment = .init()) -> Catalog {
        var catalog = Catalog()
        // The bundled files are checked by the test suite; here only their headers are
        // read, and each is loaded in full when it is opened.
        for file in BundledQuestionnaires.files {
            let name = "bundled:\(file.name)"
            if let header = file.header {
                let instrument = Instrument.precompiled(
                    id: header.id, version: header.version, title: LocalizedText(nl: header.title.nl, en: header.title.en),
                    description: LocalizedText(nl: header.description.nl, en: header.description.en),
                    estimatedMinutes: header.estimatedMinutes, file: name,
                    source: { file.contents }, sourceSHA256: file.sha256, compiled: { file.compiled })
                catalog.add(instrument, origin: "bundled")
            } else if let instrument = Instrument.lazy(file.contents, file: name) {
                catalog.add(instrument, origin: "bundled")
            } else {
                catalog.add(QuestionnaireLoader.load(file.contents, file: name), origin: "bundled")
            }
        }
        var directories = [paths.userQuestionnairesPath]
        if let list = environment["GRIP_QUESTIONNAIRES"] {
            directories += list.split(separator: ":").map(String.init)
        }
        directories += extraDirectories
        for directory in directories {
            guard let names = DirectoryListing.names(atPath: directory) else { continue }
            // Files are named by absolute path, as a relative directory means it here.
            let base = GripPaths.absolute(directory)
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let path = GripPaths.joined(base, name)
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                catalog.add(QuestionnaireLoader.load(data, file: path), origin: directory)
            }
        }
        catalog.entries.sort { (rank($0.id), $0.id) < (rank($1.id), $1.id) }
        return catalog
    }

    /// The instruments in the order people use them: triage first, then what it points to.
    static let preferredOrder = ["quickscan", "dpia-lite", "iama-lite", "ai-act", "procurement"]

    private static func rank(_ id: String) -> Int { preferredOrder.firstIndex(of: id) ?? preferredOrder.count }

    /// Own questionnaires are loaded in full, so their problems are reported at once.
    private mutating func add(_ report: LoadReport, origin: String) {
        diagnostics += report.diagnostics.errors
        guard let questionnaire = report.questionnaire else { return }
        add(Instrument(questionnaire), origin: origin)
    }

    private mutating func add(_ instrument: Instrument, origin: String) {
        if let existing = entries.firstIndex(where: { $0.id == instrument.id }) {
            let replaced = entries[existing]
            entries[existing] = Entry(instrument: instrument, origin: origin, overrides: "\(replaced.instrument.version) from \(replaced.origin)")
        } else {
            entries.append(Entry(instrument: instrument, origin: origin))
        }
    }

    /// The questionnaire with this id, loaded in full; nil when there is none.
    func questionnaire(_ id: String) -> Questionnaire? {
        entries.first { $0.id == id }?.instrument.questionnaire
    }

    /// Errors of an instrument that fails to load when it is opened (a bundled file is
    /// checked by the tests, so this is for damaged builds).
    func problems(_ id: String) -> [Diagnostic] {
        entries.first { $0.id == id }?.instrument.report.diagnostics.errors ?? []
    }
}
