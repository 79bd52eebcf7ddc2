import Foundation
import Testing
@testable import GripBundled
@testable import GripEngine

/// Instruments are listed from their header and loaded in full only when opened; the
/// header must say exactly what the full load says.
struct InstrumentTests {
    @Test(arguments: BundledQuestionnaires.files.map(\.name))
    func theHeaderOfEveryBundledFileMatchesItsFullLoad(_ name: String) throws {
        let file = try #require(BundledQuestionnaires.files.first { $0.name == name })
        let instrument = try #require(Instrument.lazy(file.contents, file: name), "the header of \(name) cannot be read on its own")
        let full = try #require(QuestionnaireLoader.load(file.contents, file: name).questionnaire)
        #expect(instrument.id == full.id)
        #expect(instrument.version == full.version)
        #expect(instrument.title == full.title)
        #expect(instrument.description == full.description)
        #expect(instrument.estimatedMinutes == full.estimatedMinutes)
        #expect(instrument.questionnaire?.questions.count == full.questions.count)
    }

    /// Strings in a compiled form are read back exactly, and bytes that are not UTF-8
    /// make the form damaged, never a repaired string.
    @Test(arguments: [
        ([UInt8]("ja, één ✓ 😀".utf8), true), ([], true), ([0x41, 0x00, 0x7F], true),
        ([0xFF], false), ([0x41, 0xC3], false), ([0xE2, 0x9C], false), ([0xF0, 0x9F, 0x98], false),
        ([0xC0, 0x80], false), ([0xED, 0xA0, 0x80], false), ([0x41, 0x80, 0x42], false),
    ] as [([UInt8], Bool)])
    func compiledStringsAreReadExactlyOrRefused(_ utf8: [UInt8], valid: Bool) {
        var writer = BinaryWriter()
        writer.int(utf8.count)
        let form = writer.bytes + utf8 + [0x2A]
        form.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes, file: "x")
            let text = try? reader.string()
            #expect((text != nil) == valid)
            if let text {
                #expect(Array(text.utf8) == utf8)
                #expect((try? reader.byte()) == 0x2A, "the reader goes on right after the string")
            }
        }
    }

    /// Integers are written in bytes below 0x80, so a compiled form is valid UTF-8 and is
    /// embedded as a literal read in place; each reads back exactly, and a byte no writer
    /// makes, or a number past 64 bits, makes the form damaged, never some other number.
    @Test func compiledIntegersAreASCIIAndReadBackExactly() {
        let values = [0, 1, -1, 31, 32, -32, -33, 63, 64, 1_000, -1_000, 1 << 40, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for value in values {
            var writer = BinaryWriter()
            writer.int(value)
            #expect(writer.bytes.allSatisfy { $0 < 0x80 }, "\(value)")
            (writer.bytes + [0x2A]).withUnsafeBytes { bytes in
                var reader = BinaryReader(bytes, file: "x")
                #expect((try? reader.int()) == value)
                #expect((try? reader.byte()) == 0x2A, "\(value): the reader goes on right after the number")
            }
        }
        let damaged: [[UInt8]] = [[0x80], [0x41, 0xC1], [0x7F], Array(repeating: 0x7F, count: 11) + [0x00], Array(repeating: 0x40, count: 10) + [0x10]]
        for bytes in damaged {
            bytes.withUnsafeBytes { raw in
                var reader = BinaryReader(raw, file: "x")
                #expect((try? reader.int()) == nil, "\(bytes)")
            }
        }
    }

    /// Each bundled compiled form is in the binary as it was built: valid UTF-8, read in place.
    @Test(arguments: BundledQuestionnaires.files.map(\.name))
    func bundledCompiledFormsAreReadInPlace(_ name: String) throws {
        let file = try #require(BundledQuestionnaires.files.first { $0.name == name })
        let compiled = try #require(file.compiled, "\(name) has no compiled form")
        #expect(String(validating: compiled, as: UTF8.self) != nil)
        let report = try #require(CompiledQuestionnaire(QuestionnaireLoader.load(file.contents, file: "bundled:\(name)")))
        #expect(compiled == report.encoded())
    }

    @Test(arguments: BundledQuestionnaires.files.map(\.name))
    func theCompiledFormOfEveryBundledFileIsItsFullLoad(_ name: String) throws {
        let file = try #require(BundledQuestionnaires.files.first { $0.name == name })
        let compiled = try #require(file.compiled, "\(name) was not compiled at build time")
        let header = try #require(file.header)
        let fresh = QuestionnaireLoader.load(file.contents, file: "bundled:\(name)")
        let form = try #require(CompiledQuestionnaire(fresh))
        let same = compiled == form.encoded()
        #expect(same, "the compiled form of \(name) differs from a fresh load")

        let instrument = Instrument.precompiled(
            id: header.id, version: header.version, title: LocalizedText(nl: header.title.nl, en: header.title.en),
            description: LocalizedText(nl: header.description.nl, en: header.description.en),
            estimatedMinutes: header.estimatedMinutes, file: "bundled:\(name)", source: { file.contents }, compiled: { compiled })
        #expect(CompiledQuestionnaire.report(from: compiled, source: file.contents) != nil, "the compiled form of \(name) cannot be read")
        // Before the full load, the questions alone come from the front of the form.
        let partial = try #require(instrument.questionsOnly)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(partial.questions) == encoder.encode(fresh.questionnaire?.questions))
        #expect(try encoder.encode(partial.sections) == encoder.encode(fresh.questionnaire?.sections))
        #expect(partial.outcomes.assessments.isEmpty && partial.prefill.isEmpty)
        let report = instrument.report
        #expect(instrument.questionsOnly?.outcomes.assessments.count == fresh.questionnaire?.outcomes.assessments.count, "once loaded, the full questionnaire")
        let decoded = try #require(report.questionnaire)
        // Every field compared, through the JSON of the Codable conformances.
        let roundTrip = try #require(CompiledQuestionnaire(report)).canonicalJSON() == form.canonicalJSON()
        #expect(roundTrip, "\(name) read back from its compiled form is not the same questionnaire")
        #expect(decoded.source == file.contents)
        #expect(report.diagnostics == fresh.diagnostics)
        #expect(decoded.dependents == fresh.questionnaire?.dependents)
        #expect(header.id == decoded.id && header.version == decoded.version && header.estimatedMinutes == decoded.estimatedMinutes)
        #expect(header.title.nl == decoded.title.nl && header.title.en == decoded.title.en)
        #expect(header.description.nl == decoded.description.nl && header.description.en == decoded.description.en)
    }

    static func precompiled(_ source: Data, file: String, compiled: Data?) -> Instrument {
        Instrument.precompiled(
            id: "small", version: "1.0.0", title: LocalizedText(nl: "Klein", en: "Small"),
            description: LocalizedText(nl: "Een korte vragenlijst.", en: "A short questionnaire."), estimatedMinutes: 3,
            file: file, source: { source }, compiled: { compiled })
    }

    @Test func aCompiledFormThatDoesNotFitFallsBackToTheYAML() throws {
        let source = Data(Self.file.utf8)
        let report = QuestionnaireLoader.load(source, file: "small.yaml")
        let good = try #require(CompiledQuestionnaire(report)).encoded()
        #expect(Self.precompiled(source, file: "small.yaml", compiled: good).questionnaire?.questions.count == 1)
        // Damaged forms: each falls back to the YAML, which here has one question, not two.
        let twoQuestions = Self.file.replacingOccurrences(of: "help: {nl: h, en: h}}", with: "help: {nl: h, en: h}}\n      - {id: r, type: yes_no, text: {nl: b, en: b}, help: {nl: h, en: h}}")
        let other = try #require(CompiledQuestionnaire(QuestionnaireLoader.load(Data(twoQuestions.utf8), file: "small.yaml"))).encoded()
        #expect(Self.precompiled(source, file: "small.yaml", compiled: other).questionnaire?.questions.count == 2, "a fitting form is used")
        var flipped = other
        flipped[flipped.count / 2] ^= 0xFF
        for compiled in [nil, Data(), Data("not compiled".utf8), other.dropLast(5), other + [0], flipped] {
            let instrument = Self.precompiled(source, file: "small.yaml", compiled: compiled)
            #expect(instrument.questionnaire?.questions.count == 1)
        }
        // The questions alone are read from the front of the form; a form cut short
        // there, or one of another questionnaire, falls back to the YAML too.
        #expect(Self.precompiled(source, file: "small.yaml", compiled: other).questionsOnly?.questions.count == 2)
        for compiled in [nil, Data(), other.prefix(other.count / 4)] {
            #expect(Self.precompiled(source, file: "small.yaml", compiled: compiled).questionsOnly?.questions.count == 1)
        }
        // A compiled form of another file name is not used for this one.
        let elsewhere = try #require(CompiledQuestionnaire(QuestionnaireLoader.load(source, file: "other.yaml"))).encoded()
        #expect(Self.precompiled(source, file: "small.yaml", compiled: elsewhere).questionnaire?.file == "small.yaml")
    }

    static let file = """
        id: small
        version: 1.0.0
        title: {nl: Klein, en: Small}
        description:
          nl: >-
            Een korte
            vragenlijst.
          en: A short questionnaire.
        estimated_minutes: 3
        sections:
          - id: s
            title: {nl: S, en: S}
            questions:
              - {id: q, type: yes_no, text: {nl: a, en: a}, help: {nl: h, en: h}}
        """

    @Test func aHeaderIsReadWithoutTheRestAndTheFullLoadHappensOnce() throws {
        // The body after the header is broken: listing still works, opening reports it.
        let broken = Self.file + "\n      - {id: q, type: nonsense}\n"
        let instrument = try #require(Instrument.lazy(Data(broken.utf8), file: "small.yaml"))
        #expect(instrument.title.nl == "Klein")
        #expect(instrument.description.nl == "Een korte vragenlijst.")
        #expect(instrument.estimatedMinutes == 3)
        #expect(instrument.questionnaire == nil)
        #expect(!instrument.report.diagnostics.errors.isEmpty)

        let good = try #require(Instrument.lazy(Data(Self.file.utf8), file: "small.yaml"))
        #expect(good.questionnaire?.questions.map(\.id) == ["q"])
    }

    @Test func aHeaderThatCannotBeReadAloneMeansAFullLoad() throws {
        #expect(Instrument.lazy(Data("sections: []\nid: x".utf8), file: "x.yaml") == nil)
        #expect(Instrument.lazy(Data("id: x\nversion: 1.0.0\ntitle: {nl: X}\nsections: []".utf8), file: "x.yaml") == nil, "title needs nl and en")
    }
}
