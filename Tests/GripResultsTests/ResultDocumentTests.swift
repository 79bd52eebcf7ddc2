import Foundation
import GripBundled
import GripEngine
import GripScoring
import Testing
@testable import GripResults

/// A finished quickscan from the bundled file and the example answers.
func exampleSession(_ answersFile: String = "quickscan.yaml") throws -> Session {
    let bundled = try #require(BundledQuestionnaires.files.first { $0.name == "quickscan.yaml" })
    let questionnaire = try #require(QuestionnaireLoader.load(bundled.contents, file: bundled.name).questionnaire)
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let data = try Data(contentsOf: root.appendingPathComponent("Examples/answers/\(answersFile)"))
    let file = try AnswersFile.parse(data, file: answersFile).get()
    var session = Session(questionnaire: questionnaire)
    #expect(file.apply(to: &session).errors.isEmpty)
    return session
}

func exampleResult(language: Language = .nl) throws -> JSONValue {
    let session = try exampleSession()
    return ResultDocument.result(
        for: session, outcome: Scorer.outcome(for: session), id: UUID(), language: language,
        startedAt: Date(timeIntervalSince1970: 1_795_000_000), completedAt: Date(timeIntervalSince1970: 1_795_000_600))
}

struct ResultDocumentTests {
    @Test func theQuestionnaireHashIsSHA256InLowercaseHex() {
        // FIPS 180-2 test vectors.
        #expect(ResultDocument.sha256Hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ResultDocument.sha256Hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// Bundled questionnaires carry the hash the build computed, so a result does not
    /// hash 250 KB; it must be the hash of exactly the bytes they carry.
    @Test(arguments: BundledQuestionnaires.files.map(\.name))
    func theBuildsHashOfEveryBundledFileIsItsContentsHash(_ name: String) throws {
        let file = try #require(BundledQuestionnaires.files.first { $0.name == name })
        let recorded = try #require(file.sha256, "\(name) has no hash recorded at build time")
        #expect(recorded == ResultDocument.sha256Hex(file.contents))
        let header = try #require(file.header)
        let instrument = Instrument.precompiled(
            id: header.id, version: header.version, title: LocalizedText(nl: header.title.nl, en: header.title.en),
            description: LocalizedText(nl: header.description.nl, en: header.description.en),
            estimatedMinutes: header.estimatedMinutes, file: "bundled:\(name)", source: { file.contents },
            sourceSHA256: recorded, compiled: { file.compiled })
        var questionnaire = try #require(instrument.questionnaire)
        #expect(questionnaire.recordedSourceSHA256 == recorded)
        #expect(questionnaire.sourceSHA256 == recorded)
        // Other bytes, another hash: the recorded one is never kept for them.
        questionnaire.source = Data("other".utf8)
        #expect(questionnaire.recordedSourceSHA256 == nil)
        #expect(questionnaire.sourceSHA256 == ResultDocument.sha256Hex(Data("other".utf8)))
    }

    @Test func signedDataHoldsOnlyIntegersAndStrings() throws {
        func check(_ value: JSONValue, path: String) {
            switch value {
            case .object(let members): for (key, member) in members { check(member, path: path + "." + key) }
            case .array(let items): for (index, item) in items.enumerated() { check(item, path: "\(path)[\(index)]") }
            case .string, .integer: break
            default: Issue.record("\(path) is neither a string nor an integer: \(value)")
            }
        }
        check(try exampleResult(), path: "result")
    }

    @Test func theResultNamesTheExactQuestionnaireAndCarriesTheOutcome() throws {
        let result = try exampleResult()
        let bundled = try #require(BundledQuestionnaires.files.first { $0.name == "quickscan.yaml" })
        #expect(result["questionnaire"]?["sha256"]?.stringValue == ResultDocument.sha256Hex(bundled.contents))
        #expect(result["startedAt"]?.stringValue == "2026-11-18T11:06:40Z")
        guard case .array(let assessments)? = result["outcome"]?["assessments"] else {
            Issue.record("no assessments in the outcome")
            return
        }
        let session = try exampleSession()
        #expect(assessments.count == session.questionnaire.outcomes.assessments.count)
    }

    @Test func answersReadWithoutTheQuestionnaire() throws {
        let english = try exampleResult(language: .en)
        guard case .array(let answers)? = english["answers"] else {
            Issue.record("no answers")
            return
        }
        let personal = try #require(answers.first { $0["question"]?.stringValue == "personal_data" })
        #expect(personal["answerText"]?.stringValue == "Yes")
        #expect(personal["visibility"]?.stringValue == "shown")
        #expect(personal["text"]?.stringValue?.isEmpty == false)
    }

    @Test func anAnswerHiddenByALaterChangeIsKeptAndMarked() throws {
        var session = try exampleSession()
        let before = session.answer(for: "data_kinds")
        #expect(before != nil)
        _ = session.setAnswer(.no, for: "personal_data")
        let result = ResultDocument.result(for: session, outcome: Scorer.outcome(for: session), id: UUID(), language: .nl, startedAt: Date(), completedAt: Date())
        guard case .array(let answers)? = result["answers"] else { return }
        let kinds = try #require(answers.first { $0["question"]?.stringValue == "data_kinds" })
        #expect(kinds["visibility"]?.stringValue == "hidden")
    }
}
