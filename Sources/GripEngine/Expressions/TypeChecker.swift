/// The static type of an expression, checked when a questionnaire loads.
enum ExpressionType: Equatable, Sendable {
    case boolean
    case number
    case text
    /// A string literal: an option id or a text, depending on what it meets.
    case string
    /// The answer of a single-choice question (index).
    case option(Int)
    /// The answers of a multi-choice question (index).
    case options(Int)
    case list

    var name: String {
        switch self {
        case .boolean: "a yes/no value"
        case .number: "a number"
        case .text: "a text answer"
        case .string: "a string"
        case .option: "a single-choice answer"
        case .options: "a multi-choice answer"
        case .list: "a list"
        }
    }
}

/// What the type checker needs to know about the questions an expression may read.
public struct ExpressionScope: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var type: QuestionType
        public var optionIDs: [String]
        /// "None of these" options, which `count(q)` leaves out.
        public var exclusiveOptionIDs: [String]

        public init(id: String, type: QuestionType, optionIDs: [String], exclusiveOptionIDs: [String] = []) {
            self.id = id
            self.type = type
            self.optionIDs = optionIDs
            self.exclusiveOptionIDs = exclusiveOptionIDs
        }
    }

    var entries: [Entry]
    var indexByID: [String: Int]
    /// For a visibility condition: the index of the question it belongs to. Only
    /// earlier questions may be read, which also rules out cycles.
    var owner: Int?
    /// Scores and criteria by name, for outcome rules; empty for visibility conditions.
    var rules: [String: RuleSymbol] = [:]

    public init(entries: [Entry], owner: Int? = nil) {
        self.entries = entries
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() where indexByID[entry.id] == nil {
            indexByID[entry.id] = index
        }
        self.indexByID = indexByID
        self.owner = owner
    }

    func withOwner(_ owner: Int?) -> ExpressionScope {
        var copy = self
        copy.owner = owner
        return copy
    }

    func withRules(_ rules: [String: RuleSymbol]) -> ExpressionScope {
        var copy = self
        copy.rules = rules
        return copy
    }
}

/// Resolves names, checks types and produces a `CompiledExpression`.
struct TypeChecker {
    static let functions = ["count", "unknown", "answered"]

    let scope: ExpressionScope

    /// Parses and checks a condition that must be a yes/no value.
    static func compileCondition(_ source: String, scope: ExpressionScope) throws(ExpressionError) -> CompiledExpression {
        let syntax = try Parser.parse(source)
        let checker = TypeChecker(scope: scope)
        let (compiled, type) = try checker.check(syntax)
        guard type == .boolean else {
            throw ExpressionError(offset: syntax.offset, "a condition must be yes/no (true or false), but this is \(type.name)")
        }
        return compiled
    }

    /// Parses and checks an expression that must be a number (a score term, a dimension).
    static func compileNumber(_ source: String, scope: ExpressionScope) throws(ExpressionError) -> CompiledExpression {
        let syntax = try Parser.parse(source)
        let (compiled, type) = try TypeChecker(scope: scope).check(syntax)
        guard type == .number else {
            throw ExpressionError(offset: syntax.offset, "this must be a number, but is \(type.name)")
        }
        return compiled
    }

    func check(_ syntax: Syntax) throws(ExpressionError) -> (CompiledExpression, ExpressionType) {
        switch syntax {
        case .integer(let value, _):
            return (.number(value), .number)
        case .string(let value, _):
            return (.string(value), .string)
        case .boolean(let value, _):
            return (.boolean(value), .boolean)
        case .name(let name, let offset):
            if scope.indexByID[name] == nil, let rule = scope.rules[name] {
                switch rule {
                case .score(let index): return (.score(index), .number)
                case .criterion(let index): return (.criterion(index), .boolean)
                }
            }
            let index = try resolve(name, offset: offset)
            return (.answer(index), Self.type(of: scope.entries[index].type, index: index))
        case .list(_, let offset):
            throw ExpressionError(offset: offset, "a list can only follow 'in', as in: answer in ['a', 'b']")
        case .call(let name, let arguments, let offset):
            return try call(name, arguments, offset: offset)
        case .not(let inner, _):
            return (.not(try boolean(inner, role: "'not'")), .boolean)
        case .negate(let inner, _):
            return (.negate(try number(inner, role: "'-'")), .number)
        case .binary(let op, let left, let right, let offset):
            return try binary(op, left, right, offset: offset)
        }
    }

