// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets, in their own package so `swift build`/`swift test` of the
// root package never compile them (like `Benchmarks/`). Build and run from the
// repository root with `Fuzz/run.sh TARGET SECONDS` (see docs/fuzzing.md); the
// build needs both `--sanitize fuzzer` and `-Xswiftc -sanitize=fuzzer,address`.
let package = Package(
    name: "SurvivalKitFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "SurvivalKit", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "SurvivalKit", package: "SurvivalKit")]),
        .executableTarget(
            name: "fuzz-csv",
            dependencies: ["FuzzSupport", .product(name: "SurvivalKit", package: "SurvivalKit")]),
        .executableTarget(
            name: "fuzz-statfile",
            dependencies: ["FuzzSupport", .product(name: "SurvivalKit", package: "SurvivalKit")]),
        .executableTarget(
            name: "fuzz-formula",
            dependencies: ["FuzzSupport", .product(name: "SurvivalKit", package: "SurvivalKit")]),
        .executableTarget(
            name: "fuzz-subset",
            dependencies: ["FuzzSupport", .product(name: "SurvivalKit", package: "SurvivalKit")]),
    ]
)
