import Foundation

/// A result file read from disk once: its bytes, its parsed JSON and its verification.
public struct OpenedResult: Sendable {
    public let path: String
    public let data: Data
    public let document: JSONValue
    public let verification: VerificationReport

    public var report: ResultReport { ResultReport(document: document, verification: verification) }
}

/// Reading result files, with the size cap, for `grip verify`, `grip export` and the interface.
public enum ResultFile {
    public enum Problem: Error, CustomStringConvertible, Sendable {
        case tooLarge(String)
        case unreadable(String)
        case notAResult(String, reason: String)

        public var description: String {
            switch self {
            case .tooLarge(let path): "\(path): larger than 10 MB; not a Grip result"
            case .unreadable(let path): "\(path): cannot read the file"
            case .notAResult(let path, let reason): "\(path) is not a result file: \(reason)"
            }
        }
    }

    /// The file's bytes, refusing anything over the verifier's cap before reading it.
    static func bytes(_ path: String) throws(Problem) -> Data {
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > ResultVerifier.maximumFileSize { throw .tooLarge(path) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        return data
    }

    /// Verification only, as `grip verify` reports it.
    public static func verify(_ path: String, trustList: TrustList) -> VerificationReport {
        do throws(Problem) {
            return ResultVerifier.verify(try bytes(path), trustList: trustList)
        } catch {
            switch error {
            case .tooLarge: return VerificationReport(status: .malformed("larger than 10 MB"))
            default: return VerificationReport(status: .malformed("cannot read the file"))
            }
        }
    }

    /// Reads, parses and verifies a file whose content is to be shown or exported.
    public static func open(_ path: String, trustList: TrustList) throws(Problem) -> OpenedResult {
        let data = try bytes(path)
        let document: JSONValue
        do {
            document = try StrictJSONParser.parse(Array(data))
        } catch {
            throw .notAResult(path, reason: error.description)
        }
        return try open(path, data: data, document: document, trustList: trustList)
    }

    /// Verifies a file already read and parsed (`grip score` parses a file to tell a
    /// result from an answers file, and need not parse it again).
    public static func open(_ path: String, data: Data, document: JSONValue, trustList: TrustList) throws(Problem) -> OpenedResult {
        guard data.count <= ResultVerifier.maximumFileSize else { throw .tooLarge(path) }
        guard document["result"]?.objectValue != nil else { throw .notAResult(path, reason: "it has no 'result'") }
        return OpenedResult(path: path, data: data, document: document, verification: ResultVerifier.verify(document: document, trustList: trustList))
    }
}
