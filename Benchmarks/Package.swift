// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so `swift build`/`swift test` of the
// root package never compile them. Run from the repository root:
//   swift run -c release --package-path Benchmarks cox-bench /tmp/cohort.csv
//   swift run -c release --package-path Benchmarks import-bench /tmp/cohort.csv
//   swift run -c release --package-path Benchmarks cohort-gen /tmp/cohort.csv 1000000
let package = Package(
    name: "SurvivalKitBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "SurvivalKit", path: "..")],
    targets: [
        .target(name: "BenchmarkSupport"),
        .executableTarget(
            name: "cox-bench",
            dependencies: ["BenchmarkSupport", .product(name: "SurvivalKit", package: "SurvivalKit")]
        ),
        .executableTarget(
            name: "cohort-gen",
            dependencies: ["BenchmarkSupport"]
        ),
        .executableTarget(
            name: "import-bench",
            dependencies: ["BenchmarkSupport", .product(name: "SurvivalKit", package: "SurvivalKit")]
        ),
    ]
)