    static func type(of questionType: QuestionType, index: Int) -> ExpressionType {
        switch questionType {
        case .yesNo, .yesNoUnknown: .boolean
        case .single: .option(index)
        case .multi: .options(index)
        case .number, .scale: .number
        case .text: .text
        }
    }

    private func resolve(_ name: String, offset: Int) throws(ExpressionError) -> Int {
        guard let index = scope.indexByID[name] else {
            var message = scope.rules.isEmpty ? "unknown question '\(name)'" : "unknown question, score or criterion '\(name)'"
            if let suggestion = closestMatch(to: name, in: scope.entries.map(\.id) + scope.rules.keys.sorted() + Self.functions) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw ExpressionError(offset: offset, message)
        }
        if let owner = scope.owner {
            if index == owner {
                throw ExpressionError(offset: offset, "the condition of question '\(name)' refers to itself")
            }
            if index > owner {
                throw ExpressionError(offset: offset, "question '\(name)' comes later in the file; a condition may only depend on earlier questions")
            }
        }
        return index
    }

    private func boolean(_ syntax: Syntax, role: String) throws(ExpressionError) -> CompiledExpression {
        let (compiled, type) = try check(syntax)
        guard type == .boolean else {
            throw ExpressionError(offset: syntax.offset, "\(role) needs a yes/no value, but this is \(type.name)")
        }
        return compiled
    }

    private func number(_ syntax: Syntax, role: String) throws(ExpressionError) -> CompiledExpression {
        let (compiled, type) = try check(syntax)
        guard type == .number else {
            throw ExpressionError(offset: syntax.offset, "\(role) needs a number, but this is \(type.name)")
        }
        return compiled
    }

    private func questionArgument(_ syntax: Syntax, function: String) throws(ExpressionError) -> Int {
        guard case .name(let name, let offset) = syntax else {
            throw ExpressionError(offset: syntax.offset, "\(function)() takes a question id")
        }
        return try resolve(name, offset: offset)
    }

    private func call(_ name: String, _ arguments: [Syntax], offset: Int) throws(ExpressionError) -> (CompiledExpression, ExpressionType) {
        switch name {
        case "unknown", "answered":
            guard arguments.count == 1 else {
                throw ExpressionError(offset: offset, "\(name)() takes one question id")
            }
            let index = try questionArgument(arguments[0], function: name)
            return (name == "unknown" ? .isUnknown(index) : .isAnswered(index), .boolean)
        case "count":
            guard arguments.count == 1 || arguments.count == 2 else {
                throw ExpressionError(offset: offset, "count() takes a multi-choice question, optionally followed by a list of its options")
            }
            let index = try questionArgument(arguments[0], function: name)
            guard scope.entries[index].type == .multi else {
                throw ExpressionError(offset: arguments[0].offset, "count() needs a multi-choice question, but '\(scope.entries[index].id)' is \(scope.entries[index].type.rawValue)")
            }
            // count(q) counts real choices: a "none of these" option is not one.
            let entry = scope.entries[index]
            var only: [String]? = entry.exclusiveOptionIDs.isEmpty ? nil : entry.optionIDs.filter { !entry.exclusiveOptionIDs.contains($0) }
            if arguments.count == 2 {
                only = try optionList(arguments[1], question: index)
            }
            return (.count(index, only: only), .number)
        default:
            var message = "unknown function '\(name)'"
            if let suggestion = closestMatch(to: name, in: Self.functions) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw ExpressionError(offset: offset, message)
        }
    }

    /// A list literal of strings; when `question` is given, each must be one of its options.
    private func optionList(_ syntax: Syntax, question: Int?) throws(ExpressionError) -> [String] {
        guard case .list(let items, _) = syntax else {
            throw ExpressionError(offset: syntax.offset, "expected a list such as ['a', 'b']")
        }
        var values: [String] = []
        for item in items {
            guard case .string(let value, let offset) = item else {
                throw ExpressionError(offset: item.offset, "list items must be quoted option ids such as 'a'")
            }
            if let question { try checkOption(value, of: question, offset: offset) }
            values.append(value)
        }
        return values
    }

