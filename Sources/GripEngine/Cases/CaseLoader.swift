import Foundation

/// Loads workshop cases (`Questionnaires/cases/*.yaml`). Pure: it reads the bytes it is
/// given, never the file system.
///
/// Checking a case happens in two steps, because the second needs the questionnaires:
/// `load` checks the file's shape; `WorkshopCase.diagnostics(questionnaires:)` checks the
/// reference answers against their questionnaires. Whether the answers score to the
/// stated outcome is checked in GripScoring (`CaseCheck`).
public enum CaseLoader {
    public static func load(_ data: Data, file: String) -> CaseLoadReport {
        switch YAMLDocument.compose(data, file: file) {
        case .failure(let diagnostic): CaseLoadReport(workshopCase: nil, diagnostics: [diagnostic])
        case .success(let root): load(root, file: file)
        }
    }

    static func load(_ root: YAMLNode, file: String) -> CaseLoadReport {
        var decoder = CaseDecoder(reader: NodeReader(file: file))
        let decoded = decoder.decode(root)
        let diagnostics = decoder.reader.diagnostics.sortedByLocation()
        return CaseLoadReport(workshopCase: diagnostics.errors.isEmpty ? decoded : nil, diagnostics: diagnostics)
    }

    /// Whether a file is a case rather than a questionnaire: its top level is a mapping
    /// with an `exercises` key (a key no questionnaire has). When the file is not readable
    /// YAML, its folder decides: a file in a folder named `cases` is taken for a case, so
    /// its syntax error is reported as one.
    public static func isCaseFile(_ data: Data, path: String) -> Bool {
        loadIfCase(data, path: path) != nil
    }

    /// The case's load report when the file is a case (as `isCaseFile` tells), nil when
    /// it is not; the file is parsed once for both.
    public static func loadIfCase(_ data: Data, path: String) -> CaseLoadReport? {
        let inCasesFolder = isInCasesFolder(path)
        // Without the word the key cannot be there (short of a quoted key spelled with
        // escapes, which only a cases folder makes a case): a questionnaire is not parsed here.
        guard inCasesFolder || contains(data, "exercises") else { return nil }
        switch YAMLDocument.compose(data, file: path) {
        case .success(let root):
            guard root.pairs.contains(where: { $0.key.isScalar("exercises") }) else { return nil }
            return load(root, file: path)
        case .failure(let diagnostic):
            return inCasesFolder ? CaseLoadReport(workshopCase: nil, diagnostics: [diagnostic]) : nil
        }
    }

    /// Whether the file's folder is named `cases` (plain string work: building a URL for
    /// it showed in `grip validate`).
    static func isInCasesFolder(_ path: String) -> Bool {
        var components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !components.isEmpty else { return false }
        components.removeLast()
        let folder = components.last(where: { $0 != "." })
        if let folder { return folder == "cases" }
        // A bare file name: its folder is the working directory.
        return FileManager.default.currentDirectoryPath.split(separator: "/").last == "cases"
    }

    private static func contains(_ data: Data, _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard needle.count >= 2 else { return false }
        return data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, bytes.count >= needle.count else { return false }
            // memchr to each place the needle's second byte could sit, then compare: the
            // second byte of "exercises" is a rare 'x', where its 'e' is in every word.
            let last = bytes.count - needle.count + 1  // the last place the second byte can sit
            var offset = 1
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(needle[1]), last + 1 - offset) else { return false }
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at - 1, needle, needle.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }
}

extension WorkshopCase {
    /// The problems of the reference answers against their questionnaires: an instrument
    /// that is not among `questionnaires`, unknown question ids, values a question does
    /// not accept, required questions left open, answers to questions their conditions
    /// hide, and an outcome that does not name exactly the instrument's assessments,
    /// classifications (with their categories) and warnings. Each at its position.
    public func diagnostics(questionnaires: [Questionnaire]) -> [Diagnostic] {
        checked(questionnaires: questionnaires).diagnostics
    }

