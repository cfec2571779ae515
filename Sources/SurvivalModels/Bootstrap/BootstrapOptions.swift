/// Settings of a nonparametric bootstrap (Efron & Tibshirani 1993).
public struct BootstrapOptions: Sendable {
    /// Number of replicates B (≥ 1).
    public var replicates: Int
    /// Seed of the generator; replicate b's stream depends on (seed, b) only
    /// (``BootstrapGenerator``).
    public var seed: UInt64
    /// Worker threads for the replicates (≥ 1). The results do not depend on it.
    public var threads: Int
    /// Confidence level of the normal and percentile limits, in (0, 1).
    public var confLevel: Double
    /// Called with the number of replicates done so far (serialised: never
    /// from two threads at once), e.g. to show progress; `nil` for none.
    public var progress: (@Sendable (Int) -> Void)?

    public init(
        replicates: Int, seed: UInt64, threads: Int = 1, confLevel: Double = 0.95,
        progress: (@Sendable (Int) -> Void)? = nil
    ) {
        self.replicates = replicates
        self.seed = seed
        self.threads = threads
        self.confLevel = confLevel
        self.progress = progress
    }
}
