import Foundation

/// Which answers and outcomes fill which field of the publication standard.
///
/// The question ids are those of the bundled instruments (quickscan, dpia-lite, iama-lite,
/// ai-act, procurement). Where two instruments ask the same thing, the follow-up
/// instrument wins over the quickscan: the quickscan is triage, the follow-up settles it.
extension AlgoritmeregisterExport.Builder {
    typealias Origin = AlgoritmeregisterExport.Origin

    mutating func mapAll() {
        mapSubject()
        mapDescription()
        mapPublicationCategory()
        mapGoal()
        mapProportionality()
        mapHumanIntervention()
        mapRisks()
        mapLawfulBasis()
        mapImpactAssessments()
        mapSourceData()
        mapMethodsAndModels()
        mapProvider()
        mapTheme()
        fields.append(("lang", "nld"))
        fields.append(("standard_version", .string(AlgoritmeregisterStandard.version)))
        if sources.contains(where: { $0.result["language"]?.stringValue != "nl" }) {
            toCheck.append(("lang", "Een of meer resultaten zijn niet in het Nederlands ingevuld. Het register vraagt Nederlandse tekst: vertaal de overgenomen teksten."))
        }
    }

    // MARK: General information

    mutating func mapSubject() {
        guard let first = sources.first else { return }
        fill(
            "name", first.system, from: [Origin(source: first, item: "subject/system")],
            check: "Overgenomen uit de systeemnaam in Grip. Controleer of de naam voor buitenstaanders begrijpelijk is en bij voorkeur met een werkwoord zegt wat het algoritme doet.")
        fill(
            "organization", first.organisation, from: [Origin(source: first, item: "subject/organisation")],
            check: "Overgenomen uit Grip. Gebruik de volledige naam van de organisatie zoals in de TOOI-waardelijst, zonder afdeling; één registratie gaat over één organisatie.")
    }

    mutating func mapDescription() {
        // Both questions ask what the system does, in which work process and who uses the outcome.
        guard let answer = firstAnswer([("quickscan", "purpose"), ("ai-act", "system_description")]), let text = answer.text else { return }
        fill(
            "description_short", text, from: [answer.origin],
            check: "Overgenomen uit het antwoord op ‘\(answer.questionText)’. Het register toont dit in het zoekoverzicht: schrijf op taalniveau B1, in twee of drie zinnen, en publiceer niets vertrouwelijks.",
            material: [answer.material])
    }

