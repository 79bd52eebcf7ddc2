import GripEngine
import Testing
@testable import GripResults

struct ResultLimitTests {
    @Test("Scores are recorded within what verification reads", arguments: zip(
        [Int.max, 9_007_199_254_740_992, 9_007_199_254_740_991, Int.min, -3, 0],
        [9_007_199_254_740_991, 9_007_199_254_740_991, 9_007_199_254_740_991, -9_007_199_254_740_991, -3, 0] as [Int64]))
    func scoresWithinTheExactRange(score: Int, recorded: Int64) throws {
        #expect(OutcomeJSON.exact(score) == recorded)
        // And the strict parser reads the bound back.
        #expect(try StrictJSONParser.parse(Array("\(recorded)".utf8)) == .integer(recorded))
    }

    @Test func verificationUsesTheEngineLimits() {
        #expect(StrictJSONParser.maximumInteger == Int64(AnswerLimits.maximumInteger))
        #expect(ResultVerifier.maximumFileSize == AnswerLimits.maximumResultSize)
    }
}
