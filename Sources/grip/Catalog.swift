import Foundation
import GripBundled
import GripEngine

/// Every questionnaire Grip can offer: bundled ones first, then directories of an
/// organisation's own, where a later source overrides an earlier one with the same id.
struct Catalog {
    struct Entry {
        var questionnaire: Questionnaire
        var origin: String
        var overrides: String?
    }

    var entries: [Entry] = []
    var diagnostics: [Diagnostic] = []

    static func load(extraDirectories: [String], paths: GripPaths, environment: [String: String] = ProcessInfo.processInfo.environment) -> Catalog {
        var catalog = Catalog()
        for report in QuestionnaireLoader.loadAll(BundledQuestionnaires.files.map { ($0.contents, "bundled:\($0.name)") }) {
            catalog.add(report, origin: "bundled")
        }
        var directories = [paths.userQuestionnaires.path]
        if let list = environment["GRIP_QUESTIONNAIRES"] {
            directories += list.split(separator: ":").map(String.init)
        }
        directories += extraDirectories
        for directory in directories {
            let url = URL(fileURLWithPath: directory, isDirectory: true)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let path = url.appendingPathComponent(name).path
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                catalog.add(QuestionnaireLoader.load(data, file: path), origin: directory)
            }
        }
        catalog.entries.sort { (rank($0.questionnaire.id), $0.questionnaire.id) < (rank($1.questionnaire.id), $1.questionnaire.id) }
        return catalog
    }

    /// The instruments in the order people use them: triage first, then what it points to.
    static let preferredOrder = ["quickscan", "dpia-lite", "iama-lite", "ai-act", "procurement"]

    private static func rank(_ id: String) -> Int { preferredOrder.firstIndex(of: id) ?? preferredOrder.count }

    private mutating func add(_ report: LoadReport, origin: String) {
        diagnostics += report.diagnostics.errors
        guard let questionnaire = report.questionnaire else { return }
        if let existing = entries.firstIndex(where: { $0.questionnaire.id == questionnaire.id }) {
            let replaced = entries[existing]
            entries[existing] = Entry(questionnaire: questionnaire, origin: origin, overrides: "\(replaced.questionnaire.version) from \(replaced.origin)")
        } else {
            entries.append(Entry(questionnaire: questionnaire, origin: origin))
        }
    }

    func questionnaire(_ id: String) -> Questionnaire? {
        entries.first { $0.questionnaire.id == id }?.questionnaire
    }
}
