import Crypto
import Foundation
import GripBundled
import GripEngine
import GripResults
import GripScoring

/// A finished quickscan and a signing key, as the result benchmarks use them.
public enum ResultFixtures {
    public static func quickscan() -> Questionnaire { instrument("quickscan") }

    /// A bundled questionnaire by id (the AI Act check gives results of about 35 KB).
    public static func instrument(_ id: String) -> Questionnaire {
        let file = BundledQuestionnaires.files.first { $0.name == "\(id).yaml" }!
        return QuestionnaireLoader.load(file.contents, file: file.name).questionnaire!
    }

    /// Answers every visible question (first option, yes, 12,000, a sentence), with a note
    /// on every third question: a realistic, fairly full result.
    /// `thorough`: as an assessor who explains every answer (a note on each, every option of
    /// a multiple choice that applies): the AI Act check then gives results of about 35 KB.
    public static func completedSession(
        _ questionnaire: Questionnaire, system: String = "Risicomodel heronderzoek", organisation: String = "Gemeente Voorbeeld", thorough: Bool = false
    ) -> Session {
        var session = Session(questionnaire: questionnaire, subject: Subject(system: system, organisation: organisation, assessor: "A. de Vries"))
        repeat {
            guard let question = session.currentQuestion else { break }
            let value: AnswerValue =
                switch question.type {
                case .yesNo: .yes
                // "Weet ik niet" shows every question that depends on it, as in a real first pass.
                case .yesNoUnknown: thorough ? .unknown : .yes
                case .single: .option(question.options[0].id)
                case .multi: .options(thorough ? question.options.filter { !$0.exclusive }.map(\.id) : [question.options[0].id])
                case .number: .number(min(12_000, question.maximum ?? 12_000))
                case .scale: .number(question.minimum ?? 0)
                case .text: .text("Het systeem selecteert dossiers voor heronderzoek op basis van een risicoscore.")
                }
            session.setAnswer(value, at: session.cursor)
            if thorough {
                session.setNote(
                    "Nagevraagd bij de leverancier en het team dat het systeem gebruikt; zie het verslag van het overleg van 12 november, "
                        + "de verwerkersovereenkomst (bijlage 3) en de documentatie van het model. Nog te bevestigen door de proceseigenaar.",
                    at: session.cursor)
            } else if session.cursor % 3 == 0 {
                session.setNote("Nagevraagd bij de leverancier; zie verslag van 12 november.", at: session.cursor)
            }
        } while session.goToNext()
        return session
    }

    public static let key = SigningKey(
        privateKey: try! Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: 42, count: 32)),
        identity: SignerIdentity(name: "Anna de Vries", organisation: "Gemeente Voorbeeld"))

    /// Scores, signs and serialises one result: what `grip run` does before writing.
    public static func signedResult(_ session: Session, id: UUID = UUID(), at date: Date = Date()) throws -> Data {
        let outcome = Scorer.outcome(for: session)
        let result = ResultDocument.result(for: session, outcome: outcome, id: id, language: .nl, startedAt: date, completedAt: date)
        return Data(PrettyJSON.bytes(try ResultSigner.signedDocument(result: result, key: key)))
    }
}
