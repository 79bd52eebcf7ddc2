import GripEngine

/// The editing model of a text field: characters, a cursor, insert and delete, moving by
/// character, line, start and end. Multi-line editors keep newlines; single-line ones
/// turn pasted newlines into spaces.
public struct TextEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    public let isMultiline: Bool
    public let maximumLength: Int?

    public init(_ text: String = "", multiline: Bool = false, maximumLength: Int? = nil) {
        characters = Array(text)
        cursor = characters.count
        isMultiline = multiline
        self.maximumLength = maximumLength
    }

    public var text: String { String(characters) }

    public mutating func insert(_ text: String) {
        for var character in text {
            if character == "\r\n" || character == "\r" { character = "\n" }
            if character == "\n" && !isMultiline { character = " " }
            if character == "\t" { character = " " }
            // Typed or pasted control and bidi characters are dropped: they could only
            // disguise the text for whoever reads it later.
            if character != "\n" && DisplaySafety.isUnsafe(character) { continue }
            if let maximumLength, characters.count >= maximumLength { return }
            characters.insert(character, at: cursor)
            cursor += 1
        }
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        cursor -= 1
        characters.remove(at: cursor)
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }

    private var lineStart: Int {
        var index = cursor
        while index > 0 && characters[index - 1] != "\n" { index -= 1 }
        return index
    }

    private func lineEnd(from index: Int) -> Int {
        var end = index
        while end < characters.count && characters[end] != "\n" { end += 1 }
        return end
    }

    public mutating func moveToLineStart() { cursor = lineStart }
    public mutating func moveToLineEnd() { cursor = lineEnd(from: cursor) }

    /// Moves to the same column on the previous line; false at the first line.
    public mutating func moveUp() -> Bool {
        let start = lineStart
        guard start > 0 else { return false }
        let column = cursor - start
        var previousStart = start - 1
        while previousStart > 0 && characters[previousStart - 1] != "\n" { previousStart -= 1 }
        cursor = min(previousStart + column, start - 1)
        return true
    }

    /// Moves to the same column on the next line; false at the last line.
    public mutating func moveDown() -> Bool {
        let end = lineEnd(from: cursor)
        guard end < characters.count else { return false }
        let column = cursor - lineStart
        let nextStart = end + 1
        cursor = min(nextStart + column, lineEnd(from: nextStart))
        return true
    }

    /// The text wrapped to `width` columns, and the row and column of the cursor in it.
    public func layout(width: Int) -> (lines: [String], cursorRow: Int, cursorColumn: Int) {
        guard width > 1 else { return ([""], 0, 0) }
        var lines: [String] = [""]
        var widths = [0]
        var cursorRow = 0, cursorColumn = 0
        for (index, character) in characters.enumerated() {
            if index == cursor { (cursorRow, cursorColumn) = (lines.count - 1, widths[lines.count - 1]) }
            if character == "\n" {
                lines.append("")
                widths.append(0)
                continue
            }
            let columns = TextWidth.of(character)
            if widths[lines.count - 1] + columns > width - 1 {
                lines.append("")
                widths.append(0)
                if index == cursor { (cursorRow, cursorColumn) = (lines.count - 1, 0) }
            }
            lines[lines.count - 1].append(character)
            widths[lines.count - 1] += columns
        }
        if cursor == characters.count { (cursorRow, cursorColumn) = (lines.count - 1, widths[lines.count - 1]) }
        return (lines, cursorRow, cursorColumn)
    }
}
