/// A safeguarded Newton iteration for the monotone equations met when
/// inverting distribution functions.
enum RootFinding {
    /// Solves `g(t) = 0` for a monotone `g` given a start value.
    ///
    /// `evaluate(t)` returns `(g(t), g′(t))`. The iteration keeps the tightest
    /// bracket `[lo, hi]` seen so far (from the sign of `g` and the known
    /// direction of monotonicity); a Newton step that is not finite or leaves
    /// the bracket is replaced by bisection, or, while the bracket is still
    /// open on that side, by a growing step towards the root.
    ///
    /// Stops when the step is ≤ `tolerance` (absolute when `absolute`, else
    /// relative to `|t|`), or — once steps are tiny (≤ 1e−11) — when
    /// `|g|` stops decreasing, i.e. the evaluation noise floor is reached; the
    /// best point seen is returned. At most 200 iterations.
    static func newton(
        start: Double, increasing: Bool, lowerBound: Double = -.infinity,
        tolerance: Double = 2e-16, absolute: Bool = false,
        evaluate: (Double) -> (value: Double, slope: Double)
    ) -> Double {
        var t = start
        var lo = lowerBound, hi = Double.infinity
        var expand = 1.0
        var best = start, bestG = Double.infinity
        var lastStep = Double.infinity
        for _ in 0..<200 {
            let (g, slope) = evaluate(t)
            if g == 0 { return t }
            if g.isNaN {
                if lo.isFinite && hi.isFinite { t = 0.5 * (lo + hi); continue }
                return bestG.isFinite ? best : t
            }
            if abs(g) < bestG {
                bestG = abs(g)
                best = t
            } else if abs(lastStep) <= 1e-11 * (absolute ? 1 : max(abs(t), 1e-300)) {
                return best  // noise floor reached
            }
            // Root lies above t when g < 0 for an increasing g.
            let rootAbove = (g < 0) == increasing
            if rootAbove { lo = max(lo, t) } else { hi = min(hi, t) }
            var next = t - g / slope
            if !next.isFinite || next <= lo || next >= hi {
                if lo.isFinite && hi.isFinite {
                    next = 0.5 * (lo + hi)
                } else if rootAbove {
                    next = t + expand * max(1, abs(t))
                    expand *= 2
                } else {
                    next = lo.isFinite ? 0.5 * (lo + t) : t - expand * max(1, abs(t))
                    expand *= 2
                }
            }
            lastStep = next - t
            let scale = absolute ? 1 : max(abs(t), 1e-300)
            if abs(lastStep) <= tolerance * scale { return next }
            if lo.isFinite && hi.isFinite && hi - lo <= tolerance * scale { return next }
            t = next
        }
        return best
    }
}
