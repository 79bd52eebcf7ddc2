import GripEngine

/// A screen's worth of cells, drawn by views and copied to the terminal by a backend.
/// Tests read it back as text.
public struct ScreenBuffer: Equatable, Sendable {
    public static func == (left: ScreenBuffer, right: ScreenBuffer) -> Bool {
        left.width == right.width && left.height == right.height && left.cells == right.cells
            && left.cursor?.x == right.cursor?.x && left.cursor?.y == right.cursor?.y
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes (a text field being edited); hidden when nil.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes text from (x, y), clipped at `limit` columns (default: the right edge).
    /// Returns the number of columns written.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, role: Role = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, limit.map { x + $0 } ?? width)
        var column = x
        // Returns false once the text no longer fits.
        func put(_ character: Character) -> Bool {
            let columns = TextWidth.of(character)
            if columns == 0 { return true }
            if column + columns > end { return false }
            if column >= 0 {
                self[column, y] = Cell(character, role: role)
                if columns == 2 { self[column + 1, y] = Cell(Cell.continuation.character, role: role) }
            }
            column += columns
            return true
        }
        // Text from a file never reaches the terminal raw: control and bidi characters are
        // written as their visible escapes (rare, so the common path allocates nothing).
        drawing: for character in text {
            if DisplaySafety.isUnsafe(character) {
                for escaped in DisplaySafety.safe(String(character)) where !put(escaped) { break drawing }
            } else if !put(character) {
                break
            }
        }
        return column - x
    }

    /// Fills a rectangle with one character and role.
    public mutating func fill(x: Int, y: Int, width fillWidth: Int, height fillHeight: Int, character: Character = " ", role: Role) {
        for row in max(0, y)..<min(height, y + fillHeight) {
            for column in max(0, x)..<min(width, x + fillWidth) {
                self[column, row] = Cell(character, role: role)
            }
        }
    }

    /// The screen as text, one string per row, trailing spaces removed.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !self[column, row].isContinuation {
                line.append(self[column, row].character)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }

    /// The rows that differ from `previous` (all rows when the size changed).
    public func changedRows(since previous: ScreenBuffer?) -> [Int] {
        guard let previous, previous.width == width, previous.height == height else { return Array(0..<height) }
        return (0..<height).filter { row in
            let start = row * width
            return cells[start..<start + width] != previous.cells[start..<start + width]
        }
    }
}
