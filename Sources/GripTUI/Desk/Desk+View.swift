import Foundation
import GripEngine
import GripResults

extension App {
    static func drawDesk(_ buffer: inout ScreenBuffer, _ state: AppState) {
        guard let desk = state.desk else { return }
        switch desk.mode {
        case .list: drawDeskList(&buffer, state, desk)
        case .system(let key, let scroll): drawDeskText(&buffer, state, title: systemTitle(desk, key, state.language), lines: systemLines(desk, key, state), scroll: scroll)
        case .diff(let lines, let scroll):
            drawDeskText(&buffer, state, title: state.language == .nl ? "Verschil met de vorige beoordeling" : "Changes since the previous assessment", lines: lines.map { ($0, .normal) }, scroll: scroll)
        case .problems(let scroll):
            let lines = (desk.data?.problems ?? []).flatMap { problem -> [(String, Role)] in
                [(problem.path, .error), ("  " + (VerificationReport.Status.invalid(problem.reason).reason(state.language) ?? problem.reason), .normal)]
            }
            drawDeskText(&buffer, state, title: state.language == .nl ? "Niet meegeteld: ongeldig of onleesbaar" : "Not counted: invalid or unreadable", lines: lines, scroll: scroll)
        case .countersign(let form): drawCountersign(&buffer, state, form)
        }
    }

    private static func deskWords(_ language: Language) -> (title: String, loading: String, cached: (Int, Int) -> String, empty: String, noMatch: String) {
        language == .nl
            ? ("Beoordelen", "bestanden controleren…", { "\($0) van \($1) statussen uit de index (r: opnieuw)" }, "Geen resultaten in deze mappen.", "Geen resultaten met dit filter (x: filters weg).")
            : ("Review desk", "verifying files…", { "\($0) of \($1) statuses from the index (r: reload)" }, "No results in these folders.", "No results match this filter (x: clear filters).")
    }