    private func checkOption(_ value: String, of question: Int, offset: Int) throws(ExpressionError) {
        let entry = scope.entries[question]
        guard entry.optionIDs.contains(value) else {
            var message = "'\(value)' is not an option of question '\(entry.id)'"
            if let suggestion = closestMatch(to: value, in: entry.optionIDs) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += " (options: \(entry.optionIDs.joined(separator: ", ")))"
            }
            throw ExpressionError(offset: offset, message)
        }
    }

    private func binary(_ op: BinaryOperator, _ left: Syntax, _ right: Syntax, offset: Int) throws(ExpressionError) -> (CompiledExpression, ExpressionType) {
        switch op {
        case .and:
            return (.and(try boolean(left, role: "'and'"), try boolean(right, role: "'and'")), .boolean)
        case .or:
            return (.or(try boolean(left, role: "'or'"), try boolean(right, role: "'or'")), .boolean)
        case .plus, .minus, .times:
            let arithmetic: CompiledExpression.Arithmetic = op == .plus ? .plus : op == .minus ? .minus : .times
            return (.arithmetic(arithmetic, try number(left, role: "'\(op.rawValue)'"), try number(right, role: "'\(op.rawValue)'")), .number)
        case .less, .lessEqual, .greater, .greaterEqual:
            let comparison = CompiledExpression.Comparison(rawValue: op.rawValue)!
            return (.compare(comparison, try number(left, role: "'\(op.rawValue)'"), try number(right, role: "'\(op.rawValue)'")), .boolean)
        case .equal, .notEqual:
            return try equality(op == .equal ? .equal : .notEqual, left, right, offset: offset)
        case .in, .notIn:
            return try membership(negated: op == .notIn, left, right, offset: offset)
        }
    }

    private func equality(_ comparison: CompiledExpression.Comparison, _ left: Syntax, _ right: Syntax, offset: Int) throws(ExpressionError) -> (CompiledExpression, ExpressionType) {
        let (leftCompiled, leftType) = try check(left)
        let (rightCompiled, rightType) = try check(right)
        switch (leftType, rightType) {
        case (.boolean, .boolean), (.number, .number), (.text, .string), (.string, .text),
            (.string, .string), (.text, .text):
            break
        case (.option(let question), .string):
            if case .string(let value, let valueOffset) = right { try checkOption(value, of: question, offset: valueOffset) }
        case (.string, .option(let question)):
            if case .string(let value, let valueOffset) = left { try checkOption(value, of: question, offset: valueOffset) }
        case (.option, .option):
            break
        case (.options(let question), _), (_, .options(let question)):
            throw ExpressionError(offset: offset, "'\(scope.entries[question].id)' is multi-choice: test an option with 'option' in \(scope.entries[question].id), or use count(\(scope.entries[question].id))")
        default:
            throw ExpressionError(offset: offset, "cannot compare \(leftType.name) with \(rightType.name)")
        }
        return (.compare(comparison, leftCompiled, rightCompiled), .boolean)
    }

    private func membership(negated: Bool, _ left: Syntax, _ right: Syntax, offset: Int) throws(ExpressionError) -> (CompiledExpression, ExpressionType) {
        if case .list = right {
            let (leftCompiled, leftType) = try check(left)
            switch leftType {
            case .option(let question):
                return (.oneOf(leftCompiled, try optionList(right, question: question), negated: negated), .boolean)
            case .text, .string:
                return (.oneOf(leftCompiled, try optionList(right, question: nil), negated: negated), .boolean)
            case .options(let question):
                throw ExpressionError(offset: left.offset, "'\(scope.entries[question].id)' is multi-choice: write 'option' in \(scope.entries[question].id) for each option, or count(\(scope.entries[question].id), [...]) > 0")
            default:
                throw ExpressionError(offset: left.offset, "'in [...]' needs a single-choice answer or a text on its left, but this is \(leftType.name)")
            }
        }
        let (_, rightType) = try check(right)
        guard case .options(let question) = rightType else {
            throw ExpressionError(offset: right.offset, "'in' needs a list or a multi-choice question on its right, but this is \(rightType.name)")
        }
        guard case .string(let value, let valueOffset) = left else {
            throw ExpressionError(offset: left.offset, "write the option as a quoted id, as in 'special' in \(scope.entries[question].id)")
        }
        try checkOption(value, of: question, offset: valueOffset)
        return (.selected(value, question: question, negated: negated), .boolean)
    }
}
