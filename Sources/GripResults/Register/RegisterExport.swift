import Foundation
import GripEngine

/// The register overview as CSV (a row per system), Markdown, self-contained HTML or
/// JSON. Every field comes from files others wrote: escaped for its format, never a
/// formula in a spreadsheet or markup in a report.
public enum RegisterExport {
    public enum Format: String, CaseIterable, Sendable {
        case csv, markdown, html, json
    }

    public static func export(_ overview: RegisterOverview, format: Format, language: Language) -> Data {
        switch format {
        case .csv: Data(csv(overview, language: language).utf8)
        case .markdown: Data(DisplaySafety.safe(markdown(overview, language: language), keepingLineBreaks: true).utf8)
        case .html: Data(DisplaySafety.safe(html(overview, language: language), keepingLineBreaks: true).utf8)
        case .json: Data(PrettyJSON.bytes(json(overview)))
        }
    }

    struct Words {
        let nl: Bool
        init(_ language: Language) { nl = language == .nl }
        var title: String { nl ? "Register van algoritmen en AI-systemen" : "Register of algorithms and AI systems" }
        var generated: String { nl ? "Stand per" : "As of" }
        var system: String { nl ? "Systeem" : "System" }
        var organisation: String { nl ? "Organisatie" : "Organisation" }
        var instruments: String { nl ? "Instrumenten (laatste)" : "Instruments (latest)" }
        var highest: String { nl ? "Hoogste niveau" : "Highest level" }
        var levels: String { nl ? "Niveaus" : "Levels" }
        var review: String { nl ? "Beoordeling" : "Review" }
        var actions: String { nl ? "Open acties" : "Open actions" }
        var nextDue: String { nl ? "Eerstvolgende deadline" : "Next due" }
        var flags: String { nl ? "Aandachtspunten" : "Flags" }
        var notReviewed: String { nl ? "nog niet beoordeeld" : "not reviewed" }
        var problems: String { nl ? "Niet meegeteld (ongeldig of onleesbaar)" : "Not counted (invalid or unreadable)" }
        var none: String { nl ? "geen" : "none" }

        func level(_ raw: String?) -> String {
            guard let raw, let level = AssessmentLevel(rawValue: raw) else { return raw ?? "" }
            return OutcomeText.Words(nl ? .nl : .en).level(level)
        }

        func review(_ system: RegisterOverview.System) -> String {
            guard let review = system.latestReview else { return notReviewed }
            return "\(review.verdict.words(nl ? .nl : .en)) (\(review.reviewerName), \(review.reviewedAt.prefix(10)))"
        }
    }

    static func instruments(_ system: RegisterOverview.System) -> String {
        system.instruments.map { "\($0.result.questionnaireID) \($0.result.questionnaireVersion) (\($0.result.completedAt.prefix(10)))" }.joined(separator: "; ")
    }

    static func levels(_ system: RegisterOverview.System, _ words: Words) -> String {
        system.levels.map { "\($0.title): \(words.level($0.level))" }.joined(separator: "; ")
    }

    static func flags(_ system: RegisterOverview.System, _ language: Language) -> String {
        system.flags.map { $0.words(language) }.joined(separator: "; ")
    }

    // MARK: CSV

