import GripEngine

/// `grip validate FILE…`, `grip score …` and `grip list` in their plain forms, read
/// without argument-parser.
///
/// Why: argument-parser finds a command's options by reflection, and in a static binary
/// the first reflective lookups scan every protocol conformance in it: about 2 ms per
/// start, most of what these commands cost, and authors run them in a loop. Only
/// arguments this reads exactly as argument-parser would are taken; any other form
/// (help, an option it does not know, a repeated option, anything starting with '-')
/// goes to argument-parser, so what is accepted and every message stay the same. The CLI
/// tests run both paths and compare them.
enum QuickInvocation: Equatable {
    case validate(files: [String])
    case score(id: String, answers: String?, language: Language, json: Bool)
    case list(language: Language)

    init?(_ arguments: [String]) {
        guard let command = arguments.first else { return nil }
        var rest = arguments.dropFirst()
        switch command {
        case "validate":
            guard !rest.isEmpty, !rest.contains(where: Self.looksLikeOption) else { return nil }
            self = .validate(files: Array(rest))
        case "score":
            var positional: [String] = []
            var answers: String?, language: Language?, json = false
            while let argument = rest.popFirst() {
                if !Self.looksLikeOption(argument) {
                    positional.append(argument)
                } else if argument == "--json", !json {
                    json = true
                } else if let value = Self.value(of: "--answers", in: argument, rest: &rest), answers == nil {
                    answers = value
                } else if let value = Self.value(of: "--language", in: argument, rest: &rest), language == nil,
                    let chosen = Language(rawValue: value) {
                    language = chosen
                } else {
                    return nil
                }
            }
            guard positional.count == 1 else { return nil }
            self = .score(id: positional[0], answers: answers, language: language ?? .nl, json: json)
        case "list":
            var language: Language?
            while let argument = rest.popFirst() {
                guard let value = Self.value(of: "--language", in: argument, rest: &rest), language == nil,
                    let chosen = Language(rawValue: value)
                else { return nil }
                language = chosen
            }
            self = .list(language: language ?? .nl)
        default:
            return nil
        }
    }

    func run() throws {
        switch self {
        case .validate(let files):
            try ValidateCommand.validate(files, directories: [])
        case .score(let id, let answers, let language, let json):
            try ScoreCommand.score(id, answers: answers, language: language, json: json, directories: [])
        case .list(let language):
            ListCommand.list(language: language, directories: [])
        }
    }

    /// "-x", "--x", "--" and even "-" are left to argument-parser.
    private static func looksLikeOption(_ argument: String) -> Bool {
        argument.hasPrefix("-")
    }

    /// The value of `--name VALUE` or `--name=VALUE`; nil for anything else, or when the
    /// value is missing or looks like an option.
    private static func value(of name: String, in argument: String, rest: inout ArraySlice<String>) -> String? {
        if argument == name {
            guard let value = rest.first, !looksLikeOption(value) else { return nil }
            rest.removeFirst()
            return value
        }
        let prefix = name + "="
        guard argument.hasPrefix(prefix), argument.count > prefix.count else { return nil }
        return String(argument.dropFirst(prefix.count))
    }
}
