import Foundation
import GripEngine
import Testing
@testable import GripResults

/// Errors read as sentences in both languages and name the file, never as raw Foundation text.
struct ErrorTextTests {
    @Test func fileErrorsNameThePathAndTheReasonInBothLanguages() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grip-errors-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try AtomicFile.createNew(Data("x".utf8), named: "a.json", in: directory)
        do {
            _ = try AtomicFile.createNew(Data("y".utf8), named: "a.json", in: directory)
            Issue.record("a second file with the same name was written")
        } catch {
            let text = ErrorText.describe(error)
            #expect(text.nl.contains(directory.appendingPathComponent("a.json").path))
            #expect(text.nl.contains("bestaat al"))
            #expect(text.en.contains("already exists"))
            #expect(!text.en.contains("operation could"))
        }
    }

    @Test func keyAndTrustListErrorsHaveDutchWords() {
        let text = ErrorText.describe(KeyStoreError.badTrustList(path: "/x/trusted-signers.json", reason: LocalizedText(nl: "het is geen geldige JSON", en: "it is not valid JSON")))
        #expect(text.nl == "de vertrouwenslijst /x/trusted-signers.json is niet leesbaar: het is geen geldige JSON. Er is niets gewijzigd; herstel of verplaats het bestand en probeer het opnieuw")
        #expect(text.en.contains("it is not valid JSON"))
        #expect(ErrorText.describe(KeyStoreError.noKey(path: "/k")).nl.contains("geen ondertekensleutel"))
        #expect(ErrorText.describe(POSIXError(.ENOSPC)).nl == "de schijf is vol")
    }

    /// A damaged settings or trust-list file is described in the reader's language, not
    /// in English inside a Dutch sentence.
    @Test func decodingProblemsHaveDutchWords() throws {
        struct Shape: Decodable { var signers: [String] }
        do {
            _ = try JSONDecoder().decode(Shape.self, from: Data(#"{"other": 1}"#.utf8))
            Issue.record("decoded")
        } catch let error as DecodingError {
            let words = DecodingProblem.describe(error)
            #expect(words.nl == "het bestand mist de sleutel 'signers'")
            #expect(words.en == "the file lacks the key 'signers'")
        }
    }
}
