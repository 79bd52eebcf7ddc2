import Foundation
import GripEngine

/// An assessment in progress, saved after every answer so nothing is lost when the
/// terminal closes or the machine stops.
public struct Draft: Codable, Equatable, Sendable {
    public var id: UUID
    public var language: Language
    public var startedAt: Date
    public var updatedAt: Date
    /// SHA-256 of the questionnaire file the answers were given against.
    public var questionnaireSHA256: String
    public var session: SessionSnapshot
    /// For the list of drafts, without loading the questionnaire: confirmed answers only.
    public var answered: Int
    public var visible: Int
    /// Answers suggested by another questionnaire and not yet confirmed (question ids);
    /// absent in drafts written before suggestions were kept.
    public var suggested: [String]?
    /// A workshop exercise (the case id): finished, it is signed as a practice result.
    /// Kept in the draft so a resumed exercise is never signed as an assessment.
    public var practiceCase: String?

    public init(
        id: UUID = UUID(), session: Session, language: Language, startedAt: Date, updatedAt: Date = Date(), suggested: Set<Int> = [],
        practiceCase: String? = nil
    ) {
        self.practiceCase = practiceCase
        self.id = id
        self.language = language
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        questionnaireSHA256 = session.questionnaire.sourceSHA256
        self.session = session.snapshot
        let unconfirmed = suggested.filter { session.isVisible($0) && session.answer(at: $0) != nil }
        answered = session.progress.answered - unconfirmed.count
        visible = session.progress.visible
        self.suggested = suggested.isEmpty ? nil : suggested.sorted().map { session.questionnaire.questions[$0].id }
    }

    /// The suggested answers as question indices of `questionnaire`.
    public func suggestedIndices(in questionnaire: Questionnaire) -> Set<Int> {
        Set((suggested ?? []).compactMap { questionnaire.index(of: $0) })
    }
}

/// Drafts as files in the data directory's `drafts/`: one JSON file per draft, replaced
/// atomically on every save.
public struct DraftStore: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public struct Listing: Sendable {
        public var drafts: [Draft]
        /// Files that could not be read; kept on disk, never deleted.
        public var unreadable: [(file: String, reason: String)]
    }

    private func url(for id: UUID) -> URL { directory.appendingPathComponent("\(id.uuidString.lowercased()).json") }

    public func save(_ draft: Draft) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        _ = try AtomicFile.replace(try encoder.encode(draft), named: url(for: draft.id).lastPathComponent, in: directory)
    }

    public func load(_ id: UUID) throws -> Draft {
        try Self.decode(Data(contentsOf: url(for: id)))
    }

    /// Every draft, most recently changed first.
    public func list() -> Listing {
        var listing = Listing(drafts: [], unreadable: [])
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let file = directory.appendingPathComponent(name)
            do {
                listing.drafts.append(try Self.decode(Data(contentsOf: file)))
            } catch {
                listing.unreadable.append((file.path, String(describing: error)))
            }
        }
        listing.drafts.sort { $0.updatedAt > $1.updatedAt }
        return listing
    }

    /// Copies a draft's file into `backups/` (never replacing a copy) and returns its path.
    public func backup(_ id: UUID, at date: Date = Date()) throws -> URL {
        let data = try Data(contentsOf: url(for: id))
        let stamp = ResultDocument.timestamp(date).replacingOccurrences(of: ":", with: "")
        return try AtomicFile.createNew(data, named: "\(id.uuidString.lowercased())-\(stamp).json", in: directory.appendingPathComponent("backups"))
    }

    public func delete(_ id: UUID) throws {
        try FileManager.default.removeItem(at: url(for: id))
    }

    static func decode(_ data: Data) throws -> Draft {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Draft.self, from: data)
    }
}
