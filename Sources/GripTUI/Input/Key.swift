import GripEngine

/// A key press, already decoded by the backend (wide characters included).
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace, delete
    case home, end, pageUp, pageDown
    case function(Int)
    /// Control plus a letter, lower case: `.control("d")` is Ctrl-D.
    case control(Character)

    /// How the footer names the key.
    public func label(_ language: Language) -> String {
        switch self {
        case .character(" "): language == .nl ? "Spatie" : "Space"
        case .character(let character): String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let number): "F\(number)"
        case .control(let character): "Ctrl-\(character.uppercased())"
        }
    }
}

/// Something the terminal tells the program.
public enum Event: Sendable, Equatable {
    case key(Key)
    /// Text that arrived as one paste (bracketed paste), so newlines in it do not confirm.
    case paste(String)
    case resize(width: Int, height: Int)
    /// The outcome of an effect, reported back so `update` stays deterministic.
    case effect(EffectResult)
    /// Background work has something to deliver (see `EffectInbox`); changes nothing itself.
    case wake
}
