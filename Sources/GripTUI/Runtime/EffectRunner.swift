import Foundation
import GripEngine
import GripResults
import GripScoring

/// Carries out effects against the file system: drafts, keys, results, settings, exports.
/// The only part of the interface that touches files.
public final class EffectRunner {
    public let configDirectory: URL
    public let dataDirectory: URL
    /// Where the review desk keeps its index of register folders; nil: no cache.
    public var cacheDirectory: URL?
    let keyStore: KeyStore
    let draftStore: DraftStore
    /// This interface's claims on the drafts it has open.
    let claims: DraftClaims
    private var claimed: Set<UUID> = []
    /// Results of work done in the background (verifying results), for the runtime to deliver.
    public let inbox = EffectInbox()
    private let resultLoads = ResultLoader.Generation()
    private let deskLoads = ResultLoader.Generation()
    var resultsDirectory: URL { dataDirectory.appendingPathComponent("results") }
    var exportsDirectory: URL { dataDirectory.appendingPathComponent("exports") }
    var practiceDirectory: URL { dataDirectory.appendingPathComponent("practice") }
    var settingsURL: URL { configDirectory.appendingPathComponent("settings.json") }

    /// The settings as this process last read or wrote them: the base for merging its
    /// changes into what another interface may have saved since.
    private var knownSettings = Settings()
    /// An error in words, in the interface language (as last saved in the settings).
    func words(_ error: any Error) -> String { ErrorText.describe(error)[knownSettings.language] }

    public init(configDirectory: URL, dataDirectory: URL) {
        self.configDirectory = configDirectory
        self.dataDirectory = dataDirectory
        keyStore = KeyStore(directory: configDirectory)
        draftStore = DraftStore(directory: dataDirectory.appendingPathComponent("drafts"))
        claims = DraftClaims(directory: dataDirectory.appendingPathComponent("drafts"))
    }

    /// The state to start from: instruments, drafts, results, key and settings.
    public func initialState(instruments: [Questionnaire], width: Int, height: Int) -> AppState {
        initialState(instruments: instruments.map(Instrument.init), width: width, height: height)
    }

    public func initialState(instruments: [Instrument], width: Int, height: Int) -> AppState {
        let (settings, settingsProblem) = readSettings()
        knownSettings = settings
        var signer: (String, String)?
        if let key = try? keyStore.load() { signer = (key.identity.name, key.keyID) }
        let drafts = draftStore.list()
        var state = AppState(
            instruments: instruments, drafts: drafts.drafts, results: [], signer: signer,
            settings: settings, width: width, height: height)
        state.signedDrafts = signedDrafts(drafts.drafts)
        state.resultsDirectory = resultsDirectory.path
        state.practiceDirectory = practiceDirectory.path
        // Read and verified after the first frame (see Runtime): meanwhile the list says so.
        state.resultsLoading = true
        let dutch = settings.language == .nl
        for draft in drafts.drafts {
            if let holder = claims.holder(of: draft.id) { state.draftHolders[draft.id] = holder.describe(dutch: dutch) }
        }
        var problems: [String] = []
        if !drafts.unreadable.isEmpty {
            let files = drafts.unreadable.map(\.file).joined(separator: ", ")
            problems.append(settings.language == .nl ? "Onleesbare concepten overgeslagen (niet verwijderd): \(files)" : "Unreadable drafts skipped (not deleted): \(files)")
        }
        if let settingsProblem { problems.append(settingsProblem[settings.language]) }
        if !problems.isEmpty { state.message = AppState.Message(text: problems.joined(separator: " "), isError: true) }
        return state
    }

    /// The settings as saved, for changing one outside the interface (`grip review DIR`
    /// remembers its folders); they become the base later saves merge into.
    public func currentSettings() -> Settings {
        knownSettings = readSettings().0
        return knownSettings
    }

    /// The settings, and what is wrong with the file if it cannot be read (then the
    /// defaults are used and the file is kept until a change is saved, with a copy).
    func readSettings() -> (Settings, LocalizedText?) {
        let path = settingsURL.path
        guard FileManager.default.fileExists(atPath: path) else { return (Settings(), nil) }
        let reason: LocalizedText
        if let data = FileManager.default.contents(atPath: path) {
            do {
                return (try JSONDecoder().decode(Settings.self, from: data), nil)
            } catch let error as DecodingError {
                reason = DecodingProblem.describe(error)
            } catch {
                reason = LocalizedText(nl: "onleesbaar", en: "unreadable")
            }
        } else {
            reason = LocalizedText(nl: "geen toegang", en: "permission denied")
        }
        return (Settings(), LocalizedText(
            nl: "Instellingen \(path) niet leesbaar (\(reason.nl)); standaardinstellingen gebruikt.",
            en: "Settings \(path) cannot be read (\(reason.en)); using defaults."))
    }

