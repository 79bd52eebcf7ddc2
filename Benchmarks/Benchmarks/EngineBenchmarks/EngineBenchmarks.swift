import Benchmark
import Foundation
import GripBundled
import GripEngine

/// A generated questionnaire of `count` questions: every fifth is a yes/no gate, the
/// questions after it are shown when the gate is yes, with a mix of types, so that
/// each answer changes visibility downstream.
func generatedQuestionnaire(questions count: Int) -> Questionnaire {
    var yaml = """
        id: generated
        version: 1.0.0
        title: {nl: Gegenereerd, en: Generated}
        description: {nl: Benchmark, en: Benchmark}
        sections:

        """
    var gate = ""
    for index in 0..<count {
        if index % 50 == 0 {
            yaml += "  - id: s\(index)\n    title: {nl: S, en: S}\n    questions:\n"
        }
        let id = "q\(index)"
        yaml += "      - id: \(id)\n        text: {nl: Vraag?, en: Question?}\n        help: {nl: h, en: h}\n"
        switch index % 5 {
        case 0:
            yaml += "        type: yes_no_unknown\n"
            gate = id
        case 1:
            yaml += "        type: multi\n        when: \(gate)\n        options:\n          - {id: a, label: {nl: A, en: A}}\n          - {id: b, label: {nl: B, en: B}}\n"
        case 2:
            yaml += "        type: number\n        when: \(gate) and count(q\(index - 1)) >= 1\n"
        case 3:
            yaml += "        type: single\n        when: q\(index - 1) > 10 or unknown(\(gate))\n        options:\n          - {id: x, label: {nl: X, en: X}}\n          - {id: y, label: {nl: Y, en: Y}}\n"
        default:
            yaml += "        type: yes_no\n        when: q\(index - 1) in ['x'] or not \(gate)\n"
        }
    }
    let report = QuestionnaireLoader.load(Data(yaml.utf8), file: "generated.yaml")
    guard let questionnaire = report.questionnaire else {
        fatalError("generated questionnaire does not load: \(report.diagnostics)")
    }
    return questionnaire
}

/// Answers every visible question in order, as a person would; visibility is brought
/// up to date after each answer.
func completeSession(_ questionnaire: Questionnaire) -> Session {
    var session = Session(questionnaire: questionnaire)
    repeat {
        guard let question = session.currentQuestion else { break }
        let value: AnswerValue =
            switch question.type {
            case .yesNo, .yesNoUnknown: .yes
            case .multi: .options(["a"])
            case .single: .option("x")
            case .number, .scale: .number(42)
            case .text: .text("tekst")
            }
        session.setAnswer(value, at: session.cursor)
    } while session.goToNext()
    return session
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(3))

    Benchmark("load + validate all bundled questionnaires") { benchmark in
        for _ in benchmark.scaledIterations {
            for file in BundledQuestionnaires.files {
                blackHole(QuestionnaireLoader.load(file.contents, file: file.name).questionnaire)
            }
        }
    }

    // As grip loads its catalog: the files in parallel on every core.
    Benchmark("load + validate all bundled questionnaires, in parallel") { benchmark in
        let files = BundledQuestionnaires.files.map { ($0.contents, $0.name) }
        for _ in benchmark.scaledIterations {
            blackHole(QuestionnaireLoader.loadAll(files))
        }
    }

    // As grip opens a bundled instrument: from the form compiled at build time.
    Benchmark("open all bundled questionnaires from their compiled form") { benchmark in
        let files = BundledQuestionnaires.files.compactMap { file in file.compiled.map { ($0, file.contents) } }
        for _ in benchmark.scaledIterations {
            for (compiled, source) in files {
                blackHole(CompiledQuestionnaire.report(from: compiled, source: source)?.questionnaire)
            }
        }
    }

    for size in [100, 1_000, 10_000] {
        let questionnaire = generatedQuestionnaire(questions: size)
        Benchmark("full session, \(size) questions") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(completeSession(questionnaire).progress)
            }
        }
    }
}
