import Foundation

// The binary form of a compiled questionnaire: every value written field by field in
// declaration order, integers as varints of six bits a byte, strings as length and UTF-8
// bytes. Every byte outside a string is below 0x80, so a form is valid UTF-8: the build
// embeds it as a string literal that is read in place, without a copy or a decode.
// Reading it back is a few allocations per question; Foundation's JSONDecoder took
// 15 ms for the AI Act check, as long as a YAML parse. Nothing in it is trusted beyond
// its bounds: it comes from the build, but a damaged one must fail cleanly, not crash.

public struct CompiledFormError: Error {
    public init() {}
}

public struct BinaryWriter {
    public init(file: String = "") {
        self.file = file
    }

    public private(set) var bytes: [UInt8] = []
    /// Locations name the questionnaire's own file almost always; that file is written once.
    public let file: String

    public mutating func int(_ value: Int) {
        // Zigzag, so small negative numbers stay small too.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        // Six bits a byte, 0x40 when more follow: ASCII, unlike LEB128's high bit.
        while rest >= 0x40 {
            bytes.append(UInt8(rest & 0x3F) | 0x40)
            rest >>= 6
        }
        bytes.append(UInt8(rest))
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func write<T: CompiledFormValue>(_ value: T) { value.write(to: &self) }

    mutating func write<T: CompiledFormValue>(_ value: T?) {
        bool(value != nil)
        value?.write(to: &self)
    }

    mutating func write<T: CompiledFormValue>(_ values: [T]) {
        int(values.count)
        for value in values { value.write(to: &self) }
    }

    public mutating func ints(_ values: [Int]) {
        int(values.count)
        for value in values { int(value) }
    }

    public mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    public mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    public mutating func optionalInt(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }
}

public struct BinaryReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    public let file: String

    public init(_ bytes: UnsafeRawBufferPointer, file: String) {
        self.bytes = bytes
        self.file = file
    }

    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func byte() throws(CompiledFormError) -> UInt8 {
        guard offset < bytes.count else { throw CompiledFormError() }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func int() throws(CompiledFormError) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            // Past 64 bits, or a byte no writer makes: damaged, never read as some number.
            guard byte < 0x80, shift < 64, shift < 60 || byte & 0x3F <= 0x0F else { throw CompiledFormError() }
            result |= UInt64(byte & 0x3F) << shift
            if byte & 0x40 == 0 { break }
            shift += 6
        }
        // Unsigned shift: an arithmetic one misread numbers beyond ±2^62.
        return Int(truncatingIfNeeded: Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1))))
    }

    /// A count of elements, each at least one byte long: bounded by what is left.
    public mutating func count() throws(CompiledFormError) -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw CompiledFormError() }
        return count
    }

    public mutating func bool() throws(CompiledFormError) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw CompiledFormError()
        }
    }

    public mutating func string() throws(CompiledFormError) -> String {
        let length = try count()
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
        offset += length
        guard let text = String(exactUTF8: slice) else { throw CompiledFormError() }
        return text
    }

    mutating func read<T: CompiledFormValue>(_: T.Type = T.self) throws(CompiledFormError) -> T { try T(from: &self) }

    mutating func optional<T: CompiledFormValue>(_: T.Type = T.self) throws(CompiledFormError) -> T? {
        try bool() ? try T(from: &self) : nil
    }

    mutating func array<T: CompiledFormValue>(_: T.Type = T.self) throws(CompiledFormError) -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try T(from: &self)) }
        return values
    }

    public mutating func ints() throws(CompiledFormError) -> [Int] {
        let count = try count()
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try int()) }
        return values
    }

    public mutating func strings() throws(CompiledFormError) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    public mutating func optionalString() throws(CompiledFormError) -> String? { try bool() ? try string() : nil }

    public mutating func optionalInt() throws(CompiledFormError) -> Int? { try bool() ? try int() : nil }

    public mutating func rawEnum<T: RawRepresentable>(_: T.Type) throws(CompiledFormError) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw CompiledFormError() }
        return value
    }
}

protocol CompiledFormValue {
    func write(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws(CompiledFormError)
}

extension LocalizedText: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(nl)
        writer.string(en)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(nl: try reader.string(), en: try reader.string())
    }
}

extension SourceLocation: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.bool(file != writer.file)
        if file != writer.file { writer.string(file) }
        writer.int(line)
        writer.int(column)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        let file = try reader.bool() ? try reader.string() : reader.file
        self.init(file: file, line: try reader.int(), column: try reader.int())
    }
}

extension Diagnostic: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.write(location)
        writer.bool(severity == .error)
        writer.string(message)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        let location = try reader.read(SourceLocation.self)
        self.init(try reader.bool() ? .error : .warning, at: location, try reader.string())
    }
}

extension LegalSource: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.write(title)
        writer.optionalString(article)
        writer.optionalString(url)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(title: try reader.read(), article: try reader.optionalString(), url: try reader.optionalString())
    }
}