    /// Saves a change to the settings under a lock, merged into what is on disk, so two
    /// interfaces changing different settings both keep theirs. An unreadable file is
    /// kept as a copy before it is replaced.
    func saveSettings(_ settings: Settings) {
        try? FileLock.withLock(on: settingsURL) {
            let (current, problem) = readSettings()
            if problem != nil {
                let copy = settingsURL.appendingPathExtension("unreadable-\(Int(Date().timeIntervalSince1970))")
                try? FileManager.default.copyItem(at: settingsURL, to: copy)
            }
            let merged = current.merging(settings, since: knownSettings)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            guard let data = try? encoder.encode(merged) else { return }
            try? FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
            if (try? data.write(to: settingsURL, options: .atomic)) != nil { knownSettings = merged }
        }
    }

    public func run(_ effect: Effect) -> EffectResult? {
        switch effect {
        case .saveDraft(let draft):
            do {
                // Saved only while this interface holds the draft: never over another's answers.
                try claims.claim(draft.id)
                claimed.insert(draft.id)
                try draftStore.save(draft)
                return .draftSaved
            } catch DraftClaims.Problem.heldBy(let holder) {
                return .draftTakenOver(holder: holder.describe(dutch: knownSettings.language == .nl))
            } catch {
                return .draftFailed(words(error))
            }
        case .takeOverDraft(let id):
            do {
                try claims.claim(id, force: true)
                claimed.insert(id)
                return .draftSaved
            } catch {
                return .draftFailed(words(error))
            }
        case .deleteDraft(let id):
            try? draftStore.delete(id)
            claims.release(id)
            return .draftDeleted(id)
        case .backupDraft(let id):
            do {
                return .draftBackedUp(path: try draftStore.backup(id).path)
            } catch {
                return .draftFailed(words(error))
            }
        case .createKey(let identity):
            do {
                let key = try keyStore.create(identity: identity)
                return .keyCreated(name: identity.name, keyID: key.keyID)
            } catch {
                return .keyFailed(words(error))
            }
        case .writeResult(let session, let startedAt, let language, let draftID, let practiceCase):
            return writeResult(session, startedAt: startedAt, language: language, draftID: draftID, practiceCase: practiceCase)
        case .saveSettings(let settings):
            saveSettings(settings)
            return .settingsSaved
        case .loadResults:
            // Verified off the interface thread; the list fills in as batches arrive.
            ResultLoader(directory: resultsDirectory, keyStore: keyStore).start(into: inbox, generation: resultLoads)
            return nil
        case .openResult(let path):
            return openResult(path)
        case .export(let path, let format):
            return export(path, format: format)
        case .loadDesk(let directories, let instruments):
            loadDesk(directories, instruments: instruments)
            return nil
        case .countersign(let path, let verdict, let remark, let judgements, let actions, let nextReview):
            return countersign(path, verdict: verdict, remark: remark, judgements: judgements, actions: actions, nextReview: nextReview)
        case .diff(let old, let new):
            return diff(old, new)
        case .workshopSummary(let caseID, let questionnaireID, let reference):
            let trustList = (try? keyStore.loadTrustList()) ?? TrustList()
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: practiceDirectory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
            let results = names.compactMap { name -> (path: String, document: JSONValue, verification: VerificationReport)? in
                let path = practiceDirectory.appendingPathComponent(name).path
                return (try? ResultFile.open(path, trustList: trustList)).map { (path, $0.document, $0.verification) }
            }
            let summary = WorkshopSummary(results: results, questionnaireID: questionnaireID, caseID: caseID, reference: reference)
            return .workshopSummaryLoaded(summary.participants == 0 ? nil : summary)
        case .quit:
            for id in claimed { claims.release(id) }
            return nil
        }
    }

    // MARK: Review desk

