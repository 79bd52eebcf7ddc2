import Foundation
import GripEngine
import GripResults
import GripScoring

/// Remembered between runs: the interface language and defaults for the subject fields.
public struct Settings: Codable, Equatable, Sendable {
    public var language: Language
    public var organisation: String
    public var assessor: String
    /// Register folders the review desk opens besides the own results (`grip review DIR`
    /// remembers them).
    public var registerFolders: [String]

    public init(language: Language = .nl, organisation: String = "", assessor: String = "", registerFolders: [String] = []) {
        self.language = language
        self.organisation = organisation
        self.assessor = assessor
        self.registerFolders = registerFolders
    }

    /// A key the file lacks keeps its default (files from older versions, or edited by
    /// hand); a key with a wrong value is an error that names it.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        language = try container.decodeIfPresent(Language.self, forKey: .language) ?? .nl
        organisation = try container.decodeIfPresent(String.self, forKey: .organisation) ?? ""
        assessor = try container.decodeIfPresent(String.self, forKey: .assessor) ?? ""
        registerFolders = try container.decodeIfPresent([String].self, forKey: .registerFolders) ?? []
    }

    /// `self` with the fields that `changed` differs from `base` in taken from `changed`:
    /// merging one interface's change into what another may have saved meanwhile.
    func merging(_ changed: Settings, since base: Settings) -> Settings {
        var merged = self
        if changed.language != base.language { merged.language = changed.language }
        if changed.organisation != base.organisation { merged.organisation = changed.organisation }
        if changed.assessor != base.assessor { merged.assessor = changed.assessor }
        if changed.registerFolders != base.registerFolders { merged.registerFolders = changed.registerFolders }
        return merged
    }
}

/// A saved result as the home and results screens list it.
public struct ResultSummary: Equatable, Sendable {
    public var path: String
    public var questionnaireTitle: String
    public var system: String
    public var completedAt: String
    public var verification: VerificationReport

    public init(path: String, questionnaireTitle: String, system: String, completedAt: String, verification: VerificationReport) {
        self.path = path
        self.questionnaireTitle = questionnaireTitle
        self.system = system
        self.completedAt = completedAt
        self.verification = verification
    }
}

/// Everything the interface shows and edits. Changed only by `update`.
public struct AppState: Sendable {
    /// The interface language; kept in the settings so it is remembered.
    public var language: Language {
        get { settings.language }
        set { settings.language = newValue }
    }
    public var width: Int
    public var height: Int
    /// The instruments on offer; each is loaded in full only when it is opened.
    public var instruments: [Instrument]
    public var drafts: [Draft]
    /// Drafts whose result was already written (the process stopped between signing and
    /// removing the draft), with that result's path: offered for removal, not re-signing.
    public var signedDrafts: [UUID: String] = [:]
    /// Drafts another running interface has open, with who and since when.
    public var draftHolders: [UUID: String] = [:]
    public var results: [ResultSummary]
    /// The results are still being read and verified in the background.
    public var resultsLoading = false
    /// The signer's name and key id, when a key exists.
    public var signer: (name: String, keyID: String)?
    public var settings: Settings
    public var screen: Screen
    public var dialog: Dialog?
    /// A one-line message at the bottom: what just happened, or what went wrong.
    public var message: Message?
    public var active: ActiveAssessment?
    public var isRunning = true
    /// Answers that will be prefilled into the next assessment that is started.
    public var pendingPrefill: Session?
    /// The review desk, kept while a result opened from it is shown.
    public var desk: DeskState?
    /// The workshop cases (bundled), and the workshop screens' state.
    public var cases: [WorkshopCase] = []
    public var workshop: WorkshopState?
    /// Where the own results are (set by the runner), for the desk's default folders.
    public var resultsDirectory: String?
    /// Where practice results are kept (set by the runner), for the workshop's group view.
    public var practiceDirectory: String?

    /// What the desk opens from the home screen: the own results and the register folders.
    public var deskDirectories: [String] {
        var folders = resultsDirectory.map { [$0] } ?? []
        for folder in settings.registerFolders where !folders.contains(folder) { folders.append(folder) }
        return folders
    }
    /// For showing dates (tests fix it so screens do not depend on where they run).
    public var timeZone: TimeZone = .current

    public init(
        instruments: [Instrument], drafts: [Draft] = [], results: [ResultSummary] = [],
        signer: (name: String, keyID: String)? = nil, settings: Settings = Settings(), width: Int = 80, height: Int = 24
    ) {
        self.instruments = instruments
        self.drafts = drafts
        self.results = results
        self.signer = signer
        self.settings = settings
        self.width = width
        self.height = height
        screen = .home(HomeState())
    }

    /// With questionnaires already loaded (tests, scripts).
    public init(
        instruments: [Questionnaire], drafts: [Draft] = [], results: [ResultSummary] = [],
        signer: (name: String, keyID: String)? = nil, settings: Settings = Settings(), width: Int = 80, height: Int = 24
    ) {
        self.init(instruments: instruments.map(Instrument.init), drafts: drafts, results: results, signer: signer, settings: settings, width: width, height: height)
    }

