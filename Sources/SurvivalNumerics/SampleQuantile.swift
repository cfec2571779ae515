/// Sample quantiles by R's default rule, `quantile(x, probs, type = 7)`
/// (Hyndman & Fan 1996, definition 7): with the n values sorted,
/// `h = 1 + (n − 1)·p`, the quantile is `(1 − f)·x₍⌊h⌋₎ + f·x₍⌈h⌉₎`, `f = h − ⌊h⌋`
/// (1-based order statistics), written in R's own arithmetic
/// (`quantile.default`'s type-7 branch), so the values equal R's bit for bit
/// in ordinary cases.
///
/// `boot.ci(type = "perc")` uses a different rule (an interpolation on the
/// normal-quantile scale of the order statistics `(B + 1)·α`), so its
/// percentile limits differ slightly from these.
public enum SampleQuantile {
    /// The type-7 quantile of `sorted` (ascending, non-empty, finite) at `p` in [0, 1].
    public static func type7(sorted x: [Double], _ p: Double) -> Double {
        precondition(!x.isEmpty)
        let index = 1 + Double(x.count - 1) * p
        let lo = Int(index.rounded(.down)), hi = Int(index.rounded(.up))
        let q = x[lo - 1]
        // R: i <- which(index > lo & x[hi] != qs); qs[i] <- (1 - h) * qs[i] + h * x[hi[i]]
        guard index > Double(lo), x[hi - 1] != q else { return q }
        let h = index - Double(lo)
        return (1 - h) * q + h * x[hi - 1]
    }
}
