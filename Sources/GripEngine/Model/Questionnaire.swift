import Foundation
import Synchronization

/// A file's bytes, made on first use and kept, with their SHA-256 when the build
/// recorded it.
final class SourceBytes: Sendable {
    private let make: @Sendable () -> Data
    private let made: Mutex<Data?>
    let sha256: String?

    init(_ data: Data) {
        make = { data }
        made = Mutex(data)
        sha256 = nil
    }

    init(_ make: @escaping @Sendable () -> Data, sha256: String? = nil) {
        self.make = make
        made = Mutex(nil)
        self.sha256 = sha256
    }

    var data: Data {
        made.withLock { made in
            if let made { return made }
            let data = make()
            made = data
            return data
        }
    }
}

/// A section (page) of a questionnaire.
public struct Section: Sendable, Codable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText?
    /// Indices into `Questionnaire.questions`, in file order.
    public var questionIndices: Range<Int>
    public var location: SourceLocation
}

/// A loaded, validated questionnaire: questions in file order, conditions compiled
/// against question indices.
public struct Questionnaire: Sendable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var estimatedMinutes: Int?
    public var sections: [Section]
    /// Every question of every section, flattened in file order.
    public var questions: [Question]
    /// The file this was loaded from, as named to the loader.
    public var file: String
    /// The exact bytes it was loaded from; results record their SHA-256.
    public var source: Data {
        get { sourceBytes.data }
        set { sourceBytes = SourceBytes(newValue) }
    }
    /// SHA-256 of `source`, lowercase hex, when the build recorded it (bundled files):
    /// hashing 250 KB showed in `grip score RESULT`. Nil otherwise, and once `source` is set.
    public var recordedSourceSHA256: String? { sourceBytes.sha256 }
    /// Bundled files are copied out of the binary only when asked for: scoring never
    /// needs the bytes, and copying 250 KB showed in `grip score`.
    private var sourceBytes: SourceBytes
    /// The rules that turn answers into an outcome (empty when the file has none).
    public var outcomes: OutcomeRules = .empty
    /// Answers other questionnaires can hand over to this one.
    public var prefill: [PrefillRule] = []

    /// For each question index, the later questions whose condition refers to it.
    public let dependents: [[Int]]
    /// Each question's compiled condition, kept apart from the (large) question values
    /// so re-evaluating visibility touches only what it needs.
    let conditions: [CompiledExpression?]
    let indexByID: [String: Int]

    init(
        id: String, version: String, title: LocalizedText, description: LocalizedText,
        estimatedMinutes: Int?, sections: [Section], questions: [Question],
        file: String, source: Data
    ) {
        self.init(
            id: id, version: version, title: title, description: description, estimatedMinutes: estimatedMinutes,
            sections: sections, questions: questions, file: file, sourceBytes: SourceBytes(source))
    }

    init(
        id: String, version: String, title: LocalizedText, description: LocalizedText,
        estimatedMinutes: Int?, sections: [Section], questions: [Question],
        file: String, sourceBytes: SourceBytes
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.estimatedMinutes = estimatedMinutes
        self.sections = sections
        self.questions = questions
        self.file = file
        self.sourceBytes = sourceBytes
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(questions.count)
        for (index, question) in questions.enumerated() where indexByID[question.id] == nil {
            indexByID[question.id] = index
        }
        self.indexByID = indexByID
        var dependents = Array(repeating: [Int](), count: questions.count)
        for (index, question) in questions.enumerated() {
            for referenced in question.condition?.expression.referencedQuestions ?? [] {
                dependents[referenced].append(index)
            }
        }
        self.dependents = dependents
        conditions = questions.map { $0.condition?.expression }
    }

    /// The index of the question with this id.
    public func index(of questionID: String) -> Int? { indexByID[questionID] }

    public func question(_ questionID: String) -> Question? {
        index(of: questionID).map { questions[$0] }
    }
}
