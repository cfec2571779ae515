import CohortData
import Foundation
import SurvivalTestSupport
import Testing

/// A reference fixture's `args` (the `survkit` command line the R script
/// wrote) read back into what the library needs, so the committed fixtures of
/// `Tests/Fixtures/<kind>/` also run against the estimators directly — this
/// target cannot import survkit or its JSON renderer.
///
/// The translation mirrors `Sources/survkit/FrameLoader.swift` and the
/// `*Command.swift` files: read the CSV (`--delimiter`, `--na`), derive
/// `--duration` columns, let the command transform the cohort, parse the
/// formula, let the command rewrite it, and build the frame with
/// `--reference`, `--weights` and `--counts`.
///
/// Every option is read through an accessor that marks it as used;
/// ``expectEveryOptionMapped()`` records an issue for any option the test did
/// not turn into a library input, so a fixture with an option this
/// translation does not know fails instead of silently running on defaults.
final class FixtureCommand {
    /// The fixture folder, `km`, `poisson`, ...
    let kind: String
    let caseName: String
    /// The whole fixture: bookkeeping and the expected values.
    let fixture: [String: Any]
    /// The data file as written in `args` (repository-relative).
    let data: String
    private var options: [(name: String, value: String)] = []
    private var used: Set<String> = []

    /// Options that take no value.
    private static let flags: Set<String> = ["--extend", "--trend", "--robust"]

    /// Options that only shape the output text, never a number.
    private static let outputOnly: Set<String> = ["--format"]

    /// Loads `Tests/Fixtures/KIND/NAME.json` (throwing for a missing file, and
    /// so for the marker case of an empty folder) and splits its `args`.
    init(kind: String, caseName: String, subcommand: String? = nil) throws {
        self.kind = kind
        self.caseName = caseName
        fixture = try Repository.fixture(kind, caseName)
        let args = try #require(fixture["args"] as? [String], "\(kind)/\(caseName): no args array")
        try #require(args.first == (subcommand ?? kind), "\(kind)/\(caseName): args start with \(args.first ?? "nothing")")
        var positional: [String] = []
        var i = 1
        while i < args.count {
            let arg = args[i]
            if Self.flags.contains(arg) {
                options.append((arg, ""))
                i += 1
            } else if arg.hasPrefix("--") {
                // Every other option of these commands takes a value.
                try #require(i + 1 < args.count, "\(kind)/\(caseName): option \(arg) has no value")
                options.append((arg, args[i + 1]))
                i += 2
            } else {
                positional.append(arg)
                i += 1
            }
        }
        try #require(positional.count == 1, "\(kind)/\(caseName): expected one data file, got \(positional)")
        data = positional[0]
        used.formUnion(Self.outputOnly)
    }

    /// The data file resolved against the repository root (`datasets/...`).
    var dataPath: String { data.hasPrefix("/") ? data : Repository.url(data).path }

    // MARK: - Options

    /// Every value of a repeatable option (`--na`, `--reference`, `--duration`), in order.
    func values(_ name: String) -> [String] {
        used.insert(name)
        return options.filter { $0.name == name }.map(\.value)
    }

    /// The value of a single-valued option (the last one given, as ArgumentParser).
    func value(_ name: String) -> String? { values(name).last }

    func required(_ name: String) throws -> String {
        try #require(value(name), "\(kind)/\(caseName): \(name) is required")
    }

    /// Whether a flag (`--extend`) is given.
    func flag(_ name: String) -> Bool { !values(name).isEmpty }

    func double(_ name: String, default fallback: Double) throws -> Double {
        guard let text = value(name) else { return fallback }
        return try #require(Double(text), "\(name) \(text) is not a number")
    }

    func optionalDouble(_ name: String) throws -> Double? {
        guard value(name) != nil else { return nil }
        return try double(name, default: .nan)
    }

    func int(_ name: String, default fallback: Int) throws -> Int {
        guard let text = value(name) else { return fallback }
        return try #require(Int(text), "\(name) \(text) is not a whole number")
    }

