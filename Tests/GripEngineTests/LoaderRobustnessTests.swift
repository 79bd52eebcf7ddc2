import Foundation
import Testing
import GripBundled
@testable import GripEngine

/// A small deterministic generator (SplitMix64), so a failing mutation can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Damages a file the ways editors and transfers do: flipped, dropped, inserted and
/// duplicated bytes, lost or swapped lines, YAML punctuation in the wrong place.
func mutate(_ original: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
    var bytes = original
    let punctuation: [UInt8] = Array(":-[]{}#&*!|>'\"%@`,? \n\t".utf8)
    for _ in 0..<Int.random(in: 1...4, using: &generator) {
        guard !bytes.isEmpty else { break }
        let at = Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<7, using: &generator) {
        case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
        case 1: bytes[at] = punctuation.randomElement(using: &generator)!
        case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &generator)))
        case 3: bytes.insert(punctuation.randomElement(using: &generator)!, at: at)
        case 4:
            let end = min(bytes.count, at + Int.random(in: 1...200, using: &generator))
            bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0..<bytes.count, using: &generator))
        case 5:
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            lines.remove(at: Int.random(in: 0..<lines.count, using: &generator))
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        default:
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            lines.swapAt(Int.random(in: 0..<lines.count, using: &generator), Int.random(in: 0..<lines.count, using: &generator))
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        }
    }
    return bytes
}

struct LoaderRobustnessTests {
    @Test func bundledQuestionnairesLoadWithoutDiagnostics() {
        #expect(!BundledQuestionnaires.files.isEmpty)
        for file in BundledQuestionnaires.files {
            let report = QuestionnaireLoader.load(file.contents, file: file.name)
            #expect(report.questionnaire != nil)
            #expect(report.diagnostics.isEmpty, "\(file.name): \(report.diagnostics)")
        }
    }

    @Test func twoThousandMutatedQuestionnairesLoadOrFailCleanly() throws {
        let original = try #require(BundledQuestionnaires.files.first { $0.name == "quickscan.yaml" })
        var generator = SeededGenerator(state: 0x6772_6970)
        var loaded = 0, rejected = 0
        for round in 0..<2_000 {
            let bytes = mutate(Array(original.contents), using: &generator)
            let report = QuestionnaireLoader.load(Data(bytes), file: "mutant-\(round).yaml")
            if report.questionnaire != nil {
                #expect(report.diagnostics.errors.isEmpty)
                loaded += 1
            } else {
                // A rejected file always says why, and where.
                #expect(!report.diagnostics.errors.isEmpty, "mutant \(round) rejected without an error")
                #expect(report.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 }, "mutant \(round)")
                rejected += 1
            }
        }
        #expect(loaded + rejected == 2_000)
        #expect(rejected > 1_000, "the mutations should mostly break the file")
    }

    /// An alias of a scalar reads as its text, kept once.
    @Test func aliasesOfAScalarShareItsText() throws {
        let root = try YAMLDocument.composeWithYams("a: &x hello\nb: *x\nc: *x\nd: hello\n", file: "t.yaml").get()
        let values = root.pairs.map(\.value)
        #expect(values.map(\.string) == ["hello", "hello", "hello", "hello"])
        #expect(Set(values.prefix(3).map(\.index)).count == 1)
        #expect(values[3].index != values[0].index, "the same text elsewhere is a scalar of its own")
    }

    /// Ten levels of ten aliases each: a few hundred bytes that name a billion values.
    /// Read as one node per alias, the file is refused at once instead of expanding.
    @Test func nestedAliasesDoNotExpand() throws {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<10 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("id: *a9")
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)
        let root = try YAMLDocument.compose(data, file: "laughs.yaml").get()
        // 11 keys, 11 lists, 10 scalars, 90 aliases met again, the root.
        #expect(root.tree.records.count < 150)
        let report = QuestionnaireLoader.load(data, file: "laughs.yaml")
        #expect(report.questionnaire == nil)
        #expect(report.diagnostics.map(\.description).contains("laughs.yaml:10:5: error: this value is repeated through an alias (*); anchors and aliases are not supported, write the value out"))
    }
}
