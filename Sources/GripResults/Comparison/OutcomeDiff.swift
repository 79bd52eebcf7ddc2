/// What changed between two outcomes as results store them (`OutcomeJSON`): levels per
/// assessment, classifications, and open points. Compared by ids and levels, never by
/// texts, so two languages or reworded reasons are not a change.
public struct OutcomeDiff: Sendable, Equatable {
    /// An assessment whose level differs, or that only one outcome has (`nil` level).
    public struct LevelChange: Sendable, Equatable {
        public var id: String
        /// The title in the newer outcome (the older one's for a removed assessment).
        public var title: String
        public var old: String?
        public var new: String?
    }

    /// A classification as stored: decided with a category, or undecided with a floor
    /// and the stronger categories still possible.
    public struct ClassificationState: Sendable, Equatable {
        public var decided: Bool
        public var category: String?
        public var atLeast: String?
        public var possible: [String]
        /// What to show: the stored headline, in the result's language.
        public var headline: String

        /// Equal as a verdict: same status and category ids, whatever the words.
        func sameVerdict(as other: ClassificationState) -> Bool {
            decided == other.decided && Self.same(category, other.category) && Self.same(atLeast, other.atLeast)
                && possible.count == other.possible.count && zip(possible, other.possible).allSatisfy { $0.equalsExactly($1) }
        }

        private static func same(_ left: String?, _ right: String?) -> Bool {
            switch (left, right) {
            case (nil, nil): true
            case (let left?, let right?): left.equalsExactly(right)
            default: false
            }
        }
    }

    public struct ClassificationChange: Sendable, Equatable {
        public var id: String
        public var title: String
        public var old: ClassificationState?
        public var new: ClassificationState?
    }

    /// An open point of one assessment, identified by its criterion.
    public struct OpenPoint: Sendable, Equatable {
        public var assessment: String
        public var assessmentTitle: String
        public var criterion: String
        public var text: String
        public var questions: [String]
    }

    public var assessments: [LevelChange]
    public var classifications: [ClassificationChange]
    public var openPointsAdded: [OpenPoint]
    public var openPointsRemoved: [OpenPoint]

    public var isEmpty: Bool {
        assessments.isEmpty && classifications.isEmpty && openPointsAdded.isEmpty && openPointsRemoved.isEmpty
    }

    /// Compares two `outcome` members; a missing one reads as an empty outcome.
    public init(old: JSONValue?, new: JSONValue?) {
        let before = Self.items(old?["assessments"])
        let after = Self.items(new?["assessments"])
        assessments = Self.pair(before, after).compactMap { id, old, new in
            let oldLevel = old.map { $0["level"]?.stringValue ?? "" }
            let newLevel = new.map { $0["level"]?.stringValue ?? "" }
            if let oldLevel, let newLevel, oldLevel.equalsExactly(newLevel) { return nil }
            return LevelChange(id: id, title: ((new ?? old)?["title"]?.stringValue) ?? id, old: oldLevel, new: newLevel)
        }
        classifications = Self.pair(Self.items(old?["classifications"]), Self.items(new?["classifications"])).compactMap { id, old, new in
            let oldState = old.map(Self.classification)
            let newState = new.map(Self.classification)
            if let oldState, let newState, oldState.sameVerdict(as: newState) { return nil }
            return ClassificationChange(id: id, title: ((new ?? old)?["title"]?.stringValue) ?? id, old: oldState, new: newState)
        }
        let oldPoints = Self.openPoints(before)
        let newPoints = Self.openPoints(after)
        let oldKeys = Set(oldPoints.map(\.key))
        let newKeys = Set(newPoints.map(\.key))
        openPointsAdded = newPoints.filter { !oldKeys.contains($0.key) }.map(\.point)
        openPointsRemoved = oldPoints.filter { !newKeys.contains($0.key) }.map(\.point)
    }

    /// The objects of an array member with a string id, first of each id only.
    private static func items(_ value: JSONValue?) -> [(id: String, item: JSONValue)] {
        var seen = Set<ExactString>()
        return (value?.arrayValue ?? []).compactMap { item in
            guard let id = item["id"]?.stringValue, seen.insert(ExactString(id)).inserted else { return nil }
            return (id, item)
        }
    }

    /// Items by id: the newer list's order with its older counterpart, then the items
    /// only the older list has.
    private static func pair(
        _ old: [(id: String, item: JSONValue)], _ new: [(id: String, item: JSONValue)]
    ) -> [(id: String, old: JSONValue?, new: JSONValue?)] {
        let oldByID = Dictionary(old.map { (ExactString($0.id), $0.item) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map { ExactString($0.id) })
        return new.map { ($0.id, oldByID[ExactString($0.id)], $0.item) }
            + old.filter { !newIDs.contains(ExactString($0.id)) }.map { ($0.id, $0.item, nil) }
    }

    private static func classification(_ item: JSONValue) -> ClassificationState {
        let possible = (item["possible"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        let category = item["category"]?["id"]?.stringValue
        let headline = item["headline"]?.stringValue ?? item["category"]?["title"]?.stringValue ?? category ?? "—"
        let decided = item["status"]?.stringValue.map { $0 == "decided" } ?? possible.isEmpty
        return ClassificationState(decided: decided, category: category, atLeast: item["atLeast"]?["id"]?.stringValue, possible: possible, headline: headline)
    }

    private static func openPoints(_ assessments: [(id: String, item: JSONValue)]) -> [(key: OpenPointKey, point: OpenPoint)] {
        var seen = Set<OpenPointKey>()
        var points: [(key: OpenPointKey, point: OpenPoint)] = []
        for (id, assessment) in assessments {
            for item in assessment["openPoints"]?.arrayValue ?? [] {
                guard let criterion = item["criterion"]?.stringValue else { continue }
                let key = OpenPointKey(assessment: ExactString(id), criterion: ExactString(criterion))
                guard seen.insert(key).inserted else { continue }
                let point = OpenPoint(
                    assessment: id, assessmentTitle: assessment["title"]?.stringValue ?? id, criterion: criterion,
                    text: item["text"]?.stringValue ?? criterion, questions: (item["questions"]?.arrayValue ?? []).compactMap(\.stringValue))
                points.append((key, point))
            }
        }
        return points
    }

    private struct OpenPointKey: Hashable {
        var assessment: ExactString
        var criterion: ExactString
    }
}
