import CohortData

/// One group of a log-rank test: observed and expected (weighted) events.
public struct LogRankGroup: Sendable, Codable, Equatable {
    public var label: String
    public var n: Int
    public var observed: Double
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
    public var analysis: String = "logrank"
    public var rho: Double
    /// Rows used.
    public var n: Int
    /// Rows dropped for missing values.
    public var nDroppedMissing: Int
    /// Number of strata (1 without `strata(...)`).
    public var nStrata: Int
    public var groups: [LogRankGroup]
    public var statistic: Double
    public var df: Int
    public var p: Double
    /// The variance matrix of observed − expected (k × k), as `survdiff$var`.
    public var variance: [[Double]]
    public var rows: RowAccounting
    public var warnings: [String]

    public init(
        rho: Double, n: Int, nDroppedMissing: Int, nStrata: Int, groups: [LogRankGroup], statistic: Double, df: Int, p: Double,
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

    enum CodingKeys: String, CodingKey {
        case analysis, rho, n, groups, statistic, df, p, variance, rows, warnings
        case nDroppedMissing = "n_dropped_missing"
        case nStrata = "n_strata"
    }
}
