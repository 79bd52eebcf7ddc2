import Foundation
import GripEngine

/// Errors from files and keys in words, in the interface language, naming the file: never
/// a raw Foundation message ("The operation could not be completed").
public enum ErrorText {
    public static func describe(_ error: any Error) -> LocalizedText {
        switch error {
        case let error as KeyStoreError:
            return LocalizedText(nl: dutch(error), en: error.description)
        case let error as ResultFile.Problem:
            return LocalizedText(nl: dutch(error), en: error.description)
        case let error as GitError:
            return error.words
        case let error as DecodingError:
            let reason = DecodingProblem.describe(error)
            return LocalizedText(nl: "de inhoud klopt niet: \(reason.nl)", en: "its content is wrong: \(reason.en)")
        case let error as CocoaError:
            let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? error.userInfo[NSURLErrorKey].map { "\($0)" } ?? "?"
            let reason = reason(error)
            return LocalizedText(nl: "\(path): \(reason.nl)", en: "\(path): \(reason.en)")
        case let error as POSIXError:
            return system(error.code.rawValue)
        default:
            return LocalizedText(nl: String(describing: error), en: String(describing: error))
        }
    }

    static func reason(_ error: CocoaError) -> LocalizedText {
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? POSIXError { return system(underlying.code.rawValue) }
        switch error.code {
        case .fileWriteFileExists: return LocalizedText(nl: "bestaat al en wordt nooit overschreven", en: "already exists and is never overwritten")
        case .fileWriteNoPermission, .fileReadNoPermission: return LocalizedText(nl: "geen toegang", en: "permission denied")
        case .fileNoSuchFile, .fileReadNoSuchFile: return LocalizedText(nl: "bestaat niet", en: "does not exist")
        case .fileWriteOutOfSpace: return LocalizedText(nl: "de schijf is vol", en: "the disk is full")
        case .fileWriteVolumeReadOnly: return LocalizedText(nl: "de schijf is alleen-lezen", en: "the disk is read-only")
        case .fileLocking: return LocalizedText(nl: "kan niet worden vergrendeld", en: "cannot be locked")
        default: return LocalizedText(nl: "kan niet worden gelezen of geschreven", en: "cannot be read or written")
        }
    }

    static func system(_ code: Int32) -> LocalizedText {
        let english = String(cString: strerror(code))
        let dutch: String =
            switch code {
            case EACCES, EPERM: "geen toegang"
            case ENOENT: "bestaat niet"
            case ENOSPC: "de schijf is vol"
            case EROFS: "de schijf is alleen-lezen"
            case EEXIST: "bestaat al"
            case EISDIR: "is een map"
            case ENOTDIR: "een deel van het pad is geen map"
            default: english
            }
        return LocalizedText(nl: dutch, en: english.prefix(1).lowercased() + english.dropFirst())
    }

    static func dutch(_ error: KeyStoreError) -> String {
        switch error {
        case .noKey(let path):
            "geen ondertekensleutel in \(path); maak er een met: grip keys init --name NAAM --organisation ORG"
        case .alreadyExists(let path):
            "er bestaat al een ondertekensleutel in \(path); die wordt nooit overschreven"
        case .tooOpen(let path, let mode):
            "de privésleutel \(path) is leesbaar voor anderen (modus \(mode)); Grip gebruikt hem niet. Herstel met: chmod 600 \(path)"
        case .unreadable(let path, let reason):
            "de ondertekensleutel \(path) is niet leesbaar: \(reason)"
        case .unsafeIdentity(let field):
            "de \(field == "name" ? "naam moet 1 tot" : "organisatie mag ten hoogste") 200 tekens zijn, zonder stuurtekens of tekens die de leesrichting omdraaien; iedereen die uw resultaten controleert ziet hem"
        case .badTrustList(let path, let reason):
            "de vertrouwenslijst \(path) is niet leesbaar: \(reason.nl). Er is niets gewijzigd; herstel of verplaats het bestand en probeer het opnieuw"
        }
    }

    static func dutch(_ problem: ResultFile.Problem) -> String {
        switch problem {
        case .tooLarge(let path): "\(path): groter dan 10 MB; geen Grip-resultaat"
        case .unreadable(let path): "\(path): het bestand is niet leesbaar"
        case .notAResult(let path, let reason): "\(path) is geen resultaatbestand: \(reason)"
        }
    }
}
