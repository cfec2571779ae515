import SurvivalNumerics

/// Tests of equal means for Table 1 with `--continuous mean`: Welch's t-test
/// for two groups, the one-way ANOVA F test for more (gtsummary's `"t.test"`
/// and `"aov"`).
public enum MeanComparisonTests {
    /// Welch's two-sample t-test, two-sided, as R `t.test(x, y)` (unequal variances):
    /// `t = (x̄ − ȳ)/√(s_x²/n_x + s_y²/n_y)` on the Welch–Satterthwaite degrees of freedom
    /// `(s_x²/n_x + s_y²/n_y)² / ((s_x²/n_x)²/(n_x − 1) + (s_y²/n_y)²/(n_y − 1))`.
    /// `p` is `nil` when a group has fewer than 2 values or both are constant (R stops there).
    public static func welch(_ x: [Double], _ y: [Double]) -> GroupComparisonTest {
        guard x.count >= 2, y.count >= 2 else { return GroupComparisonTest(method: .welchT, p: nil) }
        let (mx, vx) = meanAndVariance(x), (my, vy) = meanAndVariance(y)
        let ax = vx / Double(x.count), ay = vy / Double(y.count)
        let se2 = ax + ay
        guard se2 > 0 else { return GroupComparisonTest(method: .welchT, p: nil) }
        let t = (mx - my) / se2.squareRoot()
        let df = se2 * se2 / (ax * ax / Double(x.count - 1) + ay * ay / Double(y.count - 1))
        return GroupComparisonTest(
            method: .welchT, statistic: t, df: df, p: min(1, 2 * StudentT.upperTail(abs(t), df: df)))
    }

    /// The one-way ANOVA F test of equal means in `groups` (empty groups left
    /// out), as R `summary(aov(x ~ factor(g)))`: `F = (SSB/(k − 1)) / (SSW/(n − k))`
    /// on `k − 1` and `n − k` degrees of freedom. `p` is `nil` with fewer than two
    /// groups, no residual degrees of freedom, or no variation within groups.
    public static func anova(_ groups: [[Double]]) -> GroupComparisonTest {
        let used = groups.filter { !$0.isEmpty }
        let n = used.reduce(0) { $0 + $1.count }
        let k = used.count
        guard k >= 2, n > k else { return GroupComparisonTest(method: .anova, p: nil) }
        let grand = used.reduce(0.0) { $0 + $1.reduce(0, +) } / Double(n)
        var between = 0.0, within = 0.0
        for g in used {
            let (m, v) = meanAndVariance(g)
            between += Double(g.count) * (m - grand) * (m - grand)
            within += g.count > 1 ? v * Double(g.count - 1) : 0
        }
        let df1 = Double(k - 1), df2 = Double(n - k)
        guard within > 0 else { return GroupComparisonTest(method: .anova, df: df1, df2: df2, p: nil) }
        let f = (between / df1) / (within / df2)
        return GroupComparisonTest(
            method: .anova, statistic: f, df: df1, df2: df2, p: FDistribution.upperTail(f, df1: df1, df2: df2))
    }

    /// Mean and sample variance (denominator n − 1; 0 for one value).
    static func meanAndVariance(_ x: [Double]) -> (mean: Double, variance: Double) {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        guard x.count > 1 else { return (mean, 0) }
        return (mean, x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1))
    }
}
