import Foundation
import GripEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything grip prints goes through here. Text from files (signer names, subjects,
/// answers, paths, reasons quoting input) must be interpolated with `.displaySafe`, so a
/// line break in a name cannot fake another line; as a second guard, any control or bidi
/// character that still reaches this point is shown as an escape, keeping line breaks.
enum Console {
    enum Stream {
        case standardOutput, standardError

        var descriptor: Int32 { self == .standardOutput ? STDOUT_FILENO : STDERR_FILENO }
    }

    static func out(_ text: String, terminator: String = "\n") {
        write(text + terminator, to: .standardOutput)
    }

    static func error(_ text: String) {
        write(text + "\n", to: .standardError)
    }

    static func write(_ data: Data, to stream: Stream = .standardOutput) {
        write(String(decoding: data, as: UTF8.self), to: stream)
    }

    /// Straight to the descriptor: FileHandle and a Data copy cost more at start-up than
    /// the line they carry. A closed pipe (`grip list | head`) ends the output quietly.
    private static func write(_ text: String, to stream: Stream) {
        var safe = DisplaySafety.safe(text, keepingLineBreaks: true)
        safe.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(stream.descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }
}
