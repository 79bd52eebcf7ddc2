import Foundation
import GripBundled
import GripEngine
import Testing
@testable import GripScoring

/// The workshop case library (`Questionnaires/cases/`): every bundled case loads, its
/// reference answers fit their instrument and score exactly to the outcome it states, and
/// a broken case is reported at the right position.
struct WorkshopCaseTests {
    static let questionnaires: [Questionnaire] = BundledQuestionnaires.files.compactMap {
        QuestionnaireLoader.load($0.contents, file: $0.name).questionnaire
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Questionnaires/cases")

    static var names: [String] { BundledCases.files.map(\.name) }

    static func bundled(_ name: String) throws -> WorkshopCase {
        let file = try #require(BundledCases.files.first { $0.name == name })
        let report = CaseLoader.load(file.contents, file: name)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
        return try #require(report.workshopCase)
    }

    // MARK: The bundled library

    @Test func theLibraryHoldsAtLeastEightCasesEmbeddedByteForByte() throws {
        #expect(BundledCases.files.count >= 8)
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(Self.names == onDisk)
        for file in BundledCases.files {
            #expect(file.contents == FileManager.default.contents(atPath: Self.directory.appendingPathComponent(file.name).path), "\(file.name)")
        }
    }

    @Test(arguments: names)
    func everyBundledCaseLoadsWithoutProblems(_ name: String) throws {
        let workshopCase = try Self.bundled(name)
        #expect(name == "\(workshopCase.id).yaml", "the file is named after the case id")
        #expect(!workshopCase.exercises.isEmpty)
        #expect(!workshopCase.discussion.isEmpty && !workshopCase.sources.isEmpty)
        #expect(CaseLoader.isCaseFile(try #require(BundledCases.files.first { $0.name == name }).contents, path: name))
    }

    /// The whole check, as `grip validate` runs it, finds nothing.
    @Test(arguments: names)
    func everyBundledCaseIsSound(_ name: String) throws {
        let workshopCase = try Self.bundled(name)
        let problems = CaseCheck.diagnostics(for: workshopCase, questionnaires: Self.questionnaires)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    /// Independently of `CaseCheck`: the reference answers, given to a session, are all
    /// accepted and shown, leave nothing required open, and score to exactly the stated
    /// level of every assessment and the stated result of every classification.
    @Test(arguments: names)
    func everyExerciseScoresExactlyToItsReferenceOutcome(_ name: String) throws {
        let workshopCase = try Self.bundled(name)
        for exercise in workshopCase.exercises {
            let questionnaire = try #require(Self.questionnaires.first { $0.id == exercise.instrument }, "\(exercise.instrument)")
            let (session, problems) = exercise.referenceSession(in: questionnaire)
            #expect(problems.isEmpty, "\(name) \(exercise.instrument): \(problems.map(\.description))")
            for answer in exercise.answers {
                let index = try #require(questionnaire.index(of: answer.questionID))
                #expect(session.isVisible(index) && session.answer(at: index) != nil, "\(name): \(answer.questionID) is not in effect")
                #expect(!answer.explain.nl.isEmpty && !answer.explain.en.isEmpty)
            }
            #expect(session.missingRequired.isEmpty)
            let outcome = Scorer.outcome(for: session)
            #expect(exercise.outcome.levels.map(\.id).sorted() == outcome.assessments.map(\.id).sorted(), "\(name) \(exercise.instrument): every assessment is stated")
            for assessment in outcome.assessments {
                #expect(exercise.outcome.level(of: assessment.id) == assessment.level, "\(name) \(exercise.instrument).\(assessment.id)")
            }
            #expect(exercise.outcome.classifications.map(\.id).sorted() == outcome.classifications.map(\.id).sorted())
            for classification in outcome.classifications {
                let stated = exercise.outcome.classifications.first { $0.id == classification.id }?.value.description
                #expect(stated == ScenarioTests.expectation(classification), "\(name) \(exercise.instrument).\(classification.id)")
            }
            #expect(Set(exercise.outcome.warnings) == Set(outcome.warnings.map(\.id)), "\(name) \(exercise.instrument) warnings")
        }
    }

    @Test func theLibraryCoversTheQuickscanAndEveryFollowUpInstrument() throws {
        let instruments = try Self.names.map { try Self.bundled($0) }.flatMap { $0.exercises.map(\.instrument) }
        #expect(Set(instruments).isSuperset(of: ["quickscan", "dpia-lite", "iama-lite", "ai-act", "procurement"]))
        #expect(instruments.filter { $0 == "quickscan" }.count * 2 > Self.names.count, "most cases exercise the quickscan")
    }

    // MARK: Broken cases

    static let valid = """
        id: tiny
        title: {nl: Klein, en: Small}
        story: {nl: Een verhaal., en: A story.}
        level: basis
        duration_minutes: 10
        discussion:
          - {nl: Waarom?, en: Why?}
        sources:
          - {title: {nl: AVG, en: GDPR}, article: Art. 35}
        exercises:
          - instrument: quickscan
            subject: {system: Registratie, organisation: Gemeente}
            answers:
              purpose: {value: Een register bijhouden., explain: {nl: Doel., en: Purpose.}}
              new_legislation: {value: no, explain: {nl: Nee., en: No.}}
              has_algorithm: {value: no, explain: {nl: Nee., en: No.}}
              digital_service: {value: no, explain: {nl: Nee., en: No.}}
              origin: {value: in_house, explain: {nl: Zelf., en: Own.}}
              personal_data: {value: no, explain: {nl: Nee., en: No.}}
              risk_selection: {value: no, explain: {nl: Nee., en: No.}}
              decisions_about_people: {value: no, explain: {nl: Nee., en: No.}}
            outcome:
              levels:
                dpia: not-needed
                fria: not-needed
                iama: not-needed
                ai_act: not-needed
                procurement: not-needed
                dtia: not-needed
                kia: not-needed
                standing_duties: recommended
              classifications: {register_category: c}
        """

    /// Every problem of a case text: shape, answers and outcome.
    static func problems(_ text: String) -> [Diagnostic] {
        let report = CaseLoader.load(Data(text.utf8), file: "case.yaml")
        guard let workshopCase = report.workshopCase else { return report.diagnostics }
        return report.diagnostics + CaseCheck.diagnostics(for: workshopCase, questionnaires: questionnaires)
    }

    @Test func theSmallValidCaseIsSound() {
        #expect(Self.problems(Self.valid).isEmpty)
    }

    struct Breakage: CustomTestStringConvertible, Sendable {
        var name: String
        var replace: String
        var with: String
        /// Where the error must be: the first occurrence of this text in the broken case
        /// (nil: anywhere, for a syntax error the YAML parser places).
        var at: String?
        var message: String
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(
            name: "unknown top-level key", replace: "level: basis", with: "levl: basis", at: "levl",
            message: "unknown key 'levl' in the case; did you mean 'level'?"),
        Breakage(
            name: "unknown key in an answer", replace: "origin: {value: in_house, explain:", with: "origin: {value: in_house, explian:", at: "explian",
            message: "unknown key 'explian' in the answer to 'origin'; did you mean 'explain'?"),
        Breakage(
            name: "unknown level", replace: "level: basis", with: "level: basic", at: "basic",
            message: "unknown level 'basic'; did you mean 'basis'?"),
        Breakage(
            name: "answer without explanation", replace: "digital_service: {value: no, explain: {nl: Nee., en: No.}}", with: "digital_service: {value: no}", at: "{value: no}",
            message: "the answer to 'digital_service' is missing the required key 'explain'"),
        Breakage(
            name: "explanation without English", replace: "has_algorithm: {value: no, explain: {nl: Nee., en: No.}}", with: "has_algorithm: {value: no, explain: {nl: Nee.}}", at: "{nl: Nee.}}",
            message: "is missing the required key 'en'"),
        Breakage(
            name: "unknown question id", replace: "has_algorithm:", with: "has_algoritm:", at: "has_algoritm",
            message: "unknown question 'has_algoritm' in quickscan; did you mean 'has_algorithm'?"),
        Breakage(
            name: "invalid option", replace: "origin: {value: in_house", with: "origin: {value: inhouse", at: "origin:",
            message: "answer to 'origin': ‘inhouse’ is not one of the options"),
        Breakage(
            name: "invalid yes/no", replace: "personal_data: {value: no", with: "personal_data: {value: nee", at: "personal_data:",
            message: "answer to 'personal_data': This answer does not fit the question"),
        Breakage(
            name: "required answer missing", replace: "      risk_selection: {value: no, explain: {nl: Nee., en: No.}}\n", with: "", at: "answers:",
            message: "missing answer to required question 'risk_selection'"),
        Breakage(
            name: "answer to a hidden question", replace: "      risk_selection:", with: "      is_ai: {value: no, explain: {nl: Nee., en: No.}}\n      risk_selection:", at: "is_ai:",
            message: "reference answer to 'is_ai' is not used"),
        Breakage(
            name: "wrong level", replace: "standing_duties: recommended", with: "standing_duties: required", at: "standing_duties:",
            message: "assessment 'standing_duties': the reference answers score recommended, but the case states required"),
        Breakage(
            name: "wrong classification", replace: "{register_category: c}", with: "{register_category: b}", at: "register_category:",
            message: "classification 'register_category': the reference answers give c, but the case states b"),
        Breakage(
            name: "unknown category", replace: "{register_category: c}", with: "{register_category: \"possibly:d\"}", at: "register_category:",
            message: "quickscan has no category 'd'"),
        Breakage(
            name: "unknown level word", replace: "kia: not-needed", with: "kia: not_needed", at: "not_needed",
            message: "'not_needed' is not a level of 'kia'; did you mean 'not-needed'?"),
        Breakage(
            name: "unknown assessment", replace: "kia: not-needed", with: "kia: not-needed\n        kai: not-needed", at: "kai:",
            message: "quickscan has no assessment 'kai'"),
        Breakage(
            name: "assessment left out", replace: "        dtia: not-needed\n", with: "", at: "levels:",
            message: "the outcome does not state the level of quickscan assessment 'dtia'"),
        Breakage(
            name: "unknown instrument", replace: "instrument: quickscan", with: "instrument: quickscna", at: "instrument: quickscna",
            message: "instrument 'quickscna' is not a questionnaire Grip knows; did you mean 'quickscan'?"),
        Breakage(
            name: "unexpected warning", replace: "{register_category: c}", with: "{register_category: c}\n      warnings: [prohibited_practice]", at: "warnings:",
            message: "warnings: the reference answers do not raise 'prohibited_practice'"),
        Breakage(
            name: "not YAML", replace: "level: basis", with: "level: [basis", at: nil,
            message: "YAML syntax error"),
    ]

    @Test(arguments: breakages)
    func aBrokenCaseIsReportedAtItsPosition(_ breakage: Breakage) throws {
        #expect(Self.valid.contains(breakage.replace), "the breakage must change the case")
        let text = Self.valid.replacingOccurrences(of: breakage.replace, with: breakage.with)
        let problems = Self.problems(text)
        let found = try #require(problems.first { $0.message.contains(breakage.message) }, "\(problems.map(\.description))")
        #expect(found.severity == .error)
        #expect(found.location.file == "case.yaml")
        guard let at = breakage.at else { return }
        let offset = try #require(text.range(of: at)).lowerBound
        let lines = text[..<offset].split(separator: "\n", omittingEmptySubsequences: false)
        #expect(found.location.line == lines.count, "\(found)")
        #expect(found.location.column == (lines.last?.unicodeScalars.count ?? 0) + 1, "\(found)")
    }

    @Test func hostileInputNeverCrashesAndIsRefused() {
        let inputs: [Data] = [
            Data(), Data([0xFF, 0xFE, 0x00]), Data("- a\n- b\n".utf8), Data("exercises: *x\n".utf8),
            Data("id: a\nexercises: [1, 2]\n".utf8),
            Data(Self.valid.replacingOccurrences(of: "discussion:\n  - {nl: Waarom?, en: Why?}", with: "discussion: &d\n  - {nl: Waarom?, en: Why?}\nsources: *d").utf8),
        ]
        for data in inputs {
            let report = CaseLoader.load(data, file: "x.yaml")
            #expect(report.workshopCase == nil)
            #expect(!report.diagnostics.errors.isEmpty)
        }
    }

    // MARK: Recognising a case

    @Test func aCaseIsRecognisedByItsExercisesKeyOrItsFolder() throws {
        #expect(CaseLoader.isCaseFile(Data(Self.valid.utf8), path: "anywhere/tiny.yaml"))
        let quickscan = try #require(BundledQuestionnaires.files.first { $0.name == "quickscan.yaml" })
        #expect(!CaseLoader.isCaseFile(quickscan.contents, path: "Questionnaires/quickscan.yaml"))
        #expect(CaseLoader.isCaseFile(Data("id: [broken".utf8), path: "Questionnaires/cases/broken.yaml"))
        #expect(!CaseLoader.isCaseFile(Data("id: [broken".utf8), path: "Questionnaires/broken.yaml"))
    }

    // MARK: Comparing a participant with the reference

    @Test func aParticipantIsComparedQuestionByQuestion() throws {
        let workshopCase = try #require(CaseLoader.load(Data(Self.valid.utf8), file: "case.yaml").workshopCase)
        let exercise = try #require(workshopCase.exercises.first)
        let quickscan = try #require(Self.questionnaires.first { $0.id == "quickscan" })
        let reference = exercise.referenceSession(in: quickscan).session
        var participant = reference
        #expect(CaseExercise.compare(participant, with: reference).allSatisfy { $0.matches })

        // Saying "yes" to personal data opens follow-up questions; left open, they read as
        // absent on both sides, so only the changed answer differs.
        #expect(participant.setAnswer(.yes, for: "personal_data") == .ok)
        let comparison = CaseExercise.compare(participant, with: reference)
        let differences = comparison.filter { !$0.matches }
        #expect(differences.map { quickscan.questions[$0.questionIndex].id } == ["personal_data"])
        #expect(comparison.contains { quickscan.questions[$0.questionIndex].id == "data_kinds" }, "shown to the participant, so compared")
        let first = try #require(differences.first)
        #expect(first.reference == .no && first.given == .yes)
        #expect(exercise.answer(for: "personal_data")?.explain.nl == "Nee.")
    }

    @Test func chosenOptionsMatchInAnyOrder() {
        let a = AnswerComparison(questionIndex: 0, reference: .options(["special", "bsn"]), given: .options(["bsn", "special"]))
        let b = AnswerComparison(questionIndex: 0, reference: .options(["special", "bsn"]), given: .options(["bsn"]))
        #expect(a.matches)
        #expect(!b.matches)
    }
}
