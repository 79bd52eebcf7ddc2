import Foundation
import GripEngine

/// Turns a result file into Markdown, self-contained HTML, JSON (as is) or CSV, or into
/// the fields of the Algoritmeregister publication standard.
public enum ResultExporter {
    public enum Format: String, CaseIterable, Sendable {
        case markdown, html, json, csv, algoritmeregister
    }

    /// Every format is safe to print to a terminal: control and bidi characters from the
    /// file appear as visible escapes (JSON as `\u` escapes, so it stays the same data).
    /// For `.algoritmeregister` use `AlgoritmeregisterExport`, which takes several results
    /// and refuses unverified ones; here a refused result yields only the refusal.
    public static func export(_ report: ResultReport, original: Data, format: Format) -> Data {
        switch format {
        case .markdown: Data(DisplaySafety.safe(markdown(report), keepingLineBreaks: true).utf8)
        case .html: Data(DisplaySafety.safe(html(report), keepingLineBreaks: true).utf8)
        case .json: json(original)
        case .csv: Data(csv(report).utf8)
        case .algoritmeregister: algoritmeregister(report, original: original)
        }
    }

    /// The register export of this one result, or a document that says why it is refused
    /// (never register fields from a result that does not verify).
    static func algoritmeregister(_ report: ResultReport, original: Data) -> Data {
        let document = (try? StrictJSONParser.parse(Array(original))) ?? .object([])
        do throws(AlgoritmeregisterExport.Refusal) {
            return try AlgoritmeregisterExport.data([AlgoritmeregisterExport.Input(file: "the result", document: document, verification: report.verification)])
        } catch {
            return Data(PrettyJSON.bytes(["refused": .string(error.description)]))
        }
    }

    /// The file as is, unless it holds characters that would drive a terminal: then the
    /// same JSON value re-written with those characters escaped (the signature still holds).
    static func json(_ original: Data) -> Data {
        let text = String(decoding: original, as: UTF8.self)
        let unsafe = text.unicodeScalars.contains { DisplaySafety.isUnsafe($0) && !["\n", "\r", "\t"].contains($0) }
        guard unsafe || text.utf8.count != original.count, let value = try? StrictJSONParser.parse(Array(original)) else { return original }
        return Data(PrettyJSON.bytes(value))
    }

    // MARK: Markdown

