import Foundation

/// Where Grip keeps its files: `GRIP_HOME` overrides everything, otherwise XDG.
struct GripPaths {
    // Kept as text: a URL's first `path` or `appendingPathComponent` in a run makes the
    // Swift runtime scan every protocol conformance in the binary (about 0.07 ms each),
    // and every command starts here.
    let configPath: String
    let dataPath: String
    let cachePath: String

    var config: URL { URL(fileURLWithPath: configPath, isDirectory: true) }
    var data: URL { URL(fileURLWithPath: dataPath, isDirectory: true) }
    /// What can be rebuilt at any time (the index of register folders).
    var cache: URL { URL(fileURLWithPath: cachePath, isDirectory: true) }

    /// The variables Grip's paths and catalog read, each looked up when asked for.
    /// `ProcessInfo.environment` copies the whole environment into a dictionary on every
    /// call, and even a dictionary of six was a start-up cost of its own (its type's first use).
    struct Environment {
        subscript(name: String) -> String? { getenv(name).map { String(cString: $0) } }
    }

    static func current(environment: Environment = Environment()) -> GripPaths {
        if let home = environment["GRIP_HOME"], !home.isEmpty {
            let home = absolute(home)
            return GripPaths(configPath: joined(home, "config"), dataPath: joined(home, "data"), cachePath: joined(home, "cache"))
        }
        let userHome = environment["HOME"].map(absolute) ?? FileManager.default.homeDirectoryForCurrentUser.path
        func xdg(_ variable: String, _ fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return joined(userHome, fallback)
        }
        return GripPaths(
            configPath: joined(xdg("XDG_CONFIG_HOME", ".config"), "grip"),
            dataPath: joined(xdg("XDG_DATA_HOME", ".local/share"), "grip"),
            cachePath: joined(xdg("XDG_CACHE_HOME", ".cache"), "grip"))
    }

    /// An organisation's own questionnaires, beside the bundled ones.
    var userQuestionnairesPath: String { Self.joined(configPath, "questionnaires") }
    var results: URL { Self.directory(dataPath, "results") }
    /// Practice results from workshops, apart from real ones.
    var practice: URL { Self.directory(dataPath, "practice") }
    var drafts: URL { Self.directory(dataPath, "drafts") }

    /// A relative path taken from the working directory, as a file URL would be.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: path, isDirectory: true).path
    }

    /// `name` inside folder `base`, as text.
    static func joined(_ base: String, _ name: String) -> String {
        base.hasSuffix("/") ? base + name : base + "/" + name
    }

    private static func directory(_ base: String, _ name: String) -> URL {
        URL(fileURLWithPath: joined(base, name), isDirectory: true)
    }
}
