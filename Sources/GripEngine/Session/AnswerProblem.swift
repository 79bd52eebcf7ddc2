import Foundation

/// The outcome of giving an answer.
public enum AnswerResult: Equatable, Sendable {
    case ok
    /// The question is required and the answer was empty; any earlier answer is cleared.
    case requiredButEmpty
    /// The answer does not fit the question; nothing was changed.
    case invalid(AnswerProblem)
}

/// Why an answer does not fit its question.
public enum AnswerProblem: Error, Equatable, Sendable {
    case wrongType(expected: QuestionType)
    case unknownNotAllowed
    case notAnOption(String, valid: [String])
    case repeatedOption(String)
    case exclusiveCombined(String)
    case belowMinimum(Int)
    case aboveMaximum(Int)
    case tooLong(maximum: Int)
    case noSuchQuestion(String)
    /// Typed into a number field but not a whole number.
    case notANumber(String)
    /// A required question left empty.
    case requiredButEmpty

    /// A plain-language explanation for the person answering.
    public func message(in language: Language) -> String {
        switch (self, language) {
        case (.wrongType(let expected), .nl): "Dit antwoord past niet bij de vraag; verwacht: \(expected.dutchName)."
        case (.wrongType(let expected), .en): "This answer does not fit the question; expected \(expected.englishName)."
        case (.unknownNotAllowed, .nl): "‘Weet ik niet’ is bij deze vraag geen mogelijk antwoord."
        case (.unknownNotAllowed, .en): "‘I don’t know’ is not an accepted answer to this question."
        case (.notAnOption(let id, let valid), .nl): "‘\(id)’ is geen keuzemogelijkheid; kies uit: \(valid.joined(separator: ", "))."
        case (.notAnOption(let id, let valid), .en): "‘\(id)’ is not one of the options; choose from: \(valid.joined(separator: ", "))."
        case (.repeatedOption(let id), .nl): "‘\(id)’ is twee keer gekozen."
        case (.repeatedOption(let id), .en): "‘\(id)’ is chosen twice."
        case (.exclusiveCombined(let id), .nl): "‘\(id)’ kan niet samen met andere keuzes worden gekozen."
        case (.exclusiveCombined(let id), .en): "‘\(id)’ cannot be combined with other choices."
        case (.belowMinimum(let minimum), .nl): "Het getal moet minstens \(minimum) zijn."
        case (.belowMinimum(let minimum), .en): "The number must be at least \(minimum)."
        case (.aboveMaximum(let maximum), .nl): "Het getal mag hoogstens \(maximum) zijn."
        case (.aboveMaximum(let maximum), .en): "The number must be at most \(maximum)."
        case (.tooLong(let maximum), .nl): "De tekst mag hoogstens \(maximum) tekens lang zijn."
        case (.tooLong(let maximum), .en): "The text must be at most \(maximum) characters long."
        case (.noSuchQuestion(let id), .nl): "Er is geen vraag ‘\(id)’."
        case (.noSuchQuestion(let id), .en): "There is no question ‘\(id)’."
        case (.notANumber(let text), .nl): "‘\(text)’ is geen geheel getal; typ alleen cijfers."
        case (.notANumber(let text), .en): "‘\(text)’ is not a whole number; type digits only."
        case (.requiredButEmpty, .nl): "Deze vraag is verplicht. Weet u het niet, kies dan ‘Weet ik niet’ als dat kan."
        case (.requiredButEmpty, .en): "This question is required. If you do not know, choose ‘I don’t know’ where possible."
        }
    }
}

extension QuestionType {
    var dutchName: String {
        switch self {
        case .yesNo: "ja of nee"
        case .yesNoUnknown: "ja, nee of weet ik niet"
        case .single: "één keuze"
        case .multi: "een of meer keuzes"
        case .text: "tekst"
        case .number: "een geheel getal"
        case .scale: "een getal op de schaal"
        }
    }

    var englishName: String {
        switch self {
        case .yesNo: "yes or no"
        case .yesNoUnknown: "yes, no or unknown"
        case .single: "one option"
        case .multi: "one or more options"
        case .text: "text"
        case .number: "a whole number"
        case .scale: "a number on the scale"
        }
    }
}

extension Question {
    /// Checks an answer against this question. Returns the value to store (texts are
    /// trimmed; an empty text or empty selection becomes `nil`) or the problem.
    public func normalize(_ value: AnswerValue) -> Result<AnswerValue?, AnswerProblem> {
        if value == .unknown {
            return allowsUnknown ? .success(.unknown) : .failure(.unknownNotAllowed)
        }
        switch (type, value) {
        case (.yesNo, .yes), (.yesNo, .no), (.yesNoUnknown, .yes), (.yesNoUnknown, .no):
            return .success(value)
        case (.single, .option(let id)):
            guard option(id) != nil else { return .failure(.notAnOption(id, valid: options.map(\.id))) }
            return .success(value)
        case (.multi, .options(let ids)):
            var seen = Set<String>()
            for id in ids {
                guard let chosen = option(id) else { return .failure(.notAnOption(id, valid: options.map(\.id))) }
                guard seen.insert(id).inserted else { return .failure(.repeatedOption(id)) }
                if chosen.exclusive && ids.count > 1 { return .failure(.exclusiveCombined(id)) }
            }
            return .success(ids.isEmpty ? nil : value)
        case (.number, .number(let number)), (.scale, .number(let number)):
            // Beyond ±(2^53−1) a result would be refused by verification.
            let lowest = max(minimum ?? -AnswerLimits.maximumInteger, -AnswerLimits.maximumInteger)
            let highest = min(maximum ?? AnswerLimits.maximumInteger, AnswerLimits.maximumInteger)
            if number < lowest { return .failure(.belowMinimum(lowest)) }
            if number > highest { return .failure(.aboveMaximum(highest)) }
            return .success(value)
        case (.text, .text(let text)):
            guard AnswerLimits.fits(text) else { return .failure(.tooLong(maximum: min(maxLength ?? .max, AnswerLimits.maximumTextLength))) }
            let trimmed = text.trimmingWhitespace
            if let maxLength, trimmed.count > maxLength { return .failure(.tooLong(maximum: maxLength)) }
            return .success(trimmed.isEmpty ? nil : .text(trimmed))
        default:
            return .failure(.wrongType(expected: type))
        }
    }
}
