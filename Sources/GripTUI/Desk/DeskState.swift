import Foundation
import GripEngine
import GripResults

/// The review desk: a privacy officer's list of results from register folders.
public struct DeskState: Sendable {
    public var directories: [String]
    public var data: DeskData?
    public var loading = true
    /// Row indices in sort order, and those the filter lets through.
    public var order: [Int] = []
    public var visible: [Int] = []
    public var selection = 0
    public var column: DeskColumn = .date
    public var reversed = false
    public var filter = DeskFilter()
    /// While `/` is typed: the search text, filtering as it is typed.
    public var search: TextEditor?
    public var mode: Mode = .list

    public enum Mode: Sendable {
        case list
        /// Every result of one system, with its open points and "weet ik niet" answers.
        case system(key: String, scroll: Int)
        case diff(lines: [String], scroll: Int)
        case countersign(CountersignForm)
        case problems(scroll: Int)
    }

    public init(directories: [String]) {
        self.directories = directories
    }

    public var selectedRow: DeskRow? {
        guard let data, selection < visible.count else { return nil }
        return data.rows[visible[selection]]
    }

    /// Sort and filter again, keeping the selected result selected where it still shows.
    mutating func refresh(resort: Bool) {
        guard let data else { return }
        let selected = selection < visible.count ? visible[selection] : nil
        if resort || order.count != data.rows.count { order = DeskQuery.sorted(data.rows, by: column, reversed: reversed) }
        visible = DeskQuery.filtered(order, data, filter)
        selection = selected.flatMap { visible.firstIndex(of: $0) } ?? min(selection, max(0, visible.count - 1))
    }
}

/// The review form: verdict, remark, one action with owner and due date, next review.
public struct CountersignForm: Sendable {
    public var path: String
    public var system: String
    public var verdict: Review.Verdict?
    /// remark, action, owner, due date, next review
    public var fields = [
        TextEditor("", multiline: false, maximumLength: 2_000), TextEditor("", maximumLength: 500), TextEditor("", maximumLength: 120),
        TextEditor("", maximumLength: 10), TextEditor("", maximumLength: 10),
    ]
    /// 0 is the verdict; 1… the fields.
    public var focus = 0
    public var saving = false

    public init(path: String, system: String) {
        self.path = path
        self.system = system
    }

    static func labels(_ language: Language) -> [String] {
        language == .nl
            ? ["Oordeel", "Opmerking", "Actie", "Eigenaar actie", "Actie klaar op (JJJJ-MM-DD)", "Volgende beoordeling (JJJJ-MM-DD)"]
            : ["Verdict", "Remark", "Action", "Action owner", "Action due (YYYY-MM-DD)", "Next review (YYYY-MM-DD)"]
    }

    /// What is wrong with the form, in words; nil when it can be signed.
    func problem(_ language: Language) -> String? {
        let nl = language == .nl
        guard verdict != nil else { return nl ? "Kies een oordeel (1–4)." : "Choose a verdict (1–4)." }
        let action = fields[1].text.trimmingCharacters(in: .whitespaces)
        let owner = fields[2].text.trimmingCharacters(in: .whitespaces)
        let due = fields[3].text.trimmingCharacters(in: .whitespaces)
        if !action.isEmpty || !owner.isEmpty || !due.isEmpty {
            if action.isEmpty || owner.isEmpty { return nl ? "Een actie heeft een tekst en een eigenaar." : "An action needs a text and an owner." }
            if !ReviewDocument.isDate(due) { return nl ? "Vul de datum van de actie in als JJJJ-MM-DD." : "Enter the action's date as YYYY-MM-DD." }
        }
        let next = fields[4].text.trimmingCharacters(in: .whitespaces)
        if !next.isEmpty, !ReviewDocument.isDate(next) { return nl ? "Vul de volgende beoordeling in als JJJJ-MM-DD." : "Enter the next review as YYYY-MM-DD." }
        return nil
    }

    var actions: [Review.Action] {
        let action = fields[1].text.trimmingCharacters(in: .whitespaces)
        guard !action.isEmpty else { return [] }
        return [Review.Action(text: action, owner: fields[2].text.trimmingCharacters(in: .whitespaces), due: fields[3].text.trimmingCharacters(in: .whitespaces))]
    }

    var nextReview: String? {
        let next = fields[4].text.trimmingCharacters(in: .whitespaces)
        return next.isEmpty ? nil : next
    }
}