    /// A = high-risk AI system, B = impactful, C = other (Handreiking Algoritmeregister).
    /// Filled only when every decided classification agrees and nothing stronger is still open.
    mutating func mapPublicationCategory() {
        typealias Category = AlgoritmeregisterStandard.PublicationCategory
        var decided: [(category: Category, origin: Origin, words: String)] = []
        var undecided: [JSONValue] = []
        var notHighRisk: [(origin: Origin, words: String)] = []
        var prohibited: [JSONValue] = []
        var outcomes: [JSONValue] = []
        let registerCategories: [(String, [String: Category])] = [
            ("quickscan", ["a": .highRiskAI, "b": .impactful, "c": .other]),
            ("iama-lite", ["a_high_risk": .highRiskAI, "b_impactful": .impactful, "c_other": .other]),
        ]
        for (questionnaire, mapping) in registerCategories {
            guard let source = source(questionnaire), let classification = source.classification("register_category") else { continue }
            let item = Self.classificationMaterial(source, classification)
            outcomes.append(item)
            if let id = Self.decidedCategory(classification) {
                if let category = mapping[id] {
                    decided.append((category, Origin(source: source, item: "outcome/classifications/register_category"), questionnaire))
                }
            } else {
                undecided.append(item)
            }
        }
        if let source = source("ai-act"), let classification = source.classification("risk_category") {
            let item = Self.classificationMaterial(source, classification)
            outcomes.append(item)
            let origin = Origin(source: source, item: "outcome/classifications/risk_category")
            switch Self.decidedCategory(classification) {
            case "high_risk"?: decided.append((.highRiskAI, origin, "ai-act"))
            case "prohibited"?: prohibited.append(item)
            case nil, "undetermined"?: break
            case _?: notHighRisk.append((origin, "ai-act"))
            }
        }
        let categories = Set(decided.map(\.category))
        let hint: String
        if !prohibited.isEmpty {
            hint = "Volgens de AI-verordening-check is dit een verboden AI-toepassing (art. 5): die mag niet worden gebruikt. Laat dit eerst door een jurist beoordelen."
        } else if categories.count > 1 || (categories.contains(.highRiskAI) && !notHighRisk.isEmpty) {
            hint = "De resultaten uit Grip spreken elkaar tegen over de categorie (zie gripOutcomes). Bepaal de categorie volgens de Handreiking Algoritmeregister."
        } else if let category = categories.first, category == .highRiskAI || undecided.isEmpty {
            // A is the strongest category: an undecided "possibly A" elsewhere cannot raise it.
            let from = decided.map { $0.words }.joined(separator: " en ")
            fields.append(("publication_category", .string(category.rawValue)))
            filledFrom.append(("publication_category", .array(decided.map { $0.origin.json })))
            toCheck.append((
                "publication_category",
                "Afgeleid uit de uitkomst van Grip (\(from)): categorie \(category.letter) van de Handreiking Algoritmeregister. Controleer de indeling voordat u publiceert."
            ))
            return
        } else if !undecided.isEmpty {
            hint = "Grip kon de categorie nog niet bepalen: er staan vragen open (zie gripOutcomes). Beantwoord die, of bepaal de categorie volgens de Handreiking Algoritmeregister."
        } else {
            hint = "Bepaal de categorie volgens de Handreiking Algoritmeregister: A (hoog-risico AI-systeem), B (impactvol algoritme) of C (overig). De quickscan en de IAMA-lite van Grip geven deze categorie."
        }
        leave("publication_category", hint, outcomes: outcomes)
    }

    /// The category id of a decided classification. Results written before `status`
    /// existed count as undecided when they list possible stronger categories.
    static func decidedCategory(_ classification: JSONValue) -> String? {
        guard classification["status"]?.stringValue != "undecided", (classification["possible"]?.arrayValue ?? []).isEmpty else { return nil }
        return classification["category"]?["id"]?.stringValue
    }

    static func classificationMaterial(_ source: AlgoritmeregisterExport.Source, _ classification: JSONValue) -> JSONValue {
        [
            "questionnaire": .string(source.questionnaire), "classification": .string(classification["id"]?.stringValue ?? ""),
            "title": .string(classification["title"]?.stringValue ?? ""),
            "outcome": .string(classification["headline"]?.stringValue ?? classification["category"]?["title"]?.stringValue ?? ""),
        ]
    }

    // MARK: Responsible use

    mutating func mapGoal() {
        // The IAMA-lite asks for the goal of the system; the DPIA-lite for the goal of the processing.
        guard let answer = firstAnswer([("iama-lite", "purpose"), ("dpia-lite", "purpose")]), let text = answer.text else { return }
        fill(
            "goal", text, from: [answer.origin],
            check: "Het doel is overgenomen uit het antwoord op ‘\(answer.questionText)’. Vul aan hoe burgers en bedrijven met het algoritme te maken krijgen als het goed werkt (de impact), op taalniveau B1.",
            material: [answer.material])
    }

    mutating func mapProportionality() {
        guard let answer = firstAnswer([("iama-lite", "interests_weighing")]), let text = answer.text else { return }
        fill(
            "proportionality", text, from: [answer.origin],
            check: "Overgenomen uit de belangenafweging in de IAMA-lite. Noem ook de alternatieven die zijn overwogen, en schrijf op taalniveau B1.",
            material: [answer.material])
    }

