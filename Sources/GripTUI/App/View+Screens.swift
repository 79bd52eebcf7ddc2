import GripEngine
import GripResults
import GripScoring

extension App {
    // MARK: Overview

    static func drawOverview(_ buffer: inout ScreenBuffer, _ state: AppState, _ overview: OverviewState) {
        guard let active = state.active else { return }
        let language = state.language
        let session = active.session
        let confirmed = session.progress.answered - active.prefilled.filter { session.isVisible($0) && session.answer(at: $0) != nil }.count
        drawTitle(&buffer, practiceMark(state) + UIText.overviewTitle[language], right: "\(confirmed)/\(session.progress.visible)")
        let visible = session.visibleIndices
        let missing = Set(session.missingRequired)
        let top = 2, height = buffer.height - 4
        for (y, row) in window(count: visible.count, selection: overview.selection, height: height).enumerated() {
            let index = visible[row]
            let question = session.questionnaire.questions[index]
            let answer = session.answer(at: index).map { question.describe($0, language: language) }
            // A suggestion from another questionnaire is not an answer until confirmed.
            let mark = missing.contains(index) ? "!" : (answer == nil ? "·" : (active.prefilled.contains(index) ? "?" : "✓"))
            let selected = row == overview.selection
            let questionWidth = (buffer.width - 8) * 3 / 5
            var answerText = missing.contains(index) ? UIText.missing[language] : (answer ?? UIText.notAnswered[language])
            if answer != nil && active.prefilled.contains(index) { answerText += " (" + UIText.suggestedMark[language] + ")" }
            if selected { buffer.fill(x: 1, y: top + y, width: buffer.width - 2, height: 1, role: .selected) }
            let role: Role = selected ? .selected : (missing.contains(index) ? .error : .normal)
            buffer.write("\(mark) \(row + 1).", x: 1, y: top + y, role: role)
            buffer.write(TextWidth.truncate(question.text[language], to: questionWidth), x: 7, y: top + y, role: role)
            buffer.write(TextWidth.truncate(answerText.replacingOccurrences(of: "\n", with: " "), to: buffer.width - questionWidth - 10), x: 8 + questionWidth, y: top + y, role: selected ? .selected : (answer == nil ? .muted : .focused))
        }
        drawFooter(&buffer, state, KeyMaps.overview)
    }

    // MARK: Outcome

    static func outcomeLines(_ outcome: Outcome, session: Session, language: Language, width: Int, instruments: [Instrument]) -> StyledLines {
        let words = OutcomeText.Words(language)
        var lines = StyledLines(width: width)
        // First every verdict on one line each, so the first screen shows them all.
        lines.add(UIText.summary[language], role: .heading)
        for assessment in outcome.assessments {
            lines.add("■ \(assessment.title[language]): \(words.level(assessment.level))", role: levelRole(assessment.level), indent: 2, hang: 2)
        }
        for classification in outcome.classifications {
            lines.add("\(classification.title[language]): \(classification.headline[language])", indent: 2, hang: 2)
        }
        lines.blank()
        lines.add(UIText.details[language], role: .heading)
        for assessment in outcome.assessments {
            lines.add("■ \(assessment.title[language]): \(words.level(assessment.level))", role: levelRole(assessment.level), hang: 2)
            for reason in assessment.reasons {
                lines.add("+ " + reason.text[language] + OutcomeText.sourceList(reason.sources, language), indent: 2, hang: 2)
                if let because = becauseLine(reason.answers, language: language) { lines.add(because, role: .muted, indent: 4, hang: 2) }
            }
            for point in assessment.openPoints {
                let questions = point.questions.compactMap { session.questionnaire.question($0)?.text[language] }
                lines.add("? \(UIText.openPoints[language]): " + point.text[language], role: .warning, indent: 2, hang: 2)
                for text in questions { lines.add("– " + text, role: .muted, indent: 4, hang: 2) }
            }
            if let rationale = assessment.rationale { lines.add("= " + rationale[language], role: .muted, indent: 2, hang: 2) }
            if let from = assessment.appliesFrom {
                lines.add("\(UIText.appliesFrom[language]) \(from)" + (assessment.appliesNote.map { ". " + $0[language] } ?? ""), role: .muted, indent: 2, hang: 2)
            }
            lines.add("→ " + assessment.nextStep[language], indent: 2, hang: 2)
            lines.blank()
        }
        for classification in outcome.classifications {
            let text = "\(classification.title[language]): \(classification.headline[language])"
            lines.add(text, role: .heading)
        }
        if !outcome.classifications.isEmpty { lines.blank() }
        if !outcome.warnings.isEmpty {
            lines.add(UIText.warnings[language], role: .warning)
            for warning in outcome.warnings {
                lines.add("! " + warning.text[language] + OutcomeText.sourceList(warning.sources, language), role: .warning, indent: 2, hang: 2)
            }
            lines.blank()
        }
        if !outcome.dimensions.isEmpty {
            lines.add(UIText.dimensions[language], role: .heading)
            // Labels whole wherever the line leaves room for a bar of ten.
            let labelWidth = min(max(24, width - 20), outcome.dimensions.map { TextWidth.of($0.title[language]) }.max() ?? 0)
            let barWidth = max(5, min(30, width - labelWidth - 12))
            for dimension in outcome.dimensions {
                let filled = dimension.value * barWidth / max(1, dimension.maximum)
                let label = TextWidth.truncate(dimension.title[language], to: labelWidth)
                let padding = String(repeating: " ", count: max(0, labelWidth - TextWidth.of(label)))
                lines.add("\(label)\(padding) \(String(repeating: "█", count: filled))\(String(repeating: "░", count: barWidth - filled)) \(dimension.value)/\(dimension.maximum)", indent: 2)
            }
            lines.blank()
        }
        let next = outcome.nextInstruments
        if !next.isEmpty {
            lines.add(UIText.startNext[language], role: .heading)
            for (index, id) in next.enumerated() {
                let title = instruments.first { $0.id == id }?.title[language] ?? id
                lines.add("\(index + 1)  \(title)", role: .key, indent: 2)
            }
        }
        return lines
    }

