import Foundation
import Testing
@testable import GripEngine

/// The fast YAML parser must give exactly Yams's tree (texts, styles, positions) or give
/// up; and it must not give up on the files Grip ships, or loading is slow again.
struct YAMLSubsetParserTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shippedFiles() throws -> [URL] {
        let folders = ["Questionnaires", "Questionnaires/cases", "Examples/answers"]
        return try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "yaml" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
    }

    /// A tree as text, positions and styles included, so two trees compare in one string.
    static func render(_ node: YAMLNode) -> String {
        let at = "\(node.mark.line):\(node.mark.column)"
        switch node.kind {
        case .scalar: return "\(at)\(node.style)\(node.string!.debugDescription)"
        case .mapping: return "\(at){" + node.pairs.map { render($0.key) + " = " + render($0.value) }.joined(separator: ", ") + "}"
        case .sequence: return "\(at)[" + node.items.map(render).joined(separator: ", ") + "]"
        case .alias: return "\(at)*"
        case .repeated: return "\(at)*repeated"
        }
    }

    /// Nil when the subset parser gives up; otherwise whether it matches Yams.
    static func compare(_ text: String) -> (fast: String?, yams: String?) {
        let fast = YAMLSubsetParser.parse(text).map(render)
        guard fast != nil else { return (nil, nil) }
        let yams = try? YAMLDocument.composeWithYams(text, file: "t.yaml").get()
        return (fast, yams.map(render))
    }

    @Test func shippedFilesTakeTheFastPathAndMatchYams() throws {
        let files = try Self.shippedFiles()
        #expect(files.count >= 30)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let fast = try #require(YAMLSubsetParser.parse(text), "\(file.lastPathComponent) left the fast path")
            let yams = try YAMLDocument.composeWithYams(text, file: file.lastPathComponent).get()
            #expect(Self.render(fast) == Self.render(yams), "\(file.lastPathComponent)")
        }
    }

    /// Each construct the fast path reads, in the corners where YAML is subtle.
    @Test(arguments: [
        "a: 1\nb: two words  # comment\n",
        "a:\nb: 2\n",
        "a:\n  - x\n  -\n  - y\nb: 3",
        "a:\n- x\n- y\nb:\n",
        "- id: x\n  text: y\n- id: z\n  list:\n  - 1\n  - 2\n",
        "- \n  a: 1\n-\n- [a, b]\n",
        "naïve: é\nkey with spaces: v\nurl: https://example.org/a#b\nq: a:b\n",
        "t: {nl: één twee drieën vierëntwintig — ja, en: x}\nl: [ééééééé, ëëëëëëëë, a, 'ü']\nm: {ä: 1, b: 2}\n",
        "t: {nl: Twee woorden, en: Two words}\nl: [a, 'b c', \"d\\\"e\", []]\nm: {}\n",
        "f: [a,\n  b,\n    c]\n",
        "s: 'it''s'\nd: \"tab\\there \\u00e9 \\x41 \\U0001F600 \\\\ \\/ \\N \\_\"\n",
        "s: ''\nt: 'a''b''''c'\nu: ''''\nv: 'x'''\nw: '''y'\nl: ['p''q', '', 'r']\n",
        "x: >-\n  one\n  two\n\n  three\n\n\n  four\ny: 1\n",
        "x: >\n  one\n  two\n\ny: 1\n",
        "x: |\n  one\n    two\n\n  three\ny: |-\n  a\n  b\n",
        "x: |\n\n  after blank\n",
        "x: >-\n  at end",
        "x: |\n  at end without newline",
        "- >-\n  folded in a list\n- |\n  literal\n",
        "a:\n  b:\n    c: |\n      deep\n      text\n  d: e\n",
        "# only a comment first\n\na: 1\n\n# trailing\n",
        "a: \"quoted\"   # comment\nb: 'single' \n",
        "a:\n  \"on its own line\"\nb:\n  plain on its own line\n",
        "a: -1\n",
        "a: b: c\n",
        "a: 1\n  b: 2\n",
        "a: x\n  continued\n",
        "a: \"two\n  lines\"\n",
        "a: &anchor x\nb: *anchor\n",
        "a: !tag x\n",
        "a: 1\na: 2\n",
        "a:\tb\n",
        "--- \na: 1\n",
        "a: |+\n  keep\n\n",
        "a: |2\n   x\n",
        "{a: 1}\n",
        "x: >\n  one\n    indented\n  two\n",
        "x: [a, b,]\n",
        "x: {a: 1, a: 2}\n",
        "? complex\n: value\n",
        "\"quoted key\": 1\n",
        "a: \"\\uFEFFbom\"\nb: \"x\\uFEFF\"\n",
        "a: \"\\uD800\"\n",
        "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n", "a: x\u{85}y\n", "a: x\u{2028}y\n", "\u{FEFF}a: 1\n", "a: 1\r\nb: 2\r\n",
        "a: x\u{7F}\n", "a: x\u{9B}\n", "a: [x, {b: c}, [d]]\n", "a: {b: [1, 2], c: {d: e}}\n", "a: 'x' # c\n",
        "a:   # comment\n  b: 1\n", "a:\n  # comment\n  - x\n", "a: x #not: a key\n", "a: |\n  # not a comment\n",
    ])
    func fastPathMatchesYamsOrGivesUp(_ text: String) {
        let (fast, yams) = Self.compare(text)
        #expect(fast == yams, "\(text.debugDescription)")
    }

    /// The constructs the bundled files use must stay on the fast path.
    @Test(arguments: [
        "a: 1\nb: two words  # comment\n",
        "a:\n- x\n- y\nb:\n",
        "- id: x\n  text: y\n- id: z\n  list:\n  - 1\n  - 2\n",
        "t: {nl: Twee woorden, en: Two words}\nl: [a, 'b c', \"d\\\"e\", []]\n",
        "x: >-\n  one\n  two\n\n  three\ny: 1\n",
        "x: |-\n  a\n  b\n",
        "s: ''\nt: 'a''b''''c'\nu: ''''\nv: 'x'''\nw: '''y'\nl: ['p''q', '', 'r']\n",
        "t: {nl: één twee drieën vierëntwintig — ja, en: x}\nl: [ééééééé, ëëëëëëëë, a, 'ü']\nm: {ä: 1, b: 2}\n",
        "naïve: é\n",
    ])
    func commonConstructsTakeTheFastPath(_ text: String) {
        #expect(YAMLSubsetParser.parse(text) != nil, "\(text.debugDescription)")
    }

    /// The fast path checks the UTF-8 as it scans: it must never accept bytes that are not
    /// UTF-8 (the caller then names the file as not UTF-8 text). Every lead byte, with
    /// the continuation bytes at the edges of each range.
    @Test func invalidUTF8NeverTakesTheFastPath() {
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        var accepted = 0
        for lead in UInt8(0x80)...0xFF {
            for second in edges {
                for third in [UInt8(0x80), 0xBF, 0x41] {
                    for fourth in [UInt8(0x80), 0x41] {
                        let bytes = Array("a: x".utf8) + [lead, second, third, fourth] + Array(" y\n".utf8)
                        guard YAMLSubsetParser.parse(Data(bytes)) != nil else { continue }
                        accepted += 1
                        #expect(String(validating: bytes, as: UTF8.self) != nil, "\(bytes.map { String($0, radix: 16) })")
                    }
                }
            }
        }
        #expect(accepted > 300)
        for text in ["naïve: é", "prijs: € 5", "lach: 😀", "ß: 中文"] {
            #expect(YAMLSubsetParser.parse(text) != nil, "\(text)")
        }
    }

    /// The scan reads eight bytes at a time: a control character must be caught in any
    /// place of such a word, and a plain line of the same length must pass.
    @Test func controlCharactersAreCaughtAtEveryPlaceOfAWord() {
        let line = Array("key: abcdefghijklmnopqrstuvwxyz".utf8)
        #expect(YAMLSubsetParser.parse(Data(line + [0x0A])) != nil)
        for control in Array(UInt8(0)...0x1F).filter({ $0 != 0x0A }) + [0x7F] {
            for offset in 5..<line.count {
                var bytes = line
                bytes[offset] = control
                #expect(YAMLSubsetParser.parse(Data(bytes + [0x0A])) == nil, "byte \(control) at \(offset)")
            }
        }
    }

    /// Damaged pieces of the shipped files: whatever the fast path accepts, Yams must
    /// read the same way (never accept what Yams refuses, never read it differently).
    @Test func mutatedPiecesOfShippedFilesMatchYamsWheneverAccepted() throws {
        let files = try Self.shippedFiles().map { try Array(Data(contentsOf: $0)) }
        var generator = SeededGenerator(state: 0x7961_6d6c)
        var accepted = 0
        for round in 0..<3_000 {
            let file = files[round % files.count]
            var lines = file.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let start = Int.random(in: 0..<lines.count, using: &generator)
            lines = Array(lines[start..<min(lines.count, start + Int.random(in: 5...60, using: &generator))])
            var piece = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
            switch round % 4 {
            case 0: break
            case 1: piece = shiftIndentation(piece, using: &generator)
            default: piece = mutate(piece, using: &generator)
            }
            guard let text = String(validating: piece, as: UTF8.self) else { continue }
            let (fast, yams) = Self.compare(text)
            guard let fast else { continue }
            accepted += 1
            #expect(fast == yams, "round \(round): \(text.debugDescription)")
        }
        // Enough pieces took the fast path for the comparison to mean something.
        #expect(accepted > 500)
    }

    /// Indentation is where YAML is easiest to misread: lines moved in or out by one or
    /// two spaces, and values cut off after their ':'.
    func shiftIndentation(_ piece: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var lines = piece.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let index = Int.random(in: 0..<lines.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: lines[index].insert(contentsOf: repeatElement(UInt8(ascii: " "), count: Int.random(in: 1...2, using: &generator)), at: 0)
            case 1: if lines[index].first == UInt8(ascii: " ") { lines[index].removeFirst() }
            default: if let colon = lines[index].firstIndex(of: UInt8(ascii: ":")) { lines[index].removeSubrange((colon + 1)...) }
            }
        }
        return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }
}
