// swift-tools-version: 6.0
import PackageDescription

// A static binary looks up every generic type it first meets by its mangled name, and
// each lookup scans all ~7,000 protocol conformance records; direct metadata accessors
// skip that at start-up (measured in `grip score` and `grip validate`).
let startupSettings: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])
]

let package = Package(
    name: "Grip",
    // Mutex (Synchronization) needs macOS 15.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "grip", targets: ["grip"]),
        .library(name: "GripEngine", targets: ["GripEngine"]),
        .library(name: "GripScoring", targets: ["GripScoring"]),
        .library(name: "GripResults", targets: ["GripResults"]),
        .library(name: "GripTUI", targets: ["GripTUI"]),
        .library(name: "GripBundledQuestionnaires", targets: ["GripBundled"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
    ],
    targets: [
        // The system's ncursesw, behind a shim that wraps its C globals for Swift 6.
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
        // Questionnaire model, YAML loading with positions, expressions, the session engine.
        .target(
            name: "GripEngine",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: startupSettings
        ),
        .target(name: "GripScoring", dependencies: ["GripEngine"], swiftSettings: startupSettings),
        .target(
            name: "GripResults",
            dependencies: [
                "GripEngine", "GripScoring",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: startupSettings
        ),
        // The interface core: state, update, view into a screen buffer. No terminal here.
        .target(
            name: "GripTUI",
            dependencies: ["GripEngine", "GripScoring", "GripResults"],
            swiftSettings: startupSettings
        ),
        // The only code that calls ncurses.
        .target(name: "GripTerminal", dependencies: ["GripTUI", "CNcurses", "CSignals"], swiftSettings: startupSettings),
        .target(name: "CSignals"),
        // The bundled questionnaires, embedded byte for byte so an installed binary
        // finds them wherever it runs.
        .target(
            name: "GripBundled",
            swiftSettings: startupSettings,
            plugins: ["EmbedQuestionnaires"]
        ),
        .executableTarget(
            name: "GripEmbedTool",
            dependencies: ["GripEngine", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .plugin(
            name: "EmbedQuestionnaires",
            capability: .buildTool(),
            dependencies: ["GripEmbedTool"]
        ),
        .executableTarget(
            name: "grip",
            dependencies: [
                "GripEngine", "GripScoring", "GripResults", "GripTUI", "GripTerminal", "GripBundled",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: startupSettings,
            // A release build on Linux is one fully static executable. Dynamically linked, every
            // start had the loader apply 88,000 relocations and look up symbols in six
            // libraries: 3.6 M instructions and 350 page faults, most of `grip list`'s time.
            // The tarball then also runs without the system's libstdc++ and ncursesw. Static
            // glibc still uses the system's NSS libraries for user lookups (the home folder
            // when HOME is unset). Debug builds and tests stay dynamic.
            linkerSettings: [.unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))]
        ),
        // Fuzzing (docs/fuzzing.md): the targets in Swift, the driver in C so that
        // libFuzzer's main replaces its weak one under -sanitize=fuzzer.
        .target(name: "GripFuzzTargets", dependencies: ["GripEngine", "GripResults"]),
        .executableTarget(name: "GripFuzz", dependencies: ["GripFuzzTargets"]),
        .testTarget(name: "GripEngineTests", dependencies: ["GripEngine", "GripBundled"]),
        .testTarget(
            name: "GripScoringTests",
            dependencies: ["GripScoring", "GripEngine", "GripBundled", .product(name: "Yams", package: "Yams")],
            exclude: ["Scenarios"]
        ),
        .testTarget(name: "GripResultsTests", dependencies: ["GripResults", "GripEngine", "GripScoring", "GripBundled"]),
        .testTarget(name: "GripCLITests", dependencies: ["grip", .product(name: "Crypto", package: "swift-crypto")], exclude: ["Golden"]),
        .testTarget(
            name: "GripTUITests",
            dependencies: ["GripTUI", "GripEngine", "GripScoring", "GripResults", "GripBundled"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