    /// Indexes the folders off the interface thread (a fresh folder of thousands of results
    /// takes seconds; the desk shows that it is checking meanwhile).
    func loadDesk(_ directories: [String], instruments: [Instrument]) {
        let versions = Dictionary(instruments.map { ($0.id, $0.version) }, uniquingKeysWith: { _, last in last })
        let inbox = inbox, cache = cacheDirectory, keyStore = keyStore
        let generation = deskLoads.next(), loads = deskLoads
        Thread.detachNewThread {
            let trustList = (try? keyStore.loadTrustList()) ?? TrustList()
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd"
            let today = formatter.string(from: Date())
            let rescore = RegisterOverview.rescorer { id in instruments.first { $0.id == id }?.questionnaire }
            // A fresh folder of thousands of results: the list fills in as files are verified.
            let index = ResultIndex.build(directories: directories.map { URL(fileURLWithPath: $0, isDirectory: true) }, cache: cache) { partial in
                guard loads.isCurrent(generation) else { return }
                let data = DeskData.build(index: partial, trustList: trustList, currentVersions: versions, today: today, timeZone: .current)
                inbox.post(.deskLoaded(data, complete: false))
            }
            let data = DeskData.build(index: index, trustList: trustList, currentVersions: versions, today: today, timeZone: .current, rescore: rescore)
            if loads.isCurrent(generation) { inbox.post(.deskLoaded(data, complete: true)) }
        }
    }

    func countersign(_ path: String, verdict: Review.Verdict, remark: String, judgements: [Review.Judgement], actions: [Review.Action], nextReview: String?) -> EffectResult {
        let dutch = knownSettings.language == .nl
        do {
            let key = try keyStore.load()
            let trustList = (try? keyStore.loadTrustList()) ?? TrustList()
            let url = try ReviewWriter.write(
                resultAt: path, trustList: trustList, key: key, verdict: verdict, remarks: remark, judgements: judgements, actions: actions,
                nextReview: nextReview)
            return .reviewWritten(path: url.path)
        } catch ReviewWriter.Problem.practice {
            return .reviewFailed(dutch ? "Niet ondertekend: dit is een oefenresultaat, geen beoordeling." : "Not signed: this is a practice result, not an assessment.")
        } catch ReviewWriter.Problem.resultDoesNotVerify(let reason) {
            let words = VerificationReport.Status.invalid(reason).reason(knownSettings.language) ?? reason
            return .reviewFailed(dutch ? "Niet ondertekend: het resultaat is niet (meer) geldig (\(words))." : "Not signed: the result does not verify (\(words)).")
        } catch {
            return .reviewFailed((dutch ? "Niet ondertekend: " : "Not signed: ") + words(error))
        }
    }

    func diff(_ old: String, _ new: String) -> EffectResult {
        do {
            let trustList = (try? keyStore.loadTrustList()) ?? TrustList()
            let older = try ResultFile.open(old, trustList: trustList), newer = try ResultFile.open(new, trustList: trustList)
            let text = ResultDiff(old: older.document, new: newer.document).text(language: knownSettings.language)
            return .diffOpened(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        } catch {
            return .resultOpenFailed(words(error))
        }
    }

    /// Signs and writes the result, then removes the draft at once. The result names the
    /// draft (`session`, and the draft's short id in the file name), so a draft that
    /// survives a stop between the two steps is recognised at the next start.
    func writeResult(_ session: Session, startedAt: Date, language: Language, draftID: UUID, practiceCase: String? = nil) -> EffectResult {
        do {
            // A workshop exercise needs no personal key and never lands among real results.
            let key = practiceCase == nil ? try keyStore.load() : try keyStore.practiceKey()
            let completedAt = Date()
            let outcome = Scorer.outcome(for: session)
            let result = ResultDocument.result(
                for: session, outcome: outcome, id: UUID(), language: language, startedAt: startedAt, completedAt: completedAt, sessionID: draftID,
                practice: practiceCase != nil, caseID: practiceCase)
            let data = Data(PrettyJSON.bytes(try ResultSigner.signedDocument(result: result, key: key)))
            let name = ResultWriter.fileName(date: completedAt, questionnaireID: session.questionnaire.id, system: session.subject.system, id: draftID)
            let path = try ResultWriter.writeNew(data, named: name, in: practiceCase == nil ? resultsDirectory : practiceDirectory).path
            try? draftStore.delete(draftID)
            claims.release(draftID)
            return .resultWritten(path: path)
        } catch {
            return .resultFailed(words(error))
        }
    }

    /// Drafts whose result is already in `results/`: found by the short id in the file
    /// name, confirmed by the `session` member of the result.
    func signedDrafts(_ drafts: [Draft]) -> [UUID: String] {
        // Without drafts there is nothing to look for (and no need to list thousands of results).
        guard !drafts.isEmpty else { return [:] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: resultsDirectory.path)) ?? []
        var found: [UUID: String] = [:]
        for draft in drafts {
            let suffix = "-" + draft.id.uuidString.lowercased().prefix(8) + ".json"
            for name in names where name.hasSuffix(suffix) {
                let path = resultsDirectory.appendingPathComponent(name).path
                guard let opened = try? ResultFile.open(path, trustList: TrustList()),
                    opened.document["result"]?["session"]?.stringValue == draft.id.uuidString.lowercased()
                else { continue }
                found[draft.id] = path
            }
        }
        return found
    }

