/// Snedecor's F distribution with `df1, df2 > 0` (any real), as R's `pf`:
/// `P(F ≤ f) = I_x(df1/2, df2/2)` with `x = df1·f/(df1·f + df2)`. Both `x` and
/// `1 − x = df2/(df1·f + df2)`, and their logarithms via `log1p`, are formed
/// from the arguments directly, so the upper tail keeps full relative precision.
public enum FDistribution {
    private static func tails(_ f: Double, df1: Double, df2: Double) -> (lower: Double, upper: Double) {
        if f.isNaN || df1.isNaN || df2.isNaN || df1 <= 0 || df2 <= 0 { return (.nan, .nan) }
        if f <= 0 { return (0, 1) }
        if f.isInfinite { return (1, 0) }
        let u = df1 * f  // numerator scale
        let ratio = df2 / u  // (1 − x)/x
        let x = 1 / (1 + ratio)
        let y = ratio / (1 + ratio)
        return Beta.incomplete(
            a: df1 / 2, b: df2 / 2, x: x, y: y,
            logX: -Libm.log1p(ratio), logY: -Libm.log1p(u / df2))
    }

    /// `P(F ≤ f)`, as R `pf(f, df1, df2)`.
    public static func cdf(_ f: Double, df1: Double, df2: Double) -> Double { tails(f, df1: df1, df2: df2).lower }

    /// `P(F > f)`, as R `pf(f, df1, df2, lower.tail = FALSE)`.
    public static func upperTail(_ f: Double, df1: Double, df2: Double) -> Double {
        tails(f, df1: df1, df2: df2).upper
    }
}