    static func drawDeskList(_ buffer: inout ScreenBuffer, _ state: AppState, _ desk: DeskState) {
        let language = state.language
        let words = deskWords(language)
        let rows = desk.data?.rows ?? []
        let shown = desk.visible.count
        var right = desk.loading ? words.loading : (rows.count == shown ? "\(rows.count)" : "\(shown)/\(rows.count)")
        if let problems = desk.data?.problems.count, problems > 0 { right += language == .nl ? "  ✗ \(problems) ongeldig (!)" : "  ✗ \(problems) invalid (!)" }
        drawTitle(&buffer, "\(words.title): \(desk.directories.joined(separator: ", "))", right: right)

        // The line under the title: filters, search and order, or where statuses came from.
        var parts: [String] = []
        let nl = language == .nl
        if let instrument = desk.filter.instrument { parts.append("instrument=\(instrument)") }
        if let level = desk.filter.level { parts.append((nl ? "niveau=" : "level=") + OutcomeText.Words(language).level(level)) }
        if let trust = desk.filter.trust { parts.append((nl ? "vertrouwen=" : "trust=") + trustWord(trust, language)) }
        if let review = desk.filter.review { parts.append((nl ? "beoordeling=" : "review=") + reviewWord(review, language)) }
        let order = "\(nl ? "sortering" : "sorted by"): \(desk.column.title(language)) \(desk.reversed == (desk.column == .date) ? "↑" : "↓")"
        var status = parts.isEmpty ? order : "\(nl ? "filter" : "filter"): \(parts.joined(separator: ", "))  \(order)"
        if let data = desk.data, data.fromCache > 0 { status += "  ·  " + words.cached(data.fromCache, data.files) }
        buffer.write(TextWidth.truncate(status, to: buffer.width - 4), x: 2, y: 1, role: .muted)
        if let search = desk.search {
            let label = nl ? "Zoeken: " : "Search: "
            buffer.write(label, x: 2, y: 2, role: .key)
            buffer.write(search.text, x: 2 + TextWidth.of(label), y: 2, role: .input, limit: buffer.width - 4 - TextWidth.of(label))
            buffer.cursor = (min(buffer.width - 2, 2 + TextWidth.of(label) + TextWidth.of(search.text)), 2)
        } else {
            // The filter keys, which the footer has no room for.
            var legend = nl
                ? "i instrument · n niveau · v vertrouwen · b beoordeling · x filters weg · r opnieuw"
                : "i instrument · n level · v trust · b review · x clear filters · r reload"
            if !desk.filter.text.isEmpty { legend = (nl ? "Zoeken: " : "Search: ") + desk.filter.text + "  ·  " + legend }
            buffer.write(TextWidth.truncate(legend, to: buffer.width - 4), x: 2, y: 2, role: .muted)
        }

        // Columns: fixed widths for the short ones, the rest for system (and organisation
        // when there is room). Narrow screens drop the organisation and shorten the date.
        let wide = buffer.width >= 110
        let dateWidth = wide ? 16 : 10, instrumentWidth = wide ? 11 : 10, levelWidth = wide ? 18 : 11
        let trustWidth = wide ? min(28, max(14, buffer.width / 6)) : 14, reviewWidth = wide ? 13 : 9, flagWidth = wide ? 2 : 1
        var columns: [DeskColumn] = [.date, .system, .organisation, .instrument, .level, .signer, .review]
        if !wide { columns.removeAll { $0 == .organisation } }
        let fixed = dateWidth + instrumentWidth + levelWidth + trustWidth + reviewWidth + flagWidth + columns.count + 2
        let shared = max(10, buffer.width - fixed)
        let systemWidth = wide ? shared * 3 / 5 : shared, organisationWidth = shared - systemWidth
        let widths = (wide ? [dateWidth, systemWidth, organisationWidth] : [dateWidth, systemWidth]) + [instrumentWidth, levelWidth, trustWidth, reviewWidth, flagWidth]
        func cells(_ values: [String]) -> String {
            zip(values, widths).map { value, width in
                let cut = TextWidth.truncate(value, to: width)
                return cut + String(repeating: " ", count: max(0, width - TextWidth.of(cut)))
            }.joined(separator: " ")
        }
        let headers = columns.map { column -> String in
            let title = column.title(language)
            return column == desk.column ? title.uppercased() : title
        } + ["⚑"]
        buffer.write(cells(headers), x: 1, y: 3, role: .heading, limit: buffer.width - 2)
        let top = 4, height = buffer.height - top - 2
        if desk.visible.isEmpty, !desk.loading {
            buffer.write(rows.isEmpty ? words.empty : words.noMatch, x: 2, y: top, role: .muted)
        }
        let levelX = 1 + widths.prefix(wide ? 4 : 3).reduce(0, +) + (wide ? 4 : 3)
        let trustX = levelX + levelWidth + 1
        for (offset, position) in window(count: desk.visible.count, selection: desk.selection, height: height).enumerated() {
            let row = rows[desk.visible[position]]
            let selected = position == desk.selection
            let y = top + offset
            if selected { buffer.fill(x: 0, y: y, width: buffer.width, height: 1, role: .selected) }
            let level = row.result.highestLevel.flatMap(AssessmentLevel.init(rawValue:))
            let levelText = level.map { OutcomeText.Words(language).level($0) } ?? "—"
            var values = [wide ? row.localTime : String(row.localTime.prefix(10)), row.result.system]
            if wide { values.append(row.result.organisation) }
            values += [
                row.result.questionnaireID, levelText, row.entry.verification.label(language),
                row.verdict.map { $0.words(language) } ?? "—", row.entry.flags.isEmpty ? "" : (wide ? "\(row.entry.flags.count)" : "⚑"),
            ]
            buffer.write(cells(values), x: 1, y: y, role: selected ? .selected : .normal, limit: buffer.width - 2)
            guard !selected else { continue }
            // Colour where it carries meaning: the level, and trust (green only when trusted).
            if let level { buffer.write(TextWidth.truncate(levelText, to: levelWidth), x: levelX, y: y, role: levelRole(level)) }
            buffer.write(TextWidth.truncate(row.entry.verification.label(language), to: trustWidth), x: trustX, y: y, role: verificationRole(row.entry.verification))
            if !row.entry.flags.isEmpty {
                buffer.write(wide ? "\(row.entry.flags.count)" : "⚑", x: trustX + trustWidth + reviewWidth + 2, y: y, role: .warning)
            }
        }
        // The selected result's flags in words, where there is room.
        if let row = desk.selectedRow, !row.entry.flags.isEmpty, state.message == nil {
            let text = "⚑ " + row.entry.flags.map { $0.words(language) }.joined(separator: "; ")
            buffer.write(TextWidth.truncate(text, to: buffer.width - 4), x: 2, y: buffer.height - 2, role: .warning)
        }
        drawFooter(&buffer, state, desk.search == nil ? KeyMaps.desk : KeyMaps.deskSearch)
    }