    public struct Message: Sendable, Equatable {
        public var text: String
        public var isError: Bool
    }
}

public enum Screen: Sendable {
    case home(HomeState)
    case start(StartState)
    case question
    case overview(OverviewState)
    case outcome(OutcomeState)
    case keySetup(KeySetupState)
    case results(ResultsState)
    case resultDetail(ResultDetailState)
    /// The review desk (its state is `AppState.desk`).
    case desk
    /// The workshop group summary on a projector.
    case presentation(PresentationState)
    /// Workshop mode (its state is `AppState.workshop`).
    case workshop
}

/// Modal questions over the current screen.
public enum Dialog: Sendable {
    /// Quit with something unsaved (a draft save failed).
    case confirmQuit
    /// Changing this answer hides questions that were already answered.
    case hideAnswers(value: AnswerValue?, index: Int, hidden: [Int])
    /// The outcome can no longer change.
    case settledEarly
    case deleteDraft(UUID)
    /// This draft was already signed: remove it, or open it anyway.
    case draftAlreadySigned(Draft, resultPath: String)
    /// The questionnaire changed and these answers no longer fit: a copy of the draft is
    /// kept before it is opened (and saved without them).
    case droppedAnswers(Draft, dropped: [DroppedAnswer])
    /// Another interface has this draft open: read only, or take it over.
    case draftInUse(Draft, holder: String)
}

public struct HomeState: Sendable, Equatable {
    /// Index into the combined list: instruments, then drafts, then recent results.
    public var selection = 0
    public init() {}
}

public struct StartState: Sendable {
    public var questionnaire: Questionnaire
    public var fields: [TextEditor]
    public var focus = 0

    init(questionnaire: Questionnaire, settings: Settings) {
        self.questionnaire = questionnaire
        fields = [
            TextEditor("", maximumLength: 120),
            TextEditor(settings.organisation, maximumLength: 120),
            TextEditor(settings.assessor, maximumLength: 120),
        ]
    }
}

public struct OverviewState: Sendable, Equatable {
    public var selection = 0
    public init(selection: Int = 0) { self.selection = selection }
}

public struct OutcomeState: Sendable {
    public var scroll = 0
    /// Where the signed result was written, once it was.
    public var savedPath: String?
    public var saving = false
}

public struct KeySetupState: Sendable {
    public var fields: [TextEditor]
    public var focus = 0
    public var problem: String?
}

public struct ResultsState: Sendable, Equatable {
    public var selection = 0
}

public struct ResultDetailState: Sendable {
    public var summary: ResultSummary
    public var lines: [String]
    public var scroll = 0
    /// The result's answers, when it verifies: its next instruments start with them.
    public var answers: ResultAnswers?
    /// A file that does not verify opens behind a full-screen warning; the person must
    /// choose to look at its content, which is then marked on every line.
    public var warningAcknowledged = false
    /// Opened from the review desk: going back returns there.
    public var fromDesk = false

    public var showsWarning: Bool { !summary.verification.isValid && !warningAcknowledged }
}

/// Which part of the question screen has the keyboard.
public enum QuestionFocus: Sendable, Equatable {
    case answer
    case note
    case help
}

/// The input for the current question, before it is confirmed.
public enum AnswerInput: Sendable, Equatable {
    /// yes/no(/unknown), single and multi choice: the highlighted row and the chosen ids.
    case choice(highlight: Int, chosen: [String])
    /// number and text: the editor, and whether "weet ik niet" is highlighted or chosen.
    case field(TextEditor, unknownHighlighted: Bool, unknownChosen: Bool)
    /// scale: the value (nil: nothing chosen yet) and whether "weet ik niet" is chosen.
    case scale(Int?, unknownChosen: Bool)
}

/// The assessment being filled in.
public struct ActiveAssessment: Sendable {
    public var session: Session
    public var draftID: UUID
    public var startedAt: Date
    public var input: AnswerInput
    public var note: TextEditor
    public var focus: QuestionFocus = .answer
    public var helpVisible = false
    public var helpScroll = 0
    /// Why the input was not accepted, in the interface language.
    public var problem: String?
    public var settledNoticeShown = false
    public var outcomeVisible = false
    /// Questions whose answer came from another questionnaire and is not confirmed yet.
    public var prefilled: Set<Int> = []
    /// The draft could not be saved: quitting asks first.
    public var unsaved = false
    /// The signed result is written and the draft deleted: nothing more to save.
    public var isFinished = false
    /// Opened while another interface holds the draft, or taken over by one: answers
    /// cannot be changed and nothing is saved.
    public var readOnly = false
    /// A workshop exercise of this case: marked OEFENING on every screen, signed as practice.
    public var practiceCase: String?
}

extension ActiveAssessment {
    /// Keeps the note being typed with the current question.
    mutating func storeNote() {
        session.setNote(note.text.isEmpty ? nil : note.text, at: session.cursor)
    }
}