    /// `--times 180,365` as numbers; empty when absent.
    func doubles(_ name: String) throws -> [Double] {
        guard let text = value(name) else { return [] }
        return try text.split(separator: ",").map { part in
            try #require(Double(part.trimmingCharacters(in: .whitespaces)), "\(name): \(part) is not a number")
        }
    }

    /// An option naming a case of a string enum (`--conf-type log-log`, `--dist weibull`).
    func choice<T: RawRepresentable>(_ name: String, default fallback: T) throws -> T where T.RawValue == String {
        guard let text = value(name) else { return fallback }
        return try #require(T(rawValue: text), "\(name) \(text) is not a known \(T.self)")
    }

    /// Records an issue for every option no accessor asked for.
    func expectEveryOptionMapped() {
        let unmapped = Set(options.map(\.name)).subtracting(used).sorted()
        for name in unmapped {
            Issue.record("\(kind)/\(caseName): option \(name) is not mapped to a library input")
        }
    }

    // MARK: - Frames

    /// Reads the data (`--delimiter`, `--na`).
    func readCohort() throws -> Cohort {
        let text = value("--delimiter") ?? ","
        let delimiter = try #require(CSVOptions.Delimiter(argument: text), "--delimiter \(text) is not known")
        let reader = CSVReader(options: CSVOptions(delimiter: delimiter, extraMissingTokens: values("--na")))
        return try reader.read(path: dataPath)
    }

    /// `--duration NAME=FROM:TO[:unit]`, as `FrameLoader.derivingDurations`.
    func addingDurations(to cohort: Cohort) throws -> Cohort {
        var cohort = cohort
        for spec in values("--duration") {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            let fields = parts.count == 2 ? parts[1].split(separator: ":").map(String.init) : []
            try #require(parts.count == 2 && (fields.count == 2 || fields.count == 3), "--duration \(spec) is malformed")
            var unit = DurationUnit.days
            if fields.count == 3 {
                unit = try #require(DurationUnit(rawValue: fields[2]), "--duration unit \(fields[2]) is not known")
            }
            cohort = try cohort.addingDuration(name: parts[0], from: fields[0], to: fields[1], unit: unit)
        }
        return cohort
    }

    /// `--reference x=LEVEL` pairs.
    func references() throws -> [String: String] {
        var out: [String: String] = [:]
        for pair in values("--reference") {
            let eq = try #require(pair.firstIndex(of: "="), "--reference \(pair) is not x=LEVEL")
            out[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        return out
    }

    /// The frame of the command, built as `FrameLoader.load` builds it.
    ///
    /// - Parameters:
    ///   - formulaText: the formula; `nil` for `--formula`. The rates command
    ///     passes its own (`events ~ by + offset(person_time)`) and, as
    ///     survkit's, reads no `--weights` or `--duration`.
    ///   - allowCompetingRisks: status codes 0, 1, 2, ... (cif).
    ///   - transform: derives columns after `--duration` (cif `--competing-status`);
    ///     it gets the formula as written.
    ///   - rewrite: reshapes the parsed formula (recur `--model`).
    ///   - build: the frame builder (`formula.groupingFrame(on:options:)`, ...).
    func frame<Frame>(
        formula formulaText: String? = nil, allowCompetingRisks: Bool = false,
        transform: (Cohort, Formula) throws -> Cohort = { cohort, _ in cohort },
        rewrite: (Formula) throws -> Formula = { $0 },
        build: (Formula, Cohort, ModelFrameOptions) throws -> Frame
    ) throws -> Frame {
        let cohortCommand = formulaText == nil
        let written = try Formula(formulaText ?? required("--formula"))
        var cohort = try readCohort()
        if cohortCommand { cohort = try addingDurations(to: cohort) }
        cohort = try transform(cohort, written)
        let options = ModelFrameOptions(
            references: try references(), allowCompetingRisks: allowCompetingRisks,
            weights: cohortCommand ? value("--weights") : nil)
        var withCounts = options
        withCounts.counts = value("--counts")  // every command with --counts (rates too)
        return try build(rewrite(written), cohort, withCounts)
    }
}
