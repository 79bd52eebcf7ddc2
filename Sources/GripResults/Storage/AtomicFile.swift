import Foundation

/// Writes files so they appear complete or not at all: a temporary file in the same
/// directory, fsync, then link (never replaces) or rename (replaces), then fsync of the
/// directory so the new name survives a crash.
enum AtomicFile {
    /// Creates `directory/name`; fails with `fileWriteFileExists` instead of replacing.
    static func createNew(_ data: Data, named name: String, in directory: URL) throws -> URL {
        try write(data, named: name, in: directory) { temporary, target in
            // link(2) fails with EEXIST instead of replacing, unlike rename(2).
            guard link(temporary, target) == 0 else {
                if errno == EEXIST { throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: target]) }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
            }
        }
    }

    /// Creates or replaces `directory/name` in one step.
    static func replace(_ data: Data, named name: String, in directory: URL) throws -> URL {
        try write(data, named: name, in: directory) { temporary, target in
            guard rename(temporary, target) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
            }
        }
    }

    private static func write(_ data: Data, named name: String, in directory: URL, commit: (String, String) throws -> Void) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent(name)
        let temporary = directory.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        defer { unlink(temporary.path) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: data)
        try handle.synchronize()
        try handle.close()
        try commit(temporary.path, target.path)
        let directoryDescriptor = open(directory.path, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        return target
    }
}
