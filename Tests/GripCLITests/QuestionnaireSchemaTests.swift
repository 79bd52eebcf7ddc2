import Foundation
import Testing

/// The editor schema published for authors accepts every bundled questionnaire, checked
/// by an independent JSON Schema validator reading the YAML as an editor does (YAML 1.2:
/// `yes` is text, `true` a boolean, `10` a number).
struct QuestionnaireSchemaTests {
    static let script = #"""
        import glob, json, re, sys, yaml, jsonschema
        class Yaml12(yaml.SafeLoader): pass
        Yaml12.yaml_implicit_resolvers = {k: [(t, r) for t, r in v if t != 'tag:yaml.org,2002:bool']
                                          for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
        Yaml12.add_implicit_resolver('tag:yaml.org,2002:bool', re.compile(r'^(?:true|True|TRUE|false|False|FALSE)$'), list('tTfF'))
        schema = json.load(open(sys.argv[1]))
        validator = jsonschema.Draft202012Validator(schema)
        failed = 0
        for path in sys.argv[2:]:
            for error in validator.iter_errors(yaml.load(open(path), Loader=Yaml12)):
                failed += 1
                print(f"{path}: {list(error.absolute_path)}: {error.message[:200]}")
        sys.exit(1 if failed else 0)
        """#

    @Test func everyBundledQuestionnaireValidatesAgainstTheEditorSchema() throws {
        let python = try #require(KeysAndVerifyTests.which("python3"), "python3 is needed for the independent schema check")
        if try KeysAndVerifyTests.execute(python, ["-c", "import yaml, jsonschema"]) != 0 {
            #expect(ProcessInfo.processInfo.environment["GRIP_REQUIRE_PYTHON_VERIFIER"] != "1", "pip install pyyaml jsonschema: the schema check needs them")
            return
        }
        let root = GripProcess.packageRoot.appendingPathComponent("Questionnaires")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".yaml") }.sorted().map { root.appendingPathComponent($0).path }
        #expect(files.count >= 5)
        let schema = root.appendingPathComponent("schema/questionnaire.schema.json").path
        #expect(try KeysAndVerifyTests.execute(python, ["-c", Self.script, schema] + files) == 0, "see the lines printed above")
    }

    /// The same for the workshop cases and their schema.
    @Test func everyBundledCaseValidatesAgainstTheCaseSchema() throws {
        let python = try #require(KeysAndVerifyTests.which("python3"), "python3 is needed for the independent schema check")
        if try KeysAndVerifyTests.execute(python, ["-c", "import yaml, jsonschema"]) != 0 {
            #expect(ProcessInfo.processInfo.environment["GRIP_REQUIRE_PYTHON_VERIFIER"] != "1", "pip install pyyaml jsonschema: the schema check needs them")
            return
        }
        let root = GripProcess.packageRoot.appendingPathComponent("Questionnaires")
        let directory = root.appendingPathComponent("cases")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0).path }
        #expect(files.count >= 8)
        let schema = root.appendingPathComponent("schema/case.schema.json").path
        #expect(try KeysAndVerifyTests.execute(python, ["-c", Self.script, schema] + files) == 0, "see the lines printed above")
    }

    /// The case schema is no rubber stamp: it refuses a case with a misspelt key, a
    /// level that does not exist and an answer without its explanation.
    @Test func theCaseSchemaRefusesABrokenCase() throws {
        let python = try #require(KeysAndVerifyTests.which("python3"), "python3 is needed for the independent schema check")
        if try KeysAndVerifyTests.execute(python, ["-c", "import yaml, jsonschema"]) != 0 { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grip-case-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = GripProcess.packageRoot.appendingPathComponent("Questionnaires/schema/case.schema.json").path
        let good = """
            id: tiny
            title: {nl: Klein, en: Small}
            story: {nl: Een verhaal., en: A story.}
            level: basis
            duration_minutes: 10
            discussion: [{nl: "Waarom?", en: "Why?"}]
            sources: [{title: {nl: AVG, en: GDPR}, article: Art. 35}]
            exercises:
              - instrument: quickscan
                subject: {system: Iets}
                answers:
                  has_algorithm: {value: yes, explain: {nl: Ja., en: Yes.}}
                  data_subjects: {value: 3200, explain: {nl: Ja., en: Yes.}}
                  data_kinds: {value: [special, bsn], explain: {nl: Ja., en: Yes.}}
                outcome:
                  levels: {dpia: required}
                  classifications: {register_category: "possibly:a"}
            """
        let broken = [
            good.replacingOccurrences(of: "level: basis", with: "levle: basis"),
            good.replacingOccurrences(of: "level: basis", with: "level: expert"),
            good.replacingOccurrences(of: "{value: yes, explain: {nl: Ja., en: Yes.}}", with: "{value: yes}"),
            good.replacingOccurrences(of: "dpia: required", with: "dpia: needed"),
        ]
        for (index, text) in ([good] + broken).enumerated() {
            try text.write(to: directory.appendingPathComponent("case\(index).yaml"), atomically: true, encoding: .utf8)
        }
        let path = { (index: Int) in directory.appendingPathComponent("case\(index).yaml").path }
        #expect(try KeysAndVerifyTests.execute(python, ["-c", Self.script, schema, path(0)]) == 0)
        for index in 1...broken.count {
            #expect(try KeysAndVerifyTests.execute(python, ["-c", Self.script, schema, path(index)]) == 1, "broken case \(index) passed the schema")
        }
    }
}
