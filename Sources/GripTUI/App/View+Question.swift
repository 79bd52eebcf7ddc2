import GripEngine
import GripResults
import GripScoring

extension App {
    static func drawQuestion(_ buffer: inout ScreenBuffer, _ state: AppState) {
        guard let active = state.active, let question = active.session.currentQuestion else { return }
        let language = state.language
        let session = active.session
        let questionnaire = session.questionnaire
        let visible = session.visibleIndices
        let position = (visible.firstIndex(of: session.cursor) ?? 0) + 1
        // Progress by part: the number of parts is fixed, so moving on never shows less
        // progress, even when an answer makes more questions appear.
        let part = question.sectionIndex
        let parts = max(1, questionnaire.sections.count)
        let counter = UIText.partAndQuestion(part + 1, parts, position)[language] + (active.readOnly ? " · " + UIText.readOnly[language] : "")
        drawTitle(&buffer, practiceMark(state) + "\(questionnaire.title[language]) — \(session.subject.system)", right: counter)

        let barWidth = buffer.width - 2
        // Within a part, the place among all its questions (shown or not): that only grows
        // while moving forward.
        let allInPart = questionnaire.questions.indices.filter { questionnaire.questions[$0].sectionIndex == part }
        let withinPart = allInPart.isEmpty ? 0 : (allInPart.firstIndex(of: session.cursor) ?? 0) * barWidth / (allInPart.count * parts)
        let filled = min(barWidth, part * barWidth / parts + withinPart)
        buffer.fill(x: 1, y: 1, width: filled, height: 1, character: "█", role: .barFilled)
        buffer.fill(x: 1 + filled, y: 1, width: barWidth - filled, height: 1, character: "░", role: .barEmpty)

        let sidePanel = buffer.width >= Layout.sidePanelFrom
        let mainWidth = sidePanel ? buffer.width - Layout.sidePanelWidth - 1 : buffer.width
        let contentWidth = mainWidth - 4
        let bottom = buffer.height - 2  // message line and footer below
        var y = 3
        buffer.write(TextWidth.truncate(questionnaire.sections[question.sectionIndex].title[language], to: contentWidth), x: 2, y: y, role: .heading)
        y += 2
        for line in TextWrap.lines(question.text[language], width: contentWidth) where y < bottom {
            buffer.write(line, x: 2, y: y, role: .focused)
            y += 1
        }
        if active.prefilled.contains(session.cursor) && y < bottom {
            buffer.write(TextWidth.truncate(UIText.prefilled[language], to: contentWidth), x: 2, y: y, role: .muted)
            y += 1
        }
        y += 1

        // Space below the input: problem (1), note label + field (2..4), help (rest).
        let noteRows = active.focus == .note ? 3 : 1
        let helpRows = active.helpVisible ? max(4, (bottom - y) / 2) : 0
        // At least four rows: a long list then shows two options between its "more" lines.
        let inputLimit = max(4, bottom - y - (active.problem == nil ? 0 : 1) - 2 - noteRows - helpRows)
        y = drawInput(&buffer, active, question, language: language, x: 2, y: y, width: contentWidth, height: inputLimit)
        if let problem = active.problem, y < bottom {
            for line in TextWrap.lines("⚠ " + problem, width: contentWidth).prefix(2) where y < bottom {
                buffer.write(line, x: 2, y: y, role: .error)
                y += 1
            }
        }
        y += 1
        if y < bottom {
            buffer.write(UIText.note[language], x: 2, y: y, role: active.focus == .note ? .focused : .muted)
            y += 1
            let (lines, cursorRow, cursorColumn) = active.note.layout(width: contentWidth - 2)
            let first = max(0, cursorRow - noteRows + 1)
            for row in 0..<noteRows where y + row < bottom {
                buffer.write("›", x: 2, y: y + row, role: active.focus == .note ? .focused : .muted)
                buffer.fill(x: 4, y: y + row, width: contentWidth - 2, height: 1, role: .input)
                if first + row < lines.count { buffer.write(lines[first + row], x: 4, y: y + row, role: .input, limit: contentWidth - 2) }
            }
            if active.focus == .note { buffer.cursor = (4 + cursorColumn, y + cursorRow - first) }
            y += noteRows + 1
        }
        if active.helpVisible && y < bottom {
            drawHelp(&buffer, active, question, language: language, x: 2, y: y, width: contentWidth, height: bottom - y)
        }
        if sidePanel {
            drawLiveOutcome(&buffer, active, language: language, x: mainWidth + 1, y: 3, width: Layout.sidePanelWidth - 1, height: bottom - 3)
        } else if active.outcomeVisible {
            // Narrow screens: the live outcome covers the lower part when asked for.
            let top = max(3, bottom - 10)
            buffer.fill(x: 0, y: top, width: buffer.width, height: bottom - top, role: .normal)
            drawLiveOutcome(&buffer, active, language: language, x: 2, y: top, width: buffer.width - 4, height: bottom - top)
        }
        drawFooter(&buffer, state, questionKeyMap(active))
    }