    func trustList() -> TrustList { (try? keyStore.loadTrustList()) ?? TrustList() }

    func openResult(_ path: String) -> EffectResult {
        do throws(ResultFile.Problem) {
            let opened = try ResultFile.open(path, trustList: trustList())
            // Only a genuine, unchanged result hands its answers on.
            let answers = opened.verification.isValid ? ResultAnswers(document: opened.document) : nil
            return .resultOpened(ResultLoader.summary(opened), lines: ResultText.lines(opened.report, path: path, language: knownSettings.language), answers: answers)
        } catch {
            return .resultOpenFailed(words(error))
        }
    }

    func export(_ path: String, format: ResultExporter.Format) -> EffectResult {
        let opened: OpenedResult
        do throws(ResultFile.Problem) {
            opened = try ResultFile.open(path, trustList: trustList())
        } catch {
            return .exportFailed(words(error))
        }
        let output = ResultExporter.export(opened.report, original: opened.data, format: format)
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let suffix = format == .html ? "html" : "md"
        // Never replace an earlier export: number new ones.
        for attempt in 0..<100 {
            let name = attempt == 0 ? "\(base).\(suffix)" : "\(base)-\(attempt + 1).\(suffix)"
            do {
                return .exported(path: try ResultWriter.writeNew(output, named: name, in: exportsDirectory).path)
            } catch let error as CocoaError where error.code == .fileWriteFileExists {
                continue
            } catch {
                return .exportFailed(words(error))
            }
        }
        return .exportFailed(knownSettings.language == .nl ? "al 100 exports van \(base); ruim er eerst een paar op" : "already 100 exports of \(base); clear some first")
    }
}

/// A result as plain lines for the read-only screen: the interface's words and local
/// times, the same wording of levels and the same sources as the live outcome.
enum ResultText {
    static func lines(_ report: ResultReport, path: String, language: Language, timeZone: TimeZone = .current) -> [String] {
        let words = OutcomeText.Words(language)
        let dutch = language == .nl
        func sources(_ list: [ResultReport.Source]) -> String {
            list.isEmpty ? "" : " [" + list.map(\.label).joined(separator: "; ") + "]"
        }
        func level(_ raw: String) -> String {
            AssessmentLevel(rawValue: raw).map { words.level($0) } ?? raw
        }
        var lines: [String] = []
        lines.append("\(dutch ? "Bestand" : "File"): \(path)")
        lines.append("\(dutch ? "Organisatie" : "Organisation"): \(report.organisation)")
        lines.append("\(dutch ? "Ingevuld door" : "Filled in by"): \(report.assessor)")
        lines.append("\(dutch ? "Afgerond" : "Completed"): \(localTime(report.completedAt, timeZone: timeZone))")
        lines.append("\(dutch ? "Ondertekenaar" : "Signer"): \(report.signerName ?? "—") \(report.verification.keyID ?? "")")
        lines.append("")
        for assessment in report.assessments {
            lines.append("■ \(assessment.title): \(level(assessment.level))")
            for reason in assessment.reasons { lines.append("  + \(reason.text)\(sources(reason.sources))") }
            for point in assessment.openPoints {
                lines.append("  ? \(words.openPoint): \(point.text) — \(words.resolve): \(point.questions.joined(separator: ", "))")
            }
            if let rationale = assessment.rationale { lines.append("  = \(rationale)") }
            if let date = assessment.appliesFrom { lines.append("  \(words.appliesFrom) \(date)") }
            lines.append("  → \(assessment.nextStep)")
        }
        for classification in report.classifications { lines.append("\(classification.title): \(classification.headline)") }
        for warning in report.warnings { lines.append("! \(warning.text)\(sources(warning.sources))") }
        lines.append("")
        for answer in report.answers where answer.shown {
            lines.append("\(answer.text)")
            lines.append("  \(answer.answerText ?? "—")")
            if let note = answer.note { lines.append("  \(dutch ? "Toelichting" : "Note"): \(note)") }
        }
        return lines
    }

    /// `2026-11-23T14:05:09Z` as local time (`2026-11-23 15:05`); text that is not such a
    /// time is shown as it is.
    static func localTime(_ timestamp: String, timeZone: TimeZone) -> String {
        // Called for every row of a list on every frame: no formatter for a result's own UTC times.
        LocalTime.text(timestamp, timeZone)
    }

}
