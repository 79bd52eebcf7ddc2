/// A lexical token of the condition language, with its 0-based column in the source.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case identifier(String)
        /// A word of the language itself, never a name.
        case keyword(Keyword)
        case integer(Int)
        case string(String)
        case leftParen, rightParen, leftBracket, rightBracket, comma
        case equal, notEqual, less, lessEqual, greater, greaterEqual
        case plus, minus, star
        case end
    }

    var kind: Kind
    var offset: Int
}

/// The words the condition language reserves (`reservedWords`), told apart by the lexer
/// so the parser compares cases instead of strings.
enum Keyword: String, Sendable, CaseIterable {
    case and, or, not, `in`, `true`, `false`, yes, no

    init?(_ word: ArraySlice<UInt8>) {
        // All are 2 to 5 ASCII letters; anything else is a name without comparing.
        guard (2...5).contains(word.count) else { return nil }
        for keyword in Self.allCases where keyword.rawValue.utf8.elementsEqual(word) {
            self = keyword
            return
        }
        return nil
    }
}

/// Bounds on one expression (a `when`, a score term, a dimension). Generous: the
/// longest bundled condition has 54 tokens and about 12 levels. They keep loading
/// linear and bound every recursive walk (type check, evaluation, reference
/// collection, release of the tree): a debug build needs up to ~4 KB of stack per
/// level, so 64 levels fit twice in a 512 KB secondary thread (macOS's default).
public enum ExpressionLimits {
    /// Names, values, operators and brackets in one expression.
    public static let maximumTokens = 1_000
    /// Levels of the parsed tree: a single value is one level, every operator above it
    /// one more, so `a and b and c` has three (`(a and b) and c`, each name one).
    public static let maximumDepth = 64
}

/// A syntax or type error inside an expression, at a 0-based column of its source.
public struct ExpressionError: Error, Equatable, Sendable {
    public var offset: Int
    public var message: String

    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }
}

/// Splits condition source text into tokens, one at a time as the parser asks.
///
/// It reads the source's UTF-8 bytes; offsets count Unicode scalars (the column an
/// author sees), which for the usual all-ASCII condition is the byte index.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0
    /// Scalars before `position`.
    private var column = 0
    /// Tokens handed out so far, the end token included.
    private(set) var count = 0
    /// The mistake in the characters this stopped at, if any.
    private(set) var failure: ExpressionError?

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// The next token; `.end` (again and again) once the source is used up.
    mutating func next() throws(ExpressionError) -> Token {
        if let failure { throw failure }
        do throws(ExpressionError) {
            let token = try scan()
            if token.kind != .end, count == ExpressionLimits.maximumTokens {
                throw ExpressionError(offset: token.offset, "the condition is too long: more than \(ExpressionLimits.maximumTokens) names, values and operators; split it up")
            }
            count += 1
            return token
        } catch {
            failure = error
            throw error
        }
    }

    /// The scalar at `position` and its length in bytes (the source is valid UTF-8).
    private func peekScalar(_ at: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard at < bytes.count else { return nil }
        let lead = bytes[at]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[at + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        position + ahead < bytes.count ? bytes[position + ahead] : nil
    }

    private mutating func advance(bytes length: Int = 1) {
        position += length
        column += 1
    }

    // Conditions are nearly all ASCII: answering that from the byte first keeps the
    // Unicode property tables for the rest.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) : scalar.properties.isAlphabetic
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private mutating func scan() throws(ExpressionError) -> Token {
        while let (scalar, length) = peekScalar(position), Self.isWhitespace(scalar) { advance(bytes: length) }
        let start = column
        guard let (scalar, length) = peekScalar(position) else { return Token(kind: .end, offset: start) }

        func single(_ kind: Token.Kind) -> Token {
            advance()
            return Token(kind: kind, offset: start)
        }
        func pair(_ kind: Token.Kind) -> Token {
            advance()
            advance()
            return Token(kind: kind, offset: start)
        }

        switch scalar {
        case "(": return single(.leftParen)
        case ")": return single(.rightParen)
        case "[": return single(.leftBracket)
        case "]": return single(.rightBracket)
        case ",": return single(.comma)
        case "+": return single(.plus)
        case "-": return single(.minus)
        case "*": return single(.star)
        case "=":
            if peek(1) == UInt8(ascii: "=") { return pair(.equal) }
            throw ExpressionError(offset: start, "'=' is not an operator; compare with '=='")
        case "!":
            if peek(1) == UInt8(ascii: "=") { return pair(.notEqual) }
            throw ExpressionError(offset: start, "'!' is not an operator; use 'not'")
        case "<":
            if peek(1) == UInt8(ascii: "=") { return pair(.lessEqual) }
            return single(.less)
        case ">":
            if peek(1) == UInt8(ascii: "=") { return pair(.greaterEqual) }
            return single(.greater)
        case "&":
            throw ExpressionError(offset: start, "'&' is not an operator; use 'and'")
        case "|":
            throw ExpressionError(offset: start, "'|' is not an operator; use 'or'")
        case "'", "\"":
            return try string(quote: UInt8(scalar.value), start: start)
        case "0"..."9":
            return try integer(start: start)
        default:
            guard Self.isLetter(scalar) || scalar == "_" else {
                throw ExpressionError(offset: start, "unexpected character '\(scalar)'")
            }
            let first = position
            advance(bytes: length)
            while let (next, length) = peekScalar(position), Self.isLetter(next) || next == "_" || ("0"..."9").contains(next) {
                advance(bytes: length)
            }
            let word = bytes[first..<position]
            if let keyword = Keyword(word) { return Token(kind: .keyword(keyword), offset: start) }
            return Token(kind: .identifier(text(first..<position)), offset: start)
        }
    }

    private mutating func integer(start: Int) throws(ExpressionError) -> Token {
        var value = 0
        while let digit = peek(), Self.isDigit(digit) {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(digit - 48))
            if overflow1 || overflow2 { throw ExpressionError(offset: start, "number is too large") }
            value = sum
            advance()
        }
        if let (next, _) = peekScalar(position), next == "." || Self.isLetter(next) {
            throw ExpressionError(offset: column, "numbers are whole numbers; unexpected '\(next)'")
        }
        return Token(kind: .integer(value), offset: start)
    }

    private mutating func string(quote: UInt8, start: Int) throws(ExpressionError) -> Token {
        advance()
        let contents = position
        while let (scalar, length) = peekScalar(position) {
            advance(bytes: length)
            if length == 1 && UInt8(scalar.value) == quote {
                return Token(kind: .string(text(contents..<position - 1)), offset: start)
            }
        }
        throw ExpressionError(offset: start, "string is not closed; add a matching \(Unicode.Scalar(quote))")
    }
}
