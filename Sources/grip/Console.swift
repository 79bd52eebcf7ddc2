import Foundation
import GripEngine

/// Everything grip prints goes through here. Text from files (signer names, subjects,
/// answers, paths, reasons quoting input) must be interpolated with `.displaySafe`, so a
/// line break in a name cannot fake another line; as a second guard, any control or bidi
/// character that still reaches this point is shown as an escape, keeping line breaks.
enum Console {
    static func out(_ text: String, terminator: String = "\n") {
        write(text + terminator, to: .standardOutput)
    }

    static func error(_ text: String) {
        write(text + "\n", to: .standardError)
    }

    static func write(_ data: Data, to handle: FileHandle = .standardOutput) {
        write(String(decoding: data, as: UTF8.self), to: handle)
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(DisplaySafety.safe(text, keepingLineBreaks: true).utf8))
    }
}
