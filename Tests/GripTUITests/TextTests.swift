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
