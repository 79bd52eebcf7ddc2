import Foundation

/// A loaded questionnaire in a form read back without parsing YAML or compiling a single
/// condition. The bundled instruments are loaded at build time (GripEmbedTool) and kept
/// in this form inside the binary, so opening one costs a JSON decode of a few
/// milliseconds instead of a full YAML parse and validation of hundreds of kilobytes.
/// The test suite checks that each compiled form equals a fresh load of its file.
public struct CompiledQuestionnaire: Codable, Sendable {
    /// Changes whenever the encoded shape does; a mismatch falls back to a full load.
    static let currentFormat = 2

    var format: Int
    var id: String
    var version: String
    var title: LocalizedText
    var description: LocalizedText
    var estimatedMinutes: Int?
    var sections: [Section]
    var questions: [Question]
    var file: String
    var outcomes: OutcomeRules
    var prefill: [PrefillRule]
    /// Warnings of the load (a compiled form exists only for files without errors).
    var diagnostics: [Diagnostic]

    /// The compiled form of a load without errors; nil otherwise.
    public init?(_ report: LoadReport) {
        guard let questionnaire = report.questionnaire, report.diagnostics.errors.isEmpty else { return nil }
        format = Self.currentFormat
        id = questionnaire.id
        version = questionnaire.version
        title = questionnaire.title
        description = questionnaire.description
        estimatedMinutes = questionnaire.estimatedMinutes
        sections = questionnaire.sections
        questions = questionnaire.questions
        file = questionnaire.file
        outcomes = questionnaire.outcomes
        prefill = questionnaire.prefill
        diagnostics = report.diagnostics
    }

    /// The binary form (`CompiledForm.swift`) the build embeds.
    public func encoded() -> Data {
        var writer = BinaryWriter(file: file)
        writer.string(Self.magic)
        writer.int(format)
        writer.string(file)
        writer.string(id)
        writer.string(version)
        writer.write(title)
        writer.write(description)
        writer.optionalInt(estimatedMinutes)
        writer.write(sections)
        writer.write(questions)
        writer.write(outcomes)
        writer.write(prefill)
        writer.write(diagnostics)
        return Data(writer.bytes)
    }

    /// Every field as JSON with sorted keys: what the tests compare a fresh load with.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    private static let magic = "grip-compiled-questionnaire"

    /// With `questionsOnly`, reading stops after the questions: outcome rules, prefill
    /// and diagnostics stay empty.
    private init(binary data: Data, questionsOnly: Bool = false) throws(CompiledFormError) {
        let decoded = data.withUnsafeBytes { bytes -> Result<CompiledQuestionnaire, CompiledFormError> in
            do throws(CompiledFormError) {
                var header = BinaryReader(bytes, file: "")
                guard try header.string() == Self.magic, try header.int() == Self.currentFormat else { throw CompiledFormError() }
                var reader = BinaryReader(bytes, file: try header.string())
                // Past the part already read, now with the file name known.
                _ = try reader.string()
                _ = try reader.int()
                _ = try reader.string()
                var value = CompiledQuestionnaire(
                    format: Self.currentFormat, id: try reader.string(), version: try reader.string(),
                    title: try reader.read(), description: try reader.read(), estimatedMinutes: try reader.optionalInt(),
                    sections: try reader.array(), questions: try reader.array(), file: reader.file,
                    outcomes: .empty, prefill: [], diagnostics: [])
                if questionsOnly { return .success(value) }
                value.outcomes = try reader.read()
                value.prefill = try reader.array()
                value.diagnostics = try reader.array()
                guard reader.isAtEnd else { throw CompiledFormError() }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        self = try decoded.get()
    }

    private init(
        format: Int, id: String, version: String, title: LocalizedText, description: LocalizedText, estimatedMinutes: Int?,
        sections: [Section], questions: [Question], file: String, outcomes: OutcomeRules, prefill: [PrefillRule],
        diagnostics: [Diagnostic]
    ) {
        self.format = format
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.estimatedMinutes = estimatedMinutes
        self.sections = sections
        self.questions = questions
        self.file = file
        self.outcomes = outcomes
        self.prefill = prefill
        self.diagnostics = diagnostics
    }

    /// The load report this form stands for, with `source` as the file's bytes; nil when
    /// the data is not a compiled form of this format, or does not fit together.
    public static func report(from data: Data, source: Data) -> LoadReport? {
        report(from: data, source: { source })
    }

    /// As above, with the file's bytes made only if someone asks for them, and their
    /// SHA-256 when the build recorded it.
    public static func report(from data: Data, source: @escaping @Sendable () -> Data, sourceSHA256: String? = nil) -> LoadReport? {
        guard let compiled = try? CompiledQuestionnaire(binary: data), compiled.indicesFit else { return nil }
        var questionnaire = compiled.questionnaire(source: source, sourceSHA256: sourceSHA256)
        questionnaire.outcomes = compiled.outcomes
        questionnaire.prefill = compiled.prefill
        return LoadReport(questionnaire: questionnaire, diagnostics: compiled.diagnostics)
    }

    /// The sections and questions alone, read from the front of the form (its outcome
    /// rules and prefill stay empty): enough to check another questionnaire's prefill
    /// against, in a fraction of the time.
    public static func questions(from data: Data, source: @escaping @Sendable () -> Data, sourceSHA256: String? = nil) -> Questionnaire? {
        guard let compiled = try? CompiledQuestionnaire(binary: data, questionsOnly: true), compiled.indicesFit else { return nil }
        return compiled.questionnaire(source: source, sourceSHA256: sourceSHA256)
    }

    /// Indices must point inside the questionnaire: a damaged form is refused, never trusted.
    private var indicesFit: Bool {
        let count = questions.count
        return sections.allSatisfy({ $0.questionIndices.upperBound <= count })
            && questions.allSatisfy({ question in
                question.condition?.expression.referencedQuestions.allSatisfy { $0 >= 0 && $0 < count } ?? true
            })
    }

    private func questionnaire(source: @escaping @Sendable () -> Data, sourceSHA256: String?) -> Questionnaire {
        Questionnaire(
            id: id, version: version, title: title, description: description,
            estimatedMinutes: estimatedMinutes, sections: sections, questions: questions,
            file: file, sourceBytes: SourceBytes(source, sha256: sourceSHA256))
    }
}
