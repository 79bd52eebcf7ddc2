import Foundation
import GripBundled
import GripEngine
import GripScoring
import Testing
@testable import GripResults

/// Signed results of the bundled questionnaires, made the way `grip run` makes them: the
/// example answers with some lines replaced, scored, written as a result and signed.
enum RegisterFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let subject = ["system": "Risicomodel heronderzoek bijstand (RiskSelect)", "organisation": "Gemeente Voorbeeldstad, afdeling Werk en Inkomen"]

    /// An example answers file with `overrides` ("answers.purpose", "subject.system") put in
    /// place of the lines they name (and their continuation lines), or added to the section.
    static func answers(_ example: String, _ overrides: [String: String]) throws -> String {
        let text = try String(contentsOf: root.appendingPathComponent("Examples/answers/\(example)"), encoding: .utf8)
        var remaining = overrides
        var output: [String] = []
        var section = ""
        var skipping = false
        func flush(_ section: String) {
            for (key, value) in remaining.sorted(by: { $0.key < $1.key }) where key.hasPrefix(section + ".") {
                output.append("  \(key.dropFirst(section.count + 1)): \(value)")
                remaining[key] = nil
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if skipping, line.hasPrefix("   ") { continue }
            skipping = false
            if let first = line.first, first != " ", first != "#", line.hasSuffix(":") {
                flush(section)
                section = String(line.dropLast())
            }
            if line.hasPrefix("  "), !line.hasPrefix("   "), let colon = line.firstIndex(of: ":") {
                let key = "\(section).\(line.dropFirst(2)[..<colon])"
                if let value = remaining.removeValue(forKey: key) {
                    output.append("  \(line.dropFirst(2)[..<colon]): \(value)")
                    skipping = true
                    continue
                }
            }
            output.append(line)
        }
        flush(section)
        for (key, value) in remaining.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: ".", maxSplits: 1)
            output.append("\(parts[0]):\n  \(parts[1]): \(value)")
        }
        return output.joined(separator: "\n")
    }

    /// A signed, verified result of `questionnaire` with these answers.
    static func input(
        _ questionnaire: String, example: String? = nil, _ overrides: [String: String] = [:], file: String? = nil,
        editResult: (JSONValue) -> JSONValue = { $0 }
    ) throws -> AlgoritmeregisterExport.Input {
        let bundled = try #require(BundledQuestionnaires.files.first { $0.name == "\(questionnaire).yaml" })
        let loaded = try #require(QuestionnaireLoader.load(bundled.contents, file: bundled.name).questionnaire)
        let yaml = try answers(example ?? "\(questionnaire).yaml", overrides)
        let parsed = try AnswersFile.parse(Data(yaml.utf8), file: "\(questionnaire).yaml").get()
        var session = Session(questionnaire: loaded)
        let errors = parsed.apply(to: &session).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let result = ResultDocument.result(
            for: session, outcome: Scorer.outcome(for: session), id: UUID(), language: .nl,
            startedAt: Date(timeIntervalSince1970: 1_795_000_000), completedAt: Date(timeIntervalSince1970: 1_795_000_600))
        let document = try ResultSigner.signedDocument(result: editResult(result), key: testKey)
        return AlgoritmeregisterExport.Input(
            file: file ?? "\(questionnaire).json", document: document, verification: ResultVerifier.verify(document: document, trustList: TrustList()))
    }

    /// Quickscan answers for an in-house, rule-based system without personal data.
    static let simpleQuickscan: [String: String] = [
        "subject.system": "Planning strooiroutes", "subject.organisation": "Gemeente Voorbeeld",
        "answers.purpose": "Het systeem berekent welke wegen bij gladheid het eerst worden gestrooid.",
        "answers.is_ai": "no", "answers.origin": "in_house", "answers.personal_data": "no", "answers.decisions_about_people": "no",
        "answers.risk_selection": "no", "answers.ai_learns": "no", "answers.third_party_model": "no",
    ]
}

/// The expected state of one register field.
enum Expected: Sendable, CustomStringConvertible {
    case value(String)
    case containing(String)
    case containingButNot(String, String)
    case byHand
    /// Left to fill by hand, with a hint that says this.
    case byHandSaying(String)

    var description: String {
        switch self {
        case .value(let text): "= \(text)"
        case .containing(let text): "∋ \(text)"
        case .containingButNot(let text, let other): "∋ \(text) ∌ \(other)"
        case .byHand: "by hand"
        case .byHandSaying(let text): "by hand: \(text)"
        }
    }
}

