import Foundation
import Testing

/// `grip validate` on workshop case files: recognised as cases, checked against the
/// questionnaires, and an outcome that the reference answers do not reach is reported at
/// its position with the assessment, the stated and the actual level.
struct CaseValidateTests {
    static var caseFiles: [String] {
        let directory = GripProcess.packageRoot.appendingPathComponent("Questionnaires/cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Questionnaires/cases/\($0)" }
    }

    @Test func everyBundledCaseValidatesAlongsideTheQuestionnaires() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(Self.caseFiles.count >= 8)
        let output = try GripProcess.run(["validate", "Questionnaires/quickscan.yaml"] + Self.caseFiles, home: home)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("Questionnaires/quickscan.yaml: ok: quickscan"))
        #expect(output.stdout.contains("Questionnaires/cases/woz-model.yaml: ok: case woz-model, 2 exercises (quickscan, ai-act)"))
        #expect(output.stdout.contains("Questionnaires/cases/fingerprints.yaml: ok: case fingerprints, 1 exercise (ai-act)"))
        #expect(!output.stdout.contains("error"))
    }

    @Test func aWrongReferenceOutcomeFailsAtItsPosition() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let original = try String(contentsOf: GripProcess.packageRoot.appendingPathComponent("Questionnaires/cases/woz-model.yaml"), encoding: .utf8)
        let stated = "        dpia: required\n"
        let range = try #require(original.range(of: stated))
        let broken = original.replacingCharacters(in: range, with: "        dpia: not-needed\n")
        let line = original[..<range.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count
        // Outside a `cases` folder: the top-level `exercises` key alone makes it a case.
        let file = home.appendingPathComponent("woz-model.yaml")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let output = try GripProcess.run(["validate", file.path], home: home)
        #expect(output.status == 1)
        #expect(output.stdout.contains("\(file.path):\(line):9: error: assessment 'dpia': the reference answers score required, but the case states not-needed"), "\(output.stdout)")
    }

    /// Validating a case loads only the instruments it names, except when one is
    /// unknown: then its message still suggests the closest of all.
    @Test func aCaseNamingAnUnknownInstrumentIsToldTheClosestOfAll() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let original = try String(contentsOf: GripProcess.packageRoot.appendingPathComponent("Questionnaires/cases/fingerprints.yaml"), encoding: .utf8)
        let stated = "instrument: ai-act"
        let range = try #require(original.range(of: stated))
        let line = original[..<range.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count
        let file = home.appendingPathComponent("fingerprints.yaml")
        try original.replacingCharacters(in: range, with: "instrument: procurment").write(to: file, atomically: true, encoding: .utf8)
        let output = try GripProcess.run(["validate", file.path], home: home)
        #expect(output.status == 1)
        #expect(output.stdout.contains("\(file.path):\(line):"), "\(output.stdout)")
        #expect(output.stdout.contains("instrument 'procurment' is not a questionnaire Grip knows; did you mean 'procurement'?"), "\(output.stdout)")
    }

    @Test func aCaseWithAnUnknownQuestionAndAMisspeltKeyReportsBoth() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let original = try String(contentsOf: GripProcess.packageRoot.appendingPathComponent("Questionnaires/cases/anpr-camera.yaml"), encoding: .utf8)
        let broken = original
            .replacingOccurrences(of: "duration_minutes: 45", with: "duration_minutse: 45")
            .replacingOccurrences(of: "      edpb_blocking:", with: "      edpb_blockign:")
        let folder = home.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("anpr-camera.yaml")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let output = try GripProcess.run(["validate", file.path], home: home)
        #expect(output.status == 1)
        #expect(output.stdout.contains("unknown key 'duration_minutse' in the case; did you mean 'duration_minutes'?"), "\(output.stdout)")
        #expect(!output.stdout.contains("ok: case"))
        // The shape error stops the case before its answers are checked, so fix it and look again.
        try broken.replacingOccurrences(of: "duration_minutse", with: "duration_minutes").write(to: file, atomically: true, encoding: .utf8)
        let second = try GripProcess.run(["validate", file.path], home: home)
        #expect(second.status == 1)
        #expect(second.stdout.contains("unknown question 'edpb_blockign' in dpia-lite; did you mean 'edpb_blocking'?"), "\(second.stdout)")
    }
}
