import Benchmark
import Crypto
import Foundation
import GripResults
import GripScoring
import ResultFixtures

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(3))
    let session = ResultFixtures.completedSession(ResultFixtures.quickscan())
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grip-bench-\(UUID().uuidString)")

    // What `grip run` does after the answers are in: outcome, result, signature, an
    // atomic write with fsync of file and directory.
    Benchmark("score + sign + write one result") { benchmark in
        for _ in benchmark.scaledIterations {
            let id = UUID()
            let data = try ResultFixtures.signedResult(session, id: id)
            blackHole(try ResultWriter.writeNew(data, named: "\(id.uuidString).json", in: directory))
        }
    } teardown: {
        try? FileManager.default.removeItem(at: directory)
    }

    Benchmark("score + sign, in memory") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ResultFixtures.signedResult(session))
        }
    }

    let written = try! ResultFixtures.signedResult(session)
    Benchmark("atomic write (temp, fsync, link, directory fsync)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ResultWriter.writeNew(written, named: "\(UUID().uuidString).json", in: directory))
        }
    }

    Benchmark("score only") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Scorer.outcome(for: session))
        }
    }

    let file = try! ResultFixtures.signedResult(session)
    let trust = TrustList()
    Benchmark("verify one result (parse, canonicalise, Ed25519)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ResultVerifier.verify(file, trustList: trust))
        }
    }

    // The floor: one Ed25519 verification of a message the size of the canonical result.
    let message = Data(repeating: 0x61, count: file.count)
    let signature = try! ResultFixtures.key.privateKey.signature(for: message)
    let publicKey = ResultFixtures.key.privateKey.publicKey
    Benchmark("bare Ed25519 verify (same size)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(publicKey.isValidSignature(signature, for: message))
        }
    }
}
