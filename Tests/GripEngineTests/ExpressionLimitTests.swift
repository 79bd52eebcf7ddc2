import Foundation
import Testing
@testable import GripEngine

/// Runs `body` on a thread with a small stack (macOS gives secondary threads 512 KB), so
/// a walk that recurses too deep crashes the test run instead of passing by luck.
func onSmallStack<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
    let box = ThreadResult<T>()
    let thread = Thread {
        box.value = body()
        box.done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    box.done.wait()
    return box.value!
}

/// Hands a value from the thread back; the semaphore orders the write before the read.
final class ThreadResult<T>: @unchecked Sendable {
    var value: T?
    let done = DispatchSemaphore(value: 0)
}

/// `term op term op …` with `count` terms.
func chain(_ term: String, _ op: String, count: Int) -> String {
    Array(repeating: term, count: count).joined(separator: " \(op) ")
}

/// A questionnaire with two yes/no questions; the second has `condition` as its `when`.
func questionnaire(when condition: String) -> String {
    """
    id: limits
    version: 1.0.0
    title: {nl: Grenzen, en: Limits}
    description: {nl: x, en: x}
    sections:
      - id: s
        title: {nl: S, en: S}
        questions:
          - id: yn
            type: yes_no
            text: {nl: A?, en: A?}
            help: {nl: h, en: h}
          - id: b
            type: yes_no
            text: {nl: B?, en: B?}
            help: {nl: h, en: h}
            when: "\(condition)"

    """
}

struct ExpressionLimitTests {
    // "yn and " is 7 characters: term k starts at 7k, its operator at 7k + 3.

    @Test("A chain of 2,500 terms is refused at the first token over the limit", arguments: ["and", "or"])
    func longChainIsTooLong(op: String) {
        let source = chain("yn", op, count: 2_500)
        // Token 1,000 (0-based) is term 500; each term with its operator takes 4 + op characters.
        #expect(throws: ExpressionError(offset: (4 + op.count) * 500, "the condition is too long: more than 1000 names, values and operators; split it up")) {
            _ = try TypeChecker.compileCondition(source, scope: scope)
        }
    }

    @Test func chainWithinTheTokenLimitButTooDeepIsRefusedAtTheOperator() {
        let source = chain("yn", "and", count: 150)
        // A name is one level, so the 64th 'and' makes 65 levels.
        #expect(throws: ExpressionError(offset: 7 * 63 + 3, "the condition is too deep: more than 64 levels of operators (each operator in a chain such as 'a and b and c' adds one); split it up")) {
            _ = try TypeChecker.compileCondition(source, scope: scope)
        }
        // The longest chain the lexer lets through (999 tokens) is refused, and the tree
        // built for it is released, on a small stack.
        let longest = chain("yn", "or", count: 500)
        let refused = onSmallStack { (try? TypeChecker.compileCondition(longest, scope: scope)) == nil }
        #expect(refused)
        let sum = chain("n", "+", count: 150) + " > 0"
        #expect(throws: ExpressionError.self) { _ = try TypeChecker.compileNumber(sum, scope: scope) }
        #expect(throws: ExpressionError.self) { _ = try TypeChecker.compileCondition(sum, scope: scope) }
    }

    @Test func deepParenthesesAreRefusedWhereTheyGetTooDeep() {
        let source = String(repeating: "(", count: 65) + "yn" + String(repeating: ")", count: 65)
        #expect(throws: ExpressionError(offset: 64, "the condition is nested too deeply")) {
            _ = try TypeChecker.compileCondition(source, scope: scope)
        }
    }

    @Test func conditionAtTheDepthLimitCompilesAndEvaluatesOnASmallStack() throws {
        let source = chain("yn", "and", count: 64)
        let results = onSmallStack { () -> [Truth?] in
            guard let compiled = try? TypeChecker.compileCondition(source, scope: scope) else { return [nil] }
            let answers = FixedAnswers(values: [0: .value(.yes)])
            return [compiled.truth(in: answers), compiled.referencedQuestions == [0] ? .true : .false]
        }
        #expect(results == [.true, .true])
        // 63 names, 62 '+' above them, and the comparison: 64 levels.
        let sum = chain("n", "+", count: 63) + " > 0"
        let number = onSmallStack { try? TypeChecker.compileCondition(sum, scope: scope).truth(in: FixedAnswers(values: [4: .value(.number(1))])) }
        #expect(number == .true)
        // One more term is one level too many.
        #expect(throws: ExpressionError.self) { _ = try TypeChecker.compileCondition(chain("yn", "and", count: 65), scope: scope) }
        #expect(throws: ExpressionError.self) { _ = try TypeChecker.compileCondition(chain("n", "+", count: 64) + " > 0", scope: scope) }
    }

    @Test func conditionAtTheTokenLimitCompiles() throws {
        // 500 names and 499 operators, grouped ten to an 'and' so it stays shallow, plus 'not'.
        let groups = (0..<50).map { _ in chain("yn", "and", count: 10) }
        let source = "not " + groups.joined(separator: " or ")
        var lexer = Lexer(source)
        while try lexer.next().kind != .end {}
        #expect(lexer.count == ExpressionLimits.maximumTokens + 1)  // with the end
        let compiled = onSmallStack { try? TypeChecker.compileCondition(source, scope: scope) }
        // (not yn and yn …) or (yn and …) …: true when yn is yes, false when no.
        #expect(compiled?.truth(in: FixedAnswers(values: [0: .value(.yes)])) == .true)
        #expect(compiled?.truth(in: FixedAnswers(values: [0: .value(.no)])) == .false)
        #expect(throws: ExpressionError.self) { _ = try TypeChecker.compileCondition(source + " or yn", scope: scope) }
    }

    @Test func parserAtTheNestingLimitRunsOnASmallStack() {
        // The whole, 31 × ('(' and 'not') and the last '(' are 64 levels of parser recursion.
        let source = String(repeating: "(not ", count: 31) + "(yn)" + String(repeating: ")", count: 31)
        let truth = onSmallStack { try? TypeChecker.compileCondition(source, scope: scope).truth(in: FixedAnswers(values: [0: .value(.yes)])) }
        #expect(truth == .false)
        #expect(throws: ExpressionError.self) { _ = try TypeChecker.compileCondition("(" + source + ")", scope: scope) }
    }

    @Test func loaderReportsTheLongConditionAtItsPosition() throws {
        let source = chain("yn", "and", count: 2_500)
        let report = onSmallStack { QuestionnaireLoader.load(Data(questionnaire(when: source).utf8), file: "long.yaml") }
        #expect(report.questionnaire == nil)
        let error = try #require(report.diagnostics.errors.first)
        // The quote of the `when` value is at line 15, column 15: the condition starts at 16.
        #expect(error.location == SourceLocation(file: "long.yaml", line: 17, column: 16 + 7 * 500))
        #expect(error.message.contains("the condition is too long"), "\(error.message)")
    }

    @Test func loaderAcceptsAQuestionnaireAtTheLimit() {
        let report = onSmallStack { QuestionnaireLoader.load(Data(questionnaire(when: chain("yn", "and", count: ExpressionLimits.maximumDepth)).utf8), file: "deep.yaml") }
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        guard let loaded = report.questionnaire else { Issue.record("not loaded"); return }
        var session = Session(questionnaire: loaded)
        _ = session.setAnswer(.yes, at: 0)
        #expect(session.isVisible(1))
        _ = session.setAnswer(.no, at: 0)
        #expect(!session.isVisible(1))
    }
}
