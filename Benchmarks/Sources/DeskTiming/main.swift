import Foundation
import GripEngine
import GripResults
import GripTUI

// desk-timing DIR: what a privacy officer waits for on the review desk with a folder of
// results, measured in this process (release build):
// - the index built cold (no cache) and warm (cache of path, size, mtime, inode);
// - the desk's rows from the index;
// - a filter keystroke and a sort keystroke on all rows (update + render), median of 50.
guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: desk-timing DIR\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: CommandLine.arguments[1], isDirectory: true)
let cache = FileManager.default.temporaryDirectory.appendingPathComponent("desk-timing-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: cache) }

func time<T>(_ label: String, _ body: () -> T) -> T {
    let start = ContinuousClock.now
    let value = body()
    let elapsed = ContinuousClock.now - start
    print("\(label): \(elapsed.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))")
    return value
}

let cold = time("index, cold (verify every file)") { ResultIndex.build(directories: [folder], cache: cache) }
let warm = time("index, warm (from the cache)") { ResultIndex.build(directories: [folder], cache: cache) }
print("files: \(cold.files.count), from cache on the second run: \(warm.fromCache)")
let data = time("desk rows from the index") {
    DeskData.build(index: warm, trustList: TrustList(), currentVersions: ["quickscan": "0.3.0", "ai-act": "0.2.1"], today: "2026-11-30", timeZone: .current)
}

var state = AppState(instruments: [Instrument](), width: 120, height: 40)
_ = App.openDesk([folder.path], &state)
_ = App.update(&state, .effect(.deskLoaded(data)))

func median(_ label: String, _ keys: [Key], _ state: inout AppState) {
    var samples: [Duration] = []
    for round in 0..<50 {
        let key = keys[round % keys.count]
        let start = ContinuousClock.now
        _ = App.update(&state, .key(key))
        _ = App.view(state)
        samples.append(ContinuousClock.now - start)
    }
    samples.sort()
    print("\(label), median of 50: \(samples[25].formatted(.units(allowed: [.microseconds], fractionalPart: .show(length: 0))))")
}
median("filter keystroke (level filter cycles) on \(data.rows.count) rows, update + render 120x40", [.character("n")], &state)
median("search keystroke (typing in /) on \(data.rows.count) rows", [.character("/"), .character("s"), .character("y"), .character("s"), .escape], &state)
median("sort keystroke (next column) on \(data.rows.count) rows", [.character("s")], &state)
