import Foundation
import GripResults
import ResultFixtures

// generate-results DIR [COUNT]: writes COUNT (default 10,000) signed quickscan results.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: generate-results DIR [COUNT]\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1], isDirectory: true)
let count = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
let session = ResultFixtures.completedSession(ResultFixtures.quickscan())
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
for index in 0..<count {
    let id = UUID()
    let data = try ResultFixtures.signedResult(session, id: id)
    try data.write(to: directory.appendingPathComponent(String(format: "result-%05d.json", index)))
}
print("wrote \(count) results to \(directory.path)")
