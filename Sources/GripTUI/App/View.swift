import Foundation
import GripEngine
import GripResults
import GripScoring

/// Sizes the layout is built around.
public enum Layout {
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    /// From this width the live outcome stands beside the question.
    public static let sidePanelFrom = 110
    public static let sidePanelWidth = 34
}

extension App {
    /// Draws the state into a screen buffer of the state's size. Pure.
    public static func view(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        guard state.width >= Layout.minimumWidth, state.height >= Layout.minimumHeight else {
            drawTooSmall(&buffer, state)
            return buffer
        }
        switch state.screen {
        case .home(let home): drawHome(&buffer, state, home)
        case .start(let start): drawStart(&buffer, state, start)
        case .question: drawQuestion(&buffer, state)
        case .overview(let overview): drawOverview(&buffer, state, overview)
        case .outcome(let outcome): drawOutcome(&buffer, state, outcome)
        case .keySetup(let setup): drawKeySetup(&buffer, state, setup)
        case .results(let results): drawResults(&buffer, state, results)
        case .resultDetail(let detail): drawResultDetail(&buffer, state, detail)
        case .desk: drawDesk(&buffer, state)
        case .presentation(let presentation): drawPresentation(&buffer, state, presentation)
        case .workshop: drawWorkshop(&buffer, state)
        }
        if let dialog = state.dialog { drawDialog(&buffer, state, dialog) }
        return buffer
    }

    // MARK: Chrome

    static func drawTitle(_ buffer: inout ScreenBuffer, _ left: String, right: String = "") {
        buffer.fill(x: 0, y: 0, width: buffer.width, height: 1, role: .title)
        let rightWidth = TextWidth.of(right)
        buffer.write(TextWidth.truncate(" " + left, to: buffer.width - rightWidth - 2), x: 0, y: 0, role: .title)
        buffer.write(right, x: buffer.width - rightWidth - 1, y: 0, role: .title)
    }

    static func drawFooter(_ buffer: inout ScreenBuffer, _ state: AppState, _ keyMap: KeyMap) {
        let y = buffer.height - 1
        buffer.fill(x: 0, y: y, width: buffer.width, height: 1, role: .statusBar)
        var x = 1
        for (keys, help) in keyMap.footer(state.language, fitting: buffer.width) {
            let needed = TextWidth.of(keys) + 1 + TextWidth.of(help)
            if x + needed > buffer.width - 1 { break }
            x += buffer.write(keys, x: x, y: y, role: .key)
            x += 1
            x += buffer.write(help, x: x, y: y, role: .statusBar)
            x += 2
        }
        if let message = state.message {
            buffer.write(TextWidth.truncate(message.text, to: buffer.width - 2), x: 1, y: buffer.height - 2, role: message.isError ? .error : .success)
        }
    }