    /// Composed from choices (never from free text), in Dutch sentences that stay close
    /// to the options' own words.
    mutating func mapHumanIntervention() {
        var sentences: [String] = []
        var used: [AlgoritmeregisterExport.Answer] = []
        let influenceWords = [
            "automatic": "Het systeem beslist zelf.",
            "decisive": "De uitkomst van het systeem is leidend bij het besluit.",
            "supporting": "De uitkomst van het systeem weegt mee bij het besluit.",
            "preparatory": "Het systeem doet alleen voorbereidend werk voor het besluit.",
        ]
        let roleWords = [
            "none": "Er is geen menselijke tussenkomst: de uitkomst wordt direct gebruikt.",
            "spot_check": "Een medewerker controleert af en toe een steekproef van de uitkomsten.",
            "reviews_each": "Een medewerker bekijkt elke uitkomst voordat er iets mee gebeurt.",
            "human_decides": "Een medewerker beslist zelf en gebruikt de uitkomst alleen als hulpmiddel.",
        ]
        let deviateWords = [
            "yes": "Een medewerker kan in de praktijk van de uitkomst afwijken en heeft daar de tijd en de ruimte voor.",
            "no": "Een medewerker kan in de praktijk niet van de uitkomst afwijken, of heeft daar niet de tijd of de ruimte voor.",
        ]
        for (candidates, words) in [
            ([("iama-lite", "influence"), ("quickscan", "influence")], influenceWords),
            ([("iama-lite", "human_role")], roleWords),
            ([("iama-lite", "can_deviate")], deviateWords),
        ] {
            guard let answer = firstAnswer(candidates), let option = answer.options.first, answer.options.count == 1, let sentence = words[option] else { continue }
            sentences.append(sentence)
            used.append(answer)
        }
        guard !sentences.isEmpty else {
            leave(
                "human_intervention",
                "Beschrijf hoe medewerkers de uitkomsten gebruiken, controleren en kunnen bijstellen, of dat er geen menselijke tussenkomst is. Grip vraagt dit in de IAMA-lite (rol van de medewerker) en de quickscan (invloed op het besluit).")
            return
        }
        fill(
            "human_intervention", sentences.joined(separator: " "), from: used.map(\.origin),
            check: "Samengesteld uit de keuzes bij \(used.map { "‘\($0.questionText)’" }.joined(separator: ", ")). Vul aan hoe uitkomsten worden gecontroleerd en bijgesteld.",
            material: used.map(\.material))
    }

    mutating func mapRisks() {
        // Grip records residual risks and some measures, not how risks are managed: material only.
        leave(
            "risks",
            "Beschrijf de risico's (bijvoorbeeld discriminatie, fouten, uitlegbaarheid) en hoe de organisatie ermee omgaat, zoals periodieke controle. Grip legt geen risicobeheer vast; gebruik de DPIA en het IAMA. De antwoorden hieronder kunnen helpen.",
            answers: material([
                ("iama-lite", "residual_risks"), ("iama-lite", "monitoring"), ("iama-lite", "bias_tested"), ("iama-lite", "accuracy_metrics"),
                ("iama-lite", "complaints_channel"), ("iama-lite", "residual_risk_accepted"), ("dpia-lite", "residual_risk_high"),
            ]))
    }

    mutating func mapLawfulBasis() {
        let candidates = [("iama-lite", "legal_basis"), ("dpia-lite", "legal_basis_law")]
        let answers = candidates.compactMap { source($0.0)?.answer($0.1) }.filter { $0.text != nil }
        let texts = answers.compactMap(\.text)
        let groupingHint =
            "Noem per wettelijke grondslag de titel (hoogstens 100 tekens) en een link, bijvoorbeeld naar wetten.overheid.nl. Grip legt geen links vast."
        leave("lawful_basis_grouping", groupingHint, answers: answers.map(\.material))
        guard let first = answers.first, let text = first.text else { return }
        // Two instruments naming a different basis: a person has to choose.
        guard texts.allSatisfy({ $0.equalsExactly(text) }) else {
            leave(
                "lawful_basis", "De IAMA-lite en de DPIA-lite noemen een verschillende wettelijke basis. Kies of combineer, kort en begrijpelijk voor niet-juristen.",
                answers: answers.map(\.material))
            return
        }
        fill(
            "lawful_basis", text, from: answers.map(\.origin),
            check: "Overgenomen uit het antwoord op ‘\(first.questionText)’. Leg kort uit wat de wet regelt, zodat ook niet-juristen het begrijpen.",
            material: [first.material])
    }

