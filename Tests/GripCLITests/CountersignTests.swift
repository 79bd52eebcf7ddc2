import Foundation
import Testing

/// A privacy officer's review of a colleague's result: signed, beside the result, covering
/// exactly that version, and verifiable without Grip (issue 11).
struct CountersignTests {
    struct Setup {
        var author: URL
        var reviewer: URL
        var result: String

        func remove() {
            try? FileManager.default.removeItem(at: author)
            try? FileManager.default.removeItem(at: reviewer)
        }
    }

    /// Anna signs a quickscan; Piet, the privacy officer, has his own key and trusts Anna's.
    static func setup() throws -> Setup {
        let author = try temporaryDirectory(), reviewer = try temporaryDirectory()
        try initKey(home: author)
        try initKey(home: reviewer, name: "Piet Privacy", organisation: "Gemeente Voorbeeld, FG")
        let result = try KeysAndVerifyTests.signedResult(home: author)
        let keyID = try #require(TrustConfirmationTests.keyIDLine(try GripProcess.run(["keys", "trust", result, "--name", "Anna"], home: reviewer)))
        #expect(try GripProcess.run(["keys", "trust", result, "--name", "Anna", "--key-id", keyID], home: reviewer).status == 0)
        return Setup(author: author, reviewer: reviewer, result: result)
    }

    static let review = [
        "--verdict", "agree-with-conditions", "--remark", "Goed onderbouwd.\nLet op de bewaartermijn.",
        "--judgement", "dpia=Eens: de DPIA is verplicht (profilering)",
        "--action", "DPIA uitvoeren", "--owner", "Team Werk en Inkomen", "--due", "2027-01-31",
        "--action", "Bezwaarprocedure beschrijven", "--owner", "Juridische zaken", "--due", "2027-02-28",
        "--next-review", "2027-12-01",
    ]

