import Foundation
import Testing
@testable import GripResults

struct ResultWriterTests {
    @Test("File names are readable and safe", arguments: [
        ("Fraude-risicomodel “Bijstand” (2026)", "fraude-risicomodel-bijstand-2026"),
        ("Chatbot café Zuid-Holland", "chatbot-cafe-zuid-holland"),
        ("../../etc/passwd", "etc-passwd"),
        ("   ", ""),
    ])
    func slug(system: String, expected: String) {
        #expect(ResultWriter.slugify(system) == expected)
    }

    @Test func fileNameCarriesDateQuestionnaireSystemAndShortID() throws {
        let id = try #require(UUID(uuidString: "1A2B3C4D-0000-4000-8000-000000000000"))
        let date = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(ResultWriter.fileName(date: date, questionnaireID: "quickscan", system: "Chatbot", id: id) == "2026-11-18-quickscan-chatbot-1a2b3c4d.json")
    }

    @Test func anExistingFileIsNeverOverwritten() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grip-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try ResultWriter.writeNew(Data("one".utf8), named: "r.json", in: directory)
        #expect(throws: CocoaError.self) { try ResultWriter.writeNew(Data("two".utf8), named: "r.json", in: directory) }
        #expect(try Data(contentsOf: first) == Data("one".utf8))
        // No temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["r.json"])
    }

    @Test func questionnaireHashIsSHA256OfTheExactBytes() {
        #expect(ResultDocument.sha256Hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
