import Foundation
import Testing
@testable import GripResults

func canonical(_ json: String) throws -> String {
    String(decoding: CanonicalJSON.bytes(try StrictJSONParser.parse(Array(json.utf8))), as: UTF8.self)
}

/// RFC 8785 (JSON Canonicalization Scheme), checked against the RFC's own examples.
/// Grip's signed data holds no floating-point numbers, so the RFC's number examples
/// are covered by refusing floats instead (see `strictParserRefuses`).
struct CanonicalJSONTests {
    @Test func rfc8785SortingExampleOrdersKeysByUTF16CodeUnits() throws {
        // RFC 8785 §3.2.3: the emoji (UTF-16 D83D DE00) sorts before U+FB33 although
        // its code point is larger.
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        let expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\u{FB33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        #expect(try canonical(input) == expected)
    }

    @Test func rfc8785StringAndLiteralExample() throws {
        // RFC 8785 §3.2.2 (its "numbers" member left out: floats are not Grip data).
        let input = #"""
            {
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let expected = #"{"literals":[null,true,false],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try canonical(input) == expected)
    }

    @Test func nestedStructuresAreSortedAtEveryLevel() throws {
        let input = #"{"b": [{"z": 1, "a": {"d": -2, "c": "x"}}, []], "a": {}}"#
        #expect(try canonical(input) == #"{"a":{},"b":[{"a":{"c":"x","d":-2},"z":1},[]]}"#)
    }

    @Test func everyControlCharacterIsEscapedTheECMAScriptWay() {
        var output: [UInt8] = []
        CanonicalJSON.writeString("\u{00}\u{08}\u{09}\u{0A}\u{0B}\u{0C}\u{0D}\u{1F} \u{7F}é", into: &output)
        #expect(String(decoding: output, as: UTF8.self) == #""\u0000\b\t\n\u000b\f\r\u001f "# + "\u{7F}é\"")
    }

    @Test func canonicalOutputIsAFixedPoint() throws {
        let once = try canonical(#"{"b":"\u00e9\n","a":[1,{"y":true,"x":null}]}"#)
        #expect(try canonical(once) == once)
    }

    @Test("The strict parser refuses what could be read two ways", arguments: [
        (#"{"a":1,"a":2}"#, "duplicate key \"a\""),
        (#"{"a":1.5}"#, "floating-point numbers are not allowed; only whole numbers"),
        (#"{"a":1e3}"#, "floating-point numbers are not allowed; only whole numbers"),
        (#"{"a":9007199254740992}"#, "integer out of the exactly representable range ±(2^53−1)"),
        (#"{"a":01}"#, "leading zeros are not allowed"),
        (#"{"a":"\ud800"}"#, "lone surrogate in \\u escape"),
        (#"{"a":"\udc00"}"#, "lone surrogate in \\u escape"),
        (#"{"a":"x"} x"#, "unexpected data after the JSON value"),
        (#"{"a":"x}"#, "string is not closed"),
        ("{\"a\":\"\u{01}\"}", "control character in a string must be escaped"),
        (#"{"a":tru}"#, "invalid literal"),
        (#"{"a" 1}"#, "expected ':' after a key"),
        (#"[1,]"#, "unexpected character"),
        ("", "unexpected end of input"),
        (String(repeating: "[", count: 100) + String(repeating: "]", count: 100), "nested too deeply"),
    ])
    func strictParserRefuses(json: String, message: String) {
        #expect(performing: { _ = try StrictJSONParser.parse(Array(json.utf8)) }, throws: { ($0 as? JSONParseError)?.message == message })
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONParseError(offset: 0, message: "not valid UTF-8")) {
            _ = try StrictJSONParser.parse([0x22, 0xC3, 0x28, 0x22])
        }
    }

    @Test func largestExactIntegersAreAccepted() throws {
        #expect(try StrictJSONParser.parse(Array("[9007199254740991,-9007199254740991,0,-0]".utf8)) == [9_007_199_254_740_991, -9_007_199_254_740_991, 0, 0])
    }
}

struct DuplicateKeyTests {
    /// Small objects are checked linearly, larger ones with a set: both must refuse.
    @Test(arguments: [2, 15, 16, 17, 40])
    func aDuplicateKeyIsRefusedAtAnySize(keys: Int) {
        let members = (0..<keys).map { "\"k\($0)\":\($0)" } + ["\"k\(keys - 1)\":0"]
        let text = "{" + members.joined(separator: ",") + "}"
        #expect(throws: JSONParseError.self) { try StrictJSONParser.parse(Array(text.utf8)) }
        let unique = "{" + members.dropLast().joined(separator: ",") + "}"
        #expect(throws: Never.self) { try StrictJSONParser.parse(Array(unique.utf8)) }
    }
}
