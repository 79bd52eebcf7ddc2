import Foundation

/// Reads the part of YAML that questionnaires, cases and answers files are written in,
/// straight from the UTF-8 bytes: block mappings and lists, plain and quoted one-line
/// values, literal and folded block text, and one-line flow lists and mappings.
///
/// It is a fast path, not a second YAML implementation: whatever it is not sure about
/// (anchors, tags, multi-line plain or quoted text, tabs, duplicate keys, any error) makes
/// it give up, and the file goes to Yams, which also gives the error messages. A test
/// checks that both give the same tree, positions included, on every bundled file and
/// on thousands of mutations of them.
enum YAMLSubsetParser {
    /// The tree, or nil when the file is outside the subset (or not valid UTF-8, which
    /// the caller words).
    static func parse(_ data: Data) -> YAMLTree? {
        guard data.count < YAMLTreeBuilder.sourceCopyLimit else { return nil }
        return data.withUnsafeBytes { raw in
            var reader = SubsetReader(bytes: raw.bindMemory(to: UInt8.self))
            guard let root = try? reader.document() else { return nil }
            return reader.builder.finish(root: root, source: data)
        }
    }

    static func parse(_ text: String) -> YAMLNode? {
        parse(Data(text.utf8))?.root
    }
}

private struct Unsupported: Error {}

private extension UInt8 {
    static let newline: UInt8 = 0x0A, space: UInt8 = 0x20, hash: UInt8 = 0x23
    static let colon: UInt8 = 0x3A, comma: UInt8 = 0x2C, dash: UInt8 = 0x2D
    static let doubleQuote: UInt8 = 0x22, singleQuote: UInt8 = 0x27, backslash: UInt8 = 0x5C
    static let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D
    static let openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D
    static let pipe: UInt8 = 0x7C, greaterThan: UInt8 = 0x3E
}

