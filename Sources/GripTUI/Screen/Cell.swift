/// What a cell means, not how it looks: the theme maps roles to colours, or to bold and
/// reverse on monochrome terminals.
public enum Role: UInt8, CaseIterable, Sendable {
    case normal
    case title
    case heading
    case muted
    case focused
    case selected
    case error
    case warning
    case success
    case key
    case barFilled
    case barEmpty
    case required
    case possiblyRequired
    case recommended
    case notNeeded
    case input
    case statusBar
}

/// One terminal cell. A wide character occupies its cell and the next, which holds
/// `continuation`.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var role: Role

    public init(_ character: Character = " ", role: Role = .normal) {
        self.character = character
        self.role = role
    }

    /// The right half of a wide character.
    public static let continuation = Cell("\u{0}")

    public var isContinuation: Bool { character == "\u{0}" }
}
