import GripEngine

/// The interface's own words, in Dutch and English. Questionnaire texts come from the files.
enum UIText {
    typealias T = LocalizedText
    static func t(_ nl: String, _ en: String) -> T { T(nl: nl, en: en) }

    static let appTitle = t("Grip — toetsen van algoritmen en AI", "Grip — assessing algorithms and AI")
    static let instruments = t("Instrumenten", "Instruments")
    static let drafts = t("Onderbroken (automatisch bewaard)", "In progress (saved automatically)")
    static let recentResults = t("Recente resultaten", "Recent results")
    static let invalidNotExported = t(
        "Dit resultaat is niet geldig ondertekend en wordt daarom niet geëxporteerd: een rapport zou eruitzien als een echt resultaat.",
        "This result is not validly signed, so it is not exported: a report would look like a genuine result.")
    static let invalidTitle = t("NIET TE VERTROUWEN", "DO NOT TRUST")
    static let invalidExplanation = t(
        "Dit bestand is geen geldig ondertekend resultaat. Het kan na het ondertekenen zijn gewijzigd, beschadigd zijn of nooit ondertekend. Niets wat erin staat is nagegaan: niet de antwoorden, niet de uitkomst, niet wie het invulde.",
        "This file is not a validly signed result. It may have been changed after signing, damaged, or never signed. Nothing in it has been checked: not the answers, not the outcome, not who filled it in.")
    static let invalidAdvice = t(
        "Vraag de afzender om het oorspronkelijke bestand. Bekijkt u de inhoud toch, dan staat op elke regel dat die niet te vertrouwen is.",
        "Ask the sender for the original file. If you view the content anyway, every line says it cannot be trusted.")
    static let invalidReason = t("Reden", "Reason")
    static let untrustedMark = t("✗ ONGELDIG │ ", "✗ INVALID │ ")
    static let noDrafts = t("Geen onderbroken vragenlijsten.", "Nothing in progress.")
    static let noResults = t("Nog geen resultaten.", "No results yet.")
    static let resultsLoading = t("Resultaten worden gecontroleerd…", "Checking results…")
    static let minutes = t("min", "min")
    static let keyMissing = t("Nog geen ondertekensleutel: die maakt u bij het eerste afronden.", "No signing key yet: you create one when you first finish.")
    static func keyPresent(_ name: String, _ keyID: String) -> T {
        t("Ondertekent als \(name) (\(keyID.prefix(19))…)", "Signs as \(name) (\(keyID.prefix(19))…)")
    }
    static let language = t("Taal: Nederlands", "Language: English")
    static let tooSmall = t("Maak het venster groter (minstens 60 × 16).", "Make the window larger (at least 60 × 16).")
    static let system = t("Naam van het systeem", "Name of the system")
    static let organisation = t("Organisatie", "Organisation")
    static let assessor = t("Ingevuld door", "Filled in by")
    static let startIntro = t("Vul in waar deze toets over gaat. Alles wordt na elke stap bewaard; u kunt altijd stoppen en later verder.", "Say what this assessment is about. Everything is saved after every step; you can stop at any time and continue later.")
    static let begin = t("Enter op het laatste veld: beginnen", "Enter on the last field: begin")
    static let systemRequired = t("Geef het systeem een naam.", "Give the system a name.")
    static func partAndQuestion(_ part: Int, _ parts: Int, _ question: Int) -> T {
        t("deel \(part) van \(parts) · vraag \(question)", "part \(part) of \(parts) · question \(question)")
    }
    static func questionOf(_ current: Int, _ total: Int) -> T { t("vraag \(current) van \(total)", "question \(current) of \(total)") }
    static let note = t("Toelichting (optioneel, Tab)", "Note (optional, Tab)")
    static let helpTitle = t("Uitleg", "Explanation")
    static let sources = t("Bronnen", "Sources")
    static let noHelp = t("Geen uitleg bij deze vraag.", "No explanation for this question.")
    static let unknown = AnswerWords.unknown
    static func moreAbove(_ count: Int) -> T { t("nog \(count) hierboven", "\(count) more above") }
    static func moreBelow(_ count: Int) -> T { t("nog \(count) hieronder", "\(count) more below") }
    static let nextFromResult = t("Vervolginstrumenten (kies het nummer; de antwoorden worden voorgesteld):", "Next instruments (press the number; the answers are suggested):")
    static func unanswered(_ count: Int) -> T {
        count == 1
            ? t("Nog 1 vraag zonder antwoord (gemarkeerd).", "1 question still unanswered (marked).")
            : t("Nog \(count) vragen zonder antwoord (gemarkeerd).", "\(count) questions still unanswered (marked).")
    }
    static let suggestedMark = t("voorgesteld", "suggested")
    static let prefilled = t("Voorgesteld uit een eerdere vragenlijst; bevestig of wijzig.", "Suggested from an earlier questionnaire; confirm or change.")
    static let liveOutcome = t("Uitkomst tot nu toe", "Outcome so far")
    static let settled = t("vast", "settled")
    static let provisional = t("voorlopig", "so far")
    static let notYetDetermined = t("nog niet bepaald", "not determined yet")
    static let overviewTitle = t("Overzicht van uw antwoorden", "Overview of your answers")
    static let missing = t("ontbreekt", "missing")
    static let notAnswered = t("(nog niet beantwoord)", "(not answered yet)")
    static let hideTitle = t("Deze wijziging verbergt eerdere antwoorden", "This change hides earlier answers")
    static let hideBody = t("De antwoorden blijven bewaard en komen terug als u de wijziging ongedaan maakt:", "The answers stay stored and return if you undo the change:")
    static let hideKeys = t("Enter: doorgaan   Esc: niet wijzigen", "Enter: go ahead   Esc: keep the old answer")
    static let settledTitle = t("De uitkomst ligt vast", "The outcome is settled")
    static let settledBody = t("Wat u verder ook antwoordt, de uitkomst verandert niet meer. U kunt nu afronden, of doorgaan voor een vollediger verslag.", "Whatever you answer next, the outcome will not change. You can finish now, or continue for a fuller record.")
    static let settledKeys = t("f: nu afronden   Enter: doorgaan", "f: finish now   Enter: continue")
    static let quitTitle = t("Niet alles is bewaard", "Not everything is saved")
    static let quitBody = t("Het laatste antwoord kon niet worden bewaard. Toch stoppen?", "The last answer could not be saved. Quit anyway?")
    static let quitKeys = t("j: stoppen   Esc: blijven", "y: quit   Esc: stay")
    static let deleteTitle = t("Onderbroken vragenlijst verwijderen?", "Delete this assessment in progress?")
    static let deleteKeys = t("j: verwijderen   Esc: bewaren", "y: delete   Esc: keep")
    static let alreadySignedTitle = t("Deze vragenlijst is al ondertekend", "This assessment was already signed")
    static func alreadySignedBody(_ path: String) -> T {
        t("Het resultaat staat in \(path). Het concept is blijven staan omdat Grip werd onderbroken tijdens het ondertekenen. Verwijder het concept, zodat u niet twee keer ondertekent.",
          "The result is in \(path). The draft remained because Grip was interrupted while signing. Remove the draft, so you do not sign twice.")
    }
    static let alreadySignedKeys = t("j: concept verwijderen   o: toch openen   Esc: terug", "y: remove draft   o: open anyway   Esc: back")
    static let alreadySignedMark = t("al ondertekend", "already signed")
    static let droppedTitle = t("De vragenlijst is gewijzigd", "The questionnaire has changed")
    static func droppedBody(_ ids: String) -> T {
        t("Deze antwoorden passen niet meer bij de nieuwe versie en worden niet overgenomen: \(ids). Grip bewaart eerst een kopie van het concept.",
          "These answers no longer fit the new version and are not carried over: \(ids). Grip first keeps a copy of the draft.")
    }
    static let droppedKeys = t("Enter: kopie bewaren en openen   Esc: niet openen", "Enter: keep a copy and open   Esc: do not open")
    static let inUseTitle = t("Dit concept is al geopend", "This draft is already open")
    static func inUseBody(_ holder: String) -> T {
        t("Een andere Grip heeft dit concept open: \(holder). Als u het overneemt, kan die Grip het niet meer opslaan.",
          "Another Grip has this draft open: \(holder). If you take it over, that Grip can no longer save it.")
    }
    static let inUseKeys = t("o: overnemen   l: alleen lezen   Esc: terug", "o: take over   r: read only   Esc: back")
    static func openedBy(_ holder: String) -> T { t("geopend door \(holder)", "open by \(holder)") }
    static let readOnly = t("alleen lezen", "read only")
    static let readOnlyRefused = t("Alleen lezen: dit concept is open in een andere Grip. Wijzigingen worden niet bewaard.", "Read only: this draft is open in another Grip. Changes are not saved.")
    static func takenOver(_ holder: String) -> T {
        t("Dit concept is overgenomen door \(holder). Uw laatste wijziging is niet bewaard; hier kunt u alleen nog lezen.",
          "This draft was taken over by \(holder). Your last change was not saved; you can only read it here now.")
    }
    static func backedUp(_ path: String) -> T { t("Kopie van het concept bewaard: \(path)", "Copy of the draft kept: \(path)") }
    static let outcomeTitle = t("Uitkomst", "Outcome")
    static let summary = t("In het kort", "In short")
    static let details = t("Per onderdeel: redenen, bronnen en wat te doen", "Per assessment: reasons, sources and what to do")
    static func moreLines(_ count: Int) -> T { t("▼ nog \(count) regels (PgDn of spatie)", "▼ \(count) more lines (PgDn or space)") }
    static let reasons = t("Waarom", "Why")
    static let because = t("omdat", "because")
    static let openPoints = t("Nog uitzoeken of dit geldt", "To find out whether this holds")
    static let nextStep = t("Volgende stap", "Next step")
    static let rationale = t("Onderbouwing", "Rationale")
    static let appliesFrom = t("Geldt vanaf", "Applies from")
    static let dimensions = t("Aandachtsgebieden", "Areas of attention")
    static let warnings = t("Let op", "Attention")
    static let saveAction = t("Enter: ondertekenen en opslaan", "Enter: sign and save")
    static let saving = t("Bezig met ondertekenen en opslaan…", "Signing and saving…")
    static func savedAt(_ path: String) -> T { t("Ondertekend en opgeslagen: \(path)", "Signed and saved: \(path)") }
    /// On one screen line: the file's name (the results view shows the whole path).
    static func savedAs(_ path: String) -> T { savedAt(String(path.split(separator: "/").last ?? Substring(path)) + "  (r)") }
    static let startNext = t("Vervolg", "Next")
    static let keySetupTitle = t("Ondertekensleutel aanmaken", "Create your signing key")
    static let keySetupIntro = t("Resultaten worden ondertekend, zodat een privacy officer kan nagaan dat ze echt en ongewijzigd zijn. Uw naam en organisatie staan bij elke handtekening.", "Results are signed so a privacy officer can check they are genuine and unchanged. Your name and organisation appear with every signature.")
    static let name = t("Uw naam", "Your name")
    static let keyFieldsRequired = t("Vul uw naam en organisatie in.", "Fill in your name and organisation.")
    static let resultsTitle = t("Resultaten", "Results")
    static let exportedTo = t("Geëxporteerd naar", "Exported to")
    static let draftSaveFailed = t("Let op: niet bewaard", "Warning: not saved")
}
