/// One problem found in a questionnaire or answers file, at a precise location.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Codable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message`, the form editors and compilers use. One line,
    /// safe to print: a message quoting a key or value from the file shows its control
    /// and bidi characters as escapes.
    public var description: String { "\(location)".displaySafe + ": \(severity.rawValue): " + message.displaySafe }
}

/// Every problem of a failed load, in file order.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line and column, so reports read top to bottom.
    func sortedByLocation() -> [Diagnostic] {
        sorted {
            ($0.location.file, $0.location.line, $0.location.column)
                < ($1.location.file, $1.location.line, $1.location.column)
        }
    }

    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}
