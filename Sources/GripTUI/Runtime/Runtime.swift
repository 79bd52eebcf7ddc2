import Foundation

/// Runs the interface: events from the backend go through `update`, effects through the
/// runner (their results come back as events), and every state is drawn with `view`.
public enum Runtime {
    /// Returns when the person quits or input ends. The terminal is restored on every path.
    /// `initialEffects` are started after the first frame too (the review desk's indexing).
    public static func run(
        _ initial: AppState, backend: TerminalBackend, runner: EffectRunner, initialEffects: [Effect] = [], onFirstFrame: (() -> Void)? = nil
    ) throws -> AppState {
        try backend.start()
        defer { backend.stop() }
        var state = initial
        let size = backend.size
        state.width = size.width
        state.height = size.height
        var previous: ScreenBuffer?
        func draw() {
            let frame = App.view(state)
            backend.draw(frame, previous: previous)
            previous = frame
        }
        draw()
        onFirstFrame?()
        // Work that must not delay the first frame: verifying the own results.
        for effect in initialEffects + App.afterFirstFrame(&state) {
            if let result = runner.run(effect) { dispatch(.effect(result), &state, runner: runner) }
        }
        let inbox = runner.inbox
        backend.hasPendingWork = { !inbox.isEmpty }
        while state.isRunning {
            for result in inbox.take() { dispatch(.effect(result), &state, runner: runner) }
            draw()
            guard state.isRunning, let event = backend.nextEvent() else { break }
            if event != .wake { dispatch(event, &state, runner: runner) }
        }
        for result in inbox.take() { dispatch(.effect(result), &state, runner: runner) }
        // Input ended or a signal arrived: keep what was typed in the current note.
        for effect in App.prepareForExit(&state) { _ = runner.run(effect) }
        return state
    }

    static func dispatch(_ event: Event, _ state: inout AppState, runner: EffectRunner) {
        var queue = [event]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in App.update(&state, next) {
                if let result = runner.run(effect) { queue.append(.effect(result)) }
            }
        }
    }
}

extension App {
    /// Effects to start once the first frame is on screen.
    public static func afterFirstFrame(_ state: inout AppState) -> [Effect] {
        state.resultsLoading = true
        return [.loadResults]
    }

    /// Saves the current assessment as it stands (the note being typed included).
    public static func prepareForExit(_ state: inout AppState) -> [Effect] {
        guard var active = state.active else { return [] }
        if case .question = state.screen {
            active.storeNote()
            state.active = active
        }
        guard let draft = currentDraft(state) else { return [] }
        return [.saveDraft(draft)]
    }
}
