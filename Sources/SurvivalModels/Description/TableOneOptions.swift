/// How Table 1 summarises continuous variables.
public enum ContinuousSummary: String, Sendable, Codable, CaseIterable {
    /// Median [Q1, Q3] (R `quantile`, type 7), gtsummary's default.
    case median
    /// Mean (SD), the sample SD with denominator n − 1.
    case mean
}

/// The choices of Table 1 beyond the counts and summaries it always has.
public struct TableOneOptions: Sendable, Equatable {
    /// Median [IQR] or mean (SD) for continuous variables; it also chooses the
    /// test of `pValues` (rank tests for medians, t/ANOVA for means).
    public var continuous: ContinuousSummary
    /// Test every variable across the groups, as gtsummary's `add_p()` defaults
    /// (`CohortDescription+Comparisons.swift`).
    public var pValues: Bool
    /// Standardized mean differences between the groups, as tableone's `ExtractSmd`.
    public var smd: Bool

    /// Creates options; the defaults are Table 1 as it always was.
    public init(continuous: ContinuousSummary = .median, pValues: Bool = false, smd: Bool = false) {
        self.continuous = continuous
        self.pValues = pValues
        self.smd = smd
    }
}
