import Crypto
import Foundation
import GripEngine
import GripScoring
import Testing
@testable import GripResults

struct ExportTests {
    /// A signed result whose subject and note try to inject markup and formulas.
    static func hostileResult() throws -> (Data, ResultReport) {
        var session = try exampleSession()
        session.subject = Subject(system: "<script>alert(1)</script> & \"Co\"", organisation: "=HYPERLINK(\"x\")", assessor: "O'Brien")
        session.setNote("Regel 1, met komma\nRegel 2 <b>vet</b>", at: 0)
        let result = ResultDocument.result(for: session, outcome: Scorer.outcome(for: session), id: UUID(), language: .nl, startedAt: Date(), completedAt: Date())
        let data = Data(PrettyJSON.bytes(try ResultSigner.signedDocument(result: result, key: testKey)))
        let report = ResultReport(document: try StrictJSONParser.parse(Array(data)), verification: ResultVerifier.verify(data, trustList: TrustList()))
        return (data, report)
    }

    @Test func htmlEscapesEverythingThatCameFromAnswers() throws {
        let (_, report) = try Self.hostileResult()
        let html = ResultExporter.html(report)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>vet</b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"))
        #expect(html.contains("O&#39;Brien"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("default-src 'none'"), "self-contained: loads nothing from anywhere")
        #expect(html.contains("De handtekening klopt, maar de sleutel \(testKey.keyID) staat niet op uw vertrouwenslijst"))
        #expect(html.contains(testKey.keyID))
    }

    @Test func markdownShowsSubjectSignatureOutcomeAndEveryShownAnswer() throws {
        let (_, report) = try Self.hostileResult()
        let markdown = ResultExporter.markdown(report)
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(markdown.contains("| Sleutel (vingerafdruk) | `\(testKey.keyID)` |"))
        #expect(markdown.contains("## Uitkomst"))
        #expect(markdown.contains("> Toelichting: Regel 1, met komma\n> Regel 2 \\<b\\>vet\\</b\\>"))
        for answer in report.answers where answer.shown {
            #expect(markdown.contains(ResultExporter.md(answer.text)), "\(answer.question)")
        }
    }

    @Test func csvHasOneQuotedRowPerAnswerAndDefusesFormulas() throws {
        let (_, report) = try Self.hostileResult()
        let csv = ResultExporter.csv(report)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows[0] == "question,section,type,visibility,question_text,value,answer_text,note,verification")
        #expect(rows.dropFirst().filter { $0.hasPrefix("purpose") || $0.hasPrefix("personal") }.allSatisfy { $0.hasSuffix(",valid-unknown-signer") })
        #expect(csv.contains("\"Regel 1, met komma\nRegel 2 <b>vet</b>\""))
        #expect(ResultExporter.csvCell("=SUM(A1)") == "'=SUM(A1)")
        #expect(ResultExporter.csvCell("-12") == "-12")
        #expect(ResultExporter.csvCell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        // Rows: header plus one per answer; a quoted newline does not start a row.
        #expect(csv.components(separatedBy: "\r\n").count - 2 == report.answers.count)
    }

    @Test func jsonExportIsTheFileByteForByte() throws {
        let (data, report) = try Self.hostileResult()
        #expect(ResultExporter.export(report, original: data, format: .json) == data)
    }

    @Test func aTamperedResultSaysSoInTheExport() throws {
        let (data, _) = try Self.hostileResult()
        let tampered = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "O'Brien", with: "Mallory").utf8)
        let report = ResultReport(document: try StrictJSONParser.parse(Array(tampered)), verification: ResultVerifier.verify(tampered, trustList: TrustList()))
        #expect(ResultExporter.markdown(report).contains("ONGELDIG: de handtekening past niet bij de inhoud"))
        #expect(ResultExporter.html(report).contains("class=\"bad\""))
    }
}

/// Reports say which answers a reason rests on, escaped like everything else (issue 12).
struct ReasonAnswersExportTests {
    @Test func markdownAndHTMLNameTheAnswersBehindAReason() throws {
        let result: JSONValue = [
            "id": "r", "language": "nl", "questionnaire": ["id": "quickscan", "version": "1", "sha256": "ab"],
            "subject": ["system": "S", "organisation": "O", "assessor": "A"],
            "outcome": ["assessments": [[
                "id": "dpia", "title": "DPIA", "level": "required", "nextStep": "",
                "reasons": [["text": "Profilering", "sources": [], "answers": [["question": "profiling", "answer": "Ja <script>"]]]],
            ]]],
        ]
        let data = Data(PrettyJSON.bytes(try ResultSigner.signedDocument(result: result, key: testKey)))
        let report = ResultReport(document: try StrictJSONParser.parse(Array(data)), verification: ResultVerifier.verify(data, trustList: TrustList()))
        #expect(ResultExporter.markdown(report).contains("Profilering — omdat: profiling = Ja \\<script\\>"))
        let html = ResultExporter.html(report)
        #expect(html.contains("— omdat: profiling = Ja &lt;script&gt;") && !html.contains("<script>"))
    }
}