    /// The DPIA, IAMA and FRIA outcomes. "Not needed" explains why an assessment was not
    /// done (the field `impacttoetsen`); any other level says an assessment is needed, which
    /// is no evidence that it was done, so the list of assessments is left to a person.
    mutating func mapImpactAssessments() {
        let instruments: [(name: String, assessment: String, questionnaires: [String])] = [
            ("een DPIA", "dpia", ["dpia-lite", "quickscan"]),
            ("een IAMA", "iama", ["iama-lite", "quickscan"]),
            ("een beoordeling van de gevolgen voor de grondrechten (FRIA)", "fria", ["ai-act", "iama-lite", "quickscan"]),
        ]
        let words = ResultReport.Words("nl")
        // Per result (in the order given), the instruments it found not needed.
        var notNeeded: [(source: AlgoritmeregisterExport.Source, names: [String])] = []
        var origins: [Origin] = []
        var outcomes: [JSONValue] = []
        for instrument in instruments {
            // The most specific instrument given decides; the quickscan is triage.
            guard let (source, assessment) = mostSpecificAssessment(instrument.assessment, in: instrument.questionnaires) else { continue }
            let level = assessment["level"]?.stringValue ?? ""
            var outcome: [(key: String, value: JSONValue)] = [
                ("questionnaire", .string(source.questionnaire)), ("assessment", .string(instrument.assessment)),
                ("title", .string(assessment["title"]?.stringValue ?? "")), ("level", .string(words.level(level))),
            ]
            if let rationale = assessment["rationale"]?.stringValue { outcome.append(("rationale", .string(rationale))) }
            outcomes.append(.object(outcome))
            if level == "not-needed" {
                if let index = notNeeded.firstIndex(where: { $0.source.id.equalsExactly(source.id) }) {
                    notNeeded[index].names.append(instrument.name)
                } else {
                    notNeeded.append((source, [instrument.name]))
                }
                origins.append(Origin(source: source, item: "outcome/assessments/\(instrument.assessment)"))
            }
        }
        let sentences = notNeeded.map { source, names in
            let version = source.questionnaireVersion.isEmpty ? "" : " \(source.questionnaireVersion)"
            let date = source.completedOn.isEmpty ? "" : ", \(source.completedOn)"
            let list = names.count == 1 ? "is \(names[0])" : "zijn " + names.dropLast().joined(separator: ", ") + " en " + (names.last ?? "")
            return "Volgens de Grip-vragenlijst ‘\(source.questionnaireTitle)’ (versie\(version)\(date)) \(list) niet nodig."
        }
        var groupingHint =
            "Noem alleen impacttoetsen die echt zijn uitgevoerd, met een link naar de resultaten als die openbaar zijn. Zegt Grip dat een DPIA, IAMA of FRIA verplicht of aanbevolen is, dan betekent dat niet dat die is gedaan; een Grip-vragenlijst (DPIA-lite, IAMA-lite) is zelf geen volledige DPIA of IAMA."
        var answers: [JSONValue] = []
        if let existing = source("dpia-lite")?.answer("existing_dpia", includingUnknown: true) {
            answers.append(existing.material)
            if existing.options == ["yes"] {
                groupingHint += " Volgens de DPIA-lite is er al een DPIA gedaan voor deze verwerking of een verwerking die er sterk op lijkt: controleer of die deze verwerking dekt."
            }
        }
        leave("impacttoetsen_grouping", groupingHint, answers: answers, outcomes: outcomes)
        guard !sentences.isEmpty else {
            leave(
                "impacttoetsen",
                "Licht toe waarom een impacttoets niet is gedaan, bijvoorbeeld geen DPIA omdat er geen persoonsgegevens worden verwerkt. Grip noemt geen toets ‘niet nodig’ die u hier kunt aanhalen.",
                outcomes: outcomes)
            return
        }
        fill(
            "impacttoetsen", sentences.joined(separator: " "), from: origins,
            check: "Samengesteld uit de uitkomsten van Grip die een toets ‘niet nodig’ noemen. Vul aan met de redenen in gewone woorden.")
    }

    /// The assessment from the first questionnaire in `questionnaires` that has it.
    func mostSpecificAssessment(_ id: String, in questionnaires: [String]) -> (AlgoritmeregisterExport.Source, JSONValue)? {
        for questionnaire in questionnaires {
            if let given = source(questionnaire), let assessment = given.assessment(id) { return (given, assessment) }
        }
        return nil
    }

