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
        let text = ErrorText.describe(KeyStoreError.badTrustList(path: "/x/trusted-signers.json", reason: "it is not valid JSON"))
        #expect(text.nl.hasPrefix("de vertrouwenslijst /x/trusted-signers.json is niet leesbaar"))
        #expect(ErrorText.describe(KeyStoreError.noKey(path: "/k")).nl.contains("geen ondertekensleutel"))
        #expect(ErrorText.describe(POSIXError(.ENOSPC)).nl == "de schijf is vol")
    }
}
