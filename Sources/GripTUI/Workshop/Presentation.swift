import Foundation
import GripEngine
import GripResults

/// The group summary on a projector: large, high-contrast, one thing per screen — the
/// outcomes first, then one question at a time with its answers as bars.
public struct PresentationState: Sendable {
    public var summary: WorkshopSummary
    /// 0: the outcomes; 1…: the questions, most disagreement first.
    public var page = 0

    public init(summary: WorkshopSummary) {
        self.summary = summary
    }

    var pages: Int { 1 + summary.questions.count }
}

extension KeyMaps {
    private static func t(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }

    static let presentation = KeyMap([
        KeyBinding([.right, .pageDown, .character(" "), .enter, .character("l")], .down, t("volgende", "next")),
        KeyBinding([.left, .pageUp, .backspace, .character("h")], .up, t("vorige", "previous")),
        KeyBinding([.home], .back, t("begin", "start"), inFooter: false),
        KeyBinding([.escape], .command("leave"), t("terug", "back")),
        KeyBinding.quit,
    ])
}

extension App {
    /// Opens the presentation of a group summary (`grip workshop summary DIR --present`).
    public static func openPresentation(_ summary: WorkshopSummary, _ state: inout AppState) {
        state.screen = .presentation(PresentationState(summary: summary))
    }

    static func presentation(_ state: inout AppState, _ event: Event) -> [Effect] {
        guard case .key(let key) = event, case .presentation(var presentation) = state.screen,
            let action = KeyMaps.presentation.action(for: key)
        else { return [] }
        switch action {
        case .down: presentation.page = min(presentation.pages - 1, presentation.page + 1)
        case .up: presentation.page = max(0, presentation.page - 1)
        case .back: presentation.page = 0
        case .command("leave"):
            // Opened from the workshop screens: back there; from the command line: done.
            if state.workshop != nil {
                state.screen = .workshop
                return []
            }
            return quit(&state)
        case .quit: return quit(&state)
        default: break
        }
        state.screen = .presentation(presentation)
        return []
    }

    static func drawPresentation(_ buffer: inout ScreenBuffer, _ state: AppState, _ presentation: PresentationState) {
        let language = state.language
        let nl = language == .nl
        let summary = presentation.summary
        let participants = nl ? "\(summary.participants) deelnemers" : "\(summary.participants) participants"
        drawTitle(&buffer, (nl ? "Groepsoverzicht" : "Group summary") + " — " + participants, right: "\(presentation.page + 1)/\(presentation.pages)")
        let width = buffer.width - 4
        let words = OutcomeText.Words(language)
        func level(_ raw: String) -> String { AssessmentLevel(rawValue: raw).map { words.level($0) } ?? raw }
        var y = 2
        if presentation.page == 0 {
            buffer.write(nl ? "UITKOMSTEN" : "OUTCOMES", x: 2, y: y, role: .heading)
            y += 2
            let titleWidth = min(30, max(12, width / 3))
            for assessment in summary.assessments where y < buffer.height - 2 {
                buffer.write(TextWidth.truncate(assessment.title, to: titleWidth), x: 2, y: y, role: .title)
                // One bar per assessment: each level its share, the most common first.
                var x = 2 + titleWidth + 1
                let barWidth = max(10, width - titleWidth - 1)
                for (position, share) in assessment.levels.enumerated() {
                    let cells = summary.participants == 0 ? 0 : share.count * barWidth / summary.participants
                    let label = "\(share.count) \(level(share.answer))\(share.isReference ? " ✓" : "")"
                    buffer.fill(x: x, y: y, width: max(0, min(cells, 2 + width - x)), height: 1, role: position == 0 ? .barFilled : .barEmpty)
                    buffer.write(TextWidth.truncate(label, to: max(0, cells)), x: x, y: y, role: position == 0 ? .barFilled : .barEmpty)
                    x += cells
                }
                y += 2
            }
        } else {
            let question = summary.questions[presentation.page - 1]
            var text = StyledLines(width: width)
            text.add(question.text, role: .heading)
            y += text.draw(into: &buffer, x: 2, y: y, height: 5, scroll: 0) + 1
            let agreement = question.hasReference
                ? (nl ? "\(question.agreement)% gelijk aan de referentie" : "\(question.agreement)% match the reference")
                : (nl ? "\(question.agreement)% gaf hetzelfde antwoord als de meesten" : "\(question.agreement)% gave the most common answer")
            buffer.write(agreement, x: 2, y: y, role: question.agreement < 70 ? .warning : .success)
            y += 2
            for share in question.shares where y < buffer.height - 3 {
                let label = "\(share.count)  \(share.answer)\(share.isReference ? "  ✓" : "")"
                buffer.write(TextWidth.truncate(label, to: width), x: 2, y: y, role: share.isReference ? .success : .normal)
                let cells = question.answered == 0 ? 0 : share.count * width / question.answered
                buffer.write(String(repeating: "█", count: cells), x: 2, y: y + 1, role: .barFilled)
                y += 3
            }
        }
        drawFooter(&buffer, state, KeyMaps.presentation)
    }
}
