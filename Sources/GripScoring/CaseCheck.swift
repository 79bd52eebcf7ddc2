import GripEngine

/// Checks a workshop case completely: its reference answers against their
/// questionnaires, and that they score exactly to the outcome the case states.
public enum CaseCheck {
    /// Every problem of the case, in file order; empty when the case is sound. Adds to
    /// `WorkshopCase.diagnostics(questionnaires:)` one error per stated level,
    /// classification or warning that the reference answers do not reach. An exercise whose
    /// answers are already in error is not scored, so a typo is not reported twice over.
    public static func diagnostics(for workshopCase: WorkshopCase, questionnaires: [Questionnaire]) -> [Diagnostic] {
        var (diagnostics, sessions) = workshopCase.checked(questionnaires: questionnaires)
        for (index, exercise) in workshopCase.exercises.enumerated() {
            guard let session = sessions[index] else { continue }
            diagnostics += exercise.outcome.mismatches(with: Scorer.outcome(for: session))
        }
        return diagnostics.sorted {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
    }
}

extension ReferenceOutcome {
    /// Where a scored outcome differs from this reference: each at the stated entry,
    /// naming the rule, the stated and the actual result. Rules the reference does not
    /// state are left to `WorkshopCase.diagnostics(questionnaires:)`.
    public func mismatches(with outcome: Outcome) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for expected in levels {
            guard let actual = outcome.assessments.first(where: { $0.id == expected.id })?.level else { continue }
            if actual != expected.value {
                diagnostics.append(Diagnostic(at: expected.location, "assessment '\(expected.id)': the reference answers score \(actual.rawValue), but the case states \(expected.value.rawValue)"))
            }
        }
        for expected in classifications {
            guard let found = outcome.classifications.first(where: { $0.id == expected.id }) else { continue }
            let actual = found.possible.first.map { ExpectedCategory.possibly($0.id) } ?? found.category.map { .category($0.id) } ?? .none
            if actual != expected.value {
                diagnostics.append(Diagnostic(at: expected.location, "classification '\(expected.id)': the reference answers give \(actual), but the case states \(expected.value)"))
            }
        }
        let raised = outcome.warnings.map(\.id)
        let unexpected = raised.filter { !warnings.contains($0) }
        let missing = warnings.filter { !raised.contains($0) }
        if !unexpected.isEmpty || !missing.isEmpty {
            var parts: [String] = []
            if !unexpected.isEmpty { parts.append("raise \(unexpected.map { "'\($0)'" }.joined(separator: ", ")), which the case does not state") }
            if !missing.isEmpty { parts.append("do not raise \(missing.map { "'\($0)'" }.joined(separator: ", "))") }
            diagnostics.append(Diagnostic(at: warningsLocation, "warnings: the reference answers \(parts.joined(separator: " and "))"))
        }
        return diagnostics
    }
}