    /// Draws the input for the question; returns the next free row.
    static func drawInput(_ buffer: inout ScreenBuffer, _ active: ActiveAssessment, _ question: Question, language: Language, x: Int, y: Int, width: Int, height: Int) -> Int {
        let focused = active.focus == .answer
        switch active.input {
        case .choice(let highlight, let chosen):
            let rows = question.choiceRows
            let multi = question.type == .multi
            var row = y
            // A list longer than the room scrolls with the cursor, and says what is hidden.
            let scrolling = rows.count > height && height >= 3
            let visible = window(count: rows.count, selection: highlight, height: scrolling ? height - 2 : height)
            if scrolling {
                let above = visible.lowerBound
                buffer.write(above > 0 ? "  ▲ " + UIText.moreAbove(above)[language] : "", x: x, y: row, role: .muted)
                row += 1
            }
            for index in visible {
                let mark = chosen.contains(rows[index].id) ? (multi ? "[x]" : "(•)") : (multi ? "[ ]" : "( )")
                let isHighlighted = index == highlight && focused
                let number = (isHighlighted ? "› " : "  ") + (ChoiceKeys.label(index).map { "\($0) " } ?? "  ")
                if isHighlighted { buffer.fill(x: x, y: row, width: width, height: 1, role: .selected) }
                buffer.write(TextWidth.truncate("\(number)\(mark) \(rows[index].label[language])", to: width), x: x, y: row, role: isHighlighted ? .selected : (chosen.contains(rows[index].id) ? .focused : .normal))
                row += 1
            }
            if scrolling {
                let below = rows.count - visible.upperBound
                buffer.write(below > 0 ? "  ▼ " + UIText.moreBelow(below)[language] : "", x: x, y: row, role: .muted)
                row += 1
            }
            return row
        case .field(let editor, let unknownHighlighted, let unknownChosen):
            var row = y
            let fieldRows = editor.isMultiline ? max(1, min(5, height - (question.allowsUnknown ? 1 : 0))) : 1
            let (lines, cursorRow, cursorColumn) = editor.layout(width: width - 2)
            let first = max(0, cursorRow - fieldRows + 1)
            for offset in 0..<fieldRows {
                buffer.write("›", x: x, y: row + offset, role: focused && !unknownHighlighted ? .focused : .muted)
                buffer.fill(x: x + 2, y: row + offset, width: width - 2, height: 1, role: .input)
                if first + offset < lines.count { buffer.write(lines[first + offset], x: x + 2, y: row + offset, role: .input, limit: width - 2) }
            }
            if focused && !unknownHighlighted { buffer.cursor = (x + 2 + cursorColumn, row + cursorRow - first) }
            row += fieldRows
            // The unit follows the text (which starts after "› "), never over it.
            if let unit = question.unit?[language], !editor.isMultiline {
                let column = 2 + TextWidth.of(editor.text) + 1
                if column + TextWidth.of(unit) <= width { buffer.write(unit, x: x + column, y: row - 1, role: .muted) }
            }
            if question.type == .number, question.minimum != nil || question.maximum != nil {
                let range = "\(question.minimum.map(String.init) ?? "…")–\(question.maximum.map(String.init) ?? "…")"
                buffer.write(range, x: x, y: row, role: .muted)
                row += 1
            }
            if question.allowsUnknown {
                let role: Role = unknownHighlighted && focused ? .selected : (unknownChosen ? .focused : .normal)
                buffer.write("\(unknownChosen ? "(•)" : "( )") \(UIText.unknown[language])", x: x, y: row, role: role)
                row += 1
            }
            return row
        case .scale(let value, let unknownChosen):
            let minimum = question.minimum ?? 0, maximum = question.maximum ?? 10
            var column = x
            if let label = question.minimumLabel?[language] { column += buffer.write(label + " ", x: column, y: y, role: .muted) }
            for number in minimum...maximum {
                let text = " \(number) "
                if column + TextWidth.of(text) > x + width { break }
                column += buffer.write(text, x: column, y: y, role: value == number ? .selected : .normal)
            }
            if let label = question.maximumLabel?[language] { buffer.write(" " + label, x: column, y: y, role: .muted) }
            var row = y + 1
            if question.allowsUnknown {
                buffer.write("\(unknownChosen ? "(•)" : "( )") \(UIText.unknown[language])", x: x, y: row, role: unknownChosen ? .focused : .normal)
                row += 1
            }
            return row
        }
    }

