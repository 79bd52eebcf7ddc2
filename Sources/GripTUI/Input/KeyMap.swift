import GripEngine

/// What a key does on a screen. Key maps are tables of key → action → help text; the
/// footer is drawn from them, so it always shows the keys that work.
public enum Action: Hashable, Sendable {
    case up, down, left, right, pageUp, pageDown
    case confirm, toggle, back, quit, help, overview, nextPane, previousPane
    case choose(Int)
    case language, results, deleteItem, liveOutcome, finish, export(String), newline, done
    /// A screen's own command (the review desk's sort, filters, views).
    case command(String)
}

public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: LocalizedText
    /// Shown in the footer (some bindings, such as j/k, are only alternatives).
    public var inFooter: Bool

    public init(_ keys: [Key], _ action: Action, _ help: LocalizedText, inFooter: Bool = true) {
        self.keys = keys
        self.action = action
        self.help = help
        self.inFooter = inFooter
    }
}

public struct KeyMap: Sendable {
    public var bindings: [KeyBinding]

    public init(_ bindings: [KeyBinding]) { self.bindings = bindings }

    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// "↑↓ kies  Enter volgende  ? hulp" in the given language.
    public func footer(_ language: Language) -> [(keys: String, help: String)] {
        footer(language, shortKeys: false).map { ($0.keys, $0.help) }
    }

    private func footer(_ language: Language, shortKeys: Bool) -> [(keys: String, help: String, action: Action)] {
        bindings.filter(\.inFooter).map { binding in
            (binding.keys.prefix(shortKeys ? 1 : 2).map { $0.label(language) }.joined(separator: "/"), binding.help[language], binding.action)
        }
    }

    /// The footer fitted to `width` columns (two spaces between entries, one at each
    /// edge): first with every key, then with one key per entry, then leaving out entries
    /// from the end, but never the ways to get help and to quit.
    public func footer(_ language: Language, fitting width: Int) -> [(keys: String, help: String)] {
        func columns(_ items: [(keys: String, help: String, action: Action)]) -> Int {
            items.reduce(0) { $0 + TextWidth.of($1.keys) + 1 + TextWidth.of($1.help) } + max(0, items.count - 1) * 2 + 2
        }
        var items = footer(language, shortKeys: false)
        if columns(items) > width { items = footer(language, shortKeys: true) }
        if columns(items) > width {
            let kept: Set<Action> = [.quit, .help]
            var fitted = items.filter { kept.contains($0.action) }
            for item in items where !kept.contains(item.action) {
                var trial = fitted
                trial.insert(item, at: trial.firstIndex { kept.contains($0.action) } ?? trial.count)
                if columns(trial) <= width { fitted = trial }
            }
            // Keep the table's order.
            items = items.filter { item in fitted.contains { $0.action == item.action } }
        }
        return items.map { ($0.keys, $0.help) }
    }
}

extension KeyBinding {
    static func t(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }

    static let moveUpDown = [
        KeyBinding([.up, .character("k")], .up, t("omhoog", "up"), inFooter: false),
        KeyBinding([.down, .character("j")], .down, t("omlaag", "down"), inFooter: false),
    ]
    static let quit = KeyBinding([.character("q"), .function(10)], .quit, t("stoppen", "quit"))
    static let back = KeyBinding([.escape], .back, t("terug", "back"))
    static let help = KeyBinding([.character("?"), .function(1)], .help, t("hulp", "help"))
}
