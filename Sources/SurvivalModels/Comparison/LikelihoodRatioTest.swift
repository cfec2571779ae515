import SurvivalNumerics

/// A likelihood-ratio test between two consecutive models of a comparison,
/// as one row of R's `anova(fit1, fit2, ...)` table: the statistic, its
/// degrees of freedom and p-value, each with the sign conventions of the R
/// function that compares that kind of model (``ModelComparison``).
public struct LikelihoodRatioTest: Sendable, Codable, Equatable {
    /// The chi-square statistic (R's `Chisq`, `Deviance` or `LR stat.` column).
    public var chisq: Double
    /// Its degrees of freedom (R's `Df`).
    public var df: Int
    /// The p-value; `nil` where R gives `NA` (no degrees of freedom, or a
    /// statistic of the wrong sign, in `stat.anova`).
    public var p: Double?

    /// Creates a test from its parts.
    public init(chisq: Double, df: Int, p: Double?) {
        self.chisq = chisq
        self.df = df
        self.p = p
    }

    /// R's `pchisq(x, df, lower.tail = FALSE)` for whole df ≥ 0, including
    /// its conventions at the edges: 1 for x ≤ 0, and for df = 0 (a point
    /// mass at 0) 0 for any x > 0; `nil` for a negative df (R's NaN).
    public static func upperTail(_ x: Double, df: Int) -> Double? {
        guard df >= 0, !x.isNaN else { return nil }
        if x <= 0 { return 1 }
        if df == 0 { return 0 }
        return ChiSquared.upperTail(x, df: Double(df))
    }

    /// R's `pchisq(x, df)` (the lower tail), with the conventions of
    /// ``upperTail(_:df:)``.
    public static func lowerTail(_ x: Double, df: Int) -> Double? {
        guard df >= 0, !x.isNaN else { return nil }
        if x <= 0 { return 0 }
        if df == 0 { return 1 }
        return Gamma.regularizedLower(a: Double(df) / 2, x: x / 2)
    }
}
