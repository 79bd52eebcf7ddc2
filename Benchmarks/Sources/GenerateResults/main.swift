import Foundation
import GripResults
import ResultFixtures

// generate-results DIR [COUNT] [INSTRUMENT]: writes COUNT (default 10,000) signed results
// of INSTRUMENT (default quickscan; ai-act gives about 35 KB each), spread over systems of
// a few organisations (five results per system) and over the past two years.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: generate-results DIR [COUNT] [INSTRUMENT]\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1], isDirectory: true)
let count = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
let questionnaire = ResultFixtures.instrument(arguments.count > 3 ? arguments[3] : "quickscan")
let organisations = ["Gemeente Voorbeeld", "Gemeente Kleindorp", "Provincie Noord", "Waterschap Rivierenland"]
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
var sizes = 0
for index in 0..<count {
    let id = UUID()
    let session = ResultFixtures.completedSession(
        questionnaire, system: "Systeem \(index / 5)", organisation: organisations[(index / 5) % organisations.count])
    let date = Date(timeIntervalSince1970: 1_730_000_000 + Double(index % 730) * 86_400)
    let data = try ResultFixtures.signedResult(session, id: id, at: date)
    sizes += data.count
    try data.write(to: directory.appendingPathComponent(String(format: "result-%05d.json", index)))
}
print("wrote \(count) results of \(questionnaire.id) to \(directory.path), \(sizes / max(1, count) / 1000) KB each on average")
