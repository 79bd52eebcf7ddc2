import Foundation
import Testing
@testable import GripEngine

/// A fixed set of answers by question index, for evaluating expressions directly.
struct FixedAnswers: AnswerLookup {
    var values: [Int: ResolvedAnswer]
    func resolvedAnswer(at index: Int) -> ResolvedAnswer { values[index] ?? .absent }
}

/// The scope used by the expression tables: yn (0), ynu (1), pick (2, single a/b/c), many (3, multi a/b/c), n (4), t (5).
let scope = ExpressionScope(entries: [
    .init(id: "yn", type: .yesNo, optionIDs: []),
    .init(id: "ynu", type: .yesNoUnknown, optionIDs: []),
    .init(id: "pick", type: .single, optionIDs: ["a", "b", "c"]),
    .init(id: "many", type: .multi, optionIDs: ["a", "b", "c"]),
    .init(id: "n", type: .number, optionIDs: []),
    .init(id: "t", type: .text, optionIDs: []),
])

func evaluate(_ source: String, _ answers: [Int: ResolvedAnswer]) throws -> Truth {
    try TypeChecker.compileCondition(source, scope: scope).truth(in: FixedAnswers(values: answers))
}

struct ExpressionTests {
    @Test("Kleene truth tables", arguments: [
        // left, right, and, or
        (Truth.true, Truth.true, Truth.true, Truth.true),
        (.true, .false, .false, .true),
        (.true, .unknown, .unknown, .true),
        (.false, .false, .false, .false),
        (.false, .unknown, .false, .unknown),
        (.unknown, .unknown, .unknown, .unknown),
        (.unknown, .false, .false, .unknown),
        (.unknown, .true, .unknown, .true),
    ])
    func kleeneTables(left: Truth, right: Truth, and: Truth, or: Truth) {
        #expect((left && right) == and)
        #expect((left || right) == or)
        #expect(!(!left) == left)
    }

    @Test("Three-valued evaluation through the language", arguments: [
        // (source, answers, expected)
        ("ynu", [1: ResolvedAnswer.unknown], Truth.unknown),
        ("ynu == yes", [1: .unknown], .unknown),
        ("not ynu", [1: .unknown], .unknown),
        ("ynu and yn", [1: .unknown, 0: .value(.no)], .false),
        ("ynu or yn", [1: .unknown, 0: .value(.yes)], .true),
        ("ynu or yn", [1: .unknown, 0: .value(.no)], .unknown),
        ("unknown(ynu)", [1: .unknown], .true),
        ("unknown(ynu)", [1: .value(.yes)], .false),
        ("answered(ynu)", [1: .unknown], .true),
        ("answered(ynu)", [:], .false),
        ("pick == 'a'", [2: .value(.option("a"))], .true),
        ("pick != 'a'", [2: .value(.option("b"))], .true),
        ("pick in ['a', 'b']", [2: .value(.option("b"))], .true),
        ("pick not in ['a', 'b']", [2: .value(.option("c"))], .true),
        ("pick in ['a']", [2: .unknown], .unknown),
        ("'a' in many", [3: .value(.options(["a", "c"]))], .true),
        ("'b' in many", [3: .value(.options(["a", "c"]))], .false),
        ("'b' not in many", [3: .value(.options(["a", "c"]))], .true),
        ("'b' in many", [3: .unknown], .unknown),
        ("count(many) >= 2", [3: .value(.options(["a", "c"]))], .true),
        ("count(many, ['a', 'b']) == 1", [3: .value(.options(["a", "c"]))], .true),
        ("count(many) > 0", [3: .unknown], .unknown),
        ("n * 2 + 1 > 10", [4: .value(.number(5))], .true),
        ("n - 10 < -4", [4: .value(.number(5))], .true),
        ("n >= 10000", [4: .unknown], .unknown),
        ("t == 'x'", [5: .value(.text("x"))], .true),
        ("(yn or ynu) and not (n < 3)", [0: .value(.yes), 4: .value(.number(3))], .true),
        // Absent (hidden or unanswered) satisfies no comparison, not even '!='.
        ("yn", [:], .false),
        ("yn == no", [:], .false),
        ("yn != no", [:], .false),
        ("pick != 'a'", [:], .false),
        ("pick not in ['a']", [:], .false),
        ("'a' not in many", [:], .false),
        ("n + 1 > 0", [:], .false),
    ])
    func evaluation(source: String, answers: [Int: ResolvedAnswer], expected: Truth) throws {
        #expect(try evaluate(source, answers) == expected, "\(source)")
    }