    @Test func aCountersignedReviewSitsBesideTheResultAndVerifiesWithAndWithoutGrip() throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let output = try GripProcess.run(["countersign", setup.result] + Self.review, home: setup.reviewer)
        #expect(output.status == 0, "\(output.stderr)")
        let reviewPath = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let resultURL = URL(fileURLWithPath: setup.result)
        #expect(URL(fileURLWithPath: reviewPath).deletingLastPathComponent().path == resultURL.deletingLastPathComponent().path)
        #expect(URL(fileURLWithPath: reviewPath).lastPathComponent.hasPrefix(resultURL.deletingPathExtension().lastPathComponent + ".review-"))

        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reviewPath))) as? [String: Any])
        #expect(document["format"] as? String == "grip-review/1")
        let review = try #require(document["review"] as? [String: Any])
        #expect(review["verdict"] as? String == "agree-with-conditions")
        #expect((review["actions"] as? [[String: String]])?.map { $0["owner"] ?? "" } == ["Team Werk en Inkomen", "Juridische zaken"])
        #expect((review["judgements"] as? [[String: String]])?.first?["assessment"] == "dpia")
        #expect(review["nextReview"] as? String == "2027-12-01")
        #expect((review["reviewer"] as? [String: String])?["name"] == "Piet Privacy")

        // grip verify lists the review under the result, and verifies the review itself.
        let verify = try GripProcess.run(["verify", setup.result, reviewPath], home: setup.reviewer)
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("  reviewed by Piet Privacy (trusted) on "), "\(verify.stdout)")
        #expect(verify.stdout.contains(": agree-with-conditions, 2 actions"))
        #expect(verify.stdout.contains("valid review, signed by trusted reviewer Piet Privacy"))
        #expect(verify.stdout.contains("the result beside it is the version reviewed"))

        // Reviewing again writes a second file; nothing is replaced.
        let again = try GripProcess.run(["countersign", setup.result, "--verdict", "agree"], home: setup.reviewer)
        #expect(again.status == 0)
        #expect(again.stdout.trimmingCharacters(in: .whitespacesAndNewlines) != reviewPath)
        #expect(try GripProcess.run(["verify", setup.result], home: setup.reviewer).stdout.components(separatedBy: "reviewed by").count == 3)

        // Independent: Python's RFC 8785 and Ed25519, and the published schema.
        let python = try #require(KeysAndVerifyTests.which("python3"))
        if try KeysAndVerifyTests.execute(python, ["-c", "import rfc8785, cryptography, jsonschema"]) != 0 {
            #expect(ProcessInfo.processInfo.environment["GRIP_REQUIRE_PYTHON_VERIFIER"] != "1", "pip install rfc8785 cryptography jsonschema")
            return
        }
        let script = GripProcess.packageRoot.appendingPathComponent("Tools/verify-result.py").path
        #expect(try KeysAndVerifyTests.execute(python, [script, "--review", reviewPath, setup.result]) == 0)
        let schema = GripProcess.packageRoot.appendingPathComponent("Schemas/grip-review-1.schema.json").path
        let validate = "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))"
        #expect(try KeysAndVerifyTests.execute(python, ["-c", validate, reviewPath, schema]) == 0)
        // A review does not cover another result, even one by the same signer.
        let other = try KeysAndVerifyTests.signedResult(home: setup.author)
        #expect(try KeysAndVerifyTests.execute(python, [script, "--review", reviewPath, other]) == 1)
    }

    @Test func aChangedReviewIsInvalidAndFailsVerifyOfItsResult() throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let reviewPath = try GripProcess.run(["countersign", setup.result, "--verdict", "disagree"], home: setup.reviewer).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let text = try String(contentsOfFile: reviewPath, encoding: .utf8)
        try text.replacingOccurrences(of: "\"verdict\": \"disagree\"", with: "\"verdict\": \"agree\"").write(toFile: reviewPath, atomically: true, encoding: .utf8)
        let verify = try GripProcess.run(["verify", setup.result], home: setup.reviewer)
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("  review ") && verify.stdout.contains("INVALID: the signature does not match the content"), "\(verify.stdout)")
    }

    @Test func onlyAGenuineResultCanBeReviewed() throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let text = try String(contentsOfFile: setup.result, encoding: .utf8)
        try text.replacingOccurrences(of: "\"language\": \"nl\"", with: "\"language\": \"en\"").write(toFile: setup.result, atomically: true, encoding: .utf8)
        let output = try GripProcess.run(["countersign", setup.result, "--verdict", "agree"], home: setup.reviewer)
        #expect(output.status == 1)
        #expect(output.stderr.contains("does not verify"), "\(output.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: setup.result).deletingLastPathComponent().path)
        #expect(!names.contains { $0.contains(".review-") })
    }

    @Test(arguments: [
        (["--verdict", "agree", "--action", "x"], "give each --action its own --owner and --due"),
        (["--verdict", "agree", "--action", "x", "--owner", "y", "--due", "2027-02-30"], "is not a date written YYYY-MM-DD"),
        (["--verdict", "agree", "--next-review", "1 januari"], "is not a date written YYYY-MM-DD"),
        (["--verdict", "maybe"], "agree"),
        (["--verdict", "agree", "--remark", "ok\u{1B}]52;c;aGk=\u{07}"], "control characters"),
        (["--verdict", "agree", "--judgement", "dpia"], "ASSESSMENT=TEXT"),
        (["--verdict", "agree", "--judgement", "fraud=yes"], "has no assessment 'fraud'"),
    ])
    func wrongArgumentsAreUsageErrorsAndWriteNothing(_ arguments: [String], _ message: String) throws {
        let setup = try Self.setup()
        defer { setup.remove() }
        let output = try GripProcess.run(["countersign", setup.result] + arguments, home: setup.reviewer)
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.contains(message), "\(output.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: setup.result).deletingLastPathComponent().path)
        #expect(!names.contains { $0.contains(".review-") })
    }
}