struct RegisterCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// (questionnaire, example answers file or nil for the default, overrides)
    let results: [(String, String?, [String: String])]
    let expected: [String: Expected]
    var testDescription: String { name }
}

struct AlgoritmeregisterExportTests {
    static let riskSelectPurpose = "Het model geeft elke lopende bijstandsuitkering eens per maand een risicoscore op"

    static let cases: [RegisterCase] = [
        RegisterCase(
            name: "an in-house rule-based system without personal data: quickscan only",
            results: [("quickscan", nil, RegisterFixture.simpleQuickscan)],
            expected: [
                "name": .value("Planning strooiroutes"), "organization": .value("Gemeente Voorbeeld"),
                "description_short": .value("Het systeem berekent welke wegen bij gladheid het eerst worden gestrooid."),
                "publication_category": .value("Overige algoritmes"), "provider": .value("Intern ontwikkeld"),
                "impacttoetsen": .containing("zijn een DPIA, een IAMA en een beoordeling van de gevolgen voor de grondrechten (FRIA) niet nodig."), "status": .byHand, "contact_email": .byHand,
                "human_intervention": .byHand, "goal": .byHand, "lawful_basis": .byHand,
                "source_data": .byHandSaying("geen persoonsgegevens"), "impacttoetsen_grouping": .byHand,
            ]),
        RegisterCase(
            name: "the DPIA-lite overrides the quickscan's 'DPIA not needed'",
            results: [
                ("quickscan", nil, RegisterFixture.simpleQuickscan),
                ("dpia-lite", nil, ["subject.system": "Planning strooiroutes", "subject.organisation": "Gemeente Voorbeeld"]),
            ],
            expected: [
                "impacttoetsen": .containingButNot("zijn een IAMA en een beoordeling van de gevolgen voor de grondrechten (FRIA) niet nodig.", "DPIA"),
                "impacttoetsen_grouping": .byHandSaying("niet dat die is gedaan"),
            ]),
        RegisterCase(
            name: "a bought high-risk model: quickscan and IAMA-lite",
            results: [("quickscan", nil, [:]), ("iama-lite", nil, [:])],
            expected: [
                "publication_category": .value("Hoog-risico AI-systeem"), "description_short": .containing(riskSelectPurpose),
                "goal": .containing("Doel: fouten en misbruik eerder vinden"),
                "human_intervention": .value("De uitkomst van het systeem is leidend bij het besluit. Een medewerker bekijkt elke uitkomst voordat er iets mee gebeurt."),
                "lawful_basis": .value("Participatiewet, artikel 53a"),
                "source_data": .value("Gevoelige persoonsgegevens: Bijzondere persoonsgegevens; Financiële gegevens; Burgerservicenummer (BSN). Uit basisregistraties: Basisregistratie Personen (BRP)."),
                "provider": .byHandSaying("externe partij"),
                // "DPIA verplicht" is not a DPIA carried out: nothing to list, nothing "not needed".
                "impacttoetsen_grouping": .byHandSaying("betekent dat niet dat die is gedaan"), "impacttoetsen": .byHand,
            ]),
        RegisterCase(
            name: "the AI Act check settles a quickscan that could not decide the category",
            results: [
                ("quickscan", nil, ["answers.influence": "unknown", "answers.profiling": "unknown", "answers.significant_effect": "unknown", "answers.risk_selection": "unknown"]),
                ("ai-act", nil, RegisterFixture.subject.reduce(into: [:]) { $0["subject.\($1.key)"] = "\"\($1.value)\"" }),
            ],
            expected: ["publication_category": .value("Hoog-risico AI-systeem")]),
        RegisterCase(
            name: "an undecided quickscan alone leaves the category open",
            results: [("quickscan", nil, ["answers.influence": "unknown", "answers.profiling": "unknown", "answers.significant_effect": "unknown", "answers.risk_selection": "unknown"])],
            expected: ["publication_category": .byHandSaying("nog niet bepalen")]),
        RegisterCase(
            name: "quickscan says high risk, the AI Act check says not AI: a person decides",
            results: [
                ("quickscan", nil, [:]),
                ("ai-act", "ai-act-rules.yaml", RegisterFixture.subject.reduce(into: [:]) { $0["subject.\($1.key)"] = "\"\($1.value)\"" }),
            ],
            expected: ["publication_category": .byHandSaying("spreken elkaar tegen")]),
        RegisterCase(
            name: "IAMA-lite and DPIA-lite name a different legal basis",
            results: [
                ("iama-lite", nil, [:]),
                ("dpia-lite", nil, RegisterFixture.subject.reduce(into: ["answers.legal_basis_law": "Participatiewet, artikel 17"]) { $0["subject.\($1.key)"] = "\"\($1.value)\"" }),
            ],
            expected: [
                "lawful_basis": .byHandSaying("verschillende wettelijke basis"), "goal": .containing("Doel: fouten en misbruik eerder vinden"),
                "description_short": .byHand,
            ]),
        RegisterCase(
            name: "answers hidden by a later choice and 'weet ik niet' fill nothing",
            results: [("quickscan", nil, ["answers.decisions_about_people": "no"]), ("iama-lite", nil, ["answers.human_role": "unknown", "answers.decisions_about_people": "no"])],
            expected: ["human_intervention": .byHand]),
        RegisterCase(
            name: "texts longer than the standard allows are left to shorten by hand",
            results: [("quickscan", nil, ["answers.purpose": String(repeating: "Lange omschrijving. ", count: 20), "subject.system": String(repeating: "S", count: 101)])],
            expected: ["description_short": .byHandSaying("te lang"), "name": .byHandSaying("101 tekens, maximaal 100")]),
        RegisterCase(
            name: "results that disagree about the origin leave the supplier to a person",
            results: [("quickscan", nil, ["answers.origin": "in_house", "answers.third_party_model": "no"]), ("iama-lite", nil, [:])],
            expected: ["provider": .byHandSaying("verschillen over de herkomst")]),
    ]

