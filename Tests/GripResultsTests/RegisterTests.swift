import Foundation
import GripEngine
import Testing
@testable import GripResults

/// The index of register folders, its cache, and the overview per system (issue 11).
struct RegisterTests {
    /// A small result of `questionnaire` for `system`, completed on `date`.
    static func result(
        id: String = UUID().uuidString.lowercased(), system: String = "Fraudemodel", questionnaire: String = "quickscan", version: String = "0.3.0",
        date: String, level: String = "required", appliesFrom: String? = nil, purpose: String? = nil
    ) -> JSONValue {
        var assessment: [(key: String, value: JSONValue)] = [("id", "dpia"), ("title", "DPIA"), ("level", .string(level)), ("openPoints", [["text": "Bewaartermijn?"]])]
        if let appliesFrom { assessment.append(("appliesFrom", .string(appliesFrom))) }
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id)),
            ("questionnaire", ["id": .string(questionnaire), "version": .string(version), "title": .string(questionnaire), "sha256": "ab"]),
            ("language", "nl"),
            ("subject", ["system": .string(system), "organisation": "Gemeente Voorbeeld", "assessor": "A"]),
            ("completedAt", .string(date + "T10:00:00Z")),
            ("answers", [["question": "q", "text": "Weet u het?", "value": "unknown", "visibility": "shown"]]),
            ("outcome", ["assessments": [.object(assessment)], "nextInstruments": ["dpia-lite"]]),
        ]
        if let purpose { members.append(("purpose", .string(purpose))) }
        return .object(members)
    }

    struct Folder {
        let url: URL
        func write(_ name: String, _ document: JSONValue) throws {
            try Data(PrettyJSON.bytes(document)).write(to: url.appendingPathComponent(name))
        }
        func write(_ name: String, result: JSONValue) throws -> JSONValue {
            let signed = try ResultSigner.signedDocument(result: result, key: testKey)
            try write(name, signed)
            return signed
        }
        func review(_ name: String, of signed: JSONValue, verdict: Review.Verdict, at date: String, nextReview: String? = nil, due: String? = nil) throws {
            let subject = try #require(ReviewDocument.subject(of: signed))
            let formatter = ISO8601DateFormatter()
            let content = ReviewDocument.review(
                id: UUID(), of: subject, at: try #require(formatter.date(from: date + "T12:00:00Z")), verdict: verdict, remarks: "",
                judgements: [], actions: due.map { [Review.Action(text: "Doen", owner: "Team", due: $0)] } ?? [], nextReview: nextReview)
            try write(name, try ResultSigner.signedReview(content, key: testKey))
        }
    }

    static func folder() throws -> Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("register-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return Folder(url: url)
    }

    @Test func theOverviewCountsTheLatestGenuineResultsAndTheReviewsThatCoverThem() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let old = try folder.write("a-old.json", result: Self.result(system: "Fraudemodel", date: "2026-01-10", level: "recommended"))
        let new = try folder.write("a-new.json", result: Self.result(system: "Fraudemodel", version: "0.2.0", date: "2026-06-01", appliesFrom: "2026-08-02"))
        _ = try folder.write("a-dpia.json", result: Self.result(system: " fraudemodel", questionnaire: "dpia-lite", date: "2026-07-01", level: "possibly-required"))
        try folder.review("a-old.review-00000001.json", of: old, verdict: .disagree, at: "2026-02-01")
        try folder.review("a-new.review-00000002.json", of: new, verdict: .agreeWithConditions, at: "2026-06-15", nextReview: "2026-11-01", due: "2026-09-01")
        _ = try folder.write("b-practice.json", result: Self.result(system: "Oefencasus", date: "2026-06-01", purpose: "training"))
        // A result changed after signing, and a file that is not Grip's.
        var tampered = String(decoding: PrettyJSON.bytes(try ResultSigner.signedDocument(result: Self.result(system: "Chatbot", date: "2026-05-05"), key: testKey)), as: UTF8.self)
        tampered = tampered.replacingOccurrences(of: "\"required\"", with: "\"not-needed\"")
        try Data(tampered.utf8).write(to: folder.url.appendingPathComponent("c-tampered.json"))
        try Data("{\"hello\": 1}".utf8).write(to: folder.url.appendingPathComponent("d-other.json"))

        let index = ResultIndex.build(directories: [folder.url], cache: nil)
        #expect(index.files.count == 8)
        #expect(index.results.count == 4, "practice results are not counted; the tampered one is indexed as a result")
        let overview = RegisterOverview(
            index: index, trustList: TrustList(), currentVersions: ["quickscan": "0.3.0", "dpia-lite": "0.2.0"], today: "2026-11-30",
            order: ["quickscan", "dpia-lite"])
        #expect(overview.systems.map(\.system) == ["Fraudemodel"], "one system, whatever the spacing and case; no practice, no tampered")
        let system = try #require(overview.systems.first)
        #expect(system.instruments.map(\.result.questionnaireID) == ["quickscan", "dpia-lite"])
        #expect(system.instruments[0].result.completedAt.hasPrefix("2026-06-01"), "the latest quickscan")
        #expect(system.earlier == 1)
        #expect(system.latestReview?.verdict == .agreeWithConditions, "the old version's review does not count for the new one")
        #expect(system.openActions.map(\.due) == ["2026-09-01"])
        #expect(system.levels.first { $0.assessment == "dpia" }?.level == "possibly-required", "the latest result that has the assessment")
        #expect(system.highestLevel == "required")
        let flags = Set(system.flags)
        #expect(flags.contains(.reviewOverdue("2026-11-01")))
        #expect(flags.contains(.actionOverdue("2026-09-01")))
        #expect(flags.contains(.outdatedQuestionnaire(id: "quickscan", version: "0.2.0", current: "0.3.0")))
        #expect(flags.contains(.obligationStarted(assessment: "DPIA", date: "2026-08-02")))
        #expect(flags.contains(.unknownSigner("Anna de Vries")))
        #expect(Set(overview.problems.map { URL(fileURLWithPath: $0.path).lastPathComponent }) == ["c-tampered.json", "d-other.json"])

        // Asked only for results of an older version: the rescore flag.
        var asked: [String] = []
        let rescored = RegisterOverview(index: index, trustList: TrustList(), currentVersions: ["quickscan": "0.3.0", "dpia-lite": "0.3.0"], today: "2026-11-30") { path, id in
            asked.append(URL(fileURLWithPath: path).lastPathComponent + ":" + id)
            return true
        }
        #expect(asked == ["a-new.json:quickscan"], "only the result made with quickscan 0.2.0")
        #expect(rescored.systems[0].flags.contains(.newerVersionChangesOutcome(id: "quickscan", current: "0.3.0")))

        // Trusted, the signer flag goes; nothing else changes.
        var trust = TrustList()
        try trust.trust(rawPublicKey: testKey.rawPublicKey, name: "Anna")
        let trusted = RegisterOverview(index: index, trustList: trust, currentVersions: [:], today: "2026-11-30")
        #expect(!trusted.systems[0].flags.contains { $0.code == "unknown-signer" })
    }

    @Test func theCacheIsUsedForUnchangedFilesAndRebuiltWhenDamaged() throws {
        let folder = try Self.folder(), cache = try Self.folder()
        defer {
            try? FileManager.default.removeItem(at: folder.url)
            try? FileManager.default.removeItem(at: cache.url)
        }
        let first = try folder.write("a.json", result: Self.result(date: "2026-01-10"))
        _ = try folder.write("b.json", result: Self.result(system: "Chatbot", date: "2026-02-10"))
        try folder.review("a.review-0000000a.json", of: first, verdict: .agree, at: "2026-03-01", due: "2027-01-01")
        // A fresh folder reports as it goes: the desk's list fills in.
        var seen: [Int] = []
        let fresh = ResultIndex.build(directories: [folder.url], cache: cache.url, batch: 1) { partial in seen.append(partial.files.count) }
        #expect(seen == [1, 2], "after each file but the last")
        #expect(fresh.fromCache == 0)
        let again = ResultIndex.build(directories: [folder.url], cache: cache.url)
        #expect(again.fromCache == 3)
        #expect(again.files == fresh.files, "the cache gives back exactly what was read")

        // A changed file is read again, and a tampered one is caught although its name is cached.
        let path = folder.url.appendingPathComponent("b.json")
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "Chatbot", with: "Chatbox")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let changed = ResultIndex.build(directories: [folder.url], cache: cache.url)
        #expect(changed.fromCache == 2)
        #expect(changed.files.first { $0.path == path.path }.map { if case .invalid = $0.signature { true } else { false } } == true)

        // A damaged cache is ignored, not trusted in part.
        for cacheFile in try FileManager.default.contentsOfDirectory(at: cache.url, includingPropertiesForKeys: nil) {
            var bytes = try Data(contentsOf: cacheFile)
            bytes[bytes.count / 2] ^= 0x55
            try bytes.write(to: cacheFile)
        }
        let rebuilt = ResultIndex.build(directories: [folder.url], cache: cache.url)
        #expect(rebuilt.files == changed.files)
    }

    @Test func registerExportsEscapeWhatFilesSay() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        _ = try folder.write("a.json", result: Self.result(system: "=HYPERLINK(\"http://x\") <script>|x", date: "2026-01-10"))
        let overview = RegisterOverview(index: ResultIndex.build(directories: [folder.url], cache: nil), trustList: TrustList(), currentVersions: [:], today: "2026-11-30")
        let csv = RegisterExport.csv(overview, language: .nl)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\") <script>|x\""), "\(csv)")
        let html = RegisterExport.html(overview, language: .nl)
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;") && html.contains("default-src 'none'"))
        let markdown = RegisterExport.markdown(overview, language: .en)
        #expect(markdown.contains("\\<script\\>\\|x") || markdown.contains("\\<script\\>\\\\|x") || markdown.contains("&#124;"), "\(markdown)")
        let json = RegisterExport.export(overview, format: .json, language: .nl)
        let parsed = try StrictJSONParser.parse(Array(json))
        #expect(parsed["systems"]?.arrayValue?.first?["system"]?.stringValue == "=HYPERLINK(\"http://x\") <script>|x")
    }
}
