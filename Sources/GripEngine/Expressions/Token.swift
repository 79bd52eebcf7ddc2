/// A lexical token of the condition language, with its 0-based column in the source.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case identifier(String)
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

/// Splits condition source text into tokens.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    /// Every scalar is ASCII, so a name's text is its bytes.
    private let isASCII: Bool
    private var position = 0

    init(_ source: String) {
        // A condition is nearly always ASCII: one scalar per byte, read from the string's
        // contiguous bytes (iterating its UTF-8 view byte by byte cost a few percent of a load).
        var source = source
        let ascii = source.withUTF8 { bytes -> [Unicode.Scalar]? in
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(bytes.count)
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                scalars.append(Unicode.Scalar(byte))
            }
            return scalars
        }
        scalars = ascii ?? Array(source.unicodeScalars)
        isASCII = ascii != nil
    }

    static func tokenize(_ source: String) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            if token.kind != .end, tokens.count == ExpressionLimits.maximumTokens {
                throw ExpressionError(offset: token.offset, "the condition is too long: more than \(ExpressionLimits.maximumTokens) names, values and operators; split it up")
            }
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    // Conditions are nearly all ASCII: answering that from the scalar value first keeps
    // the Unicode property tables (a sixth of loading a questionnaire) for the rest.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) : scalar.properties.isAlphabetic
    }

    private func text(_ range: Range<Int>) -> String {
        let slice = scalars[range]
        guard isASCII || slice.allSatisfy(\.isASCII) else {
            var text = ""
            text.unicodeScalars.append(contentsOf: slice)
            return text
        }
        return String(unsafeUninitializedCapacity: slice.count) { buffer in
            for (index, scalar) in slice.enumerated() { buffer[index] = UInt8(scalar.value) }
            return slice.count
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private mutating func next() throws(ExpressionError) -> Token {
        while let scalar = peek(), Self.isWhitespace(scalar) { position += 1 }
        let start = position
        guard let scalar = peek() else { return Token(kind: .end, offset: start) }

        func single(_ kind: Token.Kind) -> Token {
            position += 1
            return Token(kind: kind, offset: start)
        }
        func pair(_ kind: Token.Kind) -> Token {
            position += 2
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
            if peek(1) == "=" { return pair(.equal) }
            throw ExpressionError(offset: start, "'=' is not an operator; compare with '=='")
        case "!":
            if peek(1) == "=" { return pair(.notEqual) }
            throw ExpressionError(offset: start, "'!' is not an operator; use 'not'")
        case "<":
            if peek(1) == "=" { return pair(.lessEqual) }
            return single(.less)
        case ">":
            if peek(1) == "=" { return pair(.greaterEqual) }
            return single(.greater)
        case "&":
            throw ExpressionError(offset: start, "'&' is not an operator; use 'and'")
        case "|":
            throw ExpressionError(offset: start, "'|' is not an operator; use 'or'")
        case "'", "\"":
            return try string(quote: scalar, start: start)
        case "0"..."9":
            return try integer(start: start)
        default:
            if Self.isLetter(scalar) || scalar == "_" {
                while let next = peek(), Self.isLetter(next) || next == "_" || ("0"..."9").contains(next) {
                    position += 1
                }
                return Token(kind: .identifier(text(start..<position)), offset: start)
            }
            throw ExpressionError(offset: start, "unexpected character '\(scalar)'")
        }
    }

    private mutating func integer(start: Int) throws(ExpressionError) -> Token {
        var value = 0
        while let digit = peek(), ("0"..."9").contains(digit) {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(digit.value - 48))
            if overflow1 || overflow2 { throw ExpressionError(offset: start, "number is too large") }
            value = sum
            position += 1
        }
        if let next = peek(), next == "." || Self.isLetter(next) {
            throw ExpressionError(offset: position, "numbers are whole numbers; unexpected '\(next)'")
        }
        return Token(kind: .integer(value), offset: start)
    }

    private mutating func string(quote: Unicode.Scalar, start: Int) throws(ExpressionError) -> Token {
        position += 1
        let contents = position
        while let scalar = peek() {
            position += 1
            if scalar == quote { return Token(kind: .string(text(contents..<position - 1)), offset: start) }
        }
        throw ExpressionError(offset: start, "string is not closed; add a matching \(quote)")
    }
}
