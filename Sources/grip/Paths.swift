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
            let root = URL(fileURLWithPath: home, isDirectory: true)
            return GripPaths(config: root.appendingPathComponent("config"), data: root.appendingPathComponent("data"), cache: root.appendingPathComponent("cache"))
        }
        let userHome = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        func xdg(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") { return URL(fileURLWithPath: value, isDirectory: true) }
            return userHome.appendingPathComponent(fallback, isDirectory: true)
        }
        return GripPaths(
            config: xdg("XDG_CONFIG_HOME", ".config").appendingPathComponent("grip"),
            data: xdg("XDG_DATA_HOME", ".local/share").appendingPathComponent("grip"),
            cache: xdg("XDG_CACHE_HOME", ".cache").appendingPathComponent("grip"))
    }

    /// An organisation's own questionnaires, beside the bundled ones.
    var userQuestionnaires: URL { config.appendingPathComponent("questionnaires") }
    var results: URL { data.appendingPathComponent("results") }
    /// Practice results from workshops, apart from real ones.
    var practice: URL { data.appendingPathComponent("practice") }
    var drafts: URL { data.appendingPathComponent("drafts") }
}