extension ChoiceOption: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(label)
        writer.write(explain)
        writer.bool(exclusive)
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(
            id: try reader.string(), label: try reader.read(), explain: try reader.optional(), exclusive: try reader.bool(),
            location: try reader.read())
    }
}

extension Condition: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(source)
        writer.write(expression)
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(source: try reader.string(), expression: try reader.read(), location: try reader.read())
    }
}

extension CompiledExpression: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        switch self {
        case .boolean(let value): writer.int(0); writer.bool(value)
        case .number(let value): writer.int(1); writer.int(value)
        case .string(let value): writer.int(2); writer.string(value)
        case .answer(let question): writer.int(3); writer.int(question)
        case .isUnknown(let question): writer.int(4); writer.int(question)
        case .isAnswered(let question): writer.int(5); writer.int(question)
        case .count(let question, let only):
            writer.int(6); writer.int(question); writer.bool(only != nil)
            if let only { writer.strings(only) }
        case .not(let inner): writer.int(7); writer.write(inner)
        case .and(let left, let right): writer.int(8); writer.write(left); writer.write(right)
        case .or(let left, let right): writer.int(9); writer.write(left); writer.write(right)
        case .compare(let comparison, let left, let right):
            writer.int(10); writer.string(comparison.rawValue); writer.write(left); writer.write(right)
        case .oneOf(let inner, let values, let negated):
            writer.int(11); writer.write(inner); writer.strings(values); writer.bool(negated)
        case .selected(let option, let question, let negated):
            writer.int(12); writer.string(option); writer.int(question); writer.bool(negated)
        case .arithmetic(let operation, let left, let right):
            writer.int(13); writer.string(operation.rawValue); writer.write(left); writer.write(right)
        case .negate(let inner): writer.int(14); writer.write(inner)
        case .score(let index): writer.int(15); writer.int(index)
        case .criterion(let index): writer.int(16); writer.int(index)
        }
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        switch try reader.int() {
        case 0: self = .boolean(try reader.bool())
        case 1: self = .number(try reader.int())
        case 2: self = .string(try reader.string())
        case 3: self = .answer(try reader.int())
        case 4: self = .isUnknown(try reader.int())
        case 5: self = .isAnswered(try reader.int())
        case 6: self = .count(try reader.int(), only: try reader.bool() ? try reader.strings() : nil)
        case 7: self = .not(try reader.read())
        case 8: self = .and(try reader.read(), try reader.read())
        case 9: self = .or(try reader.read(), try reader.read())
        case 10: self = .compare(try reader.rawEnum(Comparison.self), try reader.read(), try reader.read())
        case 11: self = .oneOf(try reader.read(), try reader.strings(), negated: try reader.bool())
        case 12: self = .selected(try reader.string(), question: try reader.int(), negated: try reader.bool())
        case 13: self = .arithmetic(try reader.rawEnum(Arithmetic.self), try reader.read(), try reader.read())
        case 14: self = .negate(try reader.read())
        case 15: self = .score(try reader.int())
        case 16: self = .criterion(try reader.int())
        default: throw CompiledFormError()
        }
    }
}

extension Question: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(type.rawValue)
        writer.write(text)
        writer.write(help)
        writer.write(sources)
        writer.write(options)
        writer.write(condition)
        writer.bool(isRequired)
        writer.bool(allowsUnknown)
        writer.optionalInt(minimum)
        writer.optionalInt(maximum)
        writer.write(unit)
        writer.write(minimumLabel)
        writer.write(maximumLabel)
        writer.optionalInt(maxLength)
        writer.bool(isMultiline)
        writer.int(sectionIndex)
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(
            id: try reader.string(), type: try reader.rawEnum(QuestionType.self), text: try reader.read(),
            help: try reader.optional(), sources: try reader.array(), options: try reader.array(),
            condition: try reader.optional(), isRequired: try reader.bool(), allowsUnknown: try reader.bool(),
            minimum: try reader.optionalInt(), maximum: try reader.optionalInt(), unit: try reader.optional(),
            minimumLabel: try reader.optional(), maximumLabel: try reader.optional(), maxLength: try reader.optionalInt(),
            isMultiline: try reader.bool(), sectionIndex: try reader.int(), location: try reader.read())
    }
}

extension Section: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(title)
        writer.write(description)
        writer.int(questionIndices.lowerBound)
        writer.int(questionIndices.upperBound)
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        let id = try reader.string(), title = try reader.read(LocalizedText.self), description = try reader.optional(LocalizedText.self)
        let lower = try reader.int(), upper = try reader.int()
        guard lower >= 0, lower <= upper else { throw CompiledFormError() }
        self.init(id: id, title: title, description: description, questionIndices: lower..<upper, location: try reader.read())
    }
}

