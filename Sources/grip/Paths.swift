import Foundation

/// Where Grip keeps its files: `GRIP_HOME` overrides everything, otherwise XDG.
struct GripPaths {
    let config: URL
    let data: URL
    /// What can be rebuilt at any time (the index of register folders).
    let cache: URL

    /// The variables Grip's paths and catalog read, each looked up when asked for.
    /// `ProcessInfo.environment` copies the whole environment into a dictionary on every
    /// call, and even a dictionary of six was a start-up cost of its own (its type's first use).
    struct Environment {
        subscript(name: String) -> String? { getenv(name).map { String(cString: $0) } }
    }

    static func current(environment: Environment = Environment()) -> GripPaths {
        if let home = environment["GRIP_HOME"], !home.isEmpty {
            return GripPaths(config: directory(home, "config"), data: directory(home, "data"), cache: directory(home, "cache"))
        }
        let userHome = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        func xdg(_ variable: String, _ fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return joined(userHome, fallback)
        }
        return GripPaths(
            config: directory(xdg("XDG_CONFIG_HOME", ".config"), "grip"),
            data: directory(xdg("XDG_DATA_HOME", ".local/share"), "grip"),
            cache: directory(xdg("XDG_CACHE_HOME", ".cache"), "grip"))
    }

    /// An organisation's own questionnaires, beside the bundled ones.
    var userQuestionnaires: URL { Self.directory(config.path, "questionnaires") }
    var results: URL { Self.directory(data.path, "results") }
    /// Practice results from workshops, apart from real ones.
    var practice: URL { Self.directory(data.path, "practice") }
    var drafts: URL { Self.directory(data.path, "drafts") }

    // Joined as text: the first `URL.appendingPathComponent` of a run makes the Swift
    // runtime scan every protocol conformance in the binary (about 0.07 ms), and every
    // command starts here.
    private static func joined(_ base: String, _ name: String) -> String {
        base.hasSuffix("/") ? base + name : base + "/" + name
    }

    private static func directory(_ base: String, _ name: String) -> URL {
        URL(fileURLWithPath: joined(base, name), isDirectory: true)
    }
}
