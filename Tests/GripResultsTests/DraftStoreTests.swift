import Foundation
import GripEngine
import Testing
@testable import GripResults

struct DraftStoreTests {
    func temporaryStore() -> DraftStore {
        DraftStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("grip-drafts-\(UUID().uuidString)"))
    }

    @Test func aDraftComesBackWithEveryAnswerAndNote() throws {
        let store = temporaryStore()
        defer { try? FileManager.default.removeItem(at: store.directory) }
        var session = try exampleSession()
        session.setNote("Navragen bij de leverancier", at: 0)
        let draft = Draft(session: session, language: .nl, startedAt: Date(timeIntervalSince1970: 1_795_000_000), updatedAt: Date(timeIntervalSince1970: 1_795_000_100))
        try store.save(draft)
        let loaded = try store.load(draft.id)
        #expect(loaded == draft)
        var dropped: [DroppedAnswer] = []
        let restored = Session(questionnaire: session.questionnaire, snapshot: loaded.session, dropped: &dropped)
        #expect(dropped.isEmpty)
        #expect(restored.answers == session.answers)
        #expect(restored.note(at: 0) == "Navragen bij de leverancier")
    }

    @Test func savingAgainReplacesTheDraftAndLeavesNoTemporaryFiles() throws {
        let store = temporaryStore()
        defer { try? FileManager.default.removeItem(at: store.directory) }
        var session = try exampleSession()
        var draft = Draft(session: session, language: .nl, startedAt: Date())
        try store.save(draft)
        _ = session.setAnswer(.no, for: "personal_data")
        draft.session = session.snapshot
        try store.save(draft)
        #expect(try store.load(draft.id).session.answers["personal_data"] == AnswerValue.no)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.path) == ["\(draft.id.uuidString.lowercased()).json"])
    }

    @Test func listingShowsNewestFirstAndNeverDeletesUnreadableFiles() throws {
        let store = temporaryStore()
        defer { try? FileManager.default.removeItem(at: store.directory) }
        let session = try exampleSession()
        let older = Draft(session: session, language: .nl, startedAt: Date(), updatedAt: Date(timeIntervalSince1970: 1_000))
        let newer = Draft(session: session, language: .en, startedAt: Date(), updatedAt: Date(timeIntervalSince1970: 2_000))
        try store.save(older)
        try store.save(newer)
        let broken = store.directory.appendingPathComponent("broken.json")
        try Data("{\"half".utf8).write(to: broken)

        let listing = store.list()
        #expect(listing.drafts.map(\.id) == [newer.id, older.id])
        #expect(listing.unreadable.map(\.file) == [broken.path])
        #expect(FileManager.default.fileExists(atPath: broken.path))
        #expect(listing.drafts[0].answered == session.progress.answered)

        try store.delete(older.id)
        #expect(store.list().drafts.map(\.id) == [newer.id])
    }
}