    /// "omdat: Verwerkt het systeem persoonsgeg… = Ja · …": the answers behind a reason,
    /// each question and answer cut short so a reason takes a line or two at 80 columns.
    static func becauseLine(_ answers: [Reason.Answer], language: Language) -> String? {
        guard !answers.isEmpty else { return nil }
        let parts = answers.map { answer in
            let words = answer.answer[language].split(whereSeparator: \.isNewline).joined(separator: " ")
            return TextWidth.truncate(answer.questionText[language], to: 32) + " = " + TextWidth.truncate(words, to: 24)
        }
        return UIText.because[language] + ": " + parts.joined(separator: " · ")
    }

    static func drawOutcome(_ buffer: inout ScreenBuffer, _ state: AppState, _ outcomeState: OutcomeState) {
        guard let active = state.active else { return }
        let language = state.language
        let outcome = Scorer.outcome(for: active.session)
        let lines = outcomeLines(outcome, session: active.session, language: language, width: buffer.width - 4, instruments: state.instruments)
        let height = buffer.height - 5
        let scroll = min(outcomeState.scroll, max(0, lines.lines.count - height))
        let below = lines.lines.count - scroll - height
        // Where the reader is, and that there is more: the last row says so.
        lines.draw(into: &buffer, x: 2, y: 2, height: below > 0 ? height - 1 : height, scroll: scroll)
        if below > 0 { buffer.write(UIText.moreLines(below + 1)[language], x: 2, y: 2 + height - 1, role: .key) }
        let position = lines.lines.count > height ? "\(scroll + 1)–\(min(lines.lines.count, scroll + height))/\(lines.lines.count)" : ""
        drawTitle(&buffer, practiceMark(state) + "\(UIText.outcomeTitle[language]): \(active.session.questionnaire.title[language]) — \(active.session.subject.system)", right: position)
        let status: String
        let role: Role
        if let path = outcomeState.savedPath {
            (status, role) = (UIText.savedAs(path)[language], .success)
        } else if outcomeState.saving {
            (status, role) = (UIText.saving[language], .muted)
        } else {
            (status, role) = (UIText.saveAction[language], .key)
        }
        if state.message == nil { buffer.write(TextWidth.truncate(status, to: buffer.width - 2), x: 1, y: buffer.height - 2, role: role) }
        var keyMap = outcomeState.savedPath == nil ? KeyMaps.outcome : KeyMaps.outcomeSaved
        if outcome.nextInstruments.isEmpty { keyMap.bindings.removeAll { $0.action == .choose(1) } }
        drawFooter(&buffer, state, keyMap)
    }

    // MARK: Results

    /// "◇ OEFENING · " in the title of every screen of a workshop exercise.
    static func practiceMark(_ state: AppState) -> String {
        state.active?.practiceCase == nil ? "" : (state.language == .nl ? "◇ OEFENING · " : "◇ PRACTICE · ")
    }

    static func verificationText(_ report: VerificationReport, _ language: Language) -> String {
        report.label(language)
    }

