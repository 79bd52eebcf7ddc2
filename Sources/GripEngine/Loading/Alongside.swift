import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `second` on a thread of its own while `first` runs on the calling thread, and
/// returns both results. A plain thread, not a task: loading is synchronous and takes a
/// few milliseconds, and a thread starts in tens of microseconds where the global
/// executor's pool costs more. Without a thread, both run here, one after the other.
func alongside<First, Second: Sendable>(_ first: () -> First, _ second: @escaping @Sendable () -> Second) -> (First, Second) {
    let outcome = Outcome<Second>()
    let start = ThreadStart { outcome.value.withLock { $0 = second() } }
    guard let thread = start.spawn() else {
        return (first(), second())
    }
    let firstValue = first()
    pthread_join(thread, nil)
    // The join orders the thread's write before this read; the lock makes it visible to Swift.
    guard let secondValue = outcome.value.withLock({ $0.take() }) else {
        preconditionFailure("the second thread ended without a result")
    }
    return (firstValue, secondValue)
}

private final class Outcome<Value: Sendable>: Sendable {
    let value = Mutex<Value?>(nil)
}

private final class ThreadStart: Sendable {
    let body: @Sendable () -> Void

    init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
    }

    /// The started thread, or nil when none could be made.
    func spawn() -> pthread_t? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        // macOS gives secondary threads 512 KB; the YAML reader's nesting is bounded well inside 4 MB.
        pthread_attr_setstacksize(&attributes, 4 << 20)
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        guard pthread_create(&thread, &attributes, { context in
            Unmanaged<ThreadStart>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, context) == 0 else {
            Unmanaged<ThreadStart>.fromOpaque(context).release()
            return nil
        }
        return thread
        #else
        var thread: pthread_t?
        guard pthread_create(&thread, &attributes, { context in
            Unmanaged<ThreadStart>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }, context) == 0 else {
            Unmanaged<ThreadStart>.fromOpaque(context).release()
            return nil
        }
        return thread
        #endif
    }
}