    public static func markdown(_ report: ResultReport) -> String {
        let words = ResultReport.Words(report.language)
        var lines: [String] = []
        func sourceText(_ sources: [ResultReport.Source]) -> String {
            sources.isEmpty ? "" : " (" + sources.map(\.label).joined(separator: "; ") + ")"
        }
        lines.append("# \(md(report.questionnaireTitle)): \(md(report.system))")
        lines.append("")
        if let banner = words.untrustedBanner(report.verification) {
            lines.append("> **\(md(banner))**")
            lines.append("")
        }
        lines.append("| | |")
        lines.append("|---|---|")
        lines.append("| \(words.system) | \(cell(report.system)) |")
        lines.append("| \(words.organisation) | \(cell(report.organisation)) |")
        lines.append("| \(words.assessor) | \(cell(report.assessor)) |")
        lines.append("| \(words.questionnaire) | \(cell(report.questionnaireID)) \(cell(report.questionnaireVersion)) |")
        lines.append("| \(words.completed) | \(cell(report.completedAt)) |")
        lines.append("| \(words.signature) | \(cell(words.verification(report.verification))) |")
        if let name = report.signerName {
            lines.append("| \(words.signer) | \(cell(name))\(report.signerOrganisation.map { ", " + cell($0) } ?? "") |")
        }
        if let keyID = report.verification.keyID { lines.append("| \(words.keyFingerprint) | \(code(keyID)) |") }
        lines.append("| \(words.resultID) | \(code(report.resultID)) |")
        lines.append("")
        lines.append("## \(words.outcome)")
        for assessment in report.assessments {
            lines.append("")
            lines.append("### \(cell(assessment.title)): \(cell(words.level(assessment.level)))")
            if !assessment.reasons.isEmpty {
                lines.append("")
                lines.append("\(words.reasons):")
                for reason in assessment.reasons {
                    let because = reason.answers.isEmpty ? "" : " — \(words.because): " + reason.answers.map(md).joined(separator: " · ")
                    lines.append("- \(md(reason.text))\(md(sourceText(reason.sources)))\(because)")
                }
            }
            if !assessment.openPoints.isEmpty {
                lines.append("")
                lines.append("\(words.openPoints):")
                for point in assessment.openPoints {
                    lines.append("- \(md(point.text)) — \(words.resolve): \(point.questions.map(code).joined(separator: ", "))")
                }
            }
            if let rationale = assessment.rationale { lines.append(""); lines.append("\(words.rationale): \(md(rationale))") }
            if let date = assessment.appliesFrom {
                lines.append("")
                lines.append("\(words.appliesFrom): \(cell(date))\(assessment.appliesNote.map { ". " + md($0) } ?? "")")
            }
            lines.append("")
            lines.append("**\(words.nextStep):** \(md(assessment.nextStep))")
        }
        for classification in report.classifications {
            lines.append("")
            lines.append("**\(cell(classification.title)):** \(cell(classification.headline))")
        }
        if !report.nextInstruments.isEmpty {
            lines.append("")
            lines.append("**\(words.nextInstruments):** \(report.nextInstruments.map(code).joined(separator: ", "))")
        }
        if !report.warnings.isEmpty {
            lines.append("")
            lines.append("## \(words.warnings)")
            lines.append("")
            for warning in report.warnings { lines.append("- \(md(warning.text))\(md(sourceText(warning.sources)))") }
        }
        if !report.dimensions.isEmpty {
            lines.append("")
            lines.append("## \(words.dimensions)")
            lines.append("")
            // One line per title, and a fence longer than any backtick run in them, so no
            // title can close the block.
            let titles = report.dimensions.map { $0.title.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") }
            let fence = String(repeating: "`", count: max(3, (titles.map(longestBacktickRun).max() ?? 0) + 1))
            lines.append(fence)
            let width = titles.map(\.count).max() ?? 0
            for (dimension, title) in zip(report.dimensions, titles) {
                let filled = dimension.barCells(20)
                let padded = title.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append("\(padded)  \(String(repeating: "█", count: filled))\(String(repeating: "░", count: 20 - filled))  \(dimension.value)/\(dimension.maximum)")
            }
            lines.append(fence)
        }
        lines.append("")
        lines.append("## \(words.answers)")
        for answer in report.answers where answer.shown {
            lines.append("")
            lines.append("**\(md(answer.text))**  ")
            lines.append(md(answer.answerText ?? words.notAnswered))
            if let note = answer.note { lines.append(""); lines.append("> \(words.note): \(md(note).replacingOccurrences(of: "\n", with: "\n> "))") }
        }
        let hidden = report.answers.filter { !$0.shown }
        if !hidden.isEmpty {
            lines.append("")
            lines.append("## \(words.hiddenAnswers)")
            lines.append("")
            for answer in hidden { lines.append("- \(md(answer.text)): \(md(answer.answerText ?? words.notAnswered))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes characters Markdown would read as markup, so answers stay plain text.
    static func md(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if "\\`*_{}[]<>#|!&~".unicodeScalars.contains(scalar) { escaped.unicodeScalars.append("\\") }
            escaped.unicodeScalars.append(scalar)
        }
        return escaped
    }

    /// Escaped text for one line (a table cell, a heading): line breaks become spaces.
    static func cell(_ text: String) -> String {
        String(String.UnicodeScalarView(md(text).unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }

    /// A code span that its content cannot close: delimited by more backticks than the
    /// longest run inside (CommonMark), on one line.
    static func code(_ text: String) -> String {
        let line = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
        let fence = String(repeating: "`", count: longestBacktickRun(line) + 1)
        let padding = line.hasPrefix("`") || line.hasSuffix("`") ? " " : ""
        return fence + padding + line + padding + fence
    }

    static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, current = 0
        for scalar in text.unicodeScalars {
            current = scalar == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    // MARK: HTML

    public static func html(_ report: ResultReport) -> String {
        let words = ResultReport.Words(report.language)
        func e(_ text: String) -> String { escapeHTML(text) }
        func sources(_ list: [ResultReport.Source]) -> String {
            guard !list.isEmpty else { return "" }
            return " <span class=\"src\">(" + list.map { source in
                let label = e(source.label)
                guard let url = source.url, url.hasPrefix("https://") || url.hasPrefix("http://") else { return label }
                return "<a href=\"\(e(url))\">\(label)</a>"
            }.joined(separator: "; ") + ")</span>"
        }
        var body = ""
        body += "<h1>\(e(report.questionnaireTitle)): \(e(report.system))</h1>\n"
        if let banner = words.untrustedBanner(report.verification) { body += "<p class=\"bad banner\">\(e(banner))</p>\n" }
        body += "<table class=\"meta\">\n"
        let verificationClass = report.verification.isValid ? "ok" : "bad"
        var rows: [(String, String)] = [
            (words.system, e(report.system)), (words.organisation, e(report.organisation)), (words.assessor, e(report.assessor)),
            (words.questionnaire, "\(e(report.questionnaireID)) \(e(report.questionnaireVersion))"), (words.completed, e(report.completedAt)),
            (words.signature, "<span class=\"\(verificationClass)\">\(e(words.verification(report.verification)))</span>"),
        ]
        if let name = report.signerName { rows.append((words.signer, e(name) + (report.signerOrganisation.map { ", " + e($0) } ?? ""))) }
        if let keyID = report.verification.keyID { rows.append((words.keyFingerprint, "<code>\(e(keyID))</code>")) }
        rows.append((words.resultID, "<code>\(e(report.resultID))</code>"))
        for (label, value) in rows { body += "<tr><th>\(e(label))</th><td>\(value)</td></tr>\n" }
        body += "</table>\n<h2>\(e(words.outcome))</h2>\n"
        for assessment in report.assessments {
            body += "<section class=\"assessment\">\n<h3>\(e(assessment.title)) <span class=\"level \(e(assessment.level))\">\(e(words.level(assessment.level)))</span></h3>\n"
            if !assessment.reasons.isEmpty {
                body += "<p>\(e(words.reasons)):</p><ul>" + assessment.reasons.map { reason in
                    let because = reason.answers.isEmpty ? "" : " <span class=\"src\">— \(e(words.because)): \(reason.answers.map(e).joined(separator: " · "))</span>"
                    return "<li>\(e(reason.text))\(sources(reason.sources))\(because)</li>"
                }.joined() + "</ul>\n"
            }
            if !assessment.openPoints.isEmpty {
                body += "<p>\(e(words.openPoints)):</p><ul>" + assessment.openPoints.map {
                    "<li>\(e($0.text)) — \(e(words.resolve)): \($0.questions.map { "<code>\(e($0))</code>" }.joined(separator: ", "))</li>"
                }.joined() + "</ul>\n"
            }
            if let rationale = assessment.rationale { body += "<p>\(e(words.rationale)): \(e(rationale))</p>\n" }
            if let date = assessment.appliesFrom { body += "<p>\(e(words.appliesFrom)): \(e(date))\(assessment.appliesNote.map { ". " + e($0) } ?? "")</p>\n" }
            body += "<p><strong>\(e(words.nextStep)):</strong> \(e(assessment.nextStep))</p>\n</section>\n"
        }
        for classification in report.classifications {
            body += "<p><strong>\(e(classification.title)):</strong> \(e(classification.headline))</p>\n"
        }
        if !report.nextInstruments.isEmpty {
            body += "<p><strong>\(e(words.nextInstruments)):</strong> \(report.nextInstruments.map { "<code>\(e($0))</code>" }.joined(separator: ", "))</p>\n"
        }
        if !report.warnings.isEmpty {
            body += "<h2>\(e(words.warnings))</h2>\n<ul class=\"warnings\">" + report.warnings.map { "<li>\(e($0.text))\(sources($0.sources))</li>" }.joined() + "</ul>\n"
        }
        if !report.dimensions.isEmpty {
            body += "<h2>\(e(words.dimensions))</h2>\n<table class=\"chart\">\n"
            for dimension in report.dimensions {
                let percent = dimension.barCells(100)
                body += "<tr><th>\(e(dimension.title))</th><td><div class=\"bar\"><div style=\"width: \(percent)%\"></div></div></td><td>\(dimension.value)/\(dimension.maximum)</td></tr>\n"
            }
            body += "</table>\n"
        }
        body += "<h2>\(e(words.answers))</h2>\n<dl class=\"answers\">\n"
        for answer in report.answers where answer.shown {
            body += "<dt>\(e(answer.text))</dt><dd>\(e(answer.answerText ?? words.notAnswered))"
            if let note = answer.note { body += "<div class=\"note\">\(e(words.note)): \(e(note))</div>" }
            body += "</dd>\n"
        }
        body += "</dl>\n"
        let hidden = report.answers.filter { !$0.shown }
        if !hidden.isEmpty {
            body += "<h2>\(e(words.hiddenAnswers))</h2>\n<ul>" + hidden.map { "<li>\(e($0.text)): \(e($0.answerText ?? words.notAnswered))</li>" }.joined() + "</ul>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(e(report.language == "en" ? "en" : "nl"))">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>\(e(report.questionnaireTitle)): \(e(report.system))</title>
            <style>
            body { font: 11pt/1.45 system-ui, sans-serif; max-width: 48em; margin: 2em auto; padding: 0 1em; color: #111; }
            h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #999; margin-top: 1.6em; }
            table.meta th { text-align: left; padding-right: 1em; vertical-align: top; }
            .level { font-size: .8em; padding: .1em .5em; border: 1px solid #333; border-radius: .3em; }
            .level.required { background: #fdd; } .level.possibly-required { background: #fec; }
            .level.recommended { background: #ffd; } .level.not-needed { background: #dfd; }
            .ok { color: #060; } .bad { color: #a00; font-weight: bold; }
            .src { color: #555; font-size: .9em; }
            .chart th { text-align: left; padding-right: 1em; } .chart td { padding: .15em .5em; }
            .bar { width: 14em; height: .9em; border: 1px solid #333; } .bar div { height: 100%; background: #345; }
            dt { font-weight: bold; margin-top: .8em; } dd { margin-left: 1em; white-space: pre-wrap; }
            .note { color: #444; font-style: italic; }
            section.assessment { break-inside: avoid; }
            @media print { body { margin: 0; max-width: none; } a { color: inherit; } .bar div { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    // MARK: CSV

    /// One row per answer (RFC 4180). Cells that a spreadsheet would run as a formula
    /// get a leading apostrophe.
    public static func csv(_ report: ResultReport) -> String {
        // Every row says whether the file verified, so no row of a tampered file reads as genuine.
        let verification = csvStatus(report.verification)
        var rows = [["question", "section", "type", "visibility", "question_text", "value", "answer_text", "note", "verification"]]
        for answer in report.answers {
            rows.append([
                answer.question, answer.section, answer.type, answer.shown ? "shown" : "hidden", answer.text,
                answer.value ?? "", answer.answerText ?? "", answer.note ?? "", verification,
            ])
        }
        return rows.map { $0.map(csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func csvStatus(_ report: VerificationReport) -> String {
        if report.isPractice, report.isValid { return "PRACTICE" }
        switch report.status {
        case .validTrusted: return "valid-trusted"
        case .validUnknownSigner: return "valid-unknown-signer"
        case .invalid: return "INVALID"
        case .malformed: return "MALFORMED"
        case .unsigned: return "UNSIGNED"
        }
    }

    /// One CSV field. Control and bidi characters become visible escapes (line breaks
    /// stay); a field a spreadsheet could read as a formula gets a leading apostrophe; any
    /// field with a line break, comma or quote is quoted. Checked per Unicode scalar: Swift
    /// sees CR LF as one Character, and "=" with a combining mark as one too.
    static func csvCell(_ value: String) -> String {
        var text = DisplaySafety.safe(value, keepingLineBreaks: true)
        if startsLikeFormula(text), Int(text) == nil { text = "'" + text }
        guard text.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// True when the field, read the way a spreadsheet normalises it (full-width forms
    /// folded, leading spaces and invisible format characters skipped), starts with a
    /// formula character, or starts with a tab or line break.
    static func startsLikeFormula(_ text: String) -> Bool {
        let folded = text.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? text
        for scalar in folded.unicodeScalars {
            if "\t\r\n".unicodeScalars.contains(scalar) { return true }
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .format { continue }
            return "=+-@".unicodeScalars.contains(scalar) || scalar == "\u{FF1D}" || scalar == "\u{FE66}"
        }
        return false
    }
}
