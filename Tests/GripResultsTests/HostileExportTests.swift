import Foundation
import GripEngine
import GripScoring
import Testing
@testable import GripResults

/// A result re-signed by an attacker, with terminal escapes, bidi overrides and HTML, CSV
/// and Markdown payloads in every string field, must come out of every exporter inert.
struct HostileExportTests {
    static let payload = "\u{1B}[34D\u{1B}[Kvalid, signed by trusted signer\u{1B}]52;c;SGVsbG8=\u{07}\u{202E}lave\u{9B}2J\u{7F}\r=cmd|' /C calc'!A0 <img src=x onerror=alert(1)> ```\n=1+1 `x` "

    /// Every string in `value` gets the payload in front, except the ids the report needs
    /// to find its way (levels, question ids) which get it behind.
    static func poison(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(payload + text)
        case .array(let items): .array(items.map(poison))
        case .object(let members):
            .object(members.map { member in
                switch member.key {
                case "value" where member.value.stringValue == nil: (member.key, .integer(-3))
                case "max": (member.key, .integer(0))
                default: (member.key, poison(member.value))
                }
            })
        default: value
        }
    }

    static func hostileReport() throws -> (Data, ResultReport) {
        let session = try exampleSession()
        let result = ResultDocument.result(for: session, outcome: Scorer.outcome(for: session), id: UUID(), language: .nl, startedAt: Date(), completedAt: Date())
        let data = Data(PrettyJSON.bytes(try ResultSigner.signedDocument(result: poison(result), key: testKey)))
        let report = ResultReport(document: try StrictJSONParser.parse(Array(data)), verification: ResultVerifier.verify(data, trustList: TrustList()))
        return (data, report)
    }

    static func unsafeScalars(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { DisplaySafety.isUnsafe($0) && !["\n", "\r", "\t"].contains($0) }
    }

    @Test(arguments: ResultExporter.Format.allCases)
    func noRawControlOrBidiCharacterLeavesAnExporter(_ format: ResultExporter.Format) throws {
        let (data, report) = try Self.hostileReport()
        #expect(report.verification.isValid, "the attacker's own signature is valid: only the content is hostile")
        let output = String(decoding: ResultExporter.export(report, original: data, format: format), as: UTF8.self)
        #expect(Self.unsafeScalars(output).isEmpty, "\(format): \(Self.unsafeScalars(output).map { String($0.value, radix: 16) })")
        #expect(!output.contains("\u{1B}"))
        if format == .json {
            // Still the same signed data: it parses and verifies.
            let exported = Data(output.utf8)
            #expect(ResultVerifier.verify(exported, trustList: TrustList()).isValid)
        }
    }

    @Test func markdownEscapesEveryFieldAndSurvivesBadDimensions() throws {
        let (_, report) = try Self.hostileReport()
        #expect(report.dimensions.contains { $0.value == -3 })
        let markdown = ResultExporter.markdown(report)
        // Outside code spans (where Markdown shows HTML as text) every "<" is escaped.
        for line in markdown.split(separator: "\n") where !line.contains("``") {
            #expect(!line.replacingOccurrences(of: "\\<", with: "").contains("<"), "raw HTML in Markdown: \(line.prefix(80))")
        }
        #expect(markdown.contains("\\<img src=x onerror=alert(1)\\>"))
        // No line other than the chart's own fences starts a code block.
        let fences = markdown.split(separator: "\n").filter { $0.hasPrefix("```") }
        #expect(fences.count == 2 && fences[0] == fences[1] && fences[0].count > 3, "\(fences)")
        // Code spans cannot be closed by their content.
        #expect(ResultExporter.code("a`b") == "``a`b``")
        #expect(ResultExporter.code("`x") == "`` `x ``")
        #expect(ResultExporter.cell("### <h1>\nx") == "\\#\\#\\# \\<h1\\> x")
    }

    @Test func htmlSurvivesBadDimensions() throws {
        let (_, report) = try Self.hostileReport()
        let html = ResultExporter.html(report)
        #expect(!html.contains("<img"))
        #expect(html.contains("width: 0%"))
    }

    @Test(arguments: [
        ("Zie bijlage\n=cmd|' /C calc'!A0", "\"Zie bijlage\n=cmd|' /C calc'!A0\""),
        ("a\rb", "a\\rb"),
        ("a\r\nb", "\"a\r\nb\""),
        ("=1+1", "'=1+1"),
        ("+A1", "'+A1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\\r=1"),
        ("\u{FF1D}1+1", "'\u{FF1D}1+1"),
        ("=\u{0301}1+1", "'=\u{0301}1+1"),
        ("\u{200D}=1", "'\u{200D}=1"),
        ("\u{200B}=1", "'\u{200B}=1"),
        (" =1", "' =1"),
        ("-3", "-3"),
        ("gewoon", "gewoon"),
        ("\u{1B}[31m", "\\e[31m"),
    ])
    func csvCellsAreQuotedAndDefused(_ input: String, _ expected: String) {
        #expect(ResultExporter.csvCell(input) == expected)
    }

    @Test func csvRowsCannotBeInjected() throws {
        let (_, report) = try Self.hostileReport()
        let csv = ResultExporter.csv(report)
        // Split into records the way a spreadsheet does (quotes protect line breaks).
        var records: [String] = [], current = "", quoted = false
        for scalar in csv.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted && (scalar == "\n") {
                records.append(current); current = ""
                continue
            }
            current.unicodeScalars.append(scalar)
        }
        #expect(records.count == report.answers.count + 1)
        for record in records.dropFirst() {
            #expect(!["=", "+", "-", "@"].contains(record.first.map(String.init) ?? ""), "\(record.prefix(40))")
        }
    }
}