    /// The same problems, with the reference session of each exercise (by index) whose
    /// instrument is known and whose answers have no error, for scoring without
    /// replaying the answers again.
    public func checked(questionnaires: [Questionnaire]) -> (diagnostics: [Diagnostic], sessions: [Int: Session]) {
        var diagnostics: [Diagnostic] = []
        var sessions: [Int: Session] = [:]
        for (index, exercise) in exercises.enumerated() {
            guard let questionnaire = questionnaires.first(where: { $0.id == exercise.instrument }) else {
                var message = "instrument '\(exercise.instrument)' is not a questionnaire Grip knows"
                if let suggestion = closestMatch(to: exercise.instrument, in: questionnaires.map(\.id)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                diagnostics.append(Diagnostic(at: exercise.location, message))
                continue
            }
            let (session, problems) = exercise.referenceSession(in: questionnaire)
            if problems.errors.isEmpty { sessions[index] = session }
            diagnostics += problems
            diagnostics += exercise.outcome.diagnostics(against: questionnaire.outcomes, instrument: questionnaire.id)
        }
        return (diagnostics.sortedByLocation(), sessions)
    }
}

extension CaseExercise {
    /// The reference answers given to a fresh session of `questionnaire` (which must be
    /// the exercise's instrument), the way `grip run` reads an answers file, with every
    /// problem found. A reference answer to a question its condition hides is an error
    /// here, not a warning: a reference must be exactly what a careful person would enter.
    public func referenceSession(in questionnaire: Questionnaire) -> (session: Session, diagnostics: [Diagnostic]) {
        var session = Session(questionnaire: questionnaire, subject: subject)
        let file = AnswersFile(
            file: outcome.location.file, questionnaireID: instrument, subject: subject,
            answers: answers.map { AnswersFile.Entry(questionID: $0.questionID, value: $0.value, location: $0.location) },
            notes: [], answersLocation: answersLocation)
        let diagnostics = file.apply(to: &session).map { diagnostic in
            var diagnostic = diagnostic
            if diagnostic.severity == .warning {
                diagnostic.severity = .error
                diagnostic.message = "reference " + diagnostic.message
            }
            return diagnostic
        }
        return (session, diagnostics)
    }
}

extension ReferenceOutcome {
    /// Names exactly the assessments and classifications of the rules, with categories
    /// and warnings they have.
    func diagnostics(against rules: OutcomeRules, instrument: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func unknown(_ kind: String, _ id: String, _ known: [String], at location: SourceLocation) {
            var message = "\(instrument) has no \(kind) '\(id)'"
            if let suggestion = closestMatch(to: id, in: known) {
                message += "; did you mean '\(suggestion)'?"
            } else if !known.isEmpty {
                message += " (known: \(known.joined(separator: ", ")))"
            }
            diagnostics.append(Diagnostic(at: location, message))
        }
        let assessments = rules.assessments.map(\.id)
        for level in levels where !assessments.contains(level.id) {
            unknown("assessment", level.id, assessments, at: level.location)
        }
        for id in assessments where !levels.contains(where: { $0.id == id }) {
            diagnostics.append(Diagnostic(at: location, "the outcome does not state the level of \(instrument) assessment '\(id)'; a reference outcome names every assessment"))
        }
        let classificationIDs = rules.classifications.map(\.id)
        for expected in classifications {
            guard let rule = rules.classifications.first(where: { $0.id == expected.id }) else {
                unknown("classification", expected.id, classificationIDs, at: expected.location)
                continue
            }
            if let category = expected.value.categoryID, !rule.categories.contains(where: { $0.id == category }) {
                unknown("category", category, rule.categories.map(\.id), at: expected.location)
            }
        }
        for id in classificationIDs where !classifications.contains(where: { $0.id == id }) {
            diagnostics.append(Diagnostic(at: location, "the outcome does not state \(instrument) classification '\(id)'; a reference outcome names every classification"))
        }
        let warningIDs = rules.warnings.map(\.id)
        for id in warnings where !warningIDs.contains(id) {
            unknown("warning", id, warningIDs, at: warningsLocation)
        }
        return diagnostics
    }
}
