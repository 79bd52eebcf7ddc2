import Foundation

/// Writes result files: readable unique names, atomic, never overwriting.
public enum ResultWriter {
    /// `2026-11-23-quickscan-fraude-risicomodel-1a2b3c4d.json`
    public static func fileName(date: Date, questionnaireID: String, system: String, id: UUID) -> String {
        let day = String(ResultDocument.timestamp(date).prefix(10))
        let slug = slugify(system)
        let short = String(id.uuidString.lowercased().prefix(8))
        return [day, questionnaireID, slug.isEmpty ? nil : slug, short].compactMap { $0 }.joined(separator: "-") + ".json"
    }

    static func slugify(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(40))
    }

    /// Writes `data` to `directory/name` atomically; an existing file is never replaced.
    public static func writeNew(_ data: Data, named name: String, in directory: URL) throws -> URL {
        try AtomicFile.createNew(data, named: name, in: directory)
    }
}
