/// Recursive-descent parser for the condition language.
///
///     or      := and ('or' and)*
///     and     := not ('and' not)*
///     not     := 'not' not | compare
///     compare := sum (('=='|'!='|'<'|'<='|'>'|'>=') sum | 'not'? 'in' sum)?
///     sum     := product (('+'|'-') product)*
///     product := unary ('*' unary)*
///     unary   := '-' unary | primary
///     primary := INTEGER | STRING | true | false | yes | no | NAME | NAME '(' args ')'
///              | '[' (expr (',' expr)*)? ']' | '(' or ')'
struct Parser {
    /// Nesting of parentheses, brackets, calls, `not` and unary `-`: these are what the
    /// parser itself recurses on (chains of binary operators are loops).
    static let maximumDepth = 64

    private var lexer: Lexer
    private var current: Token
    private var depth = 0

    static func parse(_ source: String) throws(ExpressionError) -> Syntax {
        var parser = try Parser(lexer: Lexer(source))
        do {
            return try parser.parseCondition()
        } catch {
            // Tokens are read as the parser goes, but a mistake in the characters anywhere
            // is reported before one in the grammar, as when all were read first.
            while try parser.lexer.next().kind != .end {}
            throw error
        }
    }

    private mutating func parseCondition() throws(ExpressionError) -> Syntax {
        if current.kind == .end {
            throw ExpressionError(offset: 0, "the condition is empty")
        }
        let syntax = try or()
        if current.kind != .end {
            throw ExpressionError(offset: current.offset, "unexpected \(Self.describe(current.kind)) after a complete condition")
        }
        // A chain `a and b and c …` is built left-deep, so its depth grows with its length.
        // The type checker and evaluator recurse once per level: this bound keeps them safe.
        // Every node takes a token of its own, so with no more tokens than levels allowed
        // the tree cannot be too deep (the end token is not a node).
        if lexer.count - 1 > ExpressionLimits.maximumDepth, let offset = syntax.offset(beyondDepth: ExpressionLimits.maximumDepth) {
            throw ExpressionError(offset: offset, "the condition is too deep: more than \(ExpressionLimits.maximumDepth) levels of operators (each operator in a chain such as 'a and b and c' adds one); split it up")
        }
        return syntax
    }

    private init(lexer: Lexer) throws(ExpressionError) {
        self.lexer = lexer
        current = try self.lexer.next()
    }

    private mutating func advance() throws(ExpressionError) {
        if current.kind != .end { current = try lexer.next() }
    }

    private func isKeyword(_ keyword: Keyword) -> Bool {
        current.kind == .keyword(keyword)
    }

    private mutating func nested<T>(_ body: (inout Parser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw ExpressionError(offset: current.offset, "the condition is nested too deeply")
        }
        return try body(&self)
    }

    private mutating func or() throws(ExpressionError) -> Syntax {
        try nested { parser throws(ExpressionError) in
            var left = try parser.and()
            while parser.isKeyword(.or) {
                let offset = parser.current.offset
                try parser.advance()
                left = .binary(.or, left, try parser.and(), offset: offset)
            }
            return left
        }
    }

    private mutating func and() throws(ExpressionError) -> Syntax {
        var left = try not()
        while isKeyword(.and) {
            let offset = current.offset
            try advance()
            left = .binary(.and, left, try not(), offset: offset)
        }
        return left
    }

    private mutating func not() throws(ExpressionError) -> Syntax {
        if isKeyword(.not) {
            let offset = current.offset
            try advance()
            return try nested { parser throws(ExpressionError) in .not(try parser.not(), offset: offset) }
        }
        return try compare()
    }