    static func trustWord(_ trust: DeskRow.Trust, _ language: Language) -> String {
        switch (trust, language) {
        case (.trusted, .nl): "vertrouwd"
        case (.trusted, .en): "trusted"
        case (.unknown, .nl): "onbekend"
        case (.unknown, .en): "unknown"
        case (.impostor, .nl): "naam van een ander"
        case (.impostor, .en): "borrowed name"
        }
    }

    static func reviewWord(_ review: String, _ language: Language) -> String {
        guard let verdict = Review.Verdict(rawValue: review) else { return language == .nl ? "niet beoordeeld" : "not reviewed" }
        return verdict.words(language)
    }

    static func drawDeskText(_ buffer: inout ScreenBuffer, _ state: AppState, title: String, lines: [(String, Role)], scroll: Int) {
        drawTitle(&buffer, title)
        var text = StyledLines(width: buffer.width - 4)
        for (line, role) in lines {
            if line.isEmpty { text.blank() } else { text.add(line, role: role, indent: line.prefix { $0 == " " }.count) }
        }
        let height = buffer.height - 4
        let top = min(scroll, max(0, text.lines.count - height))
        text.draw(into: &buffer, x: 2, y: 2, height: height, scroll: top)
        drawFooter(&buffer, state, KeyMaps.deskReading)
    }

    private static func systemTitle(_ desk: DeskState, _ key: String, _ language: Language) -> String {
        let row = desk.data?.rows.first { $0.systemKey == key }
        return "\(row?.result.system ?? "?") — \(row?.result.organisation ?? "")"
    }

