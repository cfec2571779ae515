// swift-tools-version: 6.1
import PackageDescription

// Layered targets; each imports only those below it:
//
//   CLapack (C shim: CBLAS + LAPACKE)      CReadStat (ReadStat)      CZlib (zlib, for .csv.gz)
//   CRsvg (librsvg + cairo: SVG figures as PNG and PDF, for SurvivalReports)
//   → SurvivalNumerics (matrices, LAPACK, distributions)
//   → CohortData       (CSV and statistical files, columns, formulas, model frames)
//   → SurvivalModels   (pure estimators and their result values)
//   → CohortDatabase   (SQL for in-database analysis; the PostgreSQL client behind the `Postgres` trait)
//   → SurvivalReports  (analysis orchestration, JSON, text, Markdown, SVG, notebooks)
//   → SurvivalKit      (the umbrella library users import)
//   → survkit          (the command-line tool: options only, no statistics)
//
// SarcomaSimulation (the synthetic sarcoma cohort, over CohortData) stands apart: it needs none of
// the statistics and is not part of the umbrella library. Benchmarks live in the
// nested package `Benchmarks/` so that `swift test` never builds them (see
// docs/linking-blas-lapack.md).
let package = Package(
    name: "SurvivalKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SurvivalKit", targets: ["SurvivalKit"]),
        .library(name: "SarcomaSimulation", targets: ["SarcomaSimulation"]),
        .executable(name: "survkit", targets: ["survkit"]),
    ],
    traits: [
        // Off by default: PostgresNIO (+ SwiftNIO, BoringSSL twice) adds ~3 minutes to a first build
        // and ~60 MB to the executable; `swift build --traits Postgres` turns it on (README).
        .trait(name: "Postgres", description: "In-database analysis over PostgreSQL (survkit --db), via PostgresNIO"),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Only with the Postgres trait (nothing is fetched or built without it).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Test-only: property-based tests (Tests/PropertyTests).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: - Implementation details

        /// OpenBLAS's CBLAS and netlib LAPACKE.
        .systemLibrary(
            name: "CLapack",
            path: "Sources/CLapack",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        /// zlib, for reading `.csv.gz` input (CohortData only).
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        /// ReadStat, for Stata, SPSS and SAS files; imported only by CohortData.
        /// Debian ships no readstat.pc, so no pkgConfig: the header is /usr/include/readstat.h.
        .systemLibrary(
            name: "CReadStat",
            path: "Sources/CReadStat",
            providers: [.apt(["libreadstat-dev"])]
        ),

        /// librsvg + cairo, to render the SVG figures as PNG and PDF; imported only by SurvivalReports.
        /// librsvg-2.0.pc requires cairo, gdk-pixbuf, gio and glib, so one name brings every -I and -l.
        .systemLibrary(
            name: "CRsvg",
            path: "Sources/CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev", "libcairo2-dev"])]
        ),

        // MARK: - Libraries

        .target(name: "SurvivalNumerics", dependencies: ["CLapack"]),
        .target(name: "CohortData", dependencies: ["SurvivalNumerics", "CReadStat", "CZlib"]),
        .target(name: "SurvivalModels", dependencies: ["SurvivalNumerics", "CohortData"]),
        /// SQL generation for in-database analysis (always built, so `survkit sql` works in the default
        /// build) and, with the Postgres trait, the PostgreSQL connection and the SQL Cox aggregate source.
        .target(
            name: "CohortDatabase",
            dependencies: [
                "CohortData", "SurvivalModels",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["Postgres"])),
            ]),
        .target(
            name: "SurvivalReports", dependencies: ["SurvivalNumerics", "CohortData", "SurvivalModels", "CRsvg"]),
        .target(
            name: "SurvivalKit",
            dependencies: ["SurvivalNumerics", "CohortData", "SurvivalModels", "CohortDatabase", "SurvivalReports"]
        ),
        .target(name: "SarcomaSimulation", dependencies: ["CohortData"]),
        .executableTarget(
            name: "survkit",
            dependencies: [
                "SurvivalKit",
                "SarcomaSimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests

        /// Repository paths, fixture loading and JSON comparison shared by the test targets.
        .target(name: "SurvivalTestSupport", path: "Tests/SurvivalTestSupport"),
        .testTarget(name: "SurvivalNumericsTests", dependencies: ["SurvivalNumerics", "SurvivalTestSupport"]),
        .testTarget(name: "CohortDataTests", dependencies: ["CohortData", "SurvivalTestSupport"]),
        .testTarget(
            name: "SurvivalModelsTests", dependencies: ["SurvivalModels", "CohortData", "SurvivalTestSupport"]),
        .testTarget(
            name: "SurvivalReportsTests",
            dependencies: ["SurvivalReports", "SurvivalModels", "CohortData", "SurvivalTestSupport"]
        ),
        .testTarget(name: "SarcomaSimulationTests", dependencies: ["SarcomaSimulation"]),
        /// Property-based tests of the estimators (bounded iterations, fixed seeds).
        .testTarget(
            name: "PropertyTests",
            dependencies: [
                "SurvivalModels", "CohortData", "SurvivalNumerics",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        /// In-database analysis against a real PostgreSQL (SURVKIT_PG_URL; the tests need `--traits Postgres`).
        .testTarget(
            name: "DatabaseTests",
            dependencies: ["CohortDatabase", "SurvivalKit", "survkit", "SurvivalTestSupport"]
        ),
        .testTarget(
            name: "SurvivalKitCLITests",
            // CRsvg: cairo decodes the PNG figures to check their pixels.
            dependencies: ["SurvivalKit", "survkit", "SurvivalTestSupport", "CRsvg"]
        ),
    ]
)
