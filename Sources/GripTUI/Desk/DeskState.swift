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

/// The review form: verdict, remark, next review, two actions (text, owner, due date),
/// and a judgement per assessment that applies (optional).
public struct CountersignForm: Sendable {
    public var path: String
    public var system: String
    public var verdict: Review.Verdict?
    /// The assessments of the result a judgement can be given on: those not "not needed".
    public var assessments: [(id: String, title: String)]
    /// remark, next review, then per action text, owner, due; then one per assessment.
    public var fields: [TextEditor]
    /// 0 is the verdict; 1… the fields.
    public var focus = 0
    public var saving = false

    static let actionCount = 2
    static let judgementStart = 2 + actionCount * 3

    public init(path: String, system: String, assessments: [(id: String, title: String)] = []) {
        self.path = path
        self.system = system
        self.assessments = assessments
        fields = [TextEditor("", maximumLength: 2_000), TextEditor("", maximumLength: 10)]
        for _ in 0..<Self.actionCount { fields += [TextEditor("", maximumLength: 500), TextEditor("", maximumLength: 120), TextEditor("", maximumLength: 10)] }
        fields += assessments.map { _ in TextEditor("", maximumLength: 2_000) }
    }

    func labels(_ language: Language) -> [String] {
        let nl = language == .nl
        // Short labels (the form has room for 28 columns); dates are explained below the form.
        var labels = [nl ? "Oordeel" : "Verdict", nl ? "Opmerking" : "Remark", nl ? "Volgende beoordeling" : "Next review"]
        for number in 1...Self.actionCount {
            labels += nl ? ["Actie \(number)", "  eigenaar", "  klaar op"] : ["Action \(number)", "  owner", "  due"]
        }
        labels += assessments.map { (nl ? "Over " : "On ") + $0.title }
        return labels
    }

    private func text(_ index: Int) -> String { fields[index].text.trimmingCharacters(in: .whitespaces) }

    /// What is wrong with the form, in words; nil when it can be signed.
    func problem(_ language: Language) -> String? {
        let nl = language == .nl
        guard verdict != nil else { return nl ? "Kies een oordeel (1–4)." : "Choose a verdict (1–4)." }
        for number in 0..<Self.actionCount {
            let action = text(2 + number * 3), owner = text(3 + number * 3), due = text(4 + number * 3)
            guard !action.isEmpty || !owner.isEmpty || !due.isEmpty else { continue }
            if action.isEmpty || owner.isEmpty { return nl ? "Actie \(number + 1) heeft een tekst en een eigenaar nodig." : "Action \(number + 1) needs a text and an owner." }
            if !ReviewDocument.isDate(due) { return nl ? "Vul de datum van actie \(number + 1) in als JJJJ-MM-DD." : "Enter the date of action \(number + 1) as YYYY-MM-DD." }
        }
        if !text(1).isEmpty, !ReviewDocument.isDate(text(1)) { return nl ? "Vul de volgende beoordeling in als JJJJ-MM-DD." : "Enter the next review as YYYY-MM-DD." }
        return nil
    }

    var remark: String { text(0) }
    var nextReview: String? { text(1).isEmpty ? nil : text(1) }

    var actions: [Review.Action] {
        (0..<Self.actionCount).compactMap { number in
            let action = text(2 + number * 3)
            return action.isEmpty ? nil : Review.Action(text: action, owner: text(3 + number * 3), due: text(4 + number * 3))
        }
    }

    var judgements: [Review.Judgement] {
        assessments.indices.compactMap { index in
            let remark = text(Self.judgementStart + index)
            return remark.isEmpty ? nil : Review.Judgement(assessment: assessments[index].id, remark: remark)
        }
    }
}
