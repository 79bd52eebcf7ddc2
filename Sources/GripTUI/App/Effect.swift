import Foundation
import GripEngine
import GripResults
import GripScoring

/// Work `update` asks the runtime to do outside the pure core: files, keys, signing.
/// Each reports back as an `EffectResult` event.
public enum Effect: Sendable {
    case saveDraft(Draft)
    case deleteDraft(UUID)
    /// Keeps a copy of a draft's file before answers that no longer fit are dropped.
    case backupDraft(UUID)
    /// Takes a draft over from another interface that has it open.
    case takeOverDraft(UUID)
    case createKey(SignerIdentity)
    /// Score, sign and write the result of a finished session.
    /// `practiceCase`: a workshop exercise, signed with the practice key as a practice result.
    case writeResult(session: Session, startedAt: Date, language: Language, draftID: UUID, practiceCase: String? = nil)
    case saveSettings(Settings)
    case loadResults
    case openResult(path: String)
    case export(path: String, format: ResultExporter.Format)
    /// Index the register folders (in the background) for the review desk.
    case loadDesk(directories: [String], instruments: [Instrument])
    case countersign(path: String, verdict: Review.Verdict, remark: String, judgements: [Review.Judgement], actions: [Review.Action], nextReview: String?)
    case diff(old: String, new: String)
    /// The group summary of this case from the practice results on this machine.
    case workshopSummary(caseID: String, questionnaireID: String, reference: WorkshopSummary.Reference?)
    case quit
}

public enum EffectResult: Sendable, Equatable {
    case draftSaved
    case draftFailed(String)
    case draftDeleted(UUID)
    case draftBackedUp(path: String)
    /// Another interface took this draft over: this one can no longer save it.
    case draftTakenOver(holder: String)
    case keyCreated(name: String, keyID: String)
    case keyFailed(String)
    case resultWritten(path: String)
    case resultFailed(String)
    /// The own results verified so far; `complete` when all are.
    case resultsLoaded([ResultSummary], complete: Bool)
    /// A result to read; `answers` when it verifies, so its next instruments can start
    /// with its answers.
    case resultOpened(ResultSummary, lines: [String], answers: ResultAnswers? = nil)
    case resultOpenFailed(String)
    case exported(path: String)
    case exportFailed(String)
    case settingsSaved
    /// The desk's rows so far; `complete` when every file is verified.
    case deskLoaded(DeskData, complete: Bool = true)
    case reviewWritten(path: String)
    case reviewFailed(String)
    case diffOpened(lines: [String])
    case workshopSummaryLoaded(WorkshopSummary?)
}
