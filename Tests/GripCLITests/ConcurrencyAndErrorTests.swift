import Crypto
import Foundation
import Synchronization
import Testing

/// Shared files stay whole under concurrent use, and every error names the file and
/// what is wrong with it.
struct ConcurrencyAndErrorTests {
    @Test func concurrentKeysTrustCommandsKeepEveryEntry() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try initKey(home: home)
        let keys = (0..<40).map { _ in Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString() }
        let failures = Mutex(0)
        // Two at a time, as two privacy officers' scripts would.
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            for index in stride(from: lane, to: keys.count, by: 2) {
                let output = try? GripProcess.run(["keys", "trust", keys[index], "--name", "Signer \(index)", "--key-id", keyID(ofBase64: keys[index])], home: home)
                if output?.status != 0 { failures.withLock { $0 += 1 } }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        let list = try JSONSerialization.jsonObject(with: Data(contentsOf: home.appendingPathComponent("config/trusted-signers.json"))) as? [String: Any]
        let signers = try #require(list?["signers"] as? [[String: Any]])
        #expect(signers.count == 41, "own key plus 40 trusted keys")
    }

    @Test func keysInitWithACorruptTrustListCreatesNothingAndNamesTheFile() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let trustList = config.appendingPathComponent("trusted-signers.json")
        for (content, reason) in [("{not json", "not valid JSON"), (#"{"signers": [{"keyId": "x"}]}"#, "lacks the key 'publicKey'")] {
            try Data(content.utf8).write(to: trustList)
            let output = try GripProcess.run(["keys", "init", "--name", "Anna", "--organisation", "Gemeente"], home: home)
            #expect(output.status == 1)
            #expect(output.stderr.contains(trustList.path), "\(output.stderr)")
            #expect(output.stderr.contains(reason), "\(output.stderr)")
            #expect(!output.stderr.contains("DecodingError"))
            #expect(!FileManager.default.fileExists(atPath: config.appendingPathComponent("signing-key.json").path))
            #expect(try String(contentsOf: trustList, encoding: .utf8) == content, "the trust list is left as it was")
        }
    }

    @Test func keysTrustSaysWhatIsWrongWithTheSource() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let cases: [(String, String)] = [
            (home.appendingPathComponent("missing.json").path, "no such file"),
            (home.path, "is a directory"),
        ]
        let unsigned = home.appendingPathComponent("unsigned.json")
        try Data(#"{"format": "grip-result/1", "result": {}}"#.utf8).write(to: unsigned)
        let text = home.appendingPathComponent("notes.txt")
        try Data("hallo".utf8).write(to: text)
        for (source, message) in cases + [(unsigned.path, "has no signature.publicKey"), (text.path, "neither a PEM")] {
            let output = try GripProcess.run(["keys", "trust", source, "--name", "X"], home: home)
            #expect(output.status == 1)
            #expect(output.stderr.contains(message), "\(source): \(output.stderr)")
        }
    }
}
