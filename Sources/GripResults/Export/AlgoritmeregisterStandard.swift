/// The fields of the Algoritmeregister publication standard (Algoritmeregister
/// Publicatiestandaard) version 1.0.0, published by the Ministry of the Interior (MinBZK)
/// for algoritmes.overheid.nl.
///
/// Keys, titles, required fields, lengths and allowed values follow the register's own
/// schema of this version (MinBZK/Algoritmeregister, `backend/app/schemas/config/v1_0_0.json`),
/// read beside the standard's handbook (MinBZK/Algoritmeregister-Publicatiestandaard,
/// chapter 2 and the change log in chapter 3). Version 1.0.0 dropped the older fields
/// (`type` "(Zelf)lerend", separate DPIA/IAMA fields): impact assessments are now the list
/// `impacttoetsen_grouping` and the explanation `impacttoetsen`, and `category` is the
/// policy theme ("Thema"), not the register category (`publication_category`).
public enum AlgoritmeregisterStandard {
    public static let name = "Algoritmeregister Publicatiestandaard"
    public static let version = "1.0.0"
    public static let url = "https://regels.overheid.nl/publicaties/algoritmeregister-publicatiestandaard"
    public static let repository = "https://github.com/MinBZK/Algoritmeregister-Publicatiestandaard"
    public static let schema = "https://github.com/MinBZK/Algoritmeregister/blob/main/backend/app/schemas/config/v1_0_0.json"

    /// One field of the standard.
    public struct Field: Sendable {
        public enum Kind: Sendable { case text, list, links }
        public let key: String
        /// The field's title in the register ("Naam", "Korte omschrijving").
        public let title: String
        /// "Verplicht": the register does not publish a registration without it.
        public let required: Bool
        /// Maximum length in characters (Unicode scalars, as the register counts them).
        public let maximumLength: Int?
        public let kind: Kind
        /// The only values the register accepts, when it has a fixed list.
        public let allowedValues: [String]

        init(_ key: String, _ title: String, required: Bool = false, maximumLength: Int? = nil, kind: Kind = .text, allowedValues: [String] = []) {
            self.key = key
            self.title = title
            self.required = required
            self.maximumLength = maximumLength
            self.kind = kind
            self.allowedValues = allowedValues
        }
    }

    /// The register's spelling of the three publication categories (Handreiking
    /// Algoritmeregister: A, B, C). The handbook's input line writes the first as
    /// "Hoog-risico AI-systemen", its instructions and the register's schema as
    /// "Hoog-risico AI-systeem"; the schema is what the register accepts.
    public enum PublicationCategory: String, Sendable, CaseIterable {
        case highRiskAI = "Hoog-risico AI-systeem"
        case impactful = "Impactvolle algoritmes"
        case other = "Overige algoritmes"

        /// The letter the Handreiking Algoritmeregister gives the category.
        public var letter: String {
            switch self {
            case .highRiskAI: "A"
            case .impactful: "B"
            case .other: "C"
            }
        }
    }

    public static let statusValues = ["In ontwikkeling", "In gebruik", "Buiten gebruik"]

    /// "Thema": the policy areas the register lists (at most three per registration).
    public static let themeValues = [
        "Organisatie en bedrijfsvoering", "Cultuur en recreatie", "Economie", "Overheidsfinanciën", "Wonen", "Internationaal",
        "Migratie en integratie", "Natuur en milieu", "Onderwijs en wetenschap", "Openbare orde en veiligheid", "Recht",
        "Ruimte en infrastructuur", "Sociale zekerheid", "Verkeer", "Werk", "Zorg en gezondheid",
    ]

    /// Every field, in the order of the standard.
    public static let fields: [Field] = [
        Field("name", "Naam", required: true, maximumLength: 100),
        Field("description_short", "Korte omschrijving", required: true, maximumLength: 350),
        Field("organization", "Organisatie", required: true, maximumLength: 100),
        Field("category", "Thema", kind: .list, allowedValues: themeValues),
        Field("status", "Status", required: true, allowedValues: statusValues),
        Field("begin_date", "Begindatum", maximumLength: 7),
        Field("end_date", "Einddatum", maximumLength: 7),
        Field("contact_email", "Contactgegevens", required: true, maximumLength: 500),
        Field("website", "Link naar publiekspagina", maximumLength: 500),
        Field("publication_category", "Publicatiecategorie", required: true, allowedValues: PublicationCategory.allCases.map(\.rawValue)),
        Field("url", "Link naar bronregistratie", maximumLength: 500),
        Field("goal", "Doel en impact", maximumLength: 2500),
        Field("proportionality", "Afwegingen", maximumLength: 2500),
        Field("human_intervention", "Menselijke tussenkomst", maximumLength: 2500),
        Field("risks", "Risicobeheer", maximumLength: 2500),
        Field("lawful_basis", "Wettelijke basis", maximumLength: 2500),
        Field("lawful_basis_grouping", "Verwijzingen wettelijke basis", kind: .links),
        Field("process_index_url", "Link naar verwerkingsregister", maximumLength: 500),
        Field("impacttoetsen_grouping", "Verwijzingen impacttoetsen", kind: .links),
        Field("impacttoetsen", "Toelichting op impacttoetsen", maximumLength: 2500),
        Field("source_data", "Gegevens", maximumLength: 2500),
        Field("source_data_grouping", "Verwijzingen gegevensbronnen", kind: .links),
        Field("methods_and_models", "Technische werking", maximumLength: 5000),
        Field("provider", "Leverancier", maximumLength: 200),
        Field("publiccode", "Link naar broncode", maximumLength: 500),
        Field("lang", "Taal", required: true, allowedValues: ["nld"]),
        Field("standard_version", "Versie publicatiestandaard", allowedValues: [version]),
        Field("source_id", "Bron-ID", maximumLength: 100),
        Field("tags", "Zoektermen", maximumLength: 2500),
    ]

    public static func field(_ key: String) -> Field? { fields.first { $0.key == key } }
}
