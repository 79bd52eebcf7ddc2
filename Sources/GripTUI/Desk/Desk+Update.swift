import Foundation
import GripEngine
import GripResults

extension KeyMaps {
    private static func t(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }

    /// In priority order: a narrow footer keeps the first ones.
    static let desk = KeyMap(KeyBinding.moveUpDown + [
        KeyBinding([.pageUp], .pageUp, t("pagina omhoog", "page up"), inFooter: false),
        KeyBinding([.pageDown, .character(" ")], .pageDown, t("pagina omlaag", "page down"), inFooter: false),
        KeyBinding([.enter], .confirm, t("openen", "open")),
        KeyBinding([.character("/")], .command("search"), t("zoeken", "search")),
        KeyBinding([.character("c")], .command("countersign"), t("beoordelen", "review")),
        KeyBinding([.character("p")], .command("system"), t("per systeem", "per system")),
        KeyBinding([.character("d")], .command("diff"), t("verschil", "diff")),
        KeyBinding([.character("s")], .command("sort"), t("sorteren", "sort")),
        KeyBinding([.character("o")], .command("reverse"), t("omkeren", "reverse")),
        KeyBinding([.character("i")], .command("instrument"), t("instrument", "instrument")),
        KeyBinding([.character("n")], .command("level"), t("niveau", "level")),
        KeyBinding([.character("v")], .command("trust"), t("vertrouwen", "trust")),
        KeyBinding([.character("b")], .command("review"), t("beoordeling", "review status")),
        KeyBinding([.character("x")], .command("clear"), t("filters weg", "clear filters")),
        KeyBinding([.character("!")], .command("problems"), t("ongeldige bestanden", "invalid files")),
        KeyBinding([.character("r")], .command("reload"), t("opnieuw", "reload")),
        KeyBinding([.escape], .back, t("terug", "back")),
        KeyBinding.quit,
    ])

    static let deskSearch = KeyMap([
        KeyBinding([.enter], .confirm, t("klaar", "done")),
        KeyBinding([.escape], .back, t("zoeken wissen", "clear search")),
    ])

    static let deskReading = KeyMap(KeyBinding.moveUpDown + [
        KeyBinding([.pageUp], .pageUp, t("pagina omhoog", "page up"), inFooter: false),
        KeyBinding([.pageDown, .character(" ")], .pageDown, t("pagina omlaag", "page down")),
        KeyBinding([.escape], .back, t("terug", "back")),
        KeyBinding.quit,
    ])

    static let deskCountersign = KeyMap([
        KeyBinding([.up, .backTab], .up, t("vorig veld", "previous field"), inFooter: false),
        KeyBinding([.down, .tab], .down, t("volgend veld", "next field")),
        KeyBinding([.function(2)], .finish, t("ondertekenen", "sign")),
        KeyBinding([.escape], .back, t("annuleren", "cancel")),
    ])
}

extension App {
    /// Opens the review desk on these folders and starts indexing them.
    public static func openDesk(_ directories: [String], _ state: inout AppState) -> [Effect] {
        state.desk = DeskState(directories: directories)
        state.screen = .desk
        return [.loadDesk(directories: directories, instruments: state.instruments)]
    }

    static func deskResult(_ result: EffectResult, _ state: inout AppState) -> [Effect] {
        guard var desk = state.desk else { return [] }
        defer { state.desk = desk }
        switch result {
        case .deskLoaded(let data, let complete):
            desk.data = data
            desk.loading = !complete
            desk.refresh(resort: true)
        case .reviewWritten(let path):
            desk.mode = .list
            say(&state, LocalizedText(nl: "Beoordeling ondertekend en opgeslagen: \(path)", en: "Review signed and saved: \(path)"))
            desk.loading = true
            return [.loadDesk(directories: desk.directories, instruments: state.instruments)]
        case .reviewFailed(let reason):
            if case .countersign(var form) = desk.mode {
                form.saving = false
                desk.mode = .countersign(form)
            }
            say(&state, LocalizedText(nl: reason, en: reason), error: true)
        case .diffOpened(let lines):
            desk.mode = .diff(lines: lines, scroll: 0)
        default: break
        }
        return []
    }

