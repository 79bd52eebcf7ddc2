// swift-tools-version: 6.1
import PackageDescription

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
                .product(name: "GripEngine", package: "Grip"),
                .product(name: "GripBundledQuestionnaires", package: "Grip"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
