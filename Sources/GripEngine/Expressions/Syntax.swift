/// The untyped syntax tree of a condition, as parsed.
indirect enum Syntax: Equatable, Sendable {
    case integer(Int, offset: Int)
    case string(String, offset: Int)
    case boolean(Bool, offset: Int)
    case name(String, offset: Int)
    case list([Syntax], offset: Int)
    case call(String, [Syntax], offset: Int)
    case not(Syntax, offset: Int)
    case negate(Syntax, offset: Int)
    case binary(BinaryOperator, Syntax, Syntax, offset: Int)

    var offset: Int {
        switch self {
        case .integer(_, let offset), .string(_, let offset), .boolean(_, let offset),
            .name(_, let offset), .list(_, let offset), .call(_, _, let offset),
            .not(_, let offset), .negate(_, let offset), .binary(_, _, _, let offset):
            offset
        }
    }
}

enum BinaryOperator: String, Sendable {
    case and, or
    case equal = "==", notEqual = "!="
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in` = "in", notIn = "not in"
    case plus = "+", minus = "-", times = "*"
}

/// Words with a meaning of their own; they cannot be question ids.
public let reservedWords: Set<String> = ["and", "or", "not", "in", "true", "false", "yes", "no"]