    static func desk(_ state: inout AppState, _ event: Event) -> [Effect] {
        guard var desk = state.desk else {
            state.screen = .home(HomeState())
            return []
        }
        var effects: [Effect] = []
        switch desk.mode {
        case .list: effects = deskList(&desk, &state, event)
        case .system(let key, let scroll):
            desk.mode = reading(scroll, event, &state, &effects).map { .system(key: key, scroll: $0) } ?? .list
        case .diff(let lines, let scroll):
            desk.mode = reading(scroll, event, &state, &effects).map { .diff(lines: lines, scroll: $0) } ?? .list
        case .problems(let scroll):
            desk.mode = reading(scroll, event, &state, &effects).map { .problems(scroll: $0) } ?? .list
        case .countersign(var form):
            effects = countersign(&form, &desk, &state, event)
        }
        if state.desk != nil, case .desk = state.screen { state.desk = desk }
        return effects
    }

    /// Scrolling through a view of text; nil when Esc returns to the list.
    private static func reading(_ scroll: Int, _ event: Event, _ state: inout AppState, _ effects: inout [Effect]) -> Int? {
        guard case .key(let key) = event, let action = KeyMaps.deskReading.action(for: key) else { return scroll }
        let page = max(1, state.height - 5)
        switch action {
        case .up: return max(0, scroll - 1)
        case .down: return scroll + 1
        case .pageUp: return max(0, scroll - page)
        case .pageDown: return scroll + page
        case .back: return nil
        case .quit: effects = quit(&state)
        default: break
        }
        return scroll
    }

    private static func deskList(_ desk: inout DeskState, _ state: inout AppState, _ event: Event) -> [Effect] {
        if var search = desk.search {
            switch event {
            case .paste(let text): search.insert(text.filter { !$0.isNewline })
            case .key(let key):
                if let action = KeyMaps.deskSearch.action(for: key) {
                    if action == .back { search = TextEditor() }
                    desk.search = nil
                    desk.filter.text = search.text
                    desk.refresh(resort: false)
                    return []
                }
                edit(&search, key)
            default: return []
            }
            desk.search = search
            desk.filter.text = search.text
            desk.refresh(resort: false)
            return []
        }
        guard case .key(let key) = event, let action = KeyMaps.desk.action(for: key) else { return [] }
        let page = max(1, state.height - 7)
        let count = desk.visible.count
        switch action {
        case .up: desk.selection = max(0, desk.selection - 1)
        case .down: desk.selection = min(max(0, count - 1), desk.selection + 1)
        case .pageUp: desk.selection = max(0, desk.selection - page)
        case .pageDown: desk.selection = min(max(0, count - 1), desk.selection + page)
        case .confirm:
            guard let row = desk.selectedRow else { break }
            return [.openResult(path: row.path)]
        case .back:
            state.screen = .home(HomeState())
        case .quit:
            return quit(&state)
        case .command(let command):
            return deskCommand(command, &desk, &state)
        default: break
        }
        return []
    }

