import Foundation
import GripEngine

/// The group summary as text (terminal or projector, bars of block characters),
/// Markdown, self-contained HTML or JSON. Every answer text comes from participants'
/// files: escaped for its format.
public enum WorkshopSummaryExport {
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, html, json
    }

    public static func export(_ summary: WorkshopSummary, format: Format, language: Language) -> Data {
        switch format {
        case .text: Data(DisplaySafety.safe(text(summary, language: language), keepingLineBreaks: true).utf8)
        case .markdown: Data(DisplaySafety.safe(markdown(summary, language: language), keepingLineBreaks: true).utf8)
        case .html: Data(DisplaySafety.safe(html(summary, language: language), keepingLineBreaks: true).utf8)
        case .json: Data(PrettyJSON.bytes(json(summary)))
        }
    }

    struct Words {
        let nl: Bool
        init(_ language: Language) { nl = language == .nl }
        var title: String { nl ? "Groepsoverzicht" : "Group summary" }
        func participants(_ count: Int) -> String { nl ? "\(count) deelnemer\(count == 1 ? "" : "s")" : "\(count) participant\(count == 1 ? "" : "s")" }
        var outcomes: String { nl ? "Uitkomsten" : "Outcomes" }
        var questions: String { nl ? "Vragen, de meeste onenigheid eerst" : "Questions, most disagreement first" }
        func agreement(_ question: WorkshopSummary.Question) -> String {
            question.hasReference
                ? (nl ? "\(question.agreement)% gelijk aan de referentie" : "\(question.agreement)% match the reference")
                : (nl ? "\(question.agreement)% eens met de meerderheid" : "\(question.agreement)% agree with the majority")
        }
        var reference: String { nl ? "referentie" : "reference" }
        var skipped: String { nl ? "Niet meegeteld" : "Not counted" }
        func level(_ raw: String) -> String {
            AssessmentLevel(rawValue: raw).map { OutcomeText.Words(nl ? .nl : .en).level($0) } ?? raw
        }
    }

    /// A bar of `width` cells for `count` of `total`.
    static func bar(_ count: Int, of total: Int, width: Int) -> String {
        let filled = total == 0 ? 0 : min(width, (count * width + total / 2) / total)
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    public static func text(_ summary: WorkshopSummary, language: Language, barWidth: Int = 20) -> String {
        let words = Words(language)
        var lines = ["\(words.title): \(summary.questionnaireID) — \(words.participants(summary.participants))", ""]
        lines.append(words.outcomes)
        for assessment in summary.assessments {
            lines.append("  \(assessment.title)")
            for share in assessment.levels {
                let mark = share.isReference ? "  ✓ \(words.reference)" : ""
                lines.append("    \(bar(share.count, of: summary.participants, width: barWidth)) \(share.count)  \(words.level(share.answer))\(mark)")
            }
        }
        lines += ["", words.questions]
        for question in summary.questions {
            lines.append("  \(question.text)  [\(question.id)]")
            lines.append("    \(words.agreement(question))")
            for share in question.shares {
                let mark = share.isReference ? "  ✓ \(words.reference)" : ""
                lines.append("    \(bar(share.count, of: question.answered, width: barWidth)) \(share.count)  \(share.answer)\(mark)")
            }
        }
        if !summary.skipped.isEmpty {
            lines += ["", "\(words.skipped):"] + summary.skipped.map { "  \($0.path): \($0.reason)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ summary: WorkshopSummary, language: Language) -> String {
        let words = Words(language)
        let cell = ResultExporter.cell
        var lines = ["# \(words.title): \(ResultExporter.md(summary.questionnaireID))", "", words.participants(summary.participants), "", "## \(words.outcomes)", ""]
        for assessment in summary.assessments {
            lines.append("- **\(cell(assessment.title))**: " + assessment.levels.map { "\(cell(words.level($0.answer))) \($0.count)\($0.isReference ? " (\(words.reference))" : "")" }.joined(separator: ", "))
        }
        lines += ["", "## \(words.questions)", ""]
        for question in summary.questions {
            lines.append("### \(cell(question.text))")
            lines.append("")
            lines.append("\(words.agreement(question))")
            lines.append("")
            lines.append("| | |")
            lines.append("|---|---|")
            for share in question.shares {
                lines.append("| \(cell(share.answer))\(share.isReference ? " ✓" : "") | \(share.count) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    public static func html(_ summary: WorkshopSummary, language: Language) -> String {
        let words = Words(language)
        let e = ResultExporter.escapeHTML
        var body = "<h1>\(e(words.title)): \(e(summary.questionnaireID))</h1>\n<p>\(e(words.participants(summary.participants)))</p>\n<h2>\(e(words.outcomes))</h2>\n<ul>"
        for assessment in summary.assessments {
            body += "<li><strong>\(e(assessment.title))</strong>: " + assessment.levels.map { "\(e(words.level($0.answer))) \($0.count)\($0.isReference ? " ✓" : "")" }.joined(separator: ", ") + "</li>"
        }
        body += "</ul>\n<h2>\(e(words.questions))</h2>\n"
        for question in summary.questions {
            body += "<h3>\(e(question.text))</h3>\n<p>\(e(words.agreement(question)))</p>\n<table>"
            for share in question.shares {
                let percent = question.answered == 0 ? 0 : share.count * 100 / question.answered
                body += "<tr><td>\(e(share.answer))\(share.isReference ? " ✓" : "")</td><td>\(share.count)</td><td><div class=\"bar\" style=\"width:\(percent * 3)px\"></div></td></tr>"
            }
            body += "</table>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>\(e(words.title))</title>
            <style>body{font-family:sans-serif;margin:2em;font-size:1.3em}td{padding:2px 8px}.bar{background:#1d4f91;height:1em}</style>
            </head><body>
            \(body)</body></html>

            """
    }

    public static func json(_ summary: WorkshopSummary) -> JSONValue {
        func shares(_ list: [WorkshopSummary.Share]) -> JSONValue {
            .array(list.map { .object([("answer", .string($0.answer)), ("count", .integer(Int64($0.count))), ("reference", .bool($0.isReference))]) })
        }
        return .object([
            ("questionnaire", .string(summary.questionnaireID)),
            ("participants", .integer(Int64(summary.participants))),
            ("assessments", .array(summary.assessments.map {
                .object([("id", .string($0.id)), ("title", .string($0.title)), ("levels", shares($0.levels)), ("reference", $0.referenceLevel.map(JSONValue.string) ?? .null)])
            })),
            ("questions", .array(summary.questions.map {
                .object([
                    ("id", .string($0.id)), ("text", .string($0.text)), ("answered", .integer(Int64($0.answered))),
                    ("agreement", .integer(Int64($0.agreement))), ("hasReference", .bool($0.hasReference)), ("answers", shares($0.shares)),
                ])
            })),
            ("notCounted", .array(summary.skipped.map { .object([("file", .string($0.path)), ("reason", .string($0.reason))]) })),
        ])
    }
}
