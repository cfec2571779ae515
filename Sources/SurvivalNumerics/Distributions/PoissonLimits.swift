/// Exact confidence limits for a Poisson count (Garwood 1936), as R's
/// `poisson.test(x)$conf.int` (with `T = 1`; divide by person-time for a
/// rate).
///
/// With `α = (1 − confLevel)/2`, the limits are the gamma quantiles
/// `lower = qgamma(α, x)` (0 when `x = 0`) and `upper = qgamma(1 − α, x + 1)`,
/// i.e. `χ²_{2x, α}/2` and `χ²_{2x+2, 1−α}/2`. The upper limit is computed as
/// the upper-tail quantile at `α`, which avoids rounding `1 − α`.
public enum PoissonLimits {
    /// The exact two-sided limits for an observed count, as R
    /// `poisson.test(count, conf.level = confLevel)$conf.int`.
    ///
    /// Returns `(NaN, NaN)` for a negative count or `confLevel` outside (0, 1).
    public static func exact(count: Int, confLevel: Double = 0.95) -> (lower: Double, upper: Double) {
        guard count >= 0, confLevel > 0, confLevel < 1 else { return (.nan, .nan) }
        let alpha = (1 - confLevel) / 2
        let lower = count == 0 ? 0 : Gamma.quantile(alpha, shape: Double(count))
        let upper = Gamma.upperQuantile(alpha, shape: Double(count + 1))
        return (lower, upper)
    }
}