    private static func deskCommand(_ command: String, _ desk: inout DeskState, _ state: inout AppState) -> [Effect] {
        let rows = desk.data?.rows ?? []
        /// The next value in `values` after `current`, and nil after the last.
        func cycle<T: Equatable>(_ current: T?, _ values: [T]) -> T? {
            guard let current, let index = values.firstIndex(of: current) else { return values.first }
            return index + 1 < values.count ? values[index + 1] : nil
        }
        switch command {
        case "search": desk.search = TextEditor(desk.filter.text, maximumLength: 200)
        case "sort":
            desk.column = DeskColumn(rawValue: (desk.column.rawValue + 1) % DeskColumn.allCases.count) ?? .date
            desk.refresh(resort: true)
        case "reverse":
            desk.reversed.toggle()
            desk.refresh(resort: true)
        case "instrument":
            var seen: [String] = []
            for row in rows where !seen.contains(row.result.questionnaireID) { seen.append(row.result.questionnaireID) }
            desk.filter.instrument = cycle(desk.filter.instrument, seen.sorted())
            desk.refresh(resort: false)
        case "level":
            desk.filter.level = cycle(desk.filter.level, [.required, .possiblyRequired, .recommended, .notNeeded])
            desk.refresh(resort: false)
        case "trust":
            desk.filter.trust = cycle(desk.filter.trust, DeskRow.Trust.allCases)
            desk.refresh(resort: false)
        case "review":
            desk.filter.review = cycle(desk.filter.review, ["none"] + Review.Verdict.allCases.map(\.rawValue))
            desk.refresh(resort: false)
        case "clear":
            desk.filter = DeskFilter()
            desk.refresh(resort: false)
        case "reload":
            desk.loading = true
            return [.loadDesk(directories: desk.directories, instruments: state.instruments)]
        case "problems":
            if !(desk.data?.problems.isEmpty ?? true) { desk.mode = .problems(scroll: 0) }
        case "system":
            if let row = desk.selectedRow { desk.mode = .system(key: row.systemKey, scroll: 0) }
        case "diff":
            guard let row = desk.selectedRow else { break }
            // The assessment of the same system with the same instrument just before this one.
            let earlier = rows.filter {
                $0.systemKey == row.systemKey && $0.result.questionnaireID == row.result.questionnaireID && $0.result.completedAt < row.result.completedAt
            }.max { $0.result.completedAt < $1.result.completedAt }
            guard let earlier else {
                say(&state, LocalizedText(
                    nl: "Er is geen eerdere \(row.result.questionnaireTitle) van dit systeem om mee te vergelijken.",
                    en: "There is no earlier \(row.result.questionnaireTitle) of this system to compare with."))
                break
            }
            return [.diff(old: earlier.path, new: row.path)]
        case "countersign":
            guard let row = desk.selectedRow else { break }
            guard state.signer != nil else {
                say(&state, LocalizedText(
                    nl: "U heeft nog geen sleutel om mee te ondertekenen: maak er een met grip keys init of door een vragenlijst af te ronden.",
                    en: "You have no signing key yet: create one with grip keys init or by finishing a questionnaire."), error: true)
                break
            }
            let assessments = row.result.assessments.filter { $0.level != AssessmentLevel.notNeeded.rawValue }.map { (id: $0.id, title: $0.title.isEmpty ? $0.id : $0.title) }
            desk.mode = .countersign(CountersignForm(path: row.path, system: row.result.system, assessments: assessments))
        default: break
        }
        return []
    }

    private static func countersign(_ form: inout CountersignForm, _ desk: inout DeskState, _ state: inout AppState, _ event: Event) -> [Effect] {
        defer { if case .countersign = desk.mode { desk.mode = .countersign(form) } }
        guard !form.saving else { return [] }
        switch event {
        case .paste(let text):
            if form.focus > 0 { form.fields[form.focus - 1].insert(text.filter { !$0.isNewline }) }
            return []
        case .key(let key):
            if form.focus == 0, case .character(let character) = key, let digit = character.wholeNumberValue,
                (1...Review.Verdict.allCases.count).contains(digit)
            {
                form.verdict = Review.Verdict.allCases[digit - 1]
                form.focus = 1
                return []
            }
            if let action = KeyMaps.deskCountersign.action(for: key) {
                switch action {
                case .up: form.focus = max(0, form.focus - 1)
                case .down: form.focus = min(form.fields.count, form.focus + 1)
                case .back: desk.mode = .list
                case .finish:
                    if let problem = form.problem(state.language) {
                        say(&state, LocalizedText(nl: problem, en: problem), error: true)
                        return []
                    }
                    guard let verdict = form.verdict else { return [] }
                    form.saving = true
                    return [.countersign(
                        path: form.path, verdict: verdict, remark: form.remark, judgements: form.judgements, actions: form.actions,
                        nextReview: form.nextReview)]
                default: break
                }
                return []
            }
            if key == .enter {
                form.focus = min(form.fields.count, form.focus + 1)
                return []
            }
            if form.focus > 0 { edit(&form.fields[form.focus - 1], key) }
        default: break
        }
        return []
    }
}
