extension JSONValue {
    /// The value in words for a reader: a string as it is, a list joined by commas,
    /// anything else as one line of JSON. Not escaped for a terminal.
    public var plainText: String {
        switch self {
        case .string(let text): text
        case .integer(let number): String(number)
        case .array(let items): items.map(\.plainText).joined(separator: ", ")
        default: PrettyJSON.line(self)
        }
    }
}
