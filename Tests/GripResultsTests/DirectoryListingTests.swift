import Foundation
import Testing
@testable import GripResults

struct DirectoryListingTests {
    @Test func listsWhatFileManagerListsAndNothingWhereThereIsNoDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grip-listing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["a.yaml", ".hidden.yaml", "zorg & welzijn – één.yaml", String(repeating: "x", count: 200) + ".yml"] {
            try Data("id: x\n".utf8).write(to: directory.appendingPathComponent(name))
        }
        let names = try #require(DirectoryListing.names(atPath: directory.path))
        let expected = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.sorted() == expected.sorted())
        #expect(names.count == 5)
        #expect(!names.contains(".") && !names.contains(".."))
        #expect(names.contains("zorg & welzijn – één.yaml"))
        // A missing path and a file are not directories.
        #expect(DirectoryListing.names(atPath: directory.path + "/missing") == nil)
        #expect(DirectoryListing.names(atPath: directory.appendingPathComponent("a.yaml").path) == nil)
    }
}
