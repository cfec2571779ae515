/// Quantiles of the beta distribution, as R `qbeta`, for exact binomial
/// (Clopper–Pearson) limits and the conditional limits of a Poisson rate
/// ratio (R `binom.test`, `poisson.test`).
///
/// **Method.** Safeguarded Newton iteration on `[0, 1]`: the tail that is
/// asked for (lower `I_x(a,b) = p`, or upper `1 − I_x(a,b) = q`) is solved
/// directly, so a small upper-tail probability is never formed as `1 − p`.
/// Each step uses the density `x^(a−1)(1−x)^(b−1)/B(a,b)`; a step that
/// leaves the current bracket is replaced by bisection (geometric once the
/// bracket's lower end is positive, so tiny quantiles keep relative accuracy).
/// Stops at a relative step of 1e−15.
extension Beta {
    /// The `x` with `I_x(a, b) = p`, as R `qbeta(p, a, b)`.
    public static func quantile(_ p: Double, a: Double, b: Double) -> Double {
        invert(target: p, upperTail: false, a: a, b: b)
    }

    /// The `x` with `1 − I_x(a, b) = q`, as R `qbeta(q, a, b, lower.tail = FALSE)`.
    public static func upperQuantile(_ q: Double, a: Double, b: Double) -> Double {
        invert(target: q, upperTail: true, a: a, b: b)
    }

    static func invert(target: Double, upperTail: Bool, a: Double, b: Double) -> Double {
        guard a > 0, b > 0, target >= 0, target <= 1, !target.isNaN else { return .nan }
        if target == 0 { return upperTail ? 1 : 0 }
        if target == 1 { return upperTail ? 0 : 1 }
        let logB = logBeta(a, b)
        var lo = 0.0, hi = 1.0
        var x = a / (a + b)
        for _ in 0..<300 {
            let pair = incomplete(a: a, b: b, x: x, y: 0.5 - x + 0.5)
            // g is increasing in x for the lower tail, decreasing for the upper.
            let g = upperTail ? target - pair.upper : pair.lower - target
            if g == 0 { return x }
            if g < 0 { lo = x } else { hi = x }
            let density = Libm.exp((a - 1) * Libm.log(x) + (b - 1) * Libm.log1p(-x) - logB)
            var next = x - g / density
            if !next.isFinite || next <= lo || next >= hi {
                next = lo > 0 ? (lo * hi).squareRoot() : 0.5 * (lo + hi)
            }
            if abs(next - x) <= 1e-15 * x || hi - lo <= 1e-15 * x { return next }
            x = next
        }
        return x
    }
}