    static func export(_ registerCase: RegisterCase) throws -> JSONValue {
        let inputs = try registerCase.results.map { try RegisterFixture.input($0.0, example: $0.1, $0.2) }
        return try AlgoritmeregisterExport.export(inputs)
    }

    static func byHand(_ document: JSONValue, _ field: String) -> JSONValue? {
        document["toFillByHand"]?.arrayValue?.first { $0["field"]?.stringValue == field }
    }

    @Test(arguments: cases)
    func fieldsAreFilledOnlyFromAnswersThatMeanTheSame(_ registerCase: RegisterCase) throws {
        let document = try Self.export(registerCase)
        for (field, expected) in registerCase.expected.sorted(by: { $0.key < $1.key }) {
            let value = document["fields"]?[field]?.stringValue
            let open = Self.byHand(document, field)
            switch expected {
            case .value(let text): #expect(value == text, "\(field)")
            case .containing(let text): #expect(value?.contains(text) == true, "\(field): \(value ?? "by hand")")
            case .containingButNot(let text, let other):
                #expect(value?.contains(text) == true && value?.contains(other) == false, "\(field): \(value ?? "by hand")")
            case .byHand: #expect(value == nil && open != nil, "\(field): \(value ?? "")")
            case .byHandSaying(let text):
                #expect(value == nil, "\(field): \(value ?? "")")
                #expect(open?["hint"]?.stringValue?.contains(text) == true, "\(field): \(open?["hint"]?.stringValue ?? "not open")")
            }
        }
    }