private struct SubsetReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var builder: YAMLTreeBuilder
    var position = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    /// The lines of the block text being read, kept for the next.
    var blockLines: [Range<Int>] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        builder = YAMLTreeBuilder(source: bytes)
    }

    /// The byte at `index`, or 0 past the end (NUL bytes are refused before parsing).
    func byte(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

    var current: UInt8 { byte(position) }
    var atEnd: Bool { position >= bytes.count }

    /// The indentation of the current token, which is the first on its line.
    var indent: Int { position - lineStart }

    /// The last column counted, so marks further along a line count on from there
    /// (a flow mapping names several values on one long line).
    var counted = (index: 0, column: 1)

    var mark: YAMLMark { mutating get { mark(at: position) } }

    mutating func mark(at index: Int) -> YAMLMark {
        var (scan, column) = counted
        if scan < lineStart || scan > index { (scan, column) = (lineStart, 1) }
        while scan < index {
            if bytes[scan] & 0xC0 != 0x80 { column += 1 }
            scan += 1
        }
        counted = (index, column)
        return YAMLMark(line: line, column: column)
    }

    func isBreakOrEnd(_ byte: UInt8) -> Bool { byte == .newline || byte == 0 }
    func isBlankOrEnd(_ byte: UInt8) -> Bool { byte == .space || isBreakOrEnd(byte) }

    var atSequenceEntry: Bool { current == .dash && isBlankOrEnd(byte(position + 1)) }

    // MARK: Document

    mutating func document() throws(Unsupported) -> Int32 {
        try refuseOutsideSubset()
        skipToToken()
        guard !atEnd else { throw Unsupported() }
        let root: Int32
        if atSequenceEntry {
            root = try blockSequence(indent: indent)
        } else if keyColon() != nil {
            root = try blockMapping(indent: indent)
        } else {
            throw Unsupported()
        }
        skipToToken()
        guard atEnd else { throw Unsupported() }
        return root
    }

    /// Characters libyaml refuses or reads specially (tabs, carriage returns, control
    /// characters, byte-order marks, Unicode line separators), document markers,
    /// directives and bytes that are not UTF-8: all left to the caller and Yams. The one
    /// pass over the file also checks its UTF-8, so the text is never decoded whole.
    func refuseOutsideSubset() throws(Unsupported) {
        try refuseLineStart(at: 0)
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while all are printable ASCII (most of a file): a byte
            // below 0x20 borrows into its top bit, one above 0x7E carries into it.
            if index + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let below = (word &- 0x2020_2020_2020_2020) & ~word
                let above = (word &+ 0x0101_0101_0101_0101) | word
                if (below | above) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            index += 1
            // Printable ASCII needs one comparison.
            if byte &- 0x20 < 0x5F { continue }
            if byte == .newline {
                try refuseLineStart(at: index)
                continue
            }
            if byte < 0x80 { throw Unsupported() }  // other control characters, DEL
            let next = self.byte(index), third = self.byte(index + 1)
            index += try utf8Continuation(lead: byte, next, third, self.byte(index + 2))
            if byte == 0xC2 && next < 0xA0 { throw Unsupported() }  // C1 controls, NEL
            if byte == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9) { throw Unsupported() }
            if byte == 0xEF && (next == 0xBB && third == 0xBF || next == 0xBF && third >= 0xBE) { throw Unsupported() }
        }
    }

    /// How many continuation bytes follow `lead` in well-formed UTF-8 (Unicode table 3-7:
    /// no overlong forms, no surrogates, nothing past U+10FFFF); throws otherwise. A byte
    /// past the end reads as 0, which is never a continuation.
    func utf8Continuation(lead: UInt8, _ second: UInt8, _ third: UInt8, _ fourth: UInt8) throws(Unsupported) -> Int {
        func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            guard isContinuation(second) else { throw Unsupported() }
            return 1
        case 0xE0...0xEF:
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80, high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            guard (low...high).contains(second), isContinuation(third) else { throw Unsupported() }
            return 2
        case 0xF0...0xF4:
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80, high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            guard (low...high).contains(second), isContinuation(third), isContinuation(fourth) else { throw Unsupported() }
            return 3
        default:
            throw Unsupported()
        }
    }

    /// A directive (%) or a document marker (--- or ...) at the start of a line.
    func refuseLineStart(at index: Int) throws(Unsupported) {
        let first = byte(index)
        if first == 0x25 /* % */ { throw Unsupported() }
        if first == .dash || first == 0x2E /* . */, byte(index + 1) == first, byte(index + 2) == first,
            isBlankOrEnd(byte(index + 3)) {
            throw Unsupported()
        }
    }

    // MARK: Layout

    /// Moves to the next token, across spaces, comments and line breaks.
    mutating func skipToToken() {
        skipSpacesAndBreaks()
        while current == .hash {
            position = lineEnd(from: position)
            skipSpacesAndBreaks()
        }
    }

    mutating func skipSpacesAndBreaks() {
        while position < bytes.count {
            switch bytes[position] {
            case .space:
                position += 1
            case .newline:
                position += 1
                line += 1
                lineStart = position
            default:
                return
            }
        }
    }

    /// Skips spaces and a comment to the end of the line; throws when anything else follows.
    mutating func finishLine() throws(Unsupported) {
        while current == .space { position += 1 }
        if current == .hash && position > lineStart && bytes[position - 1] == .space {
            while !isBreakOrEnd(current) { position += 1 }
        }
        guard isBreakOrEnd(current) else { throw Unsupported() }
    }

    mutating func nest() throws(Unsupported) {
        depth += 1
        // Deeper than any questionnaire: Yams decides what such a file is.
        if depth > 64 { throw Unsupported() }
    }

    // MARK: Block collections

    /// When a plain key and its ':' start at the current position, the index of the ':'.
    func keyColon() -> Int? {
        guard startsPlain(current) else { return nil }
        var index = position
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .newline { return nil }
            if byte == .colon && isBlankOrEnd(self.byte(index + 1)) { return index }
            if byte == .hash && bytes[index - 1] == .space { return nil }
            index += 1
        }
        return nil
    }

    mutating func blockMapping(indent: Int) throws(Unsupported) -> Int32 {
        try nest()
        defer { depth -= 1 }
        let mappingMark = mark
        let entryMark = builder.entryMark
        while true {
            guard let colon = keyColon() else { throw Unsupported() }
            var end = colon
            while bytes[end - 1] == .space { end -= 1 }
            // libyaml refuses keys longer than 1024 characters.
            guard end - position < 1000 else { throw Unsupported() }
            let key = builder.sourceScalar(position..<end, style: .plain, mark: mark)
            try addKey(key, entryMark: entryMark)
            position = colon + 1
            builder.addEntry(try blockValue(parentIndent: indent, afterIndicator: position, inMapping: true))
            skipToToken()
            if atEnd || self.indent < indent { break }
            guard self.indent == indent, !atSequenceEntry else { throw Unsupported() }
        }
        return builder.endCollection(.mapping, from: entryMark, mark: mappingMark)
    }

    /// Adds a mapping's key after checking it is new: Yams reports duplicate keys, with
    /// their position. (A mapping has a handful of keys: comparing with each beats hashing
    /// them; a mapping of hundreds goes to Yams.)
    mutating func addKey(_ key: Int32, entryMark: Int) throws(Unsupported) {
        guard builder.pendingCount(from: entryMark) < 128, !builder.hasKey(like: key, from: entryMark) else { throw Unsupported() }
        builder.addEntry(key)
    }

    mutating func blockSequence(indent: Int) throws(Unsupported) -> Int32 {
        try nest()
        defer { depth -= 1 }
        let sequenceMark = mark
        let entryMark = builder.entryMark
        while true {
            position += 1
            builder.addEntry(try sequenceEntry(indent: indent))
            skipToToken()
            if atEnd || self.indent < indent { break }
            guard self.indent == indent else { throw Unsupported() }
            // A key at the same indentation ends a list that is the value of a key.
            if !atSequenceEntry { break }
        }
        return builder.endCollection(.sequence, from: entryMark, mark: sequenceMark)
    }

    /// The entry after a '-' of a list at `indent`.
    mutating func sequenceEntry(indent: Int) throws(Unsupported) -> Int32 {
        let afterDash = position
        while current == .space { position += 1 }
        if isBreakOrEnd(current) || current == .hash {
            return try blockValue(parentIndent: indent, afterIndicator: afterDash, inMapping: false)
        }
        if atSequenceEntry { throw Unsupported() }
        if keyColon() != nil {
            // A mapping that starts on the '-' line; its keys line up with the first one.
            return try blockMapping(indent: self.indent)
        }
        return try inlineValue(parentIndent: indent)
    }

    /// The value after a key's ':' (or a list's '-'): on the same line, or on the lines
    /// below, indented further (a list under a key may also start at the key's indentation).
    mutating func blockValue(parentIndent: Int, afterIndicator: Int, inMapping: Bool) throws(Unsupported) -> Int32 {
        while current == .space { position += 1 }
        if !isBreakOrEnd(current) && current != .hash {
            return try inlineValue(parentIndent: parentIndent)
        }
        try finishLine()
        let emptyMark = mark(at: afterIndicator)
        skipToToken()
        if atEnd || indent < parentIndent || indent == parentIndent && !(inMapping && atSequenceEntry) {
            return builder.sourceScalar(position..<position, style: .plain, mark: emptyMark)
        }
        if atSequenceEntry { return try blockSequence(indent: indent) }
        if keyColon() != nil { return try blockMapping(indent: indent) }
        return try inlineValue(parentIndent: parentIndent)
    }

    /// A value that starts at the current position and ends on this line, or a block
    /// scalar whose header is on it.
    mutating func inlineValue(parentIndent: Int) throws(Unsupported) -> Int32 {
        let value: Int32
        switch current {
        case .pipe, .greaterThan:
            return try blockScalar(parentIndent: parentIndent)
        case .doubleQuote:
            value = try doubleQuoted()
        case .singleQuote:
            value = try singleQuoted()
        case .openBracket, .openBrace:
            value = try flowNode()
        default:
            value = try plainBlockScalar()
        }
        try finishLine()
        return value
    }

    // MARK: Scalars

    /// Indicators and spaces cannot start plain text (libyaml allows '-', '?' and ':'
    /// before a non-space, but those go to Yams).
    func startsPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case 0, .space, .newline, .dash, 0x3F /* ? */, .colon, .comma, .openBracket, .closeBracket,
            .openBrace, .closeBrace, .hash, 0x26 /* & */, 0x2A /* * */, 0x21 /* ! */, .pipe,
            .greaterThan, .singleQuote, .doubleQuote, 0x25 /* % */, 0x40 /* @ */, 0x60 /* ` */:
            false
        default:
            true
        }
    }

    /// The index of the line break at or after `index`, or the end: memchr, because lines
    /// of block text run long and are most of a questionnaire's bytes.
    func lineEnd(from index: Int) -> Int {
        guard index < bytes.count, let base = bytes.baseAddress else { return bytes.count }
        guard let found = memchr(base + index, Int32(UInt8.newline), bytes.count - index) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Plain text up to the end of the line or a comment. A ': ' in it would make it a key.
    mutating func plainBlockScalar() throws(Unsupported) -> Int32 {
        guard startsPlain(current) else { throw Unsupported() }
        let start = position
        let scalarMark = mark
        var end = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == .newline { break }
            if byte == .colon && isBlankOrEnd(self.byte(position + 1)) { throw Unsupported() }
            if byte == .hash && bytes[position - 1] == .space { break }
            if byte != .space { end = position + 1 }
            position += 1
        }
        return builder.sourceScalar(start..<end, style: .plain, mark: scalarMark)
    }

    /// "…" on one line, with the escapes JSON knows and YAML's \x, \U, \N, \_, \L, \P.
    mutating func doubleQuoted() throws(Unsupported) -> Int32 {
        let scalarMark = mark
        position += 1
        let start = position
        while position < bytes.count && bytes[position] != .doubleQuote && bytes[position] != .backslash {
            if bytes[position] == .newline { throw Unsupported() }
            position += 1
        }
        if current == .doubleQuote {
            position += 1
            return builder.sourceScalar(start..<position - 1, style: .doubleQuoted, mark: scalarMark)
        }
        var buffer = Array(bytes[start..<position])
        while true {
            guard position < bytes.count else { throw Unsupported() }
            let byte = bytes[position]
            if byte == .doubleQuote { break }
            if byte == .newline { throw Unsupported() }
            if byte != .backslash {
                buffer.append(byte)
                position += 1
                continue
            }
            let escape = self.byte(position + 1)
            position += 2
            switch escape {
            case 0x30: buffer.append(0)
            case 0x61: buffer.append(0x07)
            case 0x62: buffer.append(0x08)
            case 0x74: buffer.append(0x09)
            case 0x6E: buffer.append(0x0A)
            case 0x76: buffer.append(0x0B)
            case 0x66: buffer.append(0x0C)
            case 0x72: buffer.append(0x0D)
            case 0x65: buffer.append(0x1B)
            case .space, .doubleQuote, 0x2F /* / */, .backslash: buffer.append(escape)
            case 0x4E /* N */: try append(0x85, to: &buffer)
            case 0x5F /* _ */: try append(0xA0, to: &buffer)
            case 0x4C /* L */: try append(0x2028, to: &buffer)
            case 0x50 /* P */: try append(0x2029, to: &buffer)
            case 0x78 /* x */: try append(try hex(digits: 2), to: &buffer)
            case 0x75 /* u */: try append(try hex(digits: 4), to: &buffer)
            case 0x55 /* U */: try append(try hex(digits: 8), to: &buffer)
            default: throw Unsupported()
            }
        }
        position += 1
        return buffer.withUnsafeBufferPointer { builder.scalar($0, style: .doubleQuoted, mark: scalarMark) }
    }

    mutating func hex(digits: Int) throws(Unsupported) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            let byte = current
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw Unsupported()
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    func append(_ value: UInt32, to buffer: inout [UInt8]) throws(Unsupported) {
        // Surrogates and values past Unicode are errors for libyaml: Yams words them. An
        // escaped byte order mark libyaml drops at the start of a value: also Yams's part.
        guard let scalar = Unicode.Scalar(value), value != 0xFEFF else { throw Unsupported() }
        buffer.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// '…' on one line, with '' for a quote.
    mutating func singleQuoted() throws(Unsupported) -> Int32 {
        let scalarMark = mark
        position += 1
        let contentStart = position
        // Text without '' is read where it stands; with one, the runs between are copied.
        var textStart: Int?
        var runStart = position
        while true {
            guard position < bytes.count, bytes[position] != .newline else { throw Unsupported() }
            if bytes[position] == .singleQuote {
                guard byte(position + 1) == .singleQuote else { break }
                // '' is one quote: the run takes the first, the next run starts after both.
                if textStart == nil { textStart = builder.textCount }
                builder.appendText(slice(runStart, position + 1))
                position += 2
                runStart = position
                continue
            }
            position += 1
        }
        let end = position
        position += 1
        guard let textStart else {
            return builder.sourceScalar(contentStart..<end, style: .singleQuoted, mark: scalarMark)
        }
        builder.appendText(slice(runStart, end))
        return builder.scalar(textFrom: textStart, style: .singleQuoted, mark: scalarMark)
    }

    /// `|`, `|-`, `>` or `>-` text on the lines below, indented further than its parent.
    mutating func blockScalar(parentIndent: Int) throws(Unsupported) -> Int32 {
        let scalarMark = mark
        let folded = current == .greaterThan
        position += 1
        var strip = false
        if current == .dash {
            strip = true
            position += 1
        }
        // Keep (+) chomping and indentation indicators go to Yams.
        guard current == .space || isBreakOrEnd(current) || current == .hash else { throw Unsupported() }
        try finishLine()

        // Lines as byte ranges, blank ones empty; the scalar ends before the first
        // non-blank line indented less than its first one. `cursor` is at a line break.
        // The list is lent by the reader: a questionnaire has a thousand block texts.
        var lines = blockLines
        blockLines = []
        lines.removeAll(keepingCapacity: true)
        defer { blockLines = lines }
        var contentIndent = -1
        var lastContent = -1
        var endsWithBreak = false
        var cursor = position
        while cursor < bytes.count, cursor + 1 < bytes.count {
            let begin = cursor + 1
            var scan = begin
            while scan < bytes.count && bytes[scan] == .space { scan += 1 }
            let spaces = scan - begin
            let end = lineEnd(from: scan)
            if scan == end {
                // Spaces past the indentation would be text; before the first line they
                // may be errors for libyaml.
                if spaces > (contentIndent >= 0 ? contentIndent : parentIndent) { throw Unsupported() }
                lines.append(begin..<begin)
            } else {
                if contentIndent < 0 {
                    guard spaces > parentIndent else { throw Unsupported() }
                    contentIndent = spaces
                }
                if spaces < contentIndent { break }
                // Lines indented further keep their line breaks in folded text: Yams's part.
                if folded && spaces > contentIndent { throw Unsupported() }
                lines.append(begin + contentIndent..<end)
                lastContent = lines.count - 1
                endsWithBreak = end < bytes.count
            }
            lineStart = begin
            line += 1
            cursor = end
        }
        // Text that never starts is read by Yams.
        guard lastContent >= 0 else { throw Unsupported() }
        // At the break after the last line taken (trailing blank lines included), or the
        // end: the caller's skipToToken goes on from there.
        position = cursor

        // Written straight into the tree's text.
        let textStart = builder.textCount
        var blanks = 0
        var started = false
        for range in lines[...lastContent] {
            if range.isEmpty {
                blanks += 1
                continue
            }
            if !started {
                builder.appendText(.newline, count: blanks)
                started = true
            } else if folded {
                if blanks == 0 {
                    builder.appendText(.space, count: 1)
                } else {
                    builder.appendText(.newline, count: blanks)
                }
            } else {
                builder.appendText(.newline, count: blanks + 1)
            }
            blanks = 0
            builder.appendText(slice(range.lowerBound, range.upperBound))
        }
        if !strip && endsWithBreak { builder.appendText(.newline, count: 1) }
        return builder.scalar(textFrom: textStart, style: folded ? .folded : .literal, mark: scalarMark)
    }

    // MARK: Flow collections

    /// A value inside [ ] or { }, which may continue on the next lines.
    mutating func flowNode() throws(Unsupported) -> Int32 {
        try nest()
        defer { depth -= 1 }
        switch current {
        case .openBracket:
            let sequenceMark = mark
            let entryMark = builder.entryMark
            try flowEntries(until: .closeBracket) { reader throws(Unsupported) in
                reader.builder.addEntry(try reader.flowNode())
            }
            return builder.endCollection(.sequence, from: entryMark, mark: sequenceMark)
        case .openBrace:
            let mappingMark = mark
            let entryMark = builder.entryMark
            try flowEntries(until: .closeBrace) { reader throws(Unsupported) in
                let key = try reader.plainFlowScalar()
                guard reader.current == .colon, reader.isBlankOrEnd(reader.byte(reader.position + 1)) else { throw Unsupported() }
                try reader.addKey(key, entryMark: entryMark)
                reader.position += 1
                try reader.skipFlowSpace()
                reader.builder.addEntry(try reader.flowNode())
            }
            return builder.endCollection(.mapping, from: entryMark, mark: mappingMark)
        case .doubleQuote:
            return try doubleQuoted()
        case .singleQuote:
            return try singleQuoted()
        default:
            return try plainFlowScalar()
        }
    }

    /// From an opening [ or { to `closing`: entries separated by commas (a trailing
    /// comma goes to Yams).
    mutating func flowEntries(until closing: UInt8, _ entry: (inout SubsetReader) throws(Unsupported) -> Void) throws(Unsupported) {
        position += 1
        try skipFlowSpace()
        while current != closing {
            try entry(&self)
            try skipFlowSpace()
            if current == closing { break }
            guard current == .comma else { throw Unsupported() }
            position += 1
            try skipFlowSpace()
            guard current != closing else { throw Unsupported() }
        }
        position += 1
    }

    /// Spaces and line breaks between flow entries; comments there go to Yams.
    mutating func skipFlowSpace() throws(Unsupported) {
        skipSpacesAndBreaks()
        if current == .hash { throw Unsupported() }
    }

    /// Plain text inside a flow collection: it ends at , [ ] { } or ': '; ending at a line
    /// break or a comment goes to Yams.
    mutating func plainFlowScalar() throws(Unsupported) -> Int32 {
        guard startsPlain(current) else { throw Unsupported() }
        let start = position
        let scalarMark = mark
        var end = position
        scan: while position < bytes.count {
            switch bytes[position] {
            case .newline, .hash:
                throw Unsupported()
            case .comma, .openBracket, .closeBracket, .openBrace, .closeBrace:
                break scan
            case .colon:
                // ':' before a space ends a key; before other text it is text
                // ("ISO/IEC 42001:2023"); before an indicator libyaml versions differ.
                let next = byte(position + 1)
                if isBlankOrEnd(next) { break scan }
                if [.comma, 0x3F, .openBracket, .closeBracket, .openBrace, .closeBrace].contains(next) {
                    throw Unsupported()
                }
                position += 1
                end = position
            case .space:
                position += 1
            default:
                position += 1
                end = position
            }
        }
        return builder.sourceScalar(start..<end, style: .plain, mark: scalarMark)
    }
}
