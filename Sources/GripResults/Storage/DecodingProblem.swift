import Foundation

/// A `DecodingError` in words a person can act on: which key, and what is wrong with it.
public enum DecodingProblem {
    public static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the file" : "'" + keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + "'"
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not valid JSON" : "\(path(context)) has an invalid value"
        case .keyNotFound(let key, let context):
            let owner = context.codingPath.isEmpty ? "the file" : path(context)
            return "\(owner) lacks the key '\(key.stringValue)'"
        case .typeMismatch(let type, let context):
            return "\(path(context)) should be \(describe(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context)) is empty but should be \(describe(type))"
        @unknown default:
            return "its content does not have the expected shape"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Bool.Type: "true or false"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}