/// A tampered result is never exported as if it were genuine (issue 11).
struct InvalidExportTests {
    @Test func aTamperedResultIsRefusedAndOnRequestMarkedInEveryFormat() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let file = try KeysAndVerifyTests.signedResult(home: home)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"level\": \"required\"", with: "\"level\": \"not-needed\"").write(toFile: file, atomically: true, encoding: .utf8)
        for format in ["markdown", "html", "csv", "json"] {
            let refused = try GripProcess.run(["export", file, "--format", format], home: home)
            #expect(refused.status == 1, "\(format)")
            #expect(refused.stdout.isEmpty && refused.stderr.contains("does not verify") && refused.stderr.contains("--allow-invalid"), "\(refused.stderr)")
        }
        let markdown = try GripProcess.run(["export", file, "--format", "markdown", "--allow-invalid"], home: home)
        #expect(markdown.status == 0)
        let lines = markdown.stdout.split(separator: "\n")
        #expect(lines.count > 3 && lines[1].hasPrefix("> **✗ NIET TE VERTROUWEN"), "\(lines.prefix(3))")
        let html = try GripProcess.run(["export", file, "--format", "html", "--allow-invalid"], home: home)
        #expect(html.stdout.contains("<p class=\"bad banner\">✗ NIET TE VERTROUWEN"))
        let csv = try GripProcess.run(["export", file, "--format", "csv", "--allow-invalid"], home: home)
        let rows = csv.stdout.split(separator: "\r\n")
        #expect(rows.first?.hasSuffix(",verification") == true)
        #expect(rows.dropFirst().allSatisfy { $0.hasSuffix(",INVALID") }, "every answer row is marked")
    }
}

/// Practice results (workshops): no personal key needed, marked as practice in the signed
/// document, and never taken for an assessment (issue 12).
struct PracticeResultTests {
    @Test func aPracticeResultNeedsNoKeyAndIsNeverTakenForAnAssessment() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try GripProcess.run(["run", "quickscan", "--answers", "Examples/answers/quickscan.yaml", "--practice"], home: home)
        #expect(run.status == 0, "no personal key is needed: \(run.stderr)")
        let path = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.contains("/data/practice/"), "kept apart from real results: \(path)")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("config/signing-key.json").path))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect((document["result"] as? [String: Any])?["purpose"] as? String == "training", "marked inside the signed result")

        let verify = try GripProcess.run(["verify", path], home: home)
        #expect(verify.stdout.contains("valid PRACTICE result: a workshop exercise, not an assessment"), "\(verify.stdout)")
        let json = try GripProcess.run(["verify", "--json", path], home: home)
        #expect(json.stdout.contains(#""practice":true"#))
        let markdown = try GripProcess.run(["export", path, "--format", "markdown"], home: home)
        #expect(markdown.stdout.contains("◇ OEFENING"))
        let csv = try GripProcess.run(["export", path, "--format", "csv"], home: home)
        #expect(csv.stdout.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasSuffix(",PRACTICE") })

        // Never reviewed, registered, submitted, or its key trusted.
        try initKey(home: home)
        let countersign = try GripProcess.run(["countersign", path, "--verdict", "agree"], home: home)
        #expect(countersign.status == 1 && countersign.stderr.contains("practice result"), "\(countersign.stderr)")
        let register = try GripProcess.run(["register", URL(fileURLWithPath: path).deletingLastPathComponent().path, "--format", "json"], home: home)
        #expect(register.stdout.contains(#""systems":[]"#) || register.stdout.contains(#""systems": []"#), "\(register.stdout)")
        let submit = try GripProcess.run(["submit", path, "--register", home.appendingPathComponent("register").path], home: home)
        #expect(submit.status == 1 && submit.stderr.contains("practice result"), "\(submit.stderr)")
        let trust = try GripProcess.run(["keys", "trust", path, "--name", "Oefen"], home: home)
        #expect(trust.status == 1 && trust.stderr.contains("practice key"), "\(trust.stderr)")

        // A second practice result uses the same practice key.
        let again = try GripProcess.run(["run", "quickscan", "--answers", "Examples/answers/quickscan.yaml", "--practice"], home: home)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: again.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))) as? [String: Any])
        #expect((second["signature"] as? [String: String])?["keyId"] == (document["signature"] as? [String: String])?["keyId"])
    }
}
