import Foundation
import GripBundled
import Testing
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
