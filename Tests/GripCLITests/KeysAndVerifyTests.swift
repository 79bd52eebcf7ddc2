import Foundation
import Testing

/// `grip keys`, signing in `grip run`, and `grip verify`, driven as processes.
struct KeysAndVerifyTests {
    /// Writes a signed result with the example answers and returns its path.
    static func signedResult(home: URL) throws -> String {
        let output = try GripProcess.run(
            ["run", "quickscan", "--answers", "Examples/answers/quickscan.yaml", "--out", home.appendingPathComponent("out").path], home: home)
        #expect(output.status == 0, "\(output.stderr)")
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func runWithoutAKeyExitsOneAndSaysHowToMakeOne() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let output = try GripProcess.run(["run", "quickscan", "--answers", "Examples/answers/quickscan.yaml", "--out", home.path], home: home)
        #expect(output.status == 1)
        #expect(output.stderr.contains("grip keys init --name"))
        #expect(output.stdout.isEmpty)
    }

    @Test func keysInitCreatesAPrivateKeyAndNeverReplacesIt() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let keyFile = home.appendingPathComponent("config/signing-key.json").path
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let before = try Data(contentsOf: URL(fileURLWithPath: keyFile))

        let again = try GripProcess.run(["keys", "init", "--name", "X", "--organisation", "Y"], home: home)
        #expect(again.status == 1)
        #expect(again.stderr.contains("never overwritten"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: keyFile)) == before)

