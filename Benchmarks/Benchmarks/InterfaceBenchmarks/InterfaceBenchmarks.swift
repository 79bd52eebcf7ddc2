import Benchmark
import Foundation
import GripBundled
import GripEngine
import GripTUI

/// A state on the choice question after the quickscan's opening text question.
func questionState(width: Int, height: Int) -> AppState {
    let instruments = BundledQuestionnaires.files.compactMap { QuestionnaireLoader.load($0.contents, file: $0.name).questionnaire }
        .sorted { $0.id == "quickscan" && $1.id != "quickscan" }
    var state = AppState(instruments: instruments, width: width, height: height)
    _ = App.openStart("quickscan", &state)
    for event in "Chatbot".map({ Event.key(.character($0)) }) + [.key(.enter), .key(.enter), .key(.enter)] + "Doel".map({ Event.key(.character($0)) }) + [.key(.enter), .key(.character("?"))] {
        _ = App.update(&state, event)
    }
    return state
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(3))

    let large = questionState(width: 200, height: 60)
    Benchmark("render a question screen, 200x60") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(App.view(large))
        }
    }

    // One keystroke as the runtime handles it: update, render, and the row diff the
    // backend sends (moving the highlight down and back up).
    let medium = questionState(width: 120, height: 40)
    Benchmark("one keystroke: update + render + diff, 120x40") { benchmark in
        var state = medium
        var previous = App.view(state)
        for iteration in benchmark.scaledIterations {
            _ = App.update(&state, .key(iteration % 2 == 0 ? .down : .up))
            let frame = App.view(state)
            blackHole(frame.changedRows(since: previous))
            previous = frame
        }
    }
}
