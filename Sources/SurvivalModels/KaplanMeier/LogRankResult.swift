import CohortData

/// One group of a log-rank test: observed and expected (weighted) events.
public struct LogRankGroup: Sendable, Codable, Equatable {
    /// The group label, `var=level`.
    public var label: String
    /// Observations in the group.
    public var n: Int
    /// Observed events (weighted by S(t−)^rho when rho > 0, as survdiff).
    public var observed: Double
    /// Expected events under equal hazards (weighted likewise).
    public var expected: Double

    public init(label: String, n: Int, observed: Double, expected: Double) {
        self.label = label
        self.n = n
        self.observed = observed
        self.expected = expected
    }
}

/// A G-rho family test of k survival curves, as R `survdiff(rho = )`.
public struct LogRankResult: Sendable, Codable, Equatable {
    /// The G-rho parameter: 0 log-rank, 1 Peto & Peto.
    public var rho: Double
    /// Rows used.
    public var n: Int
    /// Rows dropped for missing values.
    public var nDroppedMissing: Int
    /// Number of strata (1 without `strata(...)`).
    public var nStrata: Int
    /// Observed and expected events per group, summed over strata.
    public var groups: [LogRankGroup]
    /// The chi-square statistic.
    public var statistic: Double
    /// Degrees of freedom: groups with expected > 0, minus 1 (−1 when there
    /// are no events, as R's survdiff).
    public var df: Int
    /// Upper-tail chi-square p-value; `nil` when `df` < 1 (R: NA).
    public var p: Double?
    /// The variance matrix of observed − expected (k × k), as `survdiff$var`.
    public var variance: [[Double]]
    /// The test for trend across the groups (``LogRankResult/trend(scores:)``); `nil` unless asked for.
    public var trend: LogRankTrend? = nil
    /// Rows read, used and dropped.
    public var rows: RowAccounting
    /// How the data file was read (format, dialect); set by the caller that read it.
    public var input: InputDescription? = nil
    /// Warnings, also printed on stderr.
    public var warnings: [String]

    public init(
        rho: Double, n: Int, nDroppedMissing: Int, nStrata: Int, groups: [LogRankGroup], statistic: Double, df: Int, p: Double?,
        variance: [[Double]], rows: RowAccounting, warnings: [String]
    ) {
        self.rho = rho
        self.n = n
        self.nDroppedMissing = nDroppedMissing
        self.nStrata = nStrata
        self.groups = groups
        self.statistic = statistic
        self.df = df
        self.p = p
        self.variance = variance
        self.rows = rows
        self.warnings = warnings
    }
}