        let show = try GripProcess.run(["keys", "show"], home: home)
        #expect(show.status == 0)
        #expect(show.stdout.contains("Anna de Vries (Gemeente Voorbeeld)"))
        #expect(show.stdout.contains("Key id:     SHA256:"))
    }

    @Test func aKeyFileOthersCanReadIsRefusedWithTheFix() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let keyFile = home.appendingPathComponent("config/signing-key.json").path
        #expect(chmod(keyFile, 0o644) == 0)
        let output = try GripProcess.run(["run", "quickscan", "--answers", "Examples/answers/quickscan.yaml", "--out", home.path], home: home)
        #expect(output.status == 1)
        #expect(output.stderr.contains("can be read by others (mode 644)"))
        #expect(output.stderr.contains("chmod 600 \(keyFile)"))
        #expect(chmod(keyFile, 0o600) == 0)
        #expect(try GripProcess.run(["keys", "show"], home: home).status == 0)
    }

    @Test func exportedPublicKeyIsPEMThatOpenSSLReads() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let export = try GripProcess.run(["keys", "export"], home: home)
        #expect(export.status == 0)
        #expect(export.stdout.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(export.stdout.hasSuffix("-----END PUBLIC KEY-----\n"))
        // The body is the 12-byte Ed25519 SubjectPublicKeyInfo prefix followed by the raw key.
        let body = export.stdout.split(separator: "\n").dropFirst().dropLast().joined()
        let der = try #require(Data(base64Encoded: body))
        #expect(der.count == 44)
        #expect(Array(der.prefix(12)) == [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00])
        if let openssl = Self.which("openssl") {
            let pem = home.appendingPathComponent("key.pem")
            try export.stdout.write(to: pem, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: openssl)
            process.arguments = ["pkey", "-pubin", "-in", pem.path, "-noout", "-text"]
            process.standardOutput = Pipe()
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
    }

    @Test func verifyReportsEachFileAndExitsByTheWorstOne() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let good = try Self.signedResult(home: home)

        let valid = try GripProcess.run(["verify", good], home: home)
        #expect(valid.status == 0, "\(valid.stdout)")
        #expect(valid.stdout.contains("\(good): valid, signed by trusted signer Anna de Vries (SHA256:"))
        #expect(valid.stdout.contains("matches the bundled version") && valid.stdout.contains("; questionnaire quickscan "))

        // Change one answer's note after signing: the signature no longer matches.
        let text = try String(contentsOfFile: good, encoding: .utf8)
        let tampered = home.appendingPathComponent("tampered.json")
        let changed = text.replacingOccurrences(of: "\"language\": \"nl\"", with: "\"language\": \"en\"")
        #expect(changed != text)
        try changed.write(to: tampered, atomically: true, encoding: .utf8)
        let truncated = home.appendingPathComponent("truncated.json")
        try Data(text.utf8.prefix(200)).write(to: truncated)

        let mixed = try GripProcess.run(["verify", good, tampered.path, truncated.path, home.appendingPathComponent("missing.json").path], home: home)
        #expect(mixed.status == 1)
        let lines = mixed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].contains("valid, signed by trusted signer"))
        #expect(lines[1].contains("INVALID: the signature does not match the content"))
        #expect(lines[2].contains("MALFORMED: not valid JSON"))
        #expect(lines[3].contains("MALFORMED: cannot read the file"))
    }

    @Test func anotherMachineSeesAnUnknownSignerUntilItTrustsTheKey() throws {
        let author = try temporaryDirectory(), reviewer = try temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: author)
            try? FileManager.default.removeItem(at: reviewer)
        }
        try initKey(home: author)
        let file = try Self.signedResult(home: author)

        let unknown = try GripProcess.run(["verify", file], home: reviewer)
        #expect(unknown.status == 0)
        #expect(unknown.stdout.contains("valid signature, UNKNOWN signer (key SHA256:"), "\(unknown.stdout)")
        #expect(unknown.stdout.contains("is not on your trust list; the file says Anna de Vries, Gemeente Voorbeeld)"), "\(unknown.stdout)")
        let strict = try GripProcess.run(["verify", "--trusted-only", "--json", file], home: reviewer)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains(#""passed":false"#))
        #expect(strict.stdout.contains(#""status":"valid-unknown-signer""#))

        // The reviewer trusts the author's exported public key under a name of their own.
        let pem = reviewer.appendingPathComponent("anna.pem")
        try GripProcess.run(["keys", "export"], home: author).stdout.write(to: pem, atomically: true, encoding: .utf8)
        // Only with the key id Anna gave the reviewer in person.
        let annasKeyID = try #require(GripProcess.run(["keys", "show"], home: author).stdout
            .split(separator: "\n").first { $0.hasPrefix("Key id:") }?.split(separator: " ").last.map(String.init))
        let trust = try GripProcess.run(["keys", "trust", pem.path, "--name", "Anna (privacy team)", "--key-id", annasKeyID], home: reviewer)
        #expect(trust.status == 0, "\(trust.stderr)")
        let trusted = try GripProcess.run(["verify", "--trusted-only", "--json", file], home: reviewer)
        #expect(trusted.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(trusted.stdout.utf8)) as? [String: Any])
        #expect(report["status"] as? String == "valid-trusted")
        #expect(report["signer"] as? String == "Anna (privacy team)")
        #expect(report["questionnaireKnown"] as? Bool == true)
    }

    /// The README's promise: a result verifies with independent RFC 8785 and Ed25519
    /// libraries. CI installs them; elsewhere the test says what is missing.
    @Test func anIndependentVerifierAcceptsTheResultAndCatchesTampering() throws {
        let python = try #require(Self.which("python3"), "python3 is needed for the independent verifier")
        let probe = try Self.execute(python, ["-c", "import rfc8785, cryptography, jsonschema"])
        if probe != 0 {
            let required = ProcessInfo.processInfo.environment["GRIP_REQUIRE_PYTHON_VERIFIER"] == "1"
            #expect(!required, "pip install rfc8785 cryptography jsonschema: the independent checks need them")
            return
        }
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let file = try Self.signedResult(home: home)
        let script = GripProcess.packageRoot.appendingPathComponent("Tools/verify-result.py").path
        #expect(try Self.execute(python, [script, file]) == 0)
        // The published schema describes what grip writes.
        let schema = GripProcess.packageRoot.appendingPathComponent("Schemas/grip-result-1.schema.json").path
        let validate = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.validate(json.load(open(sys.argv[2])), schema, cls=jsonschema.Draft202012Validator)
            """
        #expect(try Self.execute(python, ["-c", validate, schema, file]) == 0)

        let tampered = home.appendingPathComponent("tampered.json")
        try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: "\"language\": \"nl\"", with: "\"language\": \"en\"")
            .write(to: tampered, atomically: true, encoding: .utf8)
        #expect(try Self.execute(python, [script, tampered.path]) == 1)
    }

    @Test func exportWritesAReportAndNeverReplacesAFile() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let file = try Self.signedResult(home: home)
        let out = home.appendingPathComponent("report.html").path
        let first = try GripProcess.run(["export", file, "--format", "html", "--out", out], home: home)
        #expect(first.status == 0, "\(first.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("Geldig, ondertekend door vertrouwde ondertekenaar Anna de Vries"))
        let again = try GripProcess.run(["export", file, "--format", "csv", "--out", out], home: home)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == html)
        let csv = try GripProcess.run(["export", file, "--format", "csv"], home: home)
        #expect(csv.stdout.hasPrefix("question,section,type,visibility"))
        let notAResult = try GripProcess.run(["export", out, "--format", "markdown"], home: home)
        #expect(notAResult.status == 1)
        #expect(notAResult.stderr.contains("is not a result file"))
    }

    static func which(_ tool: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func execute(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Names and keys from files cannot fake a verdict line or drive the terminal.
struct TerminalInjectionTests {
    static let fakeVerdict = "\u{1B}[34D\u{1B}[K" + "valid, signed by trusted signer Anna de Vries\u{1B}[8m"

    static func assertInert(_ text: String, _ comment: Comment? = nil) {
        // CSV ends its records with CR LF; any other control character is a leak.
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }, comment)
    }

    @Test func keysInitRefusesNamesWithControlOrBidiCharacters() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        for name in [Self.fakeVerdict, "Anna\nvalid", "\u{202E}anna", "  "] {
            let output = try GripProcess.run(["keys", "init", "--name", name, "--organisation", "Gemeente"], home: home)
            #expect(output.status == 1)
            #expect(output.stderr.contains("without control characters"))
            Self.assertInert(output.stdout + output.stderr)
        }
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("config/signing-key.json").path))
    }

    @Test func verifyShowsAHostileSignerNameAsEscapesOnOneLine() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        // A key file written by hand, as an attacker would, with a name keys init refuses.
        try initKey(home: home)
        let keyFile = home.appendingPathComponent("config/signing-key.json")
        var stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: keyFile)) as? [String: String])
        stored["name"] = Self.fakeVerdict + "\nother.json: valid"
        try JSONSerialization.data(withJSONObject: stored).write(to: keyFile)
        #expect(chmod(keyFile.path, 0o600) == 0)
        let result = try KeysAndVerifyTests.signedResult(home: home)
        let otherHome = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: otherHome) }
        let output = try GripProcess.run(["verify", result], home: otherHome)
        #expect(output.status == 0)
        Self.assertInert(output.stdout + output.stderr, "\(output.stdout)")
        #expect(output.stdout.split(separator: "\n").count == 1)
        #expect(output.stdout.contains("UNKNOWN signer (key SHA256:") && output.stdout.contains("the file says \\e[34D\\e[Kvalid, signed by trusted signer"))
        let json = try GripProcess.run(["verify", "--json", result], home: otherHome)
        Self.assertInert(json.stdout, "\(json.stdout)")
        for format in ["markdown", "html", "csv", "json"] {
            let export = try GripProcess.run(["export", result, "--format", format], home: otherHome)
            #expect(export.status == 0)
            Self.assertInert(export.stdout + export.stderr, "\(format)")
        }
    }

    @Test func aMalformedFileQuotingAnEscapeSequenceIsReportedInert() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("clipboard.json")
        try Data(#"{"format": "grip-result/1", "\u001b]52;c;SGVsbG8=\u0007": 1, "\u202e": 2}"#.utf8).write(to: file)
        let output = try GripProcess.run(["verify", file.path], home: home)
        #expect(output.status == 1)
        #expect(output.stdout.contains("MALFORMED"))
        Self.assertInert(output.stdout + output.stderr, "\(output.stdout)")
        let named = home.appendingPathComponent("\u{1B}[2Jname.json")
        try FileManager.default.copyItem(at: file, to: named)
        let byName = try GripProcess.run(["verify", named.path], home: home)
        Self.assertInert(byName.stdout + byName.stderr, "\(byName.stdout)")
    }
}
