import Foundation
import Testing

/// `grip export --format algoritmeregister`, driven as a process.
struct AlgoritmeregisterExportCommandTests {
    /// Runs `grip run` and returns the path of the signed result.
    static func run(_ questionnaire: String, answers: String, home: URL) throws -> String {
        let output = try GripProcess.run(["run", questionnaire, "--answers", answers, "--out", home.appendingPathComponent("out").path], home: home)
        #expect(output.status == 0, "\(output.stderr)")
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The quickscan and the IAMA-lite examples describe the same system.
    static func signedPair(home: URL) throws -> (quickscan: String, iama: String) {
        try initKey(home: home)
        return (
            try run("quickscan", answers: "Examples/answers/quickscan.yaml", home: home),
            try run("iama-lite", answers: "Examples/answers/iama-lite.yaml", home: home)
        )
    }

    @Test func twoResultsOfOneSystemFillTheRegisterFieldsAndSayWhereFrom() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let (quickscan, iama) = try Self.signedPair(home: home)
        let output = try GripProcess.run(["export", quickscan, "--format", "algoritmeregister", "--with", iama], home: home)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.isEmpty)
        let document = try Self.json(output.stdout)
        let fields = try #require(document["fields"] as? [String: Any])
        #expect(fields["name"] as? String == "Risicomodel heronderzoek bijstand (RiskSelect)")
        #expect(fields["publication_category"] as? String == "Hoog-risico AI-systeem")
        #expect(fields["lawful_basis"] as? String == "Participatiewet, artikel 53a")
        #expect(fields["status"] == nil, "Grip does not ask whether the algorithm is in use")
        let open = try #require(document["toFillByHand"] as? [[String: Any]]).compactMap { $0["field"] as? String }
        #expect(open.contains("status") && open.contains("contact_email") && open.contains("impacttoetsen_grouping"))
        let standard = try #require(document["standard"] as? [String: Any])
        #expect(standard["version"] as? String == "1.0.0")
        let provenance = try #require(document["provenance"] as? [[String: Any]])
        #expect(provenance.compactMap { $0["file"] as? String } == [quickscan, iama])
        #expect(provenance.compactMap { ($0["questionnaire"] as? [String: Any])?["bundled"] as? Bool } == [true, true])
        #expect(provenance.compactMap { ($0["verification"] as? [String: Any])?["status"] as? String } == ["valid-trusted-signer", "valid-trusted-signer"])

        // Written to a file, never over an existing one.
        let out = home.appendingPathComponent("register.json").path
        let written = try GripProcess.run(["export", quickscan, "--format", "algoritmeregister", "--with", iama, "--out", out], home: home)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == output.stdout)
        let again = try GripProcess.run(["export", quickscan, "--format", "algoritmeregister", "--out", out], home: home)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func anUnknownSignerIsAllowedAndNamedInTheProvenance() throws {
        let home = try temporaryDirectory(), otherHome = try temporaryDirectory()
        defer { for url in [home, otherHome] { try? FileManager.default.removeItem(at: url) } }
        let (quickscan, _) = try Self.signedPair(home: home)
        let output = try GripProcess.run(["export", quickscan, "--format", "algoritmeregister"], home: otherHome)
        #expect(output.status == 0, "\(output.stderr)")
        let provenance = try #require(try Self.json(output.stdout)["provenance"] as? [[String: Any]])
        let verification = try #require(provenance.first?["verification"] as? [String: Any])
        #expect(verification["status"] as? String == "valid-unknown-signer")
        #expect((verification["text"] as? String)?.contains("niet op uw vertrouwenslijst") == true)
    }

    @Test func aTamperedResultIsRefusedWithExitOneNamingTheFileAndTheReason() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let (quickscan, iama) = try Self.signedPair(home: home)
        let tampered = home.appendingPathComponent("tampered.json")
        let original = try String(contentsOfFile: iama, encoding: .utf8)
        let changed = original.replacingOccurrences(of: "Participatiewet, artikel 53a", with: "Gemeentewet, artikel 1")
        #expect(changed != original)
        try changed.write(to: tampered, atomically: true, encoding: .utf8)
        for arguments in [[tampered.path], [quickscan, "--with", tampered.path]] {
            let output = try GripProcess.run(["export"] + arguments + ["--format", "algoritmeregister"], home: home)
            #expect(output.status == 1)
            #expect(output.stdout.isEmpty, "nothing of a tampered result reaches the register")
            #expect(output.stderr.contains("\(tampered.path) is not exported to the Algoritmeregister: the signature does not match the content"), "\(output.stderr)")
        }
        // A file that is not a result at all.
        let notJSON = home.appendingPathComponent("notes.txt")
        try "geen resultaat".write(to: notJSON, atomically: true, encoding: .utf8)
        let unreadable = try GripProcess.run(["export", quickscan, "--format", "algoritmeregister", "--with", notJSON.path], home: home)
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("is not a result file"))
    }

    @Test func resultsOfAnotherSystemAreRefusedAndWithNeedsTheRegisterFormat() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let (quickscan, _) = try Self.signedPair(home: home)
        let other = try Self.run("dpia-lite", answers: "Examples/answers/dpia-lite.yaml", home: home)
        let output = try GripProcess.run(["export", quickscan, "--format", "algoritmeregister", "--with", other], home: home)
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("\(other) is about the system \"Risicomodel heronderzoek bijstand\""), "\(output.stderr)")
        #expect(output.stderr.contains("one registration covers one system"))
        let usage = try GripProcess.run(["export", quickscan, "--format", "markdown", "--with", other], home: home)
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--with only works with --format algoritmeregister"))
    }

    @Test func hostileTextsComeOutAsPlainJSONStrings() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let example = try String(contentsOf: GripProcess.packageRoot.appendingPathComponent("Examples/answers/quickscan.yaml"), encoding: .utf8)
        var lines = example.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("  system:") { lines[index] = "  system: \"=cmd|' /C calc'!A0 <script>alert(1)</script> \\e[31mrood\\u202E\"" }
            if line.hasPrefix("  organisation:") { lines[index] = "  organisation: \"@SUM(1+1) \\a Gemeente\"" }
        }
        let answers = home.appendingPathComponent("hostile.yaml")
        try lines.joined(separator: "\n").write(to: answers, atomically: true, encoding: .utf8)
        let result = try Self.run("quickscan", answers: answers.path, home: home)
        let output = try GripProcess.run(["export", result, "--format", "algoritmeregister"], home: home)
        #expect(output.status == 0, "\(output.stderr)")
        TerminalInjectionTests.assertInert(output.stdout + output.stderr, "\(output.stdout)")
        #expect(!output.stdout.contains("<script>alert(1)</script> \u{1B}"))
        #expect(output.stdout.contains("\\u001b[31mrood\\u202e"))
        let fields = try #require(try Self.json(output.stdout)["fields"] as? [String: Any])
        #expect(fields["name"] as? String == "=cmd|' /C calc'!A0 <script>alert(1)</script> \u{1B}[31mrood\u{202E}")
        #expect(fields["organization"] as? String == "@SUM(1+1) \u{7} Gemeente")
    }
}