    /// One system: its assessments per instrument (newest first, earlier versions below),
    /// then everything still to do: review actions, open points and "weet ik niet" answers.
    static func systemLines(_ desk: DeskState, _ key: String, _ state: AppState) -> [(String, Role)] {
        let language = state.language
        let nl = language == .nl
        let rows = (desk.data?.rows ?? []).filter { $0.systemKey == key }
        let order = state.instruments.map(\.id)
        let instruments = Set(rows.map(\.result.questionnaireID)).sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
        var lines: [(String, Role)] = []
        var actions: [(String, Role)] = []
        let today = today(state)
        for id in instruments {
            let versions = rows.filter { $0.result.questionnaireID == id }.sorted { $0.result.completedAt > $1.result.completedAt }
            guard let latest = versions.first else { continue }
            lines.append(("■ \(latest.result.questionnaireTitle.isEmpty ? id : latest.result.questionnaireTitle) \(latest.result.questionnaireVersion)", .heading))
            for (index, row) in versions.enumerated() {
                let level = row.result.highestLevel.flatMap(AssessmentLevel.init(rawValue:)).map { OutcomeText.Words(language).level($0) } ?? "—"
                let review = row.entry.latestReview.map { "\($0.verdict.words(language)) (\($0.reviewerName), \($0.reviewedAt.prefix(10)))" } ?? (nl ? "niet beoordeeld" : "not reviewed")
                let prefix = index == 0 ? "  " : "  \(nl ? "eerder" : "earlier"): "
                lines.append(("\(prefix)\(row.localTime) · \(nl ? "hoogste niveau" : "highest level") \(level) · \(row.entry.verification.label(language)) · \(review)", index == 0 ? .normal : .muted))
                guard index == 0 else { continue }
                for assessment in row.result.assessments {
                    let words = AssessmentLevel(rawValue: assessment.level).map { OutcomeText.Words(language).level($0) } ?? assessment.level
                    lines.append(("    \(assessment.title.isEmpty ? assessment.id : assessment.title): \(words)", .normal))
                }
                for flag in row.entry.flags { lines.append(("    ⚑ \(flag.words(language))", .warning)) }
                for action in row.entry.latestReview?.actions ?? [] {
                    actions.append(("  • \(action.text) — \(action.owner), \(nl ? "uiterlijk" : "due") \(action.due)", action.due < today ? .warning : .normal))
                }
                for point in row.result.openPoints { actions.append(("  • \(nl ? "Open punt" : "Open point") (\(id)): \(point)", .normal)) }
                for question in row.result.unknownAnswers { actions.append(("  • \(nl ? "Weet ik niet" : "Don't know") (\(id)): \(question)", .normal)) }
            }
            lines.append(("", .normal))
        }
        lines.append((nl ? "Te doen" : "To do", .heading))
        lines += actions.isEmpty ? [(nl ? "  Niets openstaand." : "  Nothing open.", .muted)] : actions
        return lines
    }

    static func today(_ state: AppState) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = state.timeZone
        return formatter.string(from: Date())
    }

    static func drawCountersign(_ buffer: inout ScreenBuffer, _ state: AppState, _ form: CountersignForm) {
        let language = state.language
        let nl = language == .nl
        drawTitle(&buffer, (nl ? "Beoordeling ondertekenen: " : "Sign a review: ") + form.system)
        let labels = form.labels(language)
        // The verdict, then the fields two rows apart, scrolled so the focused one shows.
        let rowsAvailable = max(1, (buffer.height - 9) / 2)
        let fieldFocus = form.focus - 1
        let start = max(0, min(fieldFocus - rowsAvailable + 1, form.fields.count - rowsAvailable))
        var y = 2
        if start == 0 {
            buffer.write(labels[0], x: 2, y: y, role: form.focus == 0 ? .focused : .normal)
            var x = 2
            for (index, verdict) in Review.Verdict.allCases.enumerated() {
                let text = "\(index + 1) \(verdict.words(language))"
                let chosen = verdict == form.verdict
                buffer.write((chosen ? "◉ " : "○ ") + text, x: x, y: y + 1, role: chosen ? .success : (form.focus == 0 ? .key : .normal), limit: buffer.width - x - 1)
                x += TextWidth.of(text) + 4
            }
            if form.focus == 0 { buffer.cursor = (2, y + 1) }
            y += 3
        } else if let verdict = form.verdict {
            buffer.write("\(labels[0]): \(verdict.words(language))  ▲", x: 2, y: y, role: .muted)
            y += 2
        }
        let shown = Array(start..<min(form.fields.count, start + rowsAvailable))
        _ = drawFields(
            &buffer, labels: shown.map { labels[$0 + 1] }, fields: shown.map { form.fields[$0] },
            focus: shown.firstIndex(of: fieldFocus) ?? -1, top: y)
        if let last = shown.last, last < form.fields.count - 1 {
            buffer.write(nl ? "▼ meer velden (Tab) · datums als JJJJ-MM-DD" : "▼ more fields (Tab) · dates as YYYY-MM-DD", x: 2, y: buffer.height - 3, role: .key)
        } else {
            let note = nl
                ? "Datums als JJJJ-MM-DD. Met uw sleutel ondertekend en naast het resultaat bewaard; het resultaat blijft ongewijzigd."
                : "Dates as YYYY-MM-DD. Signed with your key and saved beside the result; the result itself is not changed."
            buffer.write(TextWidth.truncate(form.saving ? (nl ? "Ondertekenen…" : "Signing…") : note, to: buffer.width - 4), x: 2, y: buffer.height - 3, role: .muted)
        }
        drawFooter(&buffer, state, KeyMaps.deskCountersign)
    }
}