    // MARK: How it works

    /// A list of the kinds of data and the base registries, in the questionnaire's own words.
    mutating func mapSourceData() {
        let dpia = source("dpia-lite") != nil
        let parts: [(label: String, question: (String, String))] =
            dpia
            ? [
                ("Persoonsgegevens", ("dpia-lite", "ordinary_data")), ("Bijzondere persoonsgegevens", ("dpia-lite", "special_categories")),
                ("Andere gevoelige gegevens", ("dpia-lite", "sensitive_data")), ("Uit basisregistraties", ("dpia-lite", "base_registries")),
            ]
            : [("Gevoelige persoonsgegevens", ("quickscan", "data_kinds")), ("Uit basisregistraties", ("quickscan", "base_registries"))]
        var sentences: [String] = []
        var used: [AlgoritmeregisterExport.Answer] = []
        for part in parts {
            guard let answer = source(part.question.0)?.answer(part.question.1) else { continue }
            let selected = answer.options.filter { $0 != "none" }
            guard !selected.isEmpty, !answer.words.isEmpty else { continue }
            sentences.append("\(part.label): \(answer.words).")
            used.append(answer)
        }
        let noPersonalData = [("dpia-lite", "personal_data"), ("quickscan", "personal_data")].compactMap { source($0.0)?.answer($0.1) }.first
        guard !sentences.isEmpty else {
            var hint =
                "Geef een overzicht van de gegevens die het algoritme gebruikt (en gebruikte bij het maken), zo precies mogelijk, met de bron (bijvoorbeeld BRP of eigen klantgegevens)."
            if noPersonalData?.options == ["no"] { hint += " Volgens Grip worden er geen persoonsgegevens gebruikt; beschrijf welke andere gegevens het zijn." }
            leave("source_data", hint, answers: noPersonalData.map { [$0.material] } ?? [])
            return
        }
        fill(
            "source_data", sentences.joined(separator: " "), from: used.map(\.origin),
            check: "Samengesteld uit de soorten gegevens en basisregistraties die in Grip zijn aangekruist. Maak het overzicht volledig: welke gegevens precies (bijvoorbeeld adres, leeftijd) en uit welke bron.",
            material: used.map(\.material))
    }

    mutating func mapMethodsAndModels() {
        leave(
            "methods_and_models",
            "Beschrijf de invoer, de werking en de uitvoer van het algoritme, en zeg tenminste of het zelflerend is. Grip legt de technische werking niet vast; de antwoorden hieronder zeggen iets over het soort algoritme.",
            answers: material([
                ("quickscan", "is_ai"), ("quickscan", "ai_learns"), ("quickscan", "ai_rules_only"), ("quickscan", "ai_infers"), ("quickscan", "generative"),
                ("iama-lite", "algorithm_type"), ("ai-act", "ai_learns"), ("ai-act", "ai_rules_only"), ("ai-act", "ai_infers"),
            ]))
    }

    /// "Intern ontwikkeld" is the standard's own wording for an algorithm made in-house;
    /// Grip never asks the supplier's name.
    mutating func mapProvider() {
        let answers = [("quickscan", "origin"), ("iama-lite", "origin"), ("ai-act", "origin"), ("procurement", "origin")]
            .compactMap { source($0.0)?.answer($0.1) }
        let origins = Set(answers.flatMap(\.options))
        let external: Set = ["bought", "commissioned", "vendor_update"]
        if !answers.isEmpty, origins == ["in_house"] {
            fields.append(("provider", "Intern ontwikkeld"))
            filledFrom.append(("provider", .array(answers.map(\.origin.json))))
            toCheck.append(("provider", "Volgens Grip is het algoritme zelf gemaakt. Is er toch een externe leverancier van het algoritme, noem die dan."))
            return
        }
        let hint: String
        if !origins.isEmpty, origins.isSubset(of: external) {
            hint = "Volgens Grip komt het algoritme van een externe partij. Vul de naam van de leverancier in; Grip vraagt die niet."
        } else if origins.contains("in_house"), origins.count > 1 {
            hint = "De resultaten uit Grip verschillen over de herkomst van het algoritme. Noem de externe leverancier, of ‘Intern ontwikkeld’."
        } else if !origins.isEmpty {
            hint = "Het algoritme is (deels) gebouwd op een model of dienst van een leverancier. Noem de leverancier van het algoritme, of ‘Intern ontwikkeld’ als de organisatie het zelf maakte."
        } else {
            hint = AlgoritmeregisterExport.defaultHints["provider"] ?? ""
        }
        leave("provider", hint, answers: answers.map(\.material))
    }