    /// Green only for a trusted signer; an unknown one is a warning, a broken file an error.
    static func verificationRole(_ report: VerificationReport) -> Role {
        if report.isPractice { return .warning }
        switch report.status {
        case .validTrusted: return .success
        case .validUnknownSigner: return .warning
        default: return .error
        }
    }

    static func drawResults(_ buffer: inout ScreenBuffer, _ state: AppState, _ results: ResultsState) {
        let language = state.language
        drawTitle(&buffer, UIText.resultsTitle[language], right: "\(state.results.count)" + (state.resultsLoading ? "…" : ""))
        if state.results.isEmpty { buffer.write((state.resultsLoading ? UIText.resultsLoading : UIText.noResults)[language], x: 2, y: 2, role: .muted) }
        let top = 2, height = buffer.height - 4
        for (y, row) in window(count: state.results.count, selection: results.selection, height: height).enumerated() {
            let result = state.results[row]
            let selected = row == results.selection
            if selected { buffer.fill(x: 1, y: top + y, width: buffer.width - 2, height: 1, role: .selected) }
            let status = verificationText(result.verification, language)
            let statusWidth = TextWidth.of(status)
            let text = "\(localTime(result.completedAt, state.timeZone))  \(result.system) · \(result.questionnaireTitle)"
            buffer.write(TextWidth.truncate(text, to: buffer.width - statusWidth - 6), x: 2, y: top + y, role: selected ? .selected : .normal)
            buffer.write(status, x: buffer.width - statusWidth - 2, y: top + y, role: selected ? .selected : verificationRole(result.verification))
        }
        drawFooter(&buffer, state, KeyMaps.results)
    }

    static func drawResultDetail(_ buffer: inout ScreenBuffer, _ state: AppState, _ detail: ResultDetailState) {
        let language = state.language
        let verification = detail.summary.verification
        if detail.showsWarning {
            drawInvalidWarning(&buffer, state, verification)
            return
        }
        drawTitle(&buffer, "\(detail.summary.questionnaireTitle) — \(detail.summary.system)", right: verificationText(verification, language))
        // Content of a file that does not verify carries the mark on every line.
        let mark = verification.isValid ? "" : UIText.untrustedMark[language]
        var lines = StyledLines(width: buffer.width - 4 - TextWidth.of(mark))
        if let reason = verification.status.reason(language) {
            lines.add(verificationText(verification, language) + ": " + reason, role: .error)
            lines.blank()
        }
        if let warning = verification.signerWarning(language) {
            lines.add(warning, role: .warning)
            lines.blank()
        }
        for line in detail.lines { lines.add(line) }
        if mark.isEmpty {
            lines.draw(into: &buffer, x: 2, y: 2, height: buffer.height - 5, scroll: detail.scroll)
        } else {
            let height = buffer.height - 5
            let shown = lines.draw(into: &buffer, x: 2 + TextWidth.of(mark), y: 2, height: height, scroll: detail.scroll)
            for row in 0..<max(shown, min(height, lines.lines.count)) { buffer.write(mark, x: 2, y: 2 + row, role: .error) }
        }
        var keyMap = KeyMaps.resultDetail
        if detail.answers?.nextInstruments.isEmpty ?? true { keyMap.bindings.removeAll { $0.action == .choose(1) } }
        if !verification.isValid { keyMap.bindings.removeAll { if case .export = $0.action { true } else { false } } }
        drawFooter(&buffer, state, keyMap)
    }

    /// The whole screen says the file cannot be trusted, before any of its content shows.
    static func drawInvalidWarning(_ buffer: inout ScreenBuffer, _ state: AppState, _ verification: VerificationReport) {
        let language = state.language
        buffer.fill(x: 0, y: 0, width: buffer.width, height: buffer.height - 1, role: .error)
        var lines = StyledLines(width: max(10, buffer.width - 8))
        lines.add("\(verificationText(verification, language)) — \(UIText.invalidTitle[language])", role: .error)
        lines.blank()
        lines.add(UIText.invalidExplanation[language], role: .error)
        lines.blank()
        if let reason = verification.status.reason(language) {
            lines.add("\(UIText.invalidReason[language]): \(reason)", role: .error)
            lines.blank()
        }
        lines.add(UIText.invalidAdvice[language], role: .error)
        let top = max(1, (buffer.height - 1 - lines.lines.count) / 2)
        lines.draw(into: &buffer, x: 4, y: top, height: buffer.height - 1 - top, scroll: 0)
        drawFooter(&buffer, state, KeyMaps.invalidResultWarning)
    }
}
