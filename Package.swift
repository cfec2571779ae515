// swift-tools-version: 6.1
import PackageDescription

// Layered targets; each imports only those below it:
//   CLapack → SurvivalNumerics → CohortData → SurvivalModels → SurvivalReports
//   → SurvivalKit (umbrella) → survkit (the command-line tool).
// Benchmarks live in the nested package `Benchmarks/` so `swift test` never
// builds them (see ../shared/research/swift-blas-lapack.md, pitfall P7).
let package = Package(
    name: "SurvivalKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SurvivalKit", targets: ["SurvivalKit"]),
        .executable(name: "survkit", targets: ["survkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: - Implementation details

        /// The only place C is touched: OpenBLAS's CBLAS and netlib LAPACKE.
        .systemLibrary(
            name: "CLapack",
            path: "Sources/CLapack",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),

        // MARK: - Public API

        .target(name: "SurvivalNumerics", dependencies: ["CLapack"]),
        .target(name: "CohortData", dependencies: ["SurvivalNumerics"]),
        .target(name: "SurvivalModels", dependencies: ["SurvivalNumerics", "CohortData"]),
        .target(name: "SurvivalReports", dependencies: ["SurvivalNumerics", "CohortData", "SurvivalModels"]),
        .target(
            name: "SurvivalKit",
            dependencies: ["SurvivalNumerics", "CohortData", "SurvivalModels", "SurvivalReports"]
        ),
        .executableTarget(
            name: "survkit",
            dependencies: [
                "SurvivalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests

        .testTarget(name: "SurvivalNumericsTests", dependencies: ["SurvivalNumerics"]),
        .testTarget(name: "CohortDataTests", dependencies: ["CohortData"]),
        .testTarget(name: "SurvivalModelsTests", dependencies: ["SurvivalModels", "CohortData"]),
        .testTarget(name: "SurvivalReportsTests", dependencies: ["SurvivalReports", "SurvivalModels", "CohortData"]),
        .testTarget(
            name: "SurvivalKitCLITests",
            dependencies: ["SurvivalKit", "survkit"]
        ),
    ]
)
