import CNcurses
import CSignals
import Foundation
import GripTUI

/// The one place that calls ncurses: wide-character keys, resize, drawing a screen
/// buffer with attributes per role, bracketed paste, and restoring the terminal on
/// every way out (normal exit, errors, SIGINT, SIGTERM, SIGHUP, process exit).
public final class NcursesBackend: TerminalBackend {
    private var started = false
    private var handlersInstalled = false
    private var attributes: [Role: attr_t] = [:]
    private let useColour: Bool
    public var hasPendingWork: @Sendable () -> Bool = { false }

    /// `colour` false (NO_COLOR, or a monochrome terminal) maps roles to bold,
    /// underline and reverse only.
    public init(colour: Bool = ProcessInfo.processInfo.environment["NO_COLOR"]?.isEmpty ?? true) {
        useColour = colour
    }

    public func start() throws {
        setlocale(LC_ALL, "")
        grip_crash_guard_install()
        guard initscr() != nil else { throw TerminalError.cannotStart }
        started = true
        grip_crash_guard_set_active(1)
        grip_register_exit_restore(restoreAtExit)
        raw()
        noecho()
        nonl()
        keypad(grip_stdscr(), true)
        set_escdelay(25)
        // Poll a few times a second, so a termination signal is noticed while waiting.
        wtimeout(grip_stdscr(), 200)
        setUpAttributes()
        // Bracketed paste: pasted text arrives marked, so its newlines do not confirm.
        writeControl("\u{1B}[?2004h")
    }

    public func stop() {
        guard started else { return }
        started = false
        writeControl("\u{1B}[?2004l")
        curs_set(1)
        grip_restore_terminal()
        grip_crash_guard_set_active(0)
    }

    public var size: (width: Int, height: Int) {
        (Int(grip_cols()), Int(grip_lines()))
    }

    private func writeControl(_ sequence: String) {
        FileHandle.standardOutput.write(Data(sequence.utf8))
    }

    private func setUpAttributes() {
        let bold = grip_attr_bold(), dim = grip_attr_dim(), reverse = grip_attr_reverse(), underline = grip_attr_underline()
        // Monochrome: meaning through bold, underline and reverse alone.
        attributes = [
            .title: reverse | bold, .heading: bold, .muted: dim, .focused: bold, .selected: reverse,
            .error: bold | underline, .warning: bold, .success: bold, .key: bold, .barFilled: bold, .barEmpty: dim,
            .required: bold | underline, .possiblyRequired: bold, .recommended: bold, .notNeeded: grip_attr_normal(),
            .input: underline, .statusBar: reverse,
        ]
        guard useColour, has_colors(), start_color() == OK else { return }
        use_default_colors()
        // Eight basic colours only, so it works on every colour terminal.
        let pairs: [(Role, Int16, Int16, attr_t)] = [
            (.title, Int16(COLOR_WHITE), Int16(COLOR_BLUE), bold),
            (.heading, Int16(COLOR_CYAN), -1, bold),
            (.error, Int16(COLOR_RED), -1, bold),
            (.warning, Int16(COLOR_YELLOW), -1, bold),
            (.success, Int16(COLOR_GREEN), -1, 0),
            (.key, Int16(COLOR_CYAN), -1, bold),
            (.barFilled, Int16(COLOR_GREEN), -1, 0),
            (.required, Int16(COLOR_RED), -1, bold),
            (.possiblyRequired, Int16(COLOR_YELLOW), -1, bold),
            (.recommended, Int16(COLOR_CYAN), -1, bold),
            (.notNeeded, Int16(COLOR_GREEN), -1, 0),
            (.statusBar, Int16(COLOR_BLACK), Int16(COLOR_WHITE), 0),
        ]
        for (index, (role, foreground, background, extra)) in pairs.enumerated() {
            let pair = Int16(index + 1)
            init_pair(pair, foreground, background)
            attributes[role] = grip_attr_color_pair(pair) | extra
        }
    }

