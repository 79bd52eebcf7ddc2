import Foundation
import Testing
@testable import GripResults

/// Fixed-seed fuzzing of the strict JSON parser that reads every result file: each input
/// is parsed or refused at a byte offset inside it, never crashes, and whatever is
/// accepted survives a canonical round trip unchanged. Longer runs: docs/fuzzing.md.
struct JSONFuzzCorpusTests {
    /// SplitMix64, so a failing round can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "{", "}", "[", "]", ",", ":", "\"", "\"k\"", "\"k\":", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\uD83D\\uDE00\"", "\"\\x\"",
        "true", "false", "null", "tru", "0", "-0", "01", "1.5", "1e3", "-", "9007199254740991", "9007199254740992", "-9007199254740993",
        "99999999999999999999999999", " ", "\n", "\t", "\r", "\u{0}", "\u{7F}", "é", "\u{202E}", "\u{FEFF}",
    ]

    static func hostile(_ seed: [UInt8], using generator: inout Generator) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            let depth = [63, 64, 65, 1_000, 20_000].randomElement(using: &generator)!
            switch Int.random(in: 0..<10, using: &generator) {
            case 0 where !bytes.isEmpty: bytes[at] = UInt8.random(in: 0...255, using: &generator)
            case 1 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...30, using: &generator)))
            case 2: bytes.insert(contentsOf: Array(fragments.randomElement(using: &generator)!.utf8), at: at)
            case 3: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "["), count: depth), at: at)
            case 4: bytes.insert(contentsOf: Array(String(repeating: "{\"a\":", count: depth).utf8), at: at)
            case 5: bytes.insert(contentsOf: [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0]].randomElement(using: &generator)!, at: at)
            case 6: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "a"), count: 20_000), at: at)
            case 7 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...300, using: &generator))
                bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0..<bytes.count, using: &generator))
            case 8: bytes = Array(bytes.prefix(at))
            default: bytes.insert(contentsOf: Array(String(repeating: "1", count: Int.random(in: 15...40, using: &generator)).utf8), at: at)
            }
        }
        return bytes
    }

    static func generated(using generator: inout Generator) -> [UInt8] {
        Array((0..<Int.random(in: 1...40, using: &generator)).map { _ in fragments.randomElement(using: &generator)! }.joined().utf8)
    }

    @Test func strictParserSurvivesSixThousandHostileInputs() throws {
        let seeds = [Array(try signedBytes()), Array(#"{"a":[1,-2,{"b":"\u00e9\n"}],"c":null,"d":true}"#.utf8), Array("[]".utf8)]
        var generator = Generator(state: 0x4A53_4F4E)
        var accepted = 0, refused = 0
        for round in 0..<6_000 {
            let bytes = Int.random(in: 0..<4, using: &generator) == 0
                ? Self.generated(using: &generator)
                : Self.hostile(seeds.randomElement(using: &generator)!, using: &generator)
            do throws(JSONParseError) {
                let value = try StrictJSONParser.parse(bytes)
                // Accepted means one meaning: the canonical form reads back to itself.
                let canonical = CanonicalJSON.bytes(value)
                #expect(CanonicalJSON.bytes(try StrictJSONParser.parse(canonical)) == canonical, "round \(round)")
                accepted += 1
            } catch {
                #expect((0...bytes.count).contains(error.offset), "round \(round): offset \(error.offset) outside \(bytes.count) bytes")
                #expect(!error.message.isEmpty)
                refused += 1
            }
        }
        #expect(accepted > 50 && refused > 3_000, "accepted \(accepted), refused \(refused)")
    }

    @Test func nestingAtTheLimitIsReadAndOneMoreIsRefused() throws {
        let depth = StrictJSONParser.maximumDepth
        let atLimit = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try StrictJSONParser.parse(Array(atLimit.utf8)) == StrictJSONParser.parse(CanonicalJSON.bytes(StrictJSONParser.parse(Array(atLimit.utf8)))))
        #expect(throws: JSONParseError(offset: depth, message: "nested too deeply")) {
            _ = try StrictJSONParser.parse(Array(("[" + atLimit + "]").utf8))
        }
    }
}
