// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its directory, which differs between checkouts.
let grip = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// Speed measurements, kept out of the main package so its build stays lean.
// Run: cd Benchmarks && swift package benchmark
let package = Package(
    name: "GripBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "GripEngine", package: grip),
                .product(name: "GripBundledQuestionnaires", package: grip),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ResultBenchmarks",
            dependencies: [
                "ResultFixtures",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ResultBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "InterfaceBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "GripTUI", package: grip),
                .product(name: "GripEngine", package: grip),
                .product(name: "GripBundledQuestionnaires", package: grip),
            ],
            path: "Benchmarks/InterfaceBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Writes N signed result files, for timing `grip verify DIR` as a whole program.
        .executableTarget(
            name: "generate-results",
            dependencies: ["ResultFixtures", .product(name: "GripEngine", package: grip), .product(name: "GripResults", package: grip)],
            path: "Sources/GenerateResults"),
        // Times the review desk on a folder of results: index cold and warm, the rows, and
        // a filter or sort keystroke. Run: swift run -c release desk-timing DIR
        .executableTarget(
            name: "desk-timing",
            dependencies: [
                .product(name: "GripTUI", package: grip),
                .product(name: "GripResults", package: grip),
                .product(name: "GripEngine", package: grip),
            ],
            path: "Sources/DeskTiming"
        ),
        .target(
            name: "ResultFixtures",
            dependencies: [
                .product(name: "GripEngine", package: grip),
                .product(name: "GripScoring", package: grip),
                .product(name: "GripResults", package: grip),
                .product(name: "GripBundledQuestionnaires", package: grip),
            ],
            path: "Sources/ResultFixtures"
        ),
    ],
    swiftLanguageModes: [.v6]
)