    private mutating func compare() throws(ExpressionError) -> Syntax {
        let left = try sum()
        let offset = current.offset
        let op: BinaryOperator?
        switch current.kind {
        case .equal: op = .equal
        case .notEqual: op = .notEqual
        case .less: op = .less
        case .lessEqual: op = .lessEqual
        case .greater: op = .greater
        case .greaterEqual: op = .greaterEqual
        case .keyword(.in): op = .in
        case .keyword(.not):
            try advance()
            guard isKeyword(.in) else {
                throw ExpressionError(offset: offset, "'not' here must be followed by 'in'")
            }
            op = .notIn
        default: op = nil
        }
        guard let op else { return left }
        try advance()
        return .binary(op, left, try sum(), offset: offset)
    }

    private mutating func sum() throws(ExpressionError) -> Syntax {
        var left = try product()
        while current.kind == .plus || current.kind == .minus {
            let op: BinaryOperator = current.kind == .plus ? .plus : .minus
            let offset = current.offset
            try advance()
            left = .binary(op, left, try product(), offset: offset)
        }
        return left
    }

    private mutating func product() throws(ExpressionError) -> Syntax {
        var left = try unary()
        while current.kind == .star {
            let offset = current.offset
            try advance()
            left = .binary(.times, left, try unary(), offset: offset)
        }
        return left
    }

    private mutating func unary() throws(ExpressionError) -> Syntax {
        if current.kind == .minus {
            let offset = current.offset
            try advance()
            return try nested { parser throws(ExpressionError) in .negate(try parser.unary(), offset: offset) }
        }
        return try primary()
    }

    private mutating func primary() throws(ExpressionError) -> Syntax {
        let token = current
        switch token.kind {
        case .integer(let value):
            try advance()
            return .integer(value, offset: token.offset)
        case .string(let value):
            try advance()
            return .string(value, offset: token.offset)
        case .keyword(let keyword):
            switch keyword {
            case .true, .yes:
                try advance()
                return .boolean(true, offset: token.offset)
            case .false, .no:
                try advance()
                return .boolean(false, offset: token.offset)
            case .and, .or, .in, .not:
                throw ExpressionError(offset: token.offset, "expected a value, found '\(keyword.rawValue)'")
            }
        case .identifier(let name):
            try advance()
            guard current.kind == .leftParen else { return .name(name, offset: token.offset) }
            try advance()
            let arguments = try items(closing: .rightParen, what: "')'")
            return .call(name, arguments, offset: token.offset)
        case .leftBracket:
            try advance()
            return .list(try items(closing: .rightBracket, what: "']'"), offset: token.offset)
        case .leftParen:
            try advance()
            let inner = try or()
            guard current.kind == .rightParen else {
                throw ExpressionError(offset: current.offset, "expected ')' to close the '(' at column \(token.offset + 1), found \(Self.describe(current.kind))")
            }
            try advance()
            return inner
        default:
            throw ExpressionError(offset: token.offset, "expected a value, found \(Self.describe(token.kind))")
        }
    }

    private mutating func items(closing: Token.Kind, what: String) throws(ExpressionError) -> [Syntax] {
        var items: [Syntax] = []
        if current.kind == closing {
            try advance()
            return items
        }
        while true {
            items.append(try or())
            if current.kind == .comma {
                try advance()
                continue
            }
            guard current.kind == closing else {
                throw ExpressionError(offset: current.offset, "expected ',' or \(what), found \(Self.describe(current.kind))")
            }
            try advance()
            return items
        }
    }

    static func describe(_ kind: Token.Kind) -> String {
        switch kind {
        case .identifier(let name): "'\(name)'"
        case .keyword(let keyword): "'\(keyword.rawValue)'"
        case .integer(let value): "'\(value)'"
        case .string(let value): "'\(value)'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .comma: "','"
        case .equal: "'=='"
        case .notEqual: "'!='"
        case .less: "'<'"
        case .lessEqual: "'<='"
        case .greater: "'>'"
        case .greaterEqual: "'>='"
        case .plus: "'+'"
        case .minus: "'-'"
        case .star: "'*'"
        case .end: "the end of the condition"
        }
    }
}
