import Testing
@testable import GripEngine

struct DisplaySafetyTests {
    /// The byte-level check must flag exactly the scalars `isUnsafe` names, wherever they
    /// stand, and nothing else (every scalar up to U+3000, and the planes above sampled).
    @Test func byteCheckAgreesWithTheScalarRuleForEveryScalar() {
        let samples = Array(0...0x3000) + Array(stride(from: 0x3001, through: 0x10FFFF, by: 97))
        for value in samples {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "ab\(scalar)", "é\(scalar)x", "\u{2014}\(scalar)"] {
                #expect(DisplaySafety.containsUnsafe(text.utf8) == text.unicodeScalars.contains(where: DisplaySafety.isUnsafe), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test(arguments: ["a\nb\tc", "a\r\nb", "a\rb", "end\r", "\r", "x\n\u{1B}", "\u{202E}\n", "é\r\n\u{85}"])
    func multiLineCheckKeepsOnlyLineBreaks(text: String) {
        let scalars = Array(text.unicodeScalars)
        let expected = scalars.indices.contains { index in
            let scalar = scalars[index]
            let kept = scalar == "\n" || scalar == "\t" || scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            return DisplaySafety.isUnsafe(scalar) && !kept
        }
        #expect(DisplaySafety.containsUnsafe(text.utf8, keepingLineBreaks: true) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("plain", "plain"), ("a\u{1B}[31mb", "a\\e[31mb"), ("\u{202E}evil", "\\u{202E}evil"), ("x\u{85}y", "x\\u{85}y"),
        ("— · é", "— · é"), ("tab\there", "tab\\there"),
    ])
    func unsafeScalarsAreEscaped(text: String, shown: String) {
        #expect(DisplaySafety.safe(text) == shown)
    }

    @Test(arguments: [("  a b \n", "a b"), ("\u{A0}\u{2003}x\u{3000}", "x"), ("   ", ""), ("", ""), ("\u{200B}x", "\u{200B}x")])
    func trimmingMatchesFoundationsWhiteSpace(text: String, trimmed: String) {
        #expect(text.trimmingWhitespace == trimmed)
    }
}