extension ScoreTerm: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        switch self {
        case .points(let condition, let points): writer.int(0); writer.write(condition); writer.int(points)
        case .value(let expression): writer.int(1); writer.write(expression)
        case .weights(let question, let weights):
            writer.int(2); writer.int(question); writer.int(weights.count)
            for key in weights.keys.sorted() {
                writer.string(key)
                writer.int(weights[key] ?? 0)
            }
        }
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        switch try reader.int() {
        case 0: self = .points(try reader.read(), try reader.int())
        case 1: self = .value(try reader.read())
        case 2:
            let question = try reader.int()
            var weights: [String: Int] = [:]
            for _ in 0..<(try reader.count()) { weights[try reader.string()] = try reader.int() }
            self = .weights(question: question, weights)
        default: throw CompiledFormError()
        }
    }
}

extension ScoreRule: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(title)
        writer.write(terms)
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(id: try reader.string(), title: try reader.optional(), terms: try reader.array(), location: try reader.read())
    }
}

extension Criterion: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(condition)
        writer.write(text)
        writer.write(sources)
        writer.ints(questions)
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(
            id: try reader.string(), condition: try reader.read(), text: try reader.read(), sources: try reader.array(),
            questions: try reader.ints(), location: try reader.read())
    }
}

extension AssessmentRule: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(title)
        writer.optionalString(instrument)
        writer.optionalString(appliesFrom)
        writer.write(appliesNote)
        // Levels in a fixed order, so the same rules are always the same bytes.
        let levels = AssessmentLevel.allCases
        writer.int(criteria.count)
        for level in levels { if let indices = criteria[level] { writer.string(level.rawValue); writer.ints(indices) } }
        writer.write(notNeeded)
        writer.int(nextSteps.count)
        for level in levels { if let text = nextSteps[level] { writer.string(level.rawValue); writer.write(text) } }
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        let id = try reader.string(), title = try reader.read(LocalizedText.self)
        let instrument = try reader.optionalString(), appliesFrom = try reader.optionalString()
        let appliesNote = try reader.optional(LocalizedText.self)
        var criteria: [AssessmentLevel: [Int]] = [:]
        for _ in 0..<(try reader.count()) { criteria[try reader.rawEnum(AssessmentLevel.self)] = try reader.ints() }
        let notNeeded = try reader.optional(LocalizedText.self)
        var nextSteps: [AssessmentLevel: LocalizedText] = [:]
        for _ in 0..<(try reader.count()) { nextSteps[try reader.rawEnum(AssessmentLevel.self)] = try reader.read() }
        self.init(
            id: id, title: title, instrument: instrument, appliesFrom: appliesFrom, appliesNote: appliesNote,
            criteria: criteria, notNeeded: notNeeded, nextSteps: nextSteps, location: try reader.read())
    }
}

extension ClassificationRule.Category: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(title)
        writer.ints(criteria)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(id: try reader.string(), title: try reader.read(), criteria: try reader.ints())
    }
}

extension ClassificationRule: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(title)
        writer.write(categories)
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(id: try reader.string(), title: try reader.read(), categories: try reader.array(), location: try reader.read())
    }
}

extension DimensionRule: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(title)
        writer.write(value)
        writer.int(maximum)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(id: try reader.string(), title: try reader.read(), value: try reader.read(), maximum: try reader.int())
    }
}

extension ConsistencyRule: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(condition)
        writer.write(text)
        writer.write(sources)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(id: try reader.string(), condition: try reader.read(), text: try reader.read(), sources: try reader.array())
    }
}

extension RuleSymbol: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        switch self {
        case .score(let index): writer.int(0); writer.int(index)
        case .criterion(let index): writer.int(1); writer.int(index)
        }
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        switch try reader.int() {
        case 0: self = .score(try reader.int())
        case 1: self = .criterion(try reader.int())
        default: throw CompiledFormError()
        }
    }
}

extension OutcomeRules: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.write(scores)
        writer.write(criteria)
        writer.write(assessments)
        writer.write(classifications)
        writer.write(dimensions)
        writer.write(warnings)
        writer.write(evaluationOrder)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(
            scores: try reader.array(), criteria: try reader.array(), assessments: try reader.array(),
            classifications: try reader.array(), dimensions: try reader.array(), warnings: try reader.array(),
            evaluationOrder: try reader.array())
    }
}

extension PrefillRule.ChoiceCandidate: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.strings(options)
        writer.string(condition)
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(options: try reader.strings(), condition: try reader.string(), location: try reader.read())
    }
}

extension PrefillRule.Source: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        switch self {
        case .question(let id): writer.int(0); writer.string(id)
        case .condition(let source): writer.int(1); writer.string(source)
        case .choice(let candidates): writer.int(2); writer.write(candidates)
        }
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        switch try reader.int() {
        case 0: self = .question(try reader.string())
        case 1: self = .condition(try reader.string())
        case 2: self = .choice(try reader.array())
        default: throw CompiledFormError()
        }
    }
}

extension PrefillRule.Mapping: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.int(target)
        writer.write(source)
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(target: try reader.int(), source: try reader.read(), location: try reader.read())
    }
}

extension PrefillRule: CompiledFormValue {
    func write(to writer: inout BinaryWriter) {
        writer.string(from)
        writer.write(mappings)
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws(CompiledFormError) {
        self.init(from: try reader.string(), mappings: try reader.array(), location: try reader.read())
    }
}
