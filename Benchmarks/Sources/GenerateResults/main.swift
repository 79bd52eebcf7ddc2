import Foundation
import GripEngine
import GripResults
import ResultFixtures

// generate-results DIR [COUNT] [INSTRUMENT] [ANSWERS]: writes COUNT (default 10,000) signed
// results of INSTRUMENT (default quickscan), spread over systems of a few organisations (five
// results per system) and over the past two years. With ANSWERS (an answers file, e.g.
// Examples/answers/ai-act.yaml) every result carries those answers: the AI Act check's
// example gives results of about 35 KB, as real ones are.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: generate-results DIR [COUNT] [INSTRUMENT] [ANSWERS]\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1], isDirectory: true)
let count = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
let questionnaire = ResultFixtures.instrument(arguments.count > 3 ? arguments[3] : "quickscan")
var answers: AnswersFile?
if arguments.count > 4 {
    let path = arguments[4]
    switch AnswersFile.parse(FileManager.default.contents(atPath: path) ?? Data(), file: path) {
    case .success(let file): answers = file
    case .failure(let error):
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
}
let organisations = ["Gemeente Voorbeeld", "Gemeente Kleindorp", "Provincie Noord", "Waterschap Rivierenland"]
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
var sizes = 0
for index in 0..<count {
    let system = "Systeem \(index / 5)", organisation = organisations[(index / 5) % organisations.count]
    var session: Session
    if let answers {
        session = Session(questionnaire: questionnaire)
        _ = answers.apply(to: &session)
        session.subject = Subject(system: system, organisation: organisation, assessor: "A. de Vries")
    } else {
        session = ResultFixtures.completedSession(questionnaire, system: system, organisation: organisation)
    }
    let date = Date(timeIntervalSince1970: 1_730_000_000 + Double(index % 730) * 86_400)
    let data = try ResultFixtures.signedResult(session, id: UUID(), at: date)
    sizes += data.count
    try data.write(to: directory.appendingPathComponent(String(format: "result-%05d.json", index)))
}
print("wrote \(count) results of \(questionnaire.id) to \(directory.path), \(sizes / max(1, count) / 1000) KB each on average")