    @Test("Parse and type errors name the column", arguments: [
        ("yn and", 6, "expected a value, found the end of the condition"),
        ("yn = yes", 3, "'=' is not an operator; compare with '=='"),
        ("yn && ynu", 3, "'&' is not an operator; use 'and'"),
        ("(yn or ynu", 10, "expected ')' to close the '(' at column 1, found the end of the condition"),
        ("pick == 'd'", 8, "'d' is not an option of question 'pick' (options: a, b, c)"),
        ("pick in ['a', 'x']", 14, "'x' is not an option of question 'pick' (options: a, b, c)"),
        ("'z' in many", 0, "'z' is not an option of question 'many' (options: a, b, c)"),
        ("pik == 'a'", 0, "unknown question 'pik'; did you mean 'pick'?"),
        ("cout(many) > 1", 0, "unknown function 'cout'; did you mean 'count'?"),
        ("count(pick) > 1", 6, "count() needs a multi-choice question, but 'pick' is single"),
        ("n > yes", 4, "'>' needs a number, but this is a yes/no value"),
        ("yn + 1 > 0", 0, "'+' needs a number, but this is a yes/no value"),
        ("many == 'a'", 5, "'many' is multi-choice: test an option with 'option' in many, or use count(many)"),
        ("n", 0, "a condition must be yes/no (true or false), but this is a number"),
        ("t", 0, "a condition must be yes/no (true or false), but this is a text answer"),
        ("yn == 3", 3, "cannot compare a yes/no value with a number"),
        ("'it", 0, "string is not closed; add a matching '"),
        ("n > 1.5", 5, "numbers are whole numbers; unexpected '.'"),
        ("n > 99999999999999999999", 4, "number is too large"),
        ("", 0, "the condition is empty"),
        ("yn yn", 3, "unexpected 'yn' after a complete condition"),
        ("[1, 2]", 0, "a list can only follow 'in', as in: answer in ['a', 'b']"),
        ("yn and or ynu", 7, "expected a value, found 'or'"),
        // A mistake in the characters is reported before an earlier one in the grammar.
        ("yn and and yn = 1", 14, "'=' is not an operator; compare with '=='"),
        // Columns count characters, not bytes.
        ("t == 'café' and yn ?", 19, "unexpected character '?'"),
        ("t == 'é' and n", 13, "'and' needs a yes/no value, but this is a number"),
    ])
    func errors(source: String, offset: Int, message: String) {
        #expect(throws: ExpressionError(offset: offset, message)) {
            _ = try TypeChecker.compileCondition(source, scope: scope)
        }
    }

    @Test func referencesComeInTheOrderTheyAreFirstReadWithoutRepeats() throws {
        let questions = try TypeChecker.compileCondition(
            "n > 1 and pick == 'a' or yn and n < 3 and 'a' in many and count(many) > 0 and unknown(ynu)", scope: scope)
        #expect(questions.references == ExpressionReferences(questions: [4, 2, 0, 3, 1]))
        #expect(questions.referencedQuestions == [4, 2, 0, 3, 1])
        let rules = scope.withRules(["total": .score(0), "risky": .criterion(1), "mild": .criterion(0)])
        let mixed = try TypeChecker.compileCondition("risky or total > 3 and mild or risky and not yn", scope: rules)
        #expect(mixed.references == ExpressionReferences(questions: [0], rules: [.criterion(1), .score(0), .criterion(0)]))
        #expect(mixed.referencedRules == [.criterion(1), .score(0), .criterion(0)])
    }

    @Test func deepNestingIsRejectedNotACrash() {
        let source = String(repeating: "(", count: 10_000) + "yn" + String(repeating: ")", count: 10_000)
        #expect(throws: ExpressionError.self) { _ = try TypeChecker.compileCondition(source, scope: scope) }
        let nots = String(repeating: "not ", count: 10_000) + "yn"
        #expect(throws: ExpressionError.self) { _ = try TypeChecker.compileCondition(nots, scope: scope) }
    }

    @Test func arithmeticSaturatesInsteadOfTrapping() throws {
        #expect(try evaluate("n * n * n > 0", [4: .value(.number(Int.max / 2))]) == .true)
        #expect(try evaluate("0 - n * n < 0", [4: .value(.number(Int.max / 2))]) == .true)
    }

    @Test func visibilityConditionsMayOnlyReadEarlierQuestions() {
        #expect(throws: ExpressionError(offset: 0, "question 'n' comes later in the file; a condition may only depend on earlier questions")) {
            _ = try TypeChecker.compileCondition("n > 1", scope: scope.withOwner(2))
        }
        #expect(throws: ExpressionError(offset: 0, "the condition of question 'pick' refers to itself")) {
            _ = try TypeChecker.compileCondition("pick == 'a'", scope: scope.withOwner(2))
        }
    }
}

extension ExpressionTests {
    @Test("Overflow saturates towards the right sign", arguments: [
        ("n + n", Int.max), ("0 - n - n", Int.min), ("n * n", Int.max), ("(0 - n) * n", Int.min), ("(0 - n) * (0 - n)", Int.max),
    ])
    func saturation(source: String, expected: Int) throws {
        let syntax = try Parser.parse(source)
        let (compiled, _) = try TypeChecker(scope: scope).check(syntax)
        #expect(compiled.number(in: FixedAnswers(values: [4: .value(.number(Int.max / 2 + 1))])).value == expected)
    }
}
