import GripEngine
import Testing
@testable import GripTUI

/// Display widths, wrapping and editing with accents, typographic quotes and wide characters.
struct TextTests {
    @Test("Display width", arguments: [
        ("abc", 3), ("één", 3), ("‘weet ik niet’", 14), ("漢字", 4), ("e\u{301}", 1), ("👍", 2), ("", 0),
    ])
    func width(text: String, columns: Int) {
        #expect(TextWidth.of(text) == columns)
    }

    @Test func wideCharactersTakeTwoCellsAndNeverSplit() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        let written = buffer.write("漢字漢", x: 0, y: 0)
        #expect(written == 4, "the third wide character does not fit in the last cell")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer.lines == ["漢字"])
    }

    @Test func wrappingCountsColumnsNotBytes() {
        #expect(TextWrap.lines("één twee drie", width: 8) == ["één twee", "drie"])
        #expect(TextWrap.lines("漢字漢字漢字", width: 5) == ["漢字", "漢字", "漢字"])
        #expect(TextWrap.lines("regel een\n\nregel drie", width: 20) == ["regel een", "", "regel drie"])
    }

    @Test func editingMovesByCharactersAndLines() {
        var editor = TextEditor("café", multiline: true)
        editor.deleteBackward()
        editor.insert("é “x”")
        #expect(editor.text == "café “x”")
        editor.moveToLineStart()
        editor.insert("\n")
        let movedUp = editor.moveUp()
        #expect(movedUp)
        editor.insert("a")
        #expect(editor.text == "a\ncafé “x”")
        let movedDown = editor.moveDown()
        #expect(movedDown)
        editor.moveToLineEnd()
        editor.deleteForward()
        #expect(editor.text == "a\ncafé “x”")
        var single = TextEditor("", maximumLength: 5)
        single.insert("een\ntwee")
        #expect(single.text == "een t", "newlines become spaces; the limit holds")
    }
}

/// Text from files never reaches the terminal raw: the screen buffer holds visible escapes.
struct HostileTextTests {
    static let hostile = "Naam\u{1B}[8m\u{1B}]52;c;SGVsbG8=\u{07} \u{202E}tfel\u{202C} \u{9B}2J\u{7F}\r\nx"

    @Test func controlAndBidiCharactersAreDrawnAsEscapes() {
        var buffer = ScreenBuffer(width: 120, height: 1)
        buffer.write(Self.hostile, x: 0, y: 0)
        let line = buffer.lines[0]
        #expect(!line.unicodeScalars.contains { DisplaySafety.isUnsafe($0) }, "\(line.unicodeScalars.map { $0.value })")
        #expect(line == "Naam\\e[8m\\e]52;c;SGVsbG8=\\u{7} \\u{202E}tfel\\u{202C} \\u{9B}2J\\u{7F}\\r\\nx")
        #expect(TextWidth.of(Self.hostile) == TextWidth.of(line), "wrapping measures what is drawn")
    }

    @Test func theResultViewOfAHostileResultHasNoRawControlCharacter() {
        var buffer = ScreenBuffer(width: 80, height: 24)
        for (row, line) in TextWrap.lines(Self.hostile + " " + Self.hostile, width: 80).enumerated() {
            buffer.write(line, x: 0, y: row)
        }
        #expect(!buffer.text.unicodeScalars.contains { DisplaySafety.isUnsafe($0) && $0 != "\n" })
    }

    @Test func pastedControlAndBidiCharactersAreDropped() {
        var editor = TextEditor()
        editor.insert("a\u{1B}[2Jb\u{202E}c\u{9B}d")
        #expect(editor.text == "a[2Jbcd")
    }
}

/// Text fields wrap at spaces, as everything else does (issue 13 item 10: "st / elt").
struct EditorWrapTests {
    @Test(arguments: [8, 12, 20, 33])
    func wordsAreNeverCutWhenTheyFitOnALine(_ width: Int) {
        let text = "Selecteert dossiers en stelt vragen aan de aanvrager"
        let editor = TextEditor(text, multiline: true)
        let (lines, row, column) = editor.layout(width: width)
        let shown = Set(lines.flatMap { $0.split(separator: " ").map(String.init) })
        for word in text.split(separator: " ") where word.count <= width - 1 {
            #expect(shown.contains(String(word)), "'\(word)' fits but is cut at width \(width): \(lines)")
        }
        for line in lines { #expect(TextWidth.of(line.trimmingCharacters(in: .whitespaces)) <= width - 1) }
        #expect(row == lines.count - 1 && column == TextWidth.of(lines.last!), "the cursor ends after the text")
    }

    @Test func aWordLongerThanTheLineIsCutAndNewlinesStay() {
        let (lines, _, _) = TextEditor("abcdefghijkl\nxy", multiline: true).layout(width: 6)
        #expect(lines == ["abcde", "fghij", "kl", "xy"])
    }
}
