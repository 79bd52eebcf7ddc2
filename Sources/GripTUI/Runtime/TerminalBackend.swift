/// The only thing the runtime knows about a terminal: its size, drawing a screen, and
/// reading what the person does. The ncurses backend is one; tests use `MemoryBackend`.
public protocol TerminalBackend: AnyObject {
    /// Takes over the terminal.
    func start() throws
    /// Gives the terminal back exactly as it was. Safe to call more than once.
    func stop()
    var size: (width: Int, height: Int) { get }
    /// Shows `buffer`; `previous` is what is on screen now, so only changes need sending.
    func draw(_ buffer: ScreenBuffer, previous: ScreenBuffer?)
    /// The next event; nil when there will be none (input closed, or a termination
    /// signal arrived). While waiting for input, `.wake` when `hasPendingWork` says so.
    func nextEvent() -> Event?
    /// Set by the runtime: whether background work waits to be delivered.
    var hasPendingWork: @Sendable () -> Bool { get set }
}

/// A terminal in memory: events in (a fixed list, or chosen by looking at the last
/// frame, as a person would), frames out.
public final class MemoryBackend: TerminalBackend {
    public private(set) var frames: [ScreenBuffer] = []
    public private(set) var isStarted = false
    public var size: (width: Int, height: Int)
    public var hasPendingWork: @Sendable () -> Bool = { false }
    private let next: (ScreenBuffer?) -> Event?

    public init(width: Int, height: Int, events: [Event]) {
        size = (width, height)
        var remaining = events
        next = { _ in remaining.isEmpty ? nil : remaining.removeFirst() }
    }

    public init(width: Int, height: Int, respond: @escaping (ScreenBuffer?) -> Event?) {
        size = (width, height)
        next = respond
    }

    public func start() throws { isStarted = true }
    public func stop() { isStarted = false }

    public func draw(_ buffer: ScreenBuffer, previous: ScreenBuffer?) {
        frames.append(buffer)
    }

    public func nextEvent() -> Event? {
        guard let event = next(frames.last) else { return nil }
        if case .resize(let width, let height) = event { size = (width, height) }
        return event
    }
}
