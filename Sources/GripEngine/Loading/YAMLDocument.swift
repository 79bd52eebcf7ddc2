import Foundation
import Yams

/// Turns file bytes into a YAML node tree, or a diagnostic saying where and why not.
enum YAMLDocument {
    static func compose(_ data: Data, file: String) -> Result<YAMLNode, Diagnostic> {
        // Trees address their text with 32-bit offsets; no questionnaire comes near this.
        guard data.count < YAMLTreeBuilder.byteLimit else {
            return .failure(Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "the file is too large to be a questionnaire, case or answers file (over 1 GB)"))
        }
        // Most files are in the subset the fast parser reads (which also checks the
        // UTF-8); the rest, and every file with an error, go to Yams.
        if let tree = YAMLSubsetParser.parse(data) {
            return .success(tree.root)
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let text = data.withUnsafeBytes({ String(exactUTF8: $0) }) else {
            return .failure(Diagnostic(at: start, "the file is not valid UTF-8 text"))
        }
        return composeWithYams(text, file: file)
    }

    /// The tree as Yams (libyaml) reads it: the reference the subset parser is tested against.
    static func composeWithYams(_ text: String, file: String) -> Result<YAMLNode, Diagnostic> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        do {
            // Every scalar is read as the text it is: the basic resolver skips the
            // regex-based tag guessing (bool, int, timestamp…) that Grip never uses.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                return .failure(Diagnostic(at: start, "the file is empty"))
            }
            return .success(YAMLTree.from(node, source: Data(text.utf8)).root)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file))
        } catch {
            return .failure(Diagnostic(at: start, "cannot read YAML: \(error)"))
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
            return Diagnostic(at: at(mark), "YAML syntax error: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(at: at(context.mark), "duplicate key \(names) in the same mapping")
        case .reader(let problem, let offset, _, let yaml):
            var location = SourceLocation(file: file, line: 1, column: 1)
            if let offset {
                let prefix = yaml.prefix(offset)
                location.line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                location.column = prefix.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.unicodeScalars.count + 1 } ?? 1
            }
            return Diagnostic(at: location, "cannot read the file: \(problem)")
        default:
            return Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)")
        }
    }
}