    @Test(arguments: cases)
    func everyFieldOfTheStandardIsFilledOrLeftWithAHintExactlyOnce(_ registerCase: RegisterCase) throws {
        let document = try Self.export(registerCase)
        let filled = (document["fields"]?.objectValue ?? []).map(\.key)
        let open = (document["toFillByHand"]?.arrayValue ?? []).compactMap { $0["field"]?.stringValue }
        #expect((filled + open).sorted() == AlgoritmeregisterStandard.fields.map(\.key).sorted())
        for entry in document["toFillByHand"]?.arrayValue ?? [] {
            #expect(entry["hint"]?.stringValue?.isEmpty == false, "\(entry)")
        }
        // Values the register checks against a list are always from that list.
        for field in AlgoritmeregisterStandard.fields where !field.allowedValues.isEmpty {
            if let value = document["fields"]?[field.key]?.stringValue { #expect(field.allowedValues.contains(value), "\(field.key): \(value)") }
        }
        #expect(document["fields"]?["lang"] == "nld")
        #expect(document["fields"]?["standard_version"] == "1.0.0")
        // Every filled value but the fixed ones says where it came from, in a result given.
        for key in filled where !["lang", "standard_version"].contains(key) {
            let origins = document["filledFrom"]?[key]?.arrayValue ?? []
            #expect(!origins.isEmpty, "\(key)")
            for origin in origins {
                let result = origin["result"]?.stringValue ?? ""
                #expect(document["provenance"]?.arrayValue?.contains { $0["result"]?.stringValue == result } == true, "\(key)")
            }
        }
    }

    @Test func provenanceNamesEachResultItsQuestionnaireAndAnUnknownSigner() throws {
        let quickscan = try RegisterFixture.input("quickscan", file: "a.json")
        let iama = try RegisterFixture.input("iama-lite", file: "b.json")
        let sha = try #require(quickscan.document["result"]?["questionnaire"]?["sha256"]?.stringValue)
        let document = try AlgoritmeregisterExport.export([quickscan, iama], bundledQuestionnaires: [sha])
        let provenance = try #require(document["provenance"]?.arrayValue)
        #expect(provenance.map { $0["file"]?.stringValue } == ["a.json", "b.json"])
        #expect(provenance[0]["result"] == quickscan.document["result"]?["id"])
        #expect(provenance[0]["questionnaire"]?["id"] == "quickscan")
        #expect(provenance[0]["questionnaire"]?["bundled"] == true)
        #expect(provenance[1]["questionnaire"]?["bundled"] == false)
        #expect(provenance[0]["signer"]?["keyId"]?.stringValue == testKey.keyID)
        #expect(provenance[0]["verification"]?["status"] == "valid-unknown-signer")
        #expect(provenance[0]["verification"]?["text"]?.stringValue?.contains("niet op uw vertrouwenslijst") == true)

        var trusted = TrustList()
        try trusted.trust(rawPublicKey: testKey.rawPublicKey, name: "Anna de Vries")
        let verified = AlgoritmeregisterExport.Input(
            file: "a.json", document: quickscan.document, verification: ResultVerifier.verify(document: quickscan.document, trustList: trusted))
        let trustedDocument = try AlgoritmeregisterExport.export([verified])
        #expect(trustedDocument["provenance"]?.arrayValue?.first?["verification"]?["status"] == "valid-trusted-signer")
    }

    @Test func theFieldsLeftOpenFollowTheStandardAndTheBytesReadBackAsTheSameValue() throws {
        let inputs = [try RegisterFixture.input("quickscan"), try RegisterFixture.input("iama-lite")]
        let document = try AlgoritmeregisterExport.export(inputs)
        let open = (document["toFillByHand"]?.arrayValue ?? []).compactMap { $0["field"]?.stringValue }
        #expect(open == AlgoritmeregisterStandard.fields.map(\.key).filter(open.contains))
        #expect(open.contains("status") && open.contains("contact_email"), "Grip never asks these")
        let bytes = try AlgoritmeregisterExport.data(inputs)
        #expect(CanonicalJSON.bytes(try StrictJSONParser.parse(Array(bytes))) == CanonicalJSON.bytes(document))
    }

    @Test func weetIkNietIsMaterialForAPersonButNeverFillsAField() throws {
        let iama = try RegisterFixture.input("iama-lite", ["answers.human_role": "unknown", "answers.bias_tested": "unknown"])
        let document = try AlgoritmeregisterExport.export([iama])
        #expect(document["fields"]?["human_intervention"] == "De uitkomst van het systeem is leidend bij het besluit.")
        let material = Self.byHand(document, "risks")?["fromGrip"]?.arrayValue ?? []
        #expect(material.contains { $0["question"] == "bias_tested" && $0["answer"] == "Weet ik niet" })
        // "Weet ik niet" in the follow-up instrument does not hide what the quickscan knew.
        let quickscan = try RegisterFixture.input("quickscan", ["answers.influence": "supporting"])
        let unsure = try RegisterFixture.input("iama-lite", ["answers.influence": "unknown"])
        let combined = try AlgoritmeregisterExport.export([quickscan, unsure])
        #expect(combined["fields"]?["human_intervention"] == "De uitkomst van het systeem weegt mee bij het besluit. Een medewerker bekijkt elke uitkomst voordat er iets mee gebeurt.")
        #expect(combined["filledFrom"]?["human_intervention"]?.arrayValue?.first?["questionnaire"] == "quickscan")
    }

    // MARK: Refusals

    static func tampered(_ input: AlgoritmeregisterExport.Input) -> AlgoritmeregisterExport.Input {
        guard case .object(var members) = input.document, let index = members.firstIndex(where: { $0.key == "result" }),
            case .object(var result) = members[index].value, let subject = result.firstIndex(where: { $0.key == "subject" })
        else { return input }
        result[subject].value = ["system": "Iets anders", "organisation": "Gemeente Voorbeeld", "assessor": "Mallory"]
        members[index].value = .object(result)
        let document = JSONValue.object(members)
        return AlgoritmeregisterExport.Input(file: input.file, document: document, verification: ResultVerifier.verify(document: document, trustList: TrustList()))
    }

    static func withoutSignature(_ input: AlgoritmeregisterExport.Input) -> AlgoritmeregisterExport.Input {
        guard case .object(let members) = input.document else { return input }
        let document = JSONValue.object(members.filter { $0.key != "signature" })
        return AlgoritmeregisterExport.Input(file: input.file, document: document, verification: ResultVerifier.verify(document: document, trustList: TrustList()))
    }

    @Test func aChangedResultIsRefusedNamingTheFileAndWhy() throws {
        let good = try RegisterFixture.input("quickscan", file: "goed.json")
        let bad = Self.tampered(try RegisterFixture.input("iama-lite", file: "gewijzigd.json"))
        #expect(!bad.verification.isValid)
        #expect(throws: AlgoritmeregisterExport.Refusal.notVerified(file: "gewijzigd.json", reason: bad.verification.status.reason(.en) ?? "")) {
            try AlgoritmeregisterExport.export([good, bad])
        }
        do {
            _ = try AlgoritmeregisterExport.export([bad])
            Issue.record("a tampered result was exported")
        } catch {
            #expect(error.description.contains("gewijzigd.json is not exported to the Algoritmeregister: the signature does not match the content"))
        }
    }

