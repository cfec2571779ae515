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
    public var groups: [LogRankGroup]
    public var statistic: Double
    public var df: Int
    public var p: Double
    /// The variance matrix of observed − expected (k × k), as `survdiff$var`.
    public var variance: [[Double]]
    public var rows: RowAccounting
    public var warnings: [String]

    public init(
        rho: Double, groups: [LogRankGroup], statistic: Double, df: Int, p: Double,
        variance: [[Double]], rows: RowAccounting, warnings: [String]
    ) {
        self.rho = rho
        self.groups = groups
        self.statistic = statistic
        self.df = df
        self.p = p
        self.variance = variance
        self.rows = rows
        self.warnings = warnings
    }
}
