/// Makes text read from files safe to show: control characters (C0, DEL, C1), line and
/// paragraph separators and bidirectional controls become visible escapes (`\e`,
/// `\u{202E}`), so a signer name or a note can neither drive the terminal (cursor moves,
/// OSC 52 clipboard writes) nor reorder a line to fake a verdict.
public enum DisplaySafety {
    /// True for scalars that must never reach a terminal raw.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        // Arabic letter mark, LRM/RLM, LRE..RLO (embeddings and overrides), LRI..PDI (isolates).
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0x2028, 0x2029: true
        default: false
        }
    }

    /// Whether UTF-8 text holds an unsafe scalar, read from the bytes without decoding
    /// (nearly all text is safe, and output is checked line by line).
    /// With `keepingLineBreaks`, LF, tab and a CR before an LF do not count.
    static func containsUnsafe(_ utf8: some Collection<UInt8>, keepingLineBreaks: Bool = false) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in utf8 {
            if keepingLineBreaks && previous == 0x0D && byte != 0x0A { return true }
            if byte < 0x20 || byte == 0x7F {
                guard keepingLineBreaks && (byte == 0x0A || byte == 0x09 || byte == 0x0D) else { return true }
            }
            switch (beforePrevious, previous, byte) {
            case (_, 0xC2, 0x80...0x9F): return true                        // C1 controls
            case (_, 0xD8, 0x9C): return true                               // U+061C
            case (0xE2, 0x80, 0x8E), (0xE2, 0x80, 0x8F): return true        // LRM, RLM
            case (0xE2, 0x80, 0xA8...0xAE): return true                     // U+2028…U+202E
            case (0xE2, 0x81, 0xA6...0xA9): return true                     // U+2066…U+2069
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return keepingLineBreaks && previous == 0x0D
    }

    public static func isUnsafe(_ character: Character) -> Bool {
        character.unicodeScalars.contains(where: isUnsafe)
    }

    /// The visible form of one unsafe scalar.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: "\\e"
        case 0x0A: "\\n"
        case 0x0D: "\\r"
        case 0x09: "\\t"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// `text` with every unsafe scalar escaped; with `keepingLineBreaks`, LF and tab stay
    /// (for multi-line output such as a report), and a CR stays only before an LF.
    public static func safe(_ text: some StringProtocol, keepingLineBreaks: Bool = false) -> String {
        let string = String(text)
        // Over the contiguous bytes: the generic walk over a UTF-8 view showed in output time.
        let hasUnsafe = string.utf8.withContiguousStorageIfAvailable { containsUnsafe($0, keepingLineBreaks: keepingLineBreaks) }
            ?? containsUnsafe(Array(string.utf8), keepingLineBreaks: keepingLineBreaks)
        guard hasUnsafe else { return string }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if !isUnsafe(scalar) {
                result.append(scalar)
                continue
            }
            if keepingLineBreaks {
                let crBeforeLF = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
                if scalar == "\n" || scalar == "\t" || crBeforeLF {
                    result.append(scalar)
                    continue
                }
            }
            result.append(contentsOf: escape(scalar).unicodeScalars)
        }
        return String(result)
    }
}

extension StringProtocol {
    /// This text with control characters and bidi controls shown as escapes: for one
    /// line of output that came from a file (names, ids, reasons, paths).
    public var displaySafe: String { DisplaySafety.safe(self) }
}