    public static func csv(_ overview: RegisterOverview, language: Language) -> String {
        let words = Words(language)
        var rows = [[
            "system", "organisation", "instruments", "highest_level", "levels", "review", "review_verdict", "open_actions",
            "next_due", "flags", "flag_codes",
        ]]
        for system in overview.systems {
            rows.append([
                system.system, system.organisation, instruments(system), system.highestLevel ?? "", levels(system, words),
                words.review(system), system.latestReview?.verdict.rawValue ?? "", String(system.openActions.count),
                system.openActions.first?.due ?? "", flags(system, language), system.flags.map(\.code).joined(separator: " "),
            ])
        }
        return rows.map { $0.map(ResultExporter.csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: Markdown

    public static func markdown(_ overview: RegisterOverview, language: Language) -> String {
        let words = Words(language)
        let cell = ResultExporter.cell
        var lines = ["# \(words.title)", "", "\(words.generated) \(overview.today)", ""]
        lines.append("| \(words.system) | \(words.organisation) | \(words.instruments) | \(words.highest) | \(words.levels) | \(words.review) | \(words.actions) | \(words.nextDue) | \(words.flags) |")
        lines.append("|---|---|---|---|---|---|---|---|---|")
        for system in overview.systems {
            let values = [
                system.system, system.organisation, instruments(system), words.level(system.highestLevel), levels(system, words), words.review(system),
                String(system.openActions.count), system.openActions.first?.due ?? "", flags(system, language),
            ]
            lines.append("| " + values.map(cell).joined(separator: " | ") + " |")
        }
        if !overview.problems.isEmpty {
            lines += ["", "## \(words.problems)", ""]
            for problem in overview.problems { lines.append("- \(ResultExporter.code(problem.path)): \(ResultExporter.md(problem.reason))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: HTML

    public static func html(_ overview: RegisterOverview, language: Language) -> String {
        let words = Words(language)
        let e = ResultExporter.escapeHTML
        var body = "<h1>\(e(words.title))</h1>\n<p>\(e(words.generated)) \(e(overview.today))</p>\n<table>\n<tr>"
        for header in [words.system, words.organisation, words.instruments, words.highest, words.levels, words.review, words.actions, words.nextDue, words.flags] {
            body += "<th>\(e(header))</th>"
        }
        body += "</tr>\n"
        for system in overview.systems {
            let values = [
                system.system, system.organisation, instruments(system), words.level(system.highestLevel), levels(system, words), words.review(system),
                String(system.openActions.count), system.openActions.first?.due ?? "", flags(system, language),
            ]
            body += "<tr>" + values.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
        }
        body += "</table>\n"
        if !overview.problems.isEmpty {
            body += "<h2>\(e(words.problems))</h2>\n<ul>" + overview.problems.map { "<li><code>\(e($0.path))</code>: \(e($0.reason))</li>" }.joined() + "</ul>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>\(e(words.title))</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}</style>
            </head><body>
            \(body)</body></html>

            """
    }

    // MARK: JSON

    public static func json(_ overview: RegisterOverview) -> JSONValue {
        .object([
            ("format", "grip-register/1"),
            ("today", .string(overview.today)),
            ("systems", .array(overview.systems.map { system in
                .object([
                    ("system", .string(system.system)),
                    ("organisation", .string(system.organisation)),
                    ("highestLevel", system.highestLevel.map(JSONValue.string) ?? .null),
                    ("levels", .object(system.levels.map { (key: $0.assessment, value: .string($0.level)) })),
                    ("instruments", .array(system.instruments.map { instrument in
                        .object([
                            ("questionnaire", .string(instrument.result.questionnaireID)),
                            ("version", .string(instrument.result.questionnaireVersion)),
                            ("resultId", .string(instrument.result.id)),
                            ("file", .string(instrument.path)),
                            ("completedAt", .string(instrument.result.completedAt)),
                            ("signer", .string(instrument.verification.claimedSigner ?? "")),
                            ("trustedSigner", .bool({ if case .validTrusted = instrument.verification.status { true } else { false } }())),
                            ("review", instrument.latestReview.map { review in
                                .object([
                                    ("verdict", .string(review.verdict.rawValue)), ("reviewer", .string(review.reviewerName)),
                                    ("reviewedAt", .string(review.reviewedAt)), ("trustedReviewer", .bool(instrument.reviewTrusted)),
                                    ("nextReview", review.nextReview.map(JSONValue.string) ?? .null),
                                ])
                            } ?? .null),
                            ("flags", .array(instrument.flags.map { .string($0.code) })),
                        ])
                    })),
                    ("earlierResults", .integer(Int64(system.earlier))),
                    ("openActions", .array(system.openActions.map { .object([("text", .string($0.text)), ("owner", .string($0.owner)), ("due", .string($0.due))]) })),
                    ("flags", .array(system.flags.map { .object([("code", .string($0.code)), ("text", .string($0.words(.en)))]) })),
                ])
            })),
            ("notCounted", .array(overview.problems.map { .object([("file", .string($0.path)), ("reason", .string($0.reason))]) })),
        ])
    }
}
