import Foundation

/// The names in a directory, read with opendir(3)/readdir(3).
///
/// `FileManager.contentsOfDirectory` gives the same names, but its first call builds a
/// `[String: Any]` whose type the Swift runtime resolves by scanning every protocol
/// conformance in the binary: about 0.1 ms of a command that runs in a few.
public enum DirectoryListing {
    /// Every entry except `.` and `..`, in no particular order; nil when the directory
    /// cannot be opened (missing, not a directory, no permission).
    public static func names(atPath path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                // d_name is NUL-terminated inside its fixed-size array.
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<length]), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
