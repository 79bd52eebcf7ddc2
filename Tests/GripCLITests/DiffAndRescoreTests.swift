import Foundation
import Testing

/// `grip diff` and `grip rescore`, driven as processes on signed results.
struct DiffAndRescoreTests {
    static let example = GripProcess.packageRoot.appendingPathComponent("Examples/answers/quickscan.yaml")

    /// The example answers with some lines replaced, written into `home`.
    static func answers(home: URL, name: String, replacing edits: [(String, String)]) throws -> String {
        var text = try String(contentsOf: example, encoding: .utf8)
        for (old, new) in edits {
            #expect(text.contains(old), "the example has no '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let file = home.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// Runs `grip run` and returns the result's path.
    static func run(_ id: String = "quickscan", answers: String, home: URL, extra: [String] = []) throws -> String {
        let output = try GripProcess.run(["run", id, "--answers", answers, "--out", home.appendingPathComponent("out").path] + extra, home: home)
        #expect(output.status == 0, "\(output.stderr)")
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Two signed results of the example system: as given, and with no personal data.
    static func twoResults(home: URL) throws -> (old: String, new: String) {
        try initKey(home: home)
        let old = try run(answers: example.path, home: home)
        let changed = try answers(home: home, name: "changed.yaml", replacing: [("  personal_data: yes", "  personal_data: no")])
        return (old, try run(answers: changed, home: home))
    }

    /// A copy of `path` with its system name changed after signing.
    static func tampered(_ path: String, home: URL) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "(RiskSelect)", with: "(RiskSelect 2)")
        #expect(changed != text)
        let file = home.appendingPathComponent("tampered.json")
        try changed.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    @Test func diffShowsWhatChangedBetweenTwoSignedResults() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let (old, new) = try Self.twoResults(home: home)
        let output = try GripProcess.run(["diff", old, new], home: home)
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("Older: \(old): valid, signed by trusted signer Anna de Vries (SHA256:") == true, "\(output.stdout)")
        #expect(lines.dropFirst().first?.hasPrefix("Newer: \(new): valid, signed by trusted signer Anna de Vries") == true)
        #expect(output.stdout.contains("  changed personal_data: Gebruikt het systeem persoonsgegevens?\n    answer: Ja → Nee\n"), "\(output.stdout)")
        #expect(output.stdout.contains("  changed data_kinds: Welke van deze soorten gegevens gebruikt het systeem?\n    shown → hidden (did not count)\n"))
        #expect(output.stdout.contains("\nOutcome:\n  DPIA: verplicht → niet nodig\n"), "\(output.stdout)")
        #expect(!output.stdout.contains("WARNING") && !output.stdout.contains("INVALID"))

        let english = try GripProcess.run(["diff", old, new, "--language", "en"], home: home)
        #expect(english.stdout.contains("  DPIA: required → not needed\n"))

        let same = try GripProcess.run(["diff", old, old], home: home)
        #expect(same.status == 0)
        #expect(same.stdout.hasSuffix("Answers: no changes\nOutcome: no change\nNo differences.\n"), "\(same.stdout)")
    }