    @Test func anUnsignedOrMalformedResultIsRefused() throws {
        let unsigned = Self.withoutSignature(try RegisterFixture.input("quickscan", file: "x.json"))
        #expect(throws: AlgoritmeregisterExport.Refusal.notVerified(file: "x.json", reason: "it is not signed")) { try AlgoritmeregisterExport.export([unsigned]) }
        let malformed = AlgoritmeregisterExport.Input(file: "y.json", document: ["result": [:]], verification: ResultVerifier.verify(document: ["result": [:]], trustList: TrustList()))
        #expect(throws: AlgoritmeregisterExport.Refusal.notVerified(file: "y.json", reason: "no \"format\" member")) { try AlgoritmeregisterExport.export([malformed]) }
        #expect(throws: AlgoritmeregisterExport.Refusal.noResults) { try AlgoritmeregisterExport.export([]) }
    }

    @Test func resultsOfAnotherSystemOrOrganisationOrTheSameQuestionnaireTwiceAreRefused() throws {
        let quickscan = try RegisterFixture.input("quickscan", file: "q.json")
        let otherSystem = try RegisterFixture.input("iama-lite", ["subject.system": "Ander systeem"], file: "i.json")
        #expect(
            throws: AlgoritmeregisterExport.Refusal.otherSystem(
                file: "i.json", system: "Ander systeem", firstFile: "q.json", firstSystem: "Risicomodel heronderzoek bijstand (RiskSelect)")
        ) { try AlgoritmeregisterExport.export([quickscan, otherSystem]) }
        // Compared by exact characters: a trailing space is another name.
        let spaced = try RegisterFixture.input("iama-lite", ["subject.system": "\"Risicomodel heronderzoek bijstand (RiskSelect) \""], file: "s.json")
        #expect(
            throws: AlgoritmeregisterExport.Refusal.otherSystem(
                file: "s.json", system: "Risicomodel heronderzoek bijstand (RiskSelect) ", firstFile: "q.json",
                firstSystem: "Risicomodel heronderzoek bijstand (RiskSelect)")
        ) { try AlgoritmeregisterExport.export([quickscan, spaced]) }
        let otherOrganisation = try RegisterFixture.input("iama-lite", ["subject.organisation": "Gemeente Elders"], file: "o.json")
        #expect(
            throws: AlgoritmeregisterExport.Refusal.otherOrganisation(
                file: "o.json", organisation: "Gemeente Elders", firstFile: "q.json", firstOrganisation: "Gemeente Voorbeeldstad, afdeling Werk en Inkomen")
        ) { try AlgoritmeregisterExport.export([quickscan, otherOrganisation]) }
        let again = try RegisterFixture.input("quickscan", file: "q2.json")
        #expect(throws: AlgoritmeregisterExport.Refusal.sameQuestionnaireTwice(file: "q2.json", otherFile: "q.json", questionnaire: "quickscan")) {
            try AlgoritmeregisterExport.export([quickscan, again])
        }
    }

    @Test func aPracticeResultIsNeverARealAssessment() throws {
        let practice = try RegisterFixture.input("quickscan", file: "oefen.json") { result in
            guard case .object(var members) = result else { return result }
            members.append(("purpose", "training"))
            return .object(members)
        }
        #expect(practice.verification.isValid)
        #expect(throws: AlgoritmeregisterExport.Refusal.practiceResult(file: "oefen.json")) { try AlgoritmeregisterExport.export([practice]) }
    }

    // MARK: Hostile content

    static let hostile = "=cmd|' /C calc'!A0 <script>alert(1)</script> \u{1B}[31mrood\u{202E}\u{7}"

    @Test func hostileTextsStayPlainJSONStringsAndAreFlagged() throws {
        let input = try RegisterFixture.input(
            "quickscan", ["subject.system": "\"=cmd|' /C calc'!A0 <script>alert(1)</script> \\e[31mrood\\u202E\\a\"", "answers.purpose": "\"@SUM(1+1)\\nregel 2\""])
        #expect(input.document["result"]?["subject"]?["system"]?.stringValue == Self.hostile)
        let bytes = try AlgoritmeregisterExport.data([input])
        // Nothing raw that could drive a terminal; the same text read back exactly.
        #expect(!bytes.contains { $0 < 0x20 && $0 != 0x0A })
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { DisplaySafety.isUnsafe($0) && $0 != "\n" })
        #expect(text.contains("\\u001b[31mrood\\u202e\\u0007"))
        let parsed = try StrictJSONParser.parse(Array(bytes))
        #expect(parsed["fields"]?["name"]?.stringValue == Self.hostile)
        #expect(parsed["fields"]?["description_short"]?.stringValue == "@SUM(1+1)\nregel 2")
        #expect(parsed["provenance"]?.arrayValue?.first?["file"] != nil)
        let flagged = (parsed["toCheck"]?.arrayValue ?? []).filter { $0["hint"]?.stringValue?.contains("stuurtekens of begint als een formule") == true }
        #expect(flagged.compactMap { $0["field"]?.stringValue }.sorted() == ["description_short", "name"])
    }

    @Test func aValidlySignedResultOfAnyShapeDoesNotCrashTheMapping() throws {
        // Signed by someone, but not written by Grip: wrong types everywhere.
        let odd: [JSONValue] = [
            ["id": 1, "questionnaire": "quickscan", "subject": [], "answers": "none", "outcome": 7],
            ["id": "x", "questionnaire": ["id": "quickscan"], "subject": ["system": 3], "answers": [1, "a", ["question": "purpose", "value": 5]],
             "outcome": ["assessments": [["id": "dpia"]], "classifications": [["id": "register_category", "category": "a"]]]],
            ["questionnaire": ["id": "iama-lite"], "answers": [["question": "human_role", "value": ["none", "spot_check"]], ["question": "purpose", "value": "   "]]],
        ]
        for result in odd {
            let document = try ResultSigner.signedDocument(result: result, key: testKey)
            let input = AlgoritmeregisterExport.Input(file: "odd.json", document: document, verification: ResultVerifier.verify(document: document, trustList: TrustList()))
            let exported = try AlgoritmeregisterExport.export([input])
            #expect(exported["fields"]?["human_intervention"] == nil)
            #expect(exported["fields"]?["description_short"] == nil)
        }
    }

    @Test func theSingleResultExporterGivesTheRegisterExportOrOnlyTheRefusal() throws {
        let input = try RegisterFixture.input("quickscan")
        let data = Data(PrettyJSON.bytes(input.document))
        let report = ResultReport(document: input.document, verification: input.verification)
        let exported = try StrictJSONParser.parse(Array(ResultExporter.export(report, original: data, format: .algoritmeregister)))
        #expect(exported["fields"]?["publication_category"] == "Hoog-risico AI-systeem")
        let bad = Self.tampered(input)
        let refused = try StrictJSONParser.parse(
            Array(ResultExporter.export(ResultReport(document: bad.document, verification: bad.verification), original: Data(PrettyJSON.bytes(bad.document)), format: .algoritmeregister)))
        #expect(refused["fields"] == nil)
        #expect(refused["refused"]?.stringValue?.contains("the signature does not match") == true)
    }
}