    mutating func mapTheme() {
        // The AI Act areas hint at the policy area, but do not map onto the register's themes.
        let answers = material([("quickscan", "use_area"), ("iama-lite", "use_area")])
        leave("category", AlgoritmeregisterExport.defaultHints["category"] ?? "", answers: answers)
    }
}

extension AlgoritmeregisterExport {
    /// What to fill in a field Grip leaves open, in Dutch, when nothing more specific is known.
    static let defaultHints: [String: String] = [
        "name": "Een naam, bij voorkeur met een werkwoord, die zegt wat het algoritme doet (hoogstens 100 tekens).",
        "description_short": "Twee of drie zinnen over wat het algoritme doet en in welk proces, op taalniveau B1 (hoogstens 350 tekens). Grip vraagt dit in de quickscan.",
        "organization": "De volledige naam van de organisatie die het algoritme gebruikt, zoals in de TOOI-waardelijst.",
        "category": "Kies hoogstens drie thema's (beleidsterreinen) uit de lijst van de standaard. Grip vraagt niet naar het beleidsterrein.",
        "status": "Kies ‘In ontwikkeling’, ‘In gebruik’ of ‘Buiten gebruik’; is het allebei, kies ‘In gebruik’. Grip vraagt niet of het algoritme al in gebruik is.",
        "begin_date": "Maand en jaar waarin het algoritme in gebruik is genomen, als JJJJ-MM (bijvoorbeeld 2023-01). De datum van de Grip-toets is dat niet.",
        "end_date": "Alleen invullen als het algoritme buiten gebruik is: maand en jaar als JJJJ-MM.",
        "contact_email": "Een e-mailadres of website (beginnend met https://) waar inwoners, media en anderen vragen kunnen stellen over het algoritme.",
        "website": "Niet verplicht: een link (https://) naar een eigen pagina over het proces waarin het algoritme wordt gebruikt.",
        "url": "Niet verplicht: een link (https://) naar het eigen algoritmeregister van de organisatie, als dat er is.",
        "goal": "Het doel van het algoritme en hoe burgers en bedrijven ermee te maken krijgen als het goed werkt, op taalniveau B1. Grip vraagt het doel in de IAMA-lite en de DPIA-lite.",
        "proportionality": "Weeg de voor- en nadelen af, noem de alternatieven die zijn overwogen en zeg waarom de inzet gerechtvaardigd is. Grip vraagt deze afweging in de IAMA-lite.",
        "lawful_basis": "Omschrijf de wettelijke basis van het proces, kort en begrijpelijk voor niet-juristen. Grip vraagt dit in de IAMA-lite en de DPIA-lite.",
        "process_index_url": "Niet verplicht: een link naar het openbare deel van het verwerkingsregister voor deze verwerking.",
        "source_data_grouping": "Niet verplicht: titels en links naar beschrijvingen van de gebruikte gegevensbronnen, bijvoorbeeld in een datacatalogus.",
        "provider": "De naam van de externe leverancier van het algoritme, of ‘Intern ontwikkeld’. Grip vraagt de herkomst in de quickscan, maar niet de naam.",
        "publiccode": "Niet verplicht: een link (https://) naar de broncode, alleen als die openbaar is.",
        "source_id": "Niet verplicht: het kenmerk van het algoritme in het eigen register van de organisatie. Het id van het Grip-resultaat is dat niet.",
        "tags": "Niet verplicht: zoektermen, gescheiden door komma's. Ze worden niet getoond, maar maken de registratie beter vindbaar.",
    ]
}