    @Test func diffAsJSONCarriesBothVerificationsAndTheChanges() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let (old, new) = try Self.twoResults(home: home)
        let output = try GripProcess.run(["diff", "--json", old, new], home: home)
        #expect(output.status == 0, "\(output.stderr)")
        let document = try Self.json(output.stdout)
        #expect((document["old"] as? [String: Any])?["status"] as? String == "valid-trusted")
        #expect((document["new"] as? [String: Any])?["file"] as? String == new)
        let diff = try #require(document["diff"] as? [String: Any])
        #expect(diff["comparable"] as? Bool == true)
        let answers = try #require(diff["answers"] as? [[String: Any]])
        let personal = try #require(answers.first { $0["question"] as? String == "personal_data" })
        #expect(personal["kind"] as? String == "changed")
        #expect((personal["new"] as? [String: Any])?["answer"] as? String == "Nee")
        let assessments = try #require((diff["outcome"] as? [String: Any])?["assessments"] as? [[String: Any]])
        let dpia = try #require(assessments.first { $0["id"] as? String == "dpia" })
        #expect(dpia["old"] as? String == "required" && dpia["new"] as? String == "not-needed")
    }

    @Test func aTamperedFileIsShownWithALoudWarningAndFails() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let (old, new) = try Self.twoResults(home: home)
        let tampered = try Self.tampered(new, home: home)
        let output = try GripProcess.run(["diff", old, tampered], home: home)
        #expect(output.status == 1)
        let first = output.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("INVALID: \(tampered): the signature does not match the content"), "\(output.stdout)")
        #expect(first.hasSuffix("its content cannot be trusted"))
        // Still shown, so the reviewer sees what was changed.
        #expect(output.stdout.contains("  system: Risicomodel heronderzoek bijstand (RiskSelect) → Risicomodel heronderzoek bijstand (RiskSelect 2)\n"), "\(output.stdout)")

        let json = try GripProcess.run(["diff", "--json", tampered, old], home: home)
        #expect(json.status == 1)
        #expect(json.stderr.contains("INVALID: \(tampered)"))
        #expect((try Self.json(json.stdout)["old"] as? [String: Any])?["status"] as? String == "invalid")
    }

    @Test func filesThatAreNotResultsAreNamedAndNothingIsCompared() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let good = try Self.run(answers: Self.example.path, home: home)
        let truncated = home.appendingPathComponent("truncated.json")
        try Data(try String(contentsOfFile: good, encoding: .utf8).utf8.prefix(300)).write(to: truncated)
        let review = home.appendingPathComponent("review.json")
        try Data(#"{"format": "grip-review/1", "review": {}}"#.utf8).write(to: review)
        let future = home.appendingPathComponent("future.json")
        try Data(#"{"format": "grip-result/9", "result": {"questionnaire": {"id": "quickscan"}}}"#.utf8).write(to: future)
        for bad in [truncated.path, review.path, future.path, home.appendingPathComponent("missing.json").path] {
            for arguments in [["diff", good, bad], ["diff", bad, good], ["rescore", bad]] {
                let output = try GripProcess.run(arguments, home: home)
                #expect(output.status == 1, "\(arguments)")
                #expect(output.stderr.contains(bad), "\(arguments): \(output.stderr)")
                #expect(output.stdout.isEmpty, "\(arguments): \(output.stdout)")
            }
        }
        let usage = try GripProcess.run(["diff", good], home: home)
        #expect(usage.status == 2)
    }

    @Test func hostileTextsInASignedResultComeOutEscaped() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let old = try Self.run(answers: Self.example.path, home: home)
        let example = try String(contentsOf: Self.example, encoding: .utf8)
        // The purpose is a folded block; replace it as a whole with one hostile line.
        let purposeStart = try #require(example.range(of: "  purpose: >-\n"))
        let purposeEnd = try #require(example.range(of: "  new_legislation:"))
        var hostile = example
        hostile.replaceSubrange(purposeStart.lowerBound..<purposeEnd.lowerBound, with: #"  purpose: "Nee\e]52;c;SGk=\a\u202Eevil""# + "\n")
        hostile = hostile.replacingOccurrences(of: "  system: Risicomodel heronderzoek bijstand (RiskSelect)", with: #"  system: "Risico\e[2J\nmodel\u202E""#)
        let file = home.appendingPathComponent("hostile.yaml")
        try hostile.write(to: file, atomically: true, encoding: .utf8)
        let new = try Self.run(answers: file.path, home: home)

        let output = try GripProcess.run(["diff", old, new], home: home)
        #expect(output.status == 0, "\(output.stderr)")
        TerminalInjectionTests.assertInert(output.stdout + output.stderr, "\(output.stdout)")
        #expect(output.stdout.contains(" → Nee\\e]52;c;SGk=\\u{7}\\u{202E}evil\n"), "\(output.stdout)")
        #expect(output.stdout.contains("  system: Risicomodel heronderzoek bijstand (RiskSelect) → Risico\\e[2J\\nmodel\\u{202E}\n"))
        #expect(output.stdout.contains("WARNING: the system names differ"))
        for arguments in [["diff", "--json", old, new], ["rescore", new], ["rescore", "--json", new]] {
            let other = try GripProcess.run(arguments, home: home)
            #expect(other.status == 0, "\(arguments): \(other.stderr)")
            TerminalInjectionTests.assertInert(other.stdout + other.stderr, "\(arguments): \(other.stdout)")
        }
    }

    @Test func rescoreWithTheSameQuestionnaireSaysNoChange() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let result = try Self.run(answers: Self.example.path, home: home)
        let output = try GripProcess.run(["rescore", result], home: home)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("\(result): valid, signed by trusted signer Anna de Vries"), "\(output.stdout)")
        #expect(output.stdout.contains("\nQuestionnaire quickscan \(try CommandTests.bundledQuickscanVersion()): the same file the result was made with\n"))
        #expect(output.stdout.hasSuffix("Outcome: no change\nNo change: the current questionnaire gives the same outcome.\n"), "\(output.stdout)")

        let json = try Self.json(try GripProcess.run(["rescore", "--json", result], home: home).stdout)
        let rescore = try #require(json["rescore"] as? [String: Any])
        #expect(rescore["sameFile"] as? Bool == true)
        #expect(rescore["changesOutcome"] as? Bool == false)
        #expect((json["result"] as? [String: Any])?["status"] as? String == "valid-trusted")
    }

    /// An organisation's own questionnaire, as 1.0.0 and as 1.1.0 with an option split in two.
    static let ownQuestionnaire = """
        id: own-check
        version: 1.0.0
        title: {nl: Eigen toets, en: Own check}
        description: {nl: x, en: x}
        sections:
          - id: s
            title: {nl: S, en: S}
            questions:
              - id: origin
                type: single
                text: {nl: Herkomst?, en: Origin?}
                help: {nl: h, en: h}
                options:
                  - {id: bought, label: {nl: Gekocht, en: Bought}}
                  - {id: in_house, label: {nl: Zelf gemaakt, en: In-house}}
        outcomes:
          criteria:
            - {id: bought, when: "origin == 'bought'", text: {nl: Gekocht., en: Bought.}}
          assessments:
            - id: procurement
              title: {nl: Inkoopcheck, en: Procurement check}
              required: [bought]
              not_needed: {nl: Niet ingekocht., en: Not bought.}
        """

    @Test func rescoreWithANewerVersionNamesWhatChanges() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let version1 = home.appendingPathComponent("v1"), version2 = home.appendingPathComponent("v2")
        for directory in [version1, version2] { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        try Self.ownQuestionnaire.write(to: version1.appendingPathComponent("own-check.yaml"), atomically: true, encoding: .utf8)
        try Self.ownQuestionnaire
            .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")
            .replacingOccurrences(of: "{id: in_house, label: {nl: Zelf gemaakt, en: In-house}}", with: "{id: own_staff, label: {nl: Eigen mensen, en: Own staff}}\n          - {id: hired, label: {nl: Ingehuurd, en: Hired}}")
            .write(to: version2.appendingPathComponent("own-check.yaml"), atomically: true, encoding: .utf8)
        let answers = home.appendingPathComponent("answers.yaml")
        try "questionnaire: own-check\nsubject: {system: Zaaksysteem, organisation: Gemeente, assessor: Anna}\nanswers:\n  origin: in_house\n"
            .write(to: answers, atomically: true, encoding: .utf8)
        let result = try Self.run("own-check", answers: answers.path, home: home, extra: ["--questionnaires", version1.path])

        let output = try GripProcess.run(["rescore", result, "--questionnaires", version2.path, "--language", "en"], home: home)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("""
            Questionnaire own-check: 1.0.0 in the result → 1.1.0 now
            Outcome:
              Procurement check: not needed → possibly required
              new open point, Procurement check: Bought. (questions: origin)
            Questions the result does not answer (new or now required; read as "don't know"):
              origin: Origin?
            Answers the current questionnaire no longer accepts (left out):
              origin: Herkomst?
                answer: Zelf gemaakt — ‘in_house’ is not one of the options; choose from: bought, own_staff, hired.
            The outcome changes.

            """), "\(output.stdout)")

        // Without the organisation's directory the questionnaire is not known here.
        let unknown = try GripProcess.run(["rescore", result], home: home)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("is a result of questionnaire 'own-check', which is not known here; available: quickscan"), "\(unknown.stderr)")
        #expect(unknown.stdout.isEmpty)
    }

    @Test func rescoreOfATamperedResultWarnsStillRescoresAndFails() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let tampered = try Self.tampered(try Self.run(answers: Self.example.path, home: home), home: home)
        let output = try GripProcess.run(["rescore", tampered], home: home)
        #expect(output.status == 1)
        #expect(output.stdout.hasPrefix("INVALID: \(tampered): the signature does not match the content"), "\(output.stdout)")
        #expect(output.stdout.contains("its content cannot be trusted\n"))
        #expect(output.stdout.hasSuffix("No change: the current questionnaire gives the same outcome.\n"))
    }

    @Test func helpAndUsageErrors() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        for command in [["diff"], ["rescore"]] {
            let help = try GripProcess.run(command + ["--help"], home: home)
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE"), "\(command)")
        }
        for arguments in [["diff"], ["diff", "a.json"], ["rescore"], ["rescore", "a.json", "--language", "de"], ["diff", "a.json", "b.json", "--nope"]] {
            #expect(try GripProcess.run(arguments, home: home).status == 2, "\(arguments)")
        }
    }
}
