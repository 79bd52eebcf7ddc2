import Foundation
import Testing
@testable import grip

/// The hand-read forms of validate, score and list must mean exactly what argument-parser
/// makes of them, and leave every other form to it.
struct QuickInvocationTests {
    @Test(arguments: [
        (["validate", "a.yaml"], QuickInvocation.validate(files: ["a.yaml"])),
        (["validate", "a.yaml", "dir/b c.yaml"], .validate(files: ["a.yaml", "dir/b c.yaml"])),
        (["score", "quickscan", "--answers", "x.yaml"], .score(id: "quickscan", answers: "x.yaml", language: .nl, json: false)),
        (["score", "--answers=x.yaml", "quickscan", "--json", "--language", "en"], .score(id: "quickscan", answers: "x.yaml", language: .en, json: true)),
        (["score", "result.grip.json", "--language=en"], .score(id: "result.grip.json", answers: nil, language: .en, json: false)),
        (["list"], .list(language: .nl)),
        (["list", "--language", "en"], .list(language: .en)),
    ])
    func plainFormsAreReadDirectly(arguments: [String], expected: QuickInvocation) {
        #expect(QuickInvocation(arguments) == expected)
    }

    @Test(arguments: [
        [], ["validate"], ["validate", "--help"], ["validate", "-h", "a.yaml"], ["validate", "--", "a.yaml"],
        ["validate", "a.yaml", "--questionnaires", "dir"], ["validate", "-"],
        ["score"], ["score", "a", "b"], ["score", "--json", "--json", "a"], ["score", "a", "--answers"],
        ["score", "a", "--answers", "--json"], ["score", "a", "--answers="], ["score", "a", "--language", "de"],
        ["score", "a", "--answers", "x", "--answers", "y"], ["score", "a", "--verbose"], ["score", "a", "--json=true"],
        ["list", "extra"], ["list", "--language"], ["list", "--language", "en", "--language", "nl"],
        ["--version"], ["help", "score"], ["run", "quickscan"], ["Validate", "a.yaml"],
    ])
    func everyOtherFormGoesToArgumentParser(arguments: [String]) {
        #expect(QuickInvocation(arguments) == nil, "\(arguments)")
    }

    /// Both paths on the real binary: the quick form and the same request in a form only
    /// argument-parser reads ("--" before the positional arguments) print the same.
    @Test(arguments: [
        (["validate", "Questionnaires/quickscan.yaml", "Questionnaires/cases/woz-model.yaml"], ["validate", "--", "Questionnaires/quickscan.yaml", "Questionnaires/cases/woz-model.yaml"]),
        (["validate", "Package.swift", "missing.yaml"], ["validate", "--", "Package.swift", "missing.yaml"]),
        (["score", "quickscan", "--answers", "Examples/answers/quickscan.yaml"], ["score", "--answers", "Examples/answers/quickscan.yaml", "--", "quickscan"]),
        (["score", "Examples/answers/ai-act.yaml", "--json", "--language", "en"], ["score", "--json", "--language", "en", "--", "Examples/answers/ai-act.yaml"]),
        (["score", "no-such-questionnaire", "--answers", "Examples/answers/quickscan.yaml"], ["score", "--answers", "Examples/answers/quickscan.yaml", "--", "no-such-questionnaire"]),
        (["list", "--language", "en"], ["list", "--language", "en", "--"]),
    ])
    func bothPathsPrintTheSame(quick: [String], full: [String]) throws {
        #expect(QuickInvocation(quick) != nil)
        #expect(QuickInvocation(full) == nil)
        let home = try temporaryDirectory()
        let viaQuick = try GripProcess.run(quick, home: home)
        let viaParser = try GripProcess.run(full, home: home)
        #expect(viaQuick.status == viaParser.status)
        #expect(viaQuick.stdout == viaParser.stdout)
        #expect(viaQuick.stderr == viaParser.stderr)
        #expect(!(viaQuick.stdout + viaQuick.stderr).isEmpty)
    }
}
