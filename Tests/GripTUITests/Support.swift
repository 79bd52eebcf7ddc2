import Foundation
import GripBundled
import GripEngine
import GripResults
import Testing
@testable import GripTUI

let bundledInstruments: [Questionnaire] = {
    let order = ["quickscan", "dpia-lite", "iama-lite", "ai-act", "procurement"]
    return BundledQuestionnaires.files.compactMap { QuestionnaireLoader.load($0.contents, file: $0.name).questionnaire }
        .sorted { (order.firstIndex(of: $0.id) ?? 99) < (order.firstIndex(of: $1.id) ?? 99) }
}()

/// A fresh interface state with the bundled instruments, in UTC so dates are stable.
func makeState(language: Language = .nl, width: Int = 80, height: Int = 24) -> AppState {
    var state = AppState(instruments: bundledInstruments, settings: Settings(language: language, organisation: "Gemeente Voorbeeld", assessor: "A. de Vries"), width: width, height: height)
    state.timeZone = TimeZone(identifier: "UTC")!
    return state
}

let fixedNow = Date(timeIntervalSince1970: 1_795_000_000)

/// Sends events through `update`, answering effects the way a runner would without
/// touching files (drafts and settings "saved"; results and keys as given).
@discardableResult
func send(_ state: inout AppState, _ events: [Event]) -> [Effect] {
    var all: [Effect] = []
    var queue = events
    while !queue.isEmpty {
        let effects = App.update(&state, queue.removeFirst(), now: fixedNow)
        all += effects
        for effect in effects {
            switch effect {
            case .saveDraft: queue.insert(.effect(.draftSaved), at: 0)
            case .saveSettings: queue.insert(.effect(.settingsSaved), at: 0)
            default: break
            }
        }
    }
    return all
}

func keys(_ text: String) -> [Event] { text.map { .key(.character($0)) } }
let enter = Event.key(.enter)
let escape = Event.key(.escape)
let tab = Event.key(.tab)
func key(_ key: Key) -> Event { .key(key) }

/// From the home screen into the first question of an instrument.
func startAssessment(_ state: inout AppState, instrument: Int = 0, system: String = "Chatbot VraagMaar") {
    send(&state, Array(repeating: key(.down), count: instrument) + [enter] + keys(system) + [enter, enter, enter])
}

/// Answers every question with its first choice (or "1") until the questionnaire ends.
func answerEverything(_ state: inout AppState, limit: Int = 200) {
    for _ in 0..<limit {
        guard case .question = state.screen else { return }
        if state.dialog != nil { send(&state, [enter]); continue }
        send(&state, keys("1") + [enter])
    }
}

/// Compares a screen with its golden file; `GRIP_RECORD_GOLDEN=1` writes the file instead.
func expectGolden(_ buffer: ScreenBuffer, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let url = directory.appendingPathComponent("\(name)-\(buffer.width)x\(buffer.height).txt")
    let text = buffer.text + "\n"
    if ProcessInfo.processInfo.environment["GRIP_RECORD_GOLDEN"] == "1" {
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden screen \(url.lastPathComponent); review the screen and record with GRIP_RECORD_GOLDEN=1 swift test --filter GripTUITests\n\(text)", sourceLocation: sourceLocation)
        return
    }
    if golden != text {
        Issue.record("screen \(url.lastPathComponent) differs from its golden file (re-record with GRIP_RECORD_GOLDEN=1 after review):\n--- golden\n\(golden)--- now\n\(text)", sourceLocation: sourceLocation)
    }
}
