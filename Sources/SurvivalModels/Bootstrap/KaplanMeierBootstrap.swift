/// The bootstrap of one Kaplan–Meier curve (``KaplanMeier/bootstrap(_:result:options:bootstrap:)``):
/// its median and, with `--times`, its survival at those times.
public struct KaplanMeierBootstrap: Sendable, Codable, Equatable {
    /// Number of replicates B.
    public var replicates: Int
    /// Seed of the generator (``BootstrapOptions/seed``, as an integer of the JSON).
    public var seed: Int
    /// The median survival (R `quantile.survfit` rules) and its bootstrap summary.
    public var median: BootstrapEstimate
    /// The survival at the curve's `summary_at` times; `nil` without `--times`.
    public var summaryAt: KaplanMeierBootstrapAt?

    public init(replicates: Int, seed: Int, median: BootstrapEstimate, summaryAt: KaplanMeierBootstrapAt?) {
        self.replicates = replicates
        self.seed = seed
        self.median = median
        self.summaryAt = summaryAt
    }
}

/// Bootstrap summaries of S(t) at the requested times of one curve.
public struct KaplanMeierBootstrapAt: Sendable, Codable, Equatable {
    /// The times (the curve's `summary_at.time`).
    public var time: [Double]
    /// S(t) and its bootstrap summary at each time.
    public var survival: BootstrapEstimates

    public init(time: [Double], survival: BootstrapEstimates) {
        self.time = time
        self.survival = survival
    }
}

/// The statistics of one Kaplan–Meier bootstrap replicate, per curve of the
/// original fit (in its order): what the reference tests compare with R.
public struct KaplanMeierReplicate: Sendable, Equatable {
    /// The median of each curve; `nil` when not reached, or when the
    /// replicate drew no row of that curve's group.
    public var median: [Double?]
    /// S(t) of each curve at its `summary_at` times; `nil` where t is after
    /// the replicate's last time of that curve (without `extend`), or when
    /// the replicate has no row of the group.
    public var survival: [[Double?]]
}
