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

    /// The text wrapped to `width` columns at spaces (a word longer than a line is cut),
    /// and the row and column of the cursor in it.
    public func layout(width: Int) -> (lines: [String], cursorRow: Int, cursorColumn: Int) {
        guard width > 1 else { return ([""], 0, 0) }
        let limit = width - 1
        // Where each line starts, as an index into `characters`.
        var starts = [0]
        var used = 0
        var lastSpace: Int?
        for (index, character) in characters.enumerated() {
            if character == "\n" {
                starts.append(index + 1)
                used = 0
                lastSpace = nil
                continue
            }
            let columns = TextWidth.of(character)
            if used + columns > limit && index > starts[starts.count - 1] {
                // A space that does not fit ends the line itself.
                if character == " " {
                    starts.append(index + 1)
                    used = 0
                    lastSpace = nil
                    continue
                }
                // Move the word being typed to the next line; cut only a word that has no space to break at.
                let start = lastSpace.map { $0 + 1 } ?? index
                starts.append(start)
                used = characters[start..<index].reduce(0) { $0 + TextWidth.of($1) }
                lastSpace = nil
            }
            used += columns
            if character == " " { lastSpace = index }
        }
        var lines: [String] = []
        for (row, start) in starts.enumerated() {
            let end = row + 1 < starts.count ? starts[row + 1] : characters.count
            lines.append(String(characters[start..<end].filter { $0 != "\n" }))
        }
        let cursorRow = (starts.lastIndex { $0 <= cursor }) ?? 0
        let cursorColumn = characters[starts[cursorRow]..<cursor].filter { $0 != "\n" }.reduce(0) { $0 + TextWidth.of($1) }
        return (lines, cursorRow, cursorColumn)
    }
}
