import Foundation
import GripEngine
@testable import GripScoring
import Testing
@testable import GripResults

/// A classification whose stronger category is undecided reads "not yet decided" in the
/// signed result, every export and the report, also for results written before `status`.
struct ClassificationReportTests {
    static func document(_ classification: String, language: String = "nl") throws -> JSONValue {
        try StrictJSONParser.parse(Array("""
            {"format": "grip-result/1", "result": {"language": "\(language)", "outcome": {"assessments": [], "classifications": [\(classification)]}}}
            """.utf8))
    }

    static let unsigned = VerificationReport(status: .unsigned)

    @Test func anOldResultWithAPossibleStrongerCategoryReadsAsUndecided() throws {
        let old = #"{"id": "risk_category", "title": "Risicocategorie", "category": {"id": "minimal", "title": "Minimaal risico"}, "possible": [{"id": "high_risk", "title": "Hoog risico"}], "reasons": []}"#
        let report = ResultReport(document: try Self.document(old), verification: Self.unsigned)
        #expect(report.classifications[0].category == nil)
        #expect(report.classifications[0].headline == "Nog niet te bepalen — mogelijk hoog risico")
        for format in [ResultExporter.Format.markdown, .html] {
            let text = String(decoding: ResultExporter.export(report, original: Data(), format: format), as: UTF8.self)
            #expect(text.contains("Nog niet te bepalen — mogelijk hoog risico"), "\(format)")
            #expect(!text.contains("Minimaal risico"), "\(format)")
        }
    }

    @Test func aDecidedClassificationShowsItsCategory() throws {
        let decided = #"{"id": "risk_category", "title": "Risk category", "status": "decided", "headline": "High risk", "category": {"id": "high_risk", "title": "High risk"}, "possible": [], "reasons": []}"#
        let report = ResultReport(document: try Self.document(decided, language: "en"), verification: Self.unsigned)
        #expect(report.classifications[0].headline == "High risk")
        #expect(report.classifications[0].category == "High risk")
    }

    @Test func theSignedResultCarriesStatusHeadlineAndFloor() throws {
        let outcome = ClassificationOutcome(
            id: "risk_category", title: LocalizedText(nl: "Risicocategorie", en: "Risk category"), category: nil,
            atLeast: .init(id: "minimal", title: LocalizedText(nl: "Minimaal risico", en: "Minimal risk")),
            possible: [.init(id: "high_risk", title: LocalizedText(nl: "Hoog risico", en: "High risk"))], reasons: [])
        let json = OutcomeJSON.classification(outcome, .en)
        #expect(json["status"]?.stringValue == "undecided")
        #expect(json["headline"]?.stringValue == "Not yet decided — possibly high risk")
        #expect(json["category"] == nil)
        #expect(json["atLeast"]?["id"]?.stringValue == "minimal")
    }
}
