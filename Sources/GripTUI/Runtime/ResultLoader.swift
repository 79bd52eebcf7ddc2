import Foundation
import GripResults
import Synchronization

/// Effect results that work in the background hands to the interface loop.
public final class EffectInbox: Sendable {
    private let pending = Mutex<[EffectResult]>([])

    public init() {}

    public func post(_ result: EffectResult) { pending.withLock { $0.append(result) } }

    /// Everything posted since the last call, oldest first.
    public func take() -> [EffectResult] { pending.withLock { results in defer { results = [] }; return results } }

    public var isEmpty: Bool { pending.withLock { $0.isEmpty } }
}

/// Reads and verifies the own results off the interface thread, so the first frame never
/// waits for them: the list fills in batch by batch, newest first, on every core.
struct ResultLoader: Sendable {
    let directory: URL
    let keyStore: KeyStore
    static let batch = 256

    /// Which load is the latest: a load started earlier (before a new result was
    /// written) stops and never overwrites a newer list.
    final class Generation: Sendable {
        private let current = Mutex(0)
        func next() -> Int { current.withLock { $0 += 1; return $0 } }
        func isCurrent(_ generation: Int) -> Bool { current.withLock { $0 == generation } }
    }

    /// Posts `.resultsLoaded` after each batch (the list so far) and once more at the end.
    func start(into inbox: EffectInbox, generation: Generation) {
        let mine = generation.next()
        Thread.detachNewThread {
            self.load(while: { generation.isCurrent(mine) }) { results, complete in
                if generation.isCurrent(mine) { inbox.post(.resultsLoaded(results, complete: complete)) }
            }
        }
    }

    func load(while wanted: () -> Bool = { true }, report: (_ results: [ResultSummary], _ complete: Bool) -> Void) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") && !ReviewDocument.isReviewFileName($0) }.sorted(by: >)
        let trust = (try? keyStore.loadTrustList()) ?? TrustList()
        var loaded: [ResultSummary] = []
        loaded.reserveCapacity(names.count)
        var start = 0
        repeat {
            let chunk = Array(names[start..<min(names.count, start + Self.batch)])
            let summaries = Mutex([ResultSummary?](repeating: nil, count: chunk.count))
            // One core stays free for the interface (and the terminal drawing it).
            let lanes = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                for index in stride(from: lane, to: chunk.count, by: lanes) {
                    let summary = Self.summary(directory.appendingPathComponent(chunk[index]).path, name: chunk[index], trust: trust)
                    summaries.withLock { $0[index] = summary }
                }
            }
            loaded += summaries.withLock { $0 }.compactMap { $0 }
            start += chunk.count
            report(loaded, start >= names.count)
        } while start < names.count && wanted()
    }

    static func summary(_ path: String, name: String, trust: TrustList) -> ResultSummary {
        do throws(ResultFile.Problem) {
            return summary(try ResultFile.open(path, trustList: trust))
        } catch {
            // Unreadable files are still listed, as not verifying.
            return ResultSummary(path: path, questionnaireTitle: "?", system: name, completedAt: "", verification: ResultFile.verify(path, trustList: trust))
        }
    }

    static func summary(_ opened: OpenedResult) -> ResultSummary {
        let result = opened.document["result"]
        return ResultSummary(
            path: opened.path,
            questionnaireTitle: result?["questionnaire"]?["title"]?.stringValue ?? opened.verification.questionnaireID ?? "?",
            system: result?["subject"]?["system"]?.stringValue ?? "?",
            completedAt: result?["completedAt"]?.stringValue ?? "",
            verification: opened.verification)
    }
}