    /// The help text, per-option explanations and sources of a question, wrapped.
    static func helpLines(_ question: Question, language: Language, width: Int) -> StyledLines {
        var lines = StyledLines(width: width)
        lines.add(question.help?[language] ?? UIText.noHelp[language])
        let explained = question.options.filter { $0.explain != nil }
        if !explained.isEmpty { lines.blank() }
        for option in explained {
            lines.add("• \(option.label[language]): \(option.explain![language])", hang: 2)
        }
        if !question.sources.isEmpty {
            lines.blank()
            lines.add(UIText.sources[language], role: .heading)
            for source in question.sources {
                let text = [source.title[language], source.article].compactMap { $0 }.joined(separator: " ")
                lines.add("• " + text + (source.url.map { " — " + $0 } ?? ""), role: .muted, hang: 2)
            }
        }
        return lines
    }

    static func drawHelp(_ buffer: inout ScreenBuffer, _ active: ActiveAssessment, _ question: Question, language: Language, x: Int, y: Int, width: Int, height: Int) {
        guard height > 1 else { return }
        let lines = helpLines(question, language: language, width: width)
        let scroll = min(active.helpScroll, max(0, lines.lines.count - (height - 1)))
        let more = lines.lines.count > scroll + height - 1 ? " ↓" : ""
        buffer.write(TextWidth.truncate("── \(UIText.helpTitle[language])\(more) " + String(repeating: "─", count: width), to: width), x: x, y: y, role: active.focus == .help ? .focused : .muted)
        lines.draw(into: &buffer, x: x, y: y + 1, height: height - 1, scroll: scroll)
    }

    static func drawLiveOutcome(_ buffer: inout ScreenBuffer, _ active: ActiveAssessment, language: Language, x: Int, y: Int, width: Int, height: Int) {
        let outcome = Scorer.outcome(for: active.session)
        let provisional = Scorer.outcome(for: active.session.questionnaire, answers: ProvisionalAnswers(session: active.session))
        let words = OutcomeText.Words(language)
        buffer.write(TextWidth.truncate(UIText.liveOutcome[language], to: width), x: x, y: y, role: .heading)
        var row = y + 2
        for (assessment, settled) in zip(outcome.assessments, provisional.assessments) where row < y + height {
            buffer.write(TextWidth.truncate(assessment.title[language], to: width), x: x, y: row, role: .normal)
            row += 1
            guard row < y + height else { break }
            // Before the answers that matter are in, "not needed" would be premature.
            let text: String, role: Role
            if settled.isSettled {
                (text, role) = (words.level(settled.level) + " (\(UIText.settled[language]))", levelRole(settled.level))
            } else if assessment.level == .notNeeded {
                (text, role) = (UIText.notYetDetermined[language], .muted)
            } else {
                (text, role) = (words.level(assessment.level) + " (\(UIText.provisional[language]))", levelRole(assessment.level))
            }
            buffer.write(TextWidth.truncate("  " + text, to: width), x: x, y: row, role: role)
            row += 1
        }
    }
}
