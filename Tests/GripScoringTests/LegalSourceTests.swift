import Foundation
import GripEngine
import Testing

/// Every reason names its legal source, and every source link is a well-formed address
/// of the kind the content promises (EUR-Lex in Dutch for EU law).
struct LegalSourceTests {
    static var questionnaires: [Questionnaire] { ScenarioTests.bundled }

    static func allSources(_ questionnaire: Questionnaire) -> [(owner: String, source: LegalSource)] {
        questionnaire.questions.flatMap { question in question.sources.map { ("question \(question.id)", $0) } }
            + questionnaire.outcomes.criteria.flatMap { criterion in criterion.sources.map { ("criterion \(criterion.id)", $0) } }
            + questionnaire.outcomes.warnings.flatMap { warning in warning.sources.map { ("warning \(warning.id)", $0) } }
    }

    @Test(arguments: ScenarioTests.instruments)
    func everyReasonAndWarningHasASource(_ id: String) throws {
        let questionnaire = try #require(Self.questionnaires.first { $0.id == id })
        let rules = questionnaire.outcomes
        let reasons = Set(rules.assessments.flatMap { $0.criteria.values.joined() } + rules.classifications.flatMap { $0.categories.flatMap(\.criteria) })
        for index in reasons.sorted() {
            #expect(!rules.criteria[index].sources.isEmpty, "\(id): criterion \(rules.criteria[index].id) gives a reason without a source")
        }
        for warning in questionnaire.outcomes.warnings {
            #expect(!warning.sources.isEmpty, "\(id): warning \(warning.id) has no source")
        }
    }

    @Test(arguments: ScenarioTests.instruments)
    func everySourceLinkIsWellFormed(_ id: String) throws {
        let questionnaire = try #require(Self.questionnaires.first { $0.id == id })
        for (owner, source) in Self.allSources(questionnaire) {
            guard let url = source.url else { continue }
            let parts = URLComponents(string: url)
            #expect(parts?.scheme == "https", "\(id) \(owner): \(url) is not an https address")
            #expect((parts?.host ?? "").contains("."), "\(id) \(owner): \(url) has no host")
            #expect(!url.contains(" ") && !url.contains("\n"), "\(id) \(owner): \(url) has white space")
            // The AI Act and the GDPR are linked in Dutch, by their ELI.
            if url.contains("eur-lex.europa.eu/eli/reg/2024/1689") || url.contains("eur-lex.europa.eu/eli/reg/2016/679") {
                #expect(url.hasSuffix("/oj/nld"), "\(id) \(owner): \(url) is not the Dutch text")
            }
            let title = source.title.nl + " " + source.title.en
            if url.contains("/2024/1689/") { #expect(title.contains("AI"), "\(id) \(owner): \(url) is the AI Act, titled '\(title)'") }
            if url.contains("/2016/679/") { #expect(title.contains("AVG") || title.contains("GDPR"), "\(id) \(owner): \(url) is the GDPR, titled '\(title)'") }
        }
    }
}
