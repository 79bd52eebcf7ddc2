import GripEngine

/// The key maps of each screen: key → action → help text.
enum KeyMaps {
    /// The help text of the quit binding of `keyMap` (for tests of the footer).
    static func quitHelp(_ keyMap: KeyMap) -> LocalizedText {
        keyMap.bindings.first { $0.action == .quit }?.help ?? LocalizedText(nl: "", en: "")
    }

    private static func t(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }

    static let home = KeyMap(KeyBinding.moveUpDown + [
        KeyBinding([.enter], .confirm, t("openen", "open")),
        KeyBinding([.character("r")], .results, t("resultaten", "results")),
        // The language switch before the newer entries: a narrow footer keeps it.
        KeyBinding([.character("t")], .language, t("English", "Nederlands")),
        KeyBinding([.character("b")], .command("desk"), t("beoordelen", "review desk")),
        KeyBinding([.character("w")], .command("workshop"), t("workshop", "workshop")),
        KeyBinding([.character("d"), .delete], .deleteItem, t("verwijderen", "delete")),
        KeyBinding.quit,
    ])

    static let form = KeyMap([
        KeyBinding([.up, .backTab], .up, t("vorig veld", "previous field"), inFooter: false),
        KeyBinding([.down, .tab], .down, t("volgend veld", "next field")),
        KeyBinding([.enter], .confirm, t("verder", "continue")),
        KeyBinding.back,
        KeyBinding([.function(10)], .quit, t("stoppen", "quit")),
    ])

    /// Choice questions: letters are commands. In priority order: a narrow footer leaves
    /// out entries from the end (never help or quit); the option numbers and the note's
    /// label say how to choose and how to reach the note.
    static let questionChoice = KeyMap(KeyBinding.moveUpDown + [
        KeyBinding([.enter], .confirm, t("volgende", "next")),
        KeyBinding([.escape], .back, t("vorige", "previous")),
        KeyBinding.help,
        KeyBinding([.character("o")], .overview, t("overzicht", "overview")),
        KeyBinding([.character("u")], .liveOutcome, t("uitkomst", "outcome")),
        KeyBinding([.character(" ")], .toggle, t("kiezen", "choose")),
        KeyBinding([.tab], .nextPane, t("toelichting", "note")),
        KeyBinding([.backTab], .previousPane, t("vorig deel", "previous pane"), inFooter: false),
        KeyBinding([.character("f")], .finish, t("afronden", "finish"), inFooter: false),
        KeyBinding([.pageUp], .pageUp, t("uitleg omhoog", "scroll help up"), inFooter: false),
        KeyBinding([.pageDown], .pageDown, t("uitleg omlaag", "scroll help down"), inFooter: false),
        KeyBinding.quit,
    ])

    /// Text and number fields and the note: letters are typed, commands use other keys.
    /// In priority order: a narrow footer leaves out entries from the end (never help or quit).
    static let questionText = KeyMap([
        KeyBinding([.enter], .confirm, t("volgende", "next")),
        KeyBinding([.escape], .back, t("vorige", "previous")),
        KeyBinding([.function(1)], .help, t("hulp", "help")),
        KeyBinding([.function(2)], .overview, t("overzicht", "overview")),
        KeyBinding([.tab], .nextPane, t("volgend deel", "next pane")),
        KeyBinding([.control("j")], .newline, t("nieuwe regel", "new line")),
        KeyBinding([.backTab], .previousPane, t("vorig deel", "previous pane"), inFooter: false),
        KeyBinding([.pageUp], .pageUp, t("uitleg omhoog", "scroll help up"), inFooter: false),
        KeyBinding([.pageDown], .pageDown, t("uitleg omlaag", "scroll help down"), inFooter: false),
        KeyBinding([.function(10)], .quit, t("stoppen", "quit")),
    ])

    static let questionHelp = KeyMap([
        KeyBinding([.up, .character("k")], .up, t("omhoog", "up")),
        KeyBinding([.down, .character("j")], .down, t("omlaag", "down")),
        KeyBinding([.tab], .nextPane, t("terug naar antwoord", "back to the answer")),
        KeyBinding([.character("?"), .function(1), .escape], .help, t("uitleg sluiten", "close help")),
        KeyBinding.quit,
    ])

    static let overview = KeyMap(KeyBinding.moveUpDown + [
        KeyBinding([.enter], .confirm, t("naar vraag", "go to question")),
        KeyBinding([.character("f")], .finish, t("afronden", "finish")),
        KeyBinding([.escape, .character("o")], .back, t("terug", "back")),
        KeyBinding.quit,
    ])

    static let outcome = KeyMap([
        KeyBinding([.up, .character("k")], .up, t("omhoog", "up"), inFooter: false),
        KeyBinding([.down, .character("j")], .down, t("omlaag", "down"), inFooter: false),
        KeyBinding([.pageUp], .pageUp, t("pagina omhoog", "page up"), inFooter: false),
        KeyBinding([.enter], .confirm, t("ondertekenen", "sign")),
        KeyBinding([.pageDown, .character(" ")], .pageDown, t("verder lezen", "read on")),
        KeyBinding([.escape], .back, t("vragen", "questions")),
        KeyBinding([.character("h")], .results, t("beginscherm", "home")),
        KeyBinding.quit,
    ])

    /// After signing: the next instruments are started by number.
    static let outcomeSaved = KeyMap([
        KeyBinding([.up, .character("k")], .up, t("omhoog", "up"), inFooter: false),
        KeyBinding([.down, .character("j")], .down, t("omlaag", "down"), inFooter: false),
        KeyBinding([.pageUp], .pageUp, t("pagina omhoog", "page up"), inFooter: false),
        KeyBinding([.pageDown, .character(" ")], .pageDown, t("pagina omlaag", "page down")),
        KeyBinding([.character("1")], .choose(1), t("start vervolginstrument (1, 2, …)", "start next instrument (1, 2, …)")),
        KeyBinding([.character("h"), .escape], .results, t("beginscherm", "home")),
        KeyBinding.quit,
    ])

    static let results = KeyMap(KeyBinding.moveUpDown + [
        KeyBinding([.enter], .confirm, t("openen", "open")),
        KeyBinding([.escape], .back, t("terug", "back")),
        KeyBinding.quit,
    ])

    static let invalidResultWarning = KeyMap([
        KeyBinding([.enter], .confirm, t("toch bekijken", "view anyway")),
        KeyBinding([.escape], .back, t("terug", "back")),
        KeyBinding.quit,
    ])

    static let resultDetail = KeyMap([
        KeyBinding([.up, .character("k")], .up, t("omhoog", "up"), inFooter: false),
        KeyBinding([.down, .character("j")], .down, t("omlaag", "down"), inFooter: false),
        KeyBinding([.pageUp], .pageUp, t("pagina omhoog", "page up"), inFooter: false),
        KeyBinding([.character("1")], .choose(1), t("vervolginstrument", "next instrument")),
        KeyBinding([.pageDown, .character(" ")], .pageDown, t("pagina omlaag", "page down")),
        KeyBinding([.escape], .back, t("terug", "back")),
        KeyBinding([.character("m")], .export("markdown"), t("Markdown", "Markdown")),
        KeyBinding([.character("w")], .export("html"), t("HTML", "HTML")),
        KeyBinding.quit,
    ])
}
