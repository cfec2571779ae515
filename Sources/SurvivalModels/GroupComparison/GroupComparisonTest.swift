/// The result of a test that a variable's distribution is the same in every
/// group of Table 1 (`--p-values`): which test, its statistic, degrees of
/// freedom and p-value.
public struct GroupComparisonTest: Sendable, Codable, Equatable {
    /// The tests Table 1 chooses among, as gtsummary's `add_p()` names them.
    public enum Method: String, Sendable, Codable {
        /// Pearson's χ² test without continuity correction, R `chisq.test(x, g, correct = FALSE)`.
        case chiSquared = "chisq"
        /// Fisher's exact test, R `fisher.test(x, g)`.
        case fisher
        /// Wilcoxon rank-sum test, R `wilcox.test(x ~ g)` with its default exact/correct rules.
        case wilcoxon
        /// Kruskal–Wallis rank-sum test, R `kruskal.test(x, g)`.
        case kruskal
        /// Welch's two-sample t-test, R `t.test(x ~ g)`.
        case welchT = "welch_t"
        /// One-way analysis of variance F test, R `summary(aov(x ~ factor(g)))`.
        case anova
    }

    /// The test used.
    public var method: Method
    /// χ², W, H, t or F; `nil` for Fisher's test (no statistic).
    public var statistic: Double?
    /// Degrees of freedom (the numerator's for F); `nil` for Fisher's and Wilcoxon's tests.
    public var df: Double?
    /// Denominator degrees of freedom of the F test; `nil` otherwise.
    public var df2: Double?
    /// Two-sided p-value; `nil` when the test cannot be done on these data
    /// (fewer than two groups or levels with values, no variation), as R would refuse.
    public var p: Double?

    /// Creates a test result from its parts.
    public init(method: Method, statistic: Double? = nil, df: Double? = nil, df2: Double? = nil, p: Double?) {
        self.method = method
        self.statistic = statistic
        self.df = df
        self.df2 = df2
        self.p = p
    }
}
