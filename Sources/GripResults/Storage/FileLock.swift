import Foundation

/// An advisory lock (flock) held while a small shared file is read, changed and written
/// back, so two Grip processes changing the trust list or the settings at the same time
/// both keep their change. The lock lives in a separate `.lock` file beside the target,
/// because the target itself is replaced by rename on every save. The kernel releases
/// it when a process dies, so a crash never leaves it stuck.
public enum FileLock {
    public static func withLock<T>(on target: URL, _ body: () throws -> T) throws -> T {
        let directory = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let lockPath = directory.appendingPathComponent("." + target.lastPathComponent + ".lock").path
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: lockPath, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw CocoaError(.fileLocking, userInfo: [NSFilePathErrorKey: lockPath, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
