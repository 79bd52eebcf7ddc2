extension StringProtocol {
    /// This text without leading and trailing white space (the Unicode White_Space
    /// scalars: the same set as Foundation's `.whitespacesAndNewlines`), without bridging
    /// to NSString, which showed in scoring an answers file.
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
