import ArgumentParser
import SurvivalKit

/// `--bootstrap B --seed S`: a nonparametric bootstrap of a command's
/// statistics (km: medians and survival at --times; cox: coefficients).
struct BootstrapArguments: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Nonparametric bootstrap with this many replicates (1 to 100000): resample the used rows with replacement.",
        discussion: "Adds the bootstrap standard error, normal and percentile (R quantile type 7) limits at --conf-level.",
        valueName: "B"))
    var bootstrap: Int?

    @Option(help: ArgumentHelp(
        "Seed of the bootstrap's generator, a non-negative integer (default 1); the same seed gives the same output.",
        valueName: "S"))
    var seed: Int?

    /// The most replicates accepted.
    static let maximum = 100_000

    mutating func validate() throws {
        if let bootstrap, !(1...Self.maximum).contains(bootstrap) {
            throw ValidationError("--bootstrap must be an integer from 1 to \(Self.maximum) (got \(bootstrap)).")
        }
        if let seed, seed < 0 {
            throw ValidationError("--seed must be a non-negative integer (got \(seed)).")
        }
        if seed != nil && bootstrap == nil {
            throw ValidationError("--seed applies to --bootstrap; give the replicates too, e.g. --bootstrap 1000 --seed \(seed!).")
        }
    }

    /// The library's options, or `nil` without `--bootstrap`; progress is
    /// shown on stderr when it is a terminal.
    func options(threads: ThreadOptions, confLevel: Double) -> BootstrapOptions? {
        guard let bootstrap else { return nil }
        return BootstrapOptions(
            replicates: bootstrap, seed: UInt64(seed ?? 1), threads: threads.count, confLevel: confLevel,
            progress: Progress.counter("bootstrap", total: bootstrap))
    }
}
