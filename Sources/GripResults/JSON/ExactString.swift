extension String {
    /// Equal Unicode scalars (compared as UTF-8 bytes). Swift's `==` uses canonical
    /// equivalence ("K" == "\u{212A}", "é" == "e\u{301}"), but a signature covers bytes:
    /// keys, ids and key ids must be compared this way.
    public func equalsExactly(_ other: String) -> Bool {
        utf8.elementsEqual(other.utf8)
    }
}

/// A string that sets and dictionaries compare and hash by its scalars, not by canonical
/// equivalence as `String` does.
public struct ExactString: Hashable, Sendable {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public static func == (left: ExactString, right: ExactString) -> Bool {
        left.value.equalsExactly(right.value)
    }

    public func hash(into hasher: inout Hasher) {
        for byte in value.utf8 { hasher.combine(byte) }
    }
}
