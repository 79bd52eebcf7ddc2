/// Lines of text with roles, built top to bottom and wrapped to a width: the content of
/// scrolling panes (help, outcome, result detail).
public struct StyledLines: Sendable {
    public struct Line: Sendable, Equatable {
        public var text: String
        public var role: Role
        public var indent: Int
    }

    public let width: Int
    public private(set) var lines: [Line] = []

    public init(width: Int) { self.width = max(1, width) }

    /// Adds wrapped text; continuation lines are indented by `hang` more columns.
    public mutating func add(_ text: String, role: Role = .normal, indent: Int = 0, hang: Int = 0) {
        let available = max(1, width - indent - hang)
        for (index, line) in TextWrap.lines(text, width: available).enumerated() {
            lines.append(Line(text: line, role: role, indent: index == 0 ? indent : indent + hang))
        }
    }

    public mutating func blank() {
        if let last = lines.last, last.text.isEmpty { return }
        lines.append(Line(text: "", role: .normal, indent: 0))
    }

    /// Draws rows `scroll...` into the buffer's rectangle; returns the rows drawn.
    @discardableResult
    public func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, height: Int, scroll: Int) -> Int {
        let start = min(max(0, scroll), max(0, lines.count - 1))
        var row = 0
        for line in lines.dropFirst(start).prefix(height) {
            buffer.write(line.text, x: x + line.indent, y: y + row, role: line.role, limit: width - line.indent)
            row += 1
        }
        return row
    }
}