    public func draw(_ buffer: ScreenBuffer, previous: ScreenBuffer?) {
        if previous == nil || previous?.width != buffer.width || previous?.height != buffer.height { clear() }
        for row in buffer.changedRows(since: previous) {
            var column = 0
            while column < buffer.width {
                let role = buffer[column, row].role
                var run = ""
                let start = column
                while column < buffer.width, buffer[column, row].role == role {
                    let cell = buffer[column, row]
                    if !cell.isContinuation { run.append(cell.character) }
                    column += 1
                }
                _ = grip_set_attributes(attributes[role] ?? grip_attr_normal())
                // The bottom-right cell cannot be written without scrolling: leave it.
                if row == buffer.height - 1 && column == buffer.width { run = String(run.dropLast()) }
                mvaddstr(Int32(row), Int32(start), run)
            }
        }
        _ = grip_set_attributes(grip_attr_normal())
        if let cursor = buffer.cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
    }

    public func nextEvent() -> Event? {
        // ncurses sets its own SIGINT/SIGTERM handlers (which exit at once) as it
        // starts drawing; ours go in after that, so a signal ends the loop and the draft
        // is saved first.
        if !handlersInstalled {
            grip_signals_install()
            handlersInstalled = true
        }
        while true {
            if grip_signals_take() != 0 { return nil }
            var character: wint_t = 0
            let status = grip_get_wide_char(&character)
            if status == ERR {
                // Timeout or interrupted: check signals, and let background results in.
                if hasPendingWork() { return .wake }
                continue
            }
            if status == grip_key_code_yes() {
                if let event = functionKey(Int32(character)) { return event }
                continue
            }
            let value = UInt32(character)
            if value == 27 { return escapeSequence() }
            if let event = plainKey(value) { return event }
        }
    }

    private func functionKey(_ code: Int32) -> Event? {
        switch code {
        case KEY_RESIZE: return .resize(width: Int(grip_cols()), height: Int(grip_lines()))
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BTAB: return .key(.backTab)
        default:
            for number in 1...12 where code == grip_key_f(Int32(number)) { return .key(.function(number)) }
            return nil
        }
    }

    private func plainKey(_ value: UInt32) -> Event? {
        switch value {
        case 13: return .key(.enter)
        // With nonl(), Enter sends CR; LF is Ctrl-J, the new-line key in text fields.
        case 10: return .key(.control("j"))
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 3: return .key(.control("c"))
        case 1...26:
            return .key(.control(Character(Unicode.Scalar(value + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// After ESC: a lone Escape, Alt-key, or the start of a bracketed paste.
    private func escapeSequence() -> Event? {
        wtimeout(grip_stdscr(), 30)
        defer { wtimeout(grip_stdscr(), 200) }
        var pending: [UInt32] = []
        for expected in Array("[200~".unicodeScalars) {
            var character: wint_t = 0
            let status = grip_get_wide_char(&character)
            guard status != ERR, status != grip_key_code_yes() else { break }
            pending.append(UInt32(character))
            if UInt32(character) != expected.value { break }
        }
        if pending == Array("[200~".unicodeScalars.map(\.value)) { return .paste(readPaste()) }
        // Not a paste: put back what was read after ESC and report Escape.
        for value in pending.reversed() { unget_wch(wchar_t(value)) }
        return .key(.escape)
    }

    private func readPaste() -> String {
        wtimeout(grip_stdscr(), 500)
        var text: [UInt32] = []
        let end = Array("\u{1B}[201~".unicodeScalars.map(\.value))
        while true {
            var character: wint_t = 0
            let status = grip_get_wide_char(&character)
            if status == ERR { break }
            if status == grip_key_code_yes() { continue }
            text.append(UInt32(character))
            if text.count >= end.count && Array(text.suffix(end.count)) == end {
                text.removeLast(end.count)
                break
            }
            if text.count > 100_000 { break }
        }
        var string = ""
        for value in text {
            if let scalar = Unicode.Scalar(value) { string.unicodeScalars.append(value == 13 ? "\n" : scalar) }
        }
        return string
    }

    public enum TerminalError: Error, CustomStringConvertible {
        case cannotStart
        public var description: String { "cannot start the terminal interface (is TERM set?)" }
    }
}

/// Called by atexit: whatever happened, the shell gets its terminal back.
private func restoreAtExit() {
    grip_restore_terminal()
}
