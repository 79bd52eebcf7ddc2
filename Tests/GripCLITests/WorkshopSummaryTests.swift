import Foundation
import Testing

/// The trainer's group summary over participants' practice results (issue 12).
struct WorkshopSummaryTests {
    /// Twenty participants' answers: the bundled example, varied as a group would vary it.
    static func participants(in folder: URL, home: URL) throws {
        let example = try String(contentsOfFile: "Examples/answers/quickscan.yaml", encoding: .utf8)
        for index in 0..<20 {
            let answers = example
                .replacingOccurrences(of: "  profiling: yes", with: "  profiling: \(["no", "unknown", "yes", "yes"][index % 4])")
                .replacingOccurrences(of: "  influence: decisive", with: "  influence: \(["decisive", "supporting", "decisive", "preparatory", "decisive"][index % 5])")
                .replacingOccurrences(of: "  combines_sources: yes", with: "  combines_sources: \(index % 7 == 0 ? "no" : "yes")")
            let file = home.appendingPathComponent("answers-\(index).yaml")
            try answers.write(to: file, atomically: true, encoding: .utf8)
            let run = try GripProcess.run(["run", "quickscan", "--answers", file.path, "--practice", "--case", "fraudemodel", "--out", folder.path], home: home)
            #expect(run.status == 0, "\(run.stderr)")
        }
    }

    @Test func aSummaryOfTwentyParticipantsMatchesTheGoldenOutput() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent("stick")
        try Self.participants(in: folder, home: home)
        // A real result and a changed practice result on the stick are not counted.
        try initKey(home: home)
        _ = try GripProcess.run(["run", "quickscan", "--answers", "Examples/answers/quickscan.yaml", "--out", folder.path], home: home)
        let first = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first)
        let changed = try String(contentsOf: folder.appendingPathComponent(first), encoding: .utf8).replacingOccurrences(of: "\"language\": \"nl\"", with: "\"language\": \"en\"")
        try changed.write(to: folder.appendingPathComponent("zz-changed.json"), atomically: true, encoding: .utf8)

        let summary = try GripProcess.run(["workshop", "summary", folder.path, "--case", "fraudemodel"], home: home)
        #expect(summary.status == 0, "\(summary.stderr)")
        // The text up to the list of files not counted (their names hold dates and ids).
        let text = summary.stdout.components(separatedBy: "\nNiet meegeteld:")[0]
        #expect(summary.stdout.contains("zz-changed.json: the signature does not match"))
        #expect(summary.stdout.contains(": not a practice result"))
        let golden = GripProcess.packageRoot.appendingPathComponent("Tests/GripCLITests/Golden/workshop-summary-nl.txt")
        if ProcessInfo.processInfo.environment["GRIP_RECORD_GOLDEN"] == "1" {
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text == expected, "\(text)")

        let json = try GripProcess.run(["workshop", "summary", folder.path, "--format", "json"], home: home)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(parsed["participants"] as? Int == 20)
        let questions = try #require(parsed["questions"] as? [[String: Any]])
        #expect(questions.first?["id"] as? String == "profiling", "the most disputed question first")
        let html = try GripProcess.run(["workshop", "summary", folder.path, "--format", "html"], home: home)
        #expect(html.stdout.contains("default-src 'none'") && !html.stdout.contains("<script"))
        let otherCase = try GripProcess.run(["workshop", "summary", folder.path, "--case", "chatbot"], home: home)
        #expect(otherCase.status == 1 && otherCase.stderr.contains("no practice results of case chatbot"))
    }
}