    static func drawTooSmall(_ buffer: inout ScreenBuffer, _ state: AppState) {
        guard buffer.width > 0, buffer.height > 0 else { return }
        let lines = TextWrap.lines(UIText.tooSmall[state.language], width: max(1, buffer.width - 2))
        let top = max(0, (buffer.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            buffer.write(line, x: max(0, (buffer.width - TextWidth.of(line)) / 2), y: top + index, role: .warning)
        }
    }

    /// A window of `count` rows that keeps `selection` in view.
    static func window(count: Int, selection: Int, height: Int) -> Range<Int> {
        guard count > height else { return 0..<count }
        let start = min(max(0, selection - height / 2), count - height)
        return start..<start + height
    }

    static func levelRole(_ level: AssessmentLevel) -> Role {
        switch level {
        case .required: .required
        case .possiblyRequired: .possiblyRequired
        case .recommended: .recommended
        case .notNeeded: .notNeeded
        }
    }

    /// A result's `completedAt` (UTC, RFC 3339) as a local date and time, so two results
    /// of one day can be told apart.
    static func localTime(_ timestamp: String, _ timeZone: TimeZone) -> String {
        ResultText.localTime(timestamp, timeZone: timeZone)
    }

    static func date(_ date: Date, _ timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "nl_NL")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    // MARK: Home

    /// The first sentence: up to a full stop followed by a space and a capital (so "art. 5"
    /// or "bijv. een" does not end it), or the whole text.
    static func firstSentence(_ text: String) -> String {
        let characters = Array(text)
        for index in characters.indices.dropLast(2) where characters[index] == "." && characters[index + 1] == " " && characters[index + 2].isUppercase {
            return String(characters[...index])
        }
        return text
    }

    static func noDrafts(_ language: Language) -> [(text: String, role: Role, item: Int?)] {
        [("", .normal, nil), (UIText.drafts[language], .heading, nil), (UIText.noDrafts[language], .muted, nil)]
    }

    static func drawHome(_ buffer: inout ScreenBuffer, _ state: AppState, _ home: HomeState) {
        let language = state.language
        drawTitle(&buffer, UIText.appTitle[language], right: UIText.language[language])
        var rows: [(text: String, role: Role, item: Int?)] = []
        let items = homeItems(state)
        rows.append((UIText.instruments[language], .heading, nil))
        for (position, item) in items.enumerated() {
            switch item {
            case .instrument(let index):
                let questionnaire = state.instruments[index]
                let minutes = questionnaire.estimatedMinutes.map { "  ~\($0) \(UIText.minutes[language])" } ?? ""
                rows.append((questionnaire.title[language] + minutes, .normal, position))
                let purpose = firstSentence(questionnaire.description[language])
                rows.append(("   " + purpose, .muted, nil))
            case .draft(let index):
                if index == 0 { rows.append(("", .normal, nil)); rows.append((UIText.drafts[language], .heading, nil)) }
                let draft = state.drafts[index]
                let title = state.instruments.first { $0.id == draft.session.questionnaireID }?.title[language] ?? draft.session.questionnaireID
                let system = draft.session.subject.system.isEmpty ? "—" : draft.session.subject.system
                var signed = state.signedDrafts[draft.id] != nil ? " · " + UIText.alreadySignedMark[language] : ""
                if draft.practiceCase != nil { signed += language == .nl ? " · ◇ oefening" : " · ◇ practice" }
                if let holder = state.draftHolders[draft.id] { signed += " · " + UIText.openedBy(holder)[language] }
                rows.append(("\(system) · \(title) · \(draft.answered)/\(draft.visible) · \(date(draft.updatedAt, state.timeZone))\(signed)", .normal, position))
            case .result(let index):
                if index == 0 {
                    // The sections keep their order: drafts (or none) before results.
                    if state.drafts.isEmpty { rows += noDrafts(language) }
                    rows.append(("", .normal, nil))
                    rows.append((UIText.recentResults[language] + (state.resultsLoading ? " — " + UIText.resultsLoading[language] : ""), .heading, nil))
                }
                let result = state.results[index]
                // The first character of the trust label: ✓ only for a trusted signer.
                let mark = result.verification.label(language).prefix(1)
                let role: Role = switch result.verification.status {
                case .validTrusted: .normal
                case .validUnknownSigner: .warning
                default: .error
                }
                rows.append(("\(mark) \(result.system) · \(result.questionnaireTitle) · \(localTime(result.completedAt, state.timeZone))", role, position))
            }
        }
        if state.results.isEmpty {
            if state.drafts.isEmpty { rows += noDrafts(language) }
            rows.append(("", .normal, nil))
            rows.append((UIText.recentResults[language], .heading, nil))
            rows.append(((state.resultsLoading ? UIText.resultsLoading : UIText.noResults)[language], .muted, nil))
        }

        let top = 2, height = buffer.height - 5
        let selectedRow = rows.firstIndex { $0.item == home.selection } ?? 0
        for (y, row) in window(count: rows.count, selection: selectedRow, height: height).enumerated() {
            let entry = rows[row]
            let selected = entry.item == home.selection && entry.item != nil
            if selected { buffer.fill(x: 1, y: top + y, width: buffer.width - 2, height: 1, role: .selected) }
            let prefix = entry.item == nil ? (entry.role == .heading ? "" : "  ") : (selected ? "› " : "  ")
            buffer.write(TextWidth.truncate(prefix + entry.text, to: buffer.width - 3), x: 1, y: top + y, role: selected ? .selected : entry.role)
        }
        let keyLine = state.signer.map { UIText.keyPresent($0.name, $0.keyID)[language] } ?? UIText.keyMissing[language]
        if state.message == nil { buffer.write(TextWidth.truncate(keyLine, to: buffer.width - 2), x: 1, y: buffer.height - 2, role: .muted) }
        // On a draft, deleting it matters more than the review desk and the workshop.
        var keyMap = KeyMaps.home
        if home.selection < items.count, case .draft = items[home.selection] {
            keyMap.bindings.removeAll { $0.action == .command("desk") || $0.action == .command("workshop") }
        } else {
            keyMap.bindings.removeAll { $0.action == .deleteItem }
        }
        drawFooter(&buffer, state, keyMap)
    }

    // MARK: Start

    static func drawFields(_ buffer: inout ScreenBuffer, labels: [String], fields: [TextEditor], focus: Int, top: Int) -> Int {
        var y = top
        let labelWidth = min(28, labels.map { TextWidth.of($0) }.max() ?? 0)
        let fieldWidth = buffer.width - labelWidth - 6
        for (index, label) in labels.enumerated() {
            buffer.write(TextWidth.truncate(label, to: labelWidth), x: 2, y: y, role: index == focus ? .focused : .normal)
            let (lines, row, column) = fields[index].layout(width: fieldWidth)
            buffer.fill(x: labelWidth + 4, y: y, width: fieldWidth, height: 1, role: .input)
            // Single-line: show the end of a long value around the cursor.
            let text = lines.count > 1 ? lines[row] : lines[0]
            buffer.write(text, x: labelWidth + 4, y: y, role: .input, limit: fieldWidth)
            if index == focus { buffer.cursor = (labelWidth + 4 + min(column, fieldWidth - 1), y) }
            y += 2
        }
        return y
    }

    static func drawStart(_ buffer: inout ScreenBuffer, _ state: AppState, _ start: StartState) {
        let language = state.language
        drawTitle(&buffer, start.questionnaire.title[language], right: start.questionnaire.estimatedMinutes.map { "~\($0) \(UIText.minutes[language])" } ?? "")
        var text = StyledLines(width: buffer.width - 4)
        text.add(start.questionnaire.description[language])
        text.blank()
        text.add(UIText.startIntro[language], role: .muted)
        let used = text.draw(into: &buffer, x: 2, y: 2, height: buffer.height - 11, scroll: 0)
        _ = drawFields(&buffer, labels: [UIText.system[language], UIText.organisation[language], UIText.assessor[language]], fields: start.fields, focus: start.focus, top: 3 + used)
        drawFooter(&buffer, state, KeyMaps.form)
    }

    // MARK: Key setup

    static func drawKeySetup(_ buffer: inout ScreenBuffer, _ state: AppState, _ setup: KeySetupState) {
        let language = state.language
        drawTitle(&buffer, UIText.keySetupTitle[language])
        var text = StyledLines(width: buffer.width - 4)
        text.add(UIText.keySetupIntro[language])
        let used = text.draw(into: &buffer, x: 2, y: 2, height: buffer.height - 9, scroll: 0)
        let y = drawFields(&buffer, labels: [UIText.name[language], UIText.organisation[language]], fields: setup.fields, focus: setup.focus, top: 3 + used)
        if let problem = setup.problem { buffer.write(TextWidth.truncate(problem, to: buffer.width - 4), x: 2, y: y, role: .error) }
        drawFooter(&buffer, state, KeyMaps.form)
    }

    // MARK: Dialogs

    static func drawDialog(_ buffer: inout ScreenBuffer, _ state: AppState, _ dialog: Dialog) {
        let language = state.language
        let width = min(buffer.width - 4, 70)
        var body = StyledLines(width: width - 4)
        let title: String
        let keys: String
        switch dialog {
        case .confirmQuit:
            title = UIText.quitTitle[language]
            body.add(UIText.quitBody[language])
            keys = UIText.quitKeys[language]
        case .hideAnswers(_, _, let hidden):
            title = UIText.hideTitle[language]
            body.add(UIText.hideBody[language])
            if let questionnaire = state.active?.session.questionnaire {
                for index in hidden { body.add("• " + questionnaire.questions[index].text[language], role: .warning, hang: 2) }
            }
            keys = UIText.hideKeys[language]
        case .settledEarly:
            title = UIText.settledTitle[language]
            body.add(UIText.settledBody[language])
            keys = UIText.settledKeys[language]
        case .deleteDraft:
            title = UIText.deleteTitle[language]
            keys = UIText.deleteKeys[language]
        case .draftAlreadySigned(_, let path):
            title = UIText.alreadySignedTitle[language]
            body.add(UIText.alreadySignedBody(path)[language])
            keys = UIText.alreadySignedKeys[language]
        case .draftInUse(_, let holder):
            title = UIText.inUseTitle[language]
            body.add(UIText.inUseBody(holder)[language])
            keys = UIText.inUseKeys[language]
        case .droppedAnswers(_, let dropped):
            title = UIText.droppedTitle[language]
            body.add(UIText.droppedBody(dropped.map(\.questionID).joined(separator: ", "))[language])
            keys = UIText.droppedKeys[language]
        }
        let height = min(buffer.height - 2, body.lines.count + 5)
        let x = (buffer.width - width) / 2, y = max(1, (buffer.height - height) / 2)
        // The screen behind a dialog is cleared, so only the question asked is read.
        buffer.fill(x: 0, y: 1, width: buffer.width, height: buffer.height - 2, role: .normal)
        buffer.fill(x: x, y: y, width: width, height: height, role: .normal)
        buffer.fill(x: x, y: y, width: width, height: 1, role: .title)
        buffer.write(TextWidth.truncate(" " + title, to: width), x: x, y: y, role: .title)
        body.draw(into: &buffer, x: x + 2, y: y + 2, height: height - 4, scroll: 0)
        buffer.write(TextWidth.truncate(keys, to: width - 4), x: x + 2, y: y + height - 1, role: .key)
        buffer.cursor = nil
    }
}
