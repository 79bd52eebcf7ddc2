import Foundation
import GripEngine
import GripResults

/// The inputs Grip reads from other people's files, each fed to its parser. libFuzzer
/// (or the file replayer in GripFuzz) calls `LLVMFuzzerTestOneInput`; `GRIP_FUZZ_TARGET`
/// picks the parser (default: all four, one after another).
public enum FuzzTarget: String, CaseIterable, Sendable {
    case questionnaire, expression, answers, json

    /// Feeds the bytes to the parser. Anything may be refused; nothing may crash.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .questionnaire:
            _ = QuestionnaireLoader.load(Data(bytes), file: "fuzz.yaml")
        case .expression:
            // Against questions of every type, so names and types resolve.
            guard let compiled = try? CompiledExpression.condition(String(decoding: bytes, as: UTF8.self), scope: FuzzFixtures.scope) else { return }
            _ = compiled.truth(in: FuzzFixtures.answers)
            _ = compiled.referencedQuestions
        case .answers:
            guard case .success(let file) = AnswersFile.parse(Data(bytes), file: "fuzz.yaml") else { return }
            var session = Session(questionnaire: FuzzFixtures.questionnaire)
            _ = file.apply(to: &session)
        case .json:
            _ = try? StrictJSONParser.parse(bytes)
        }
    }

    static let selected: [FuzzTarget] = {
        guard let name = ProcessInfo.processInfo.environment["GRIP_FUZZ_TARGET"], !name.isEmpty else { return allCases }
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("GRIP_FUZZ_TARGET must be one of: \(allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return [target]
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    for target in FuzzTarget.selected { target.run(bytes) }
    return 0
}

/// What the targets parse against: the bundled quickscan, and one question of each type.
public enum FuzzFixtures {
    // Not the bundled files: their embedding runs a build-tool executable, which would be
    // built with libFuzzer's main too and fail to link.
    public static let questionnaire: Questionnaire = {
        let yaml = """
            id: quickscan
            version: 1.0.0
            title: {nl: Fuzz, en: Fuzz}
            description: {nl: x, en: x}
            sections:
              - id: s
                title: {nl: S, en: S}
                questions:
                  - {id: personal_data, type: yes_no_unknown, text: {nl: a, en: a}, help: {nl: h, en: h}}
                  - {id: kinds, type: multi, text: {nl: b, en: b}, help: {nl: h, en: h}, when: personal_data,
                     options: [{id: a, label: {nl: A, en: A}}, {id: b, label: {nl: B, en: B}}, {id: none, label: {nl: N, en: N}, exclusive: true}]}
                  - {id: data_subjects, type: number, text: {nl: c, en: c}, help: {nl: h, en: h}, allow_unknown: true, min: 0, when: "'a' in kinds"}
                  - {id: purpose, type: text, text: {nl: d, en: d}, help: {nl: h, en: h}, max_length: 50}
                  - {id: scale, type: scale, min: 1, max: 5, text: {nl: e, en: e}, help: {nl: h, en: h}, required: false}
            """
        return QuestionnaireLoader.load(Data(yaml.utf8), file: "fuzz.yaml").questionnaire!
    }()

    /// yn (0), ynu (1), pick (2: a, b, c), many (3: a, b, c, none), n (4), t (5), s (6).
    public static let scope = ExpressionScope(entries: [
        .init(id: "yn", type: .yesNo, optionIDs: []),
        .init(id: "ynu", type: .yesNoUnknown, optionIDs: []),
        .init(id: "pick", type: .single, optionIDs: ["a", "b", "c"]),
        .init(id: "many", type: .multi, optionIDs: ["a", "b", "c", "none"], exclusiveOptionIDs: ["none"]),
        .init(id: "n", type: .number, optionIDs: []),
        .init(id: "t", type: .text, optionIDs: []),
        .init(id: "s", type: .scale, optionIDs: []),
    ])

    struct Answers: AnswerLookup {
        func resolvedAnswer(at index: Int) -> ResolvedAnswer {
            switch index {
            case 0: .value(.yes)
            case 1: .unknown
            case 2: .value(.option("b"))
            case 3: .value(.options(["a", "c"]))
            case 4: .value(.number(AnswerLimits.maximumInteger))
            case 5: .value(.text("x"))
            default: .absent
            }
        }
    }

    public static var answers: some AnswerLookup { Answers() }
}
