/// Student's t distribution with `df > 0` (any real) degrees of freedom, as
/// R's `pt` / `qt`.
///
/// `P(T > |t|) = ½ I_x(ν/2, ½)` with `x = ν/(ν+t²)`; `x`, `1 − x = t²/(ν+t²)`
/// and their logarithms (via `log1p`) come straight from `t` and `ν`, so
/// the far tail keeps full relative precision. The quantile inverts the tail
/// by safeguarded Newton iteration in `ln t` (where the heavy tail is nearly
/// linear, `ln P ≈ −ν ln t + c`), started from the Cornish–Fisher expansion
/// or the tail asymptote, whichever fits better.
public enum StudentT {
    /// `P(T > |t|)` — one tail beyond `|t|` — and its complement `P(T ≤ |t|)`.
    private static func absTails(_ t: Double, df: Double) -> (beyond: Double, within: Double) {
        let at = abs(t)
        if at.isInfinite { return (0, 1) }
        if at == 0 { return (0.5, 0.5) }
        // r = t²/ν; for huge |t| (r overflows) only logarithms are formed:
        // x = 1/(1+r) ≈ 1/r underflows but ln x = −2 ln s is exact enough.
        let s = at / df.squareRoot()
        let r = s * s
        let pair: (lower: Double, upper: Double)
        if r > 1e300 {
            let logX = -2 * Libm.log(s)
            pair = Beta.incomplete(a: df / 2, b: 0.5, x: Libm.exp(logX), y: 1, logX: logX, logY: 0)
        } else {
            pair = Beta.incomplete(
                a: df / 2, b: 0.5, x: 1 / (1 + r), y: r / (1 + r),
                logX: -Libm.log1p(r), logY: -Libm.log1p(1 / r))
        }
        return (0.5 * pair.lower, 0.5 + 0.5 * pair.upper)
    }

    /// `P(T ≤ t)`, as R `pt(t, df)`.
    public static func cdf(_ t: Double, df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        let (beyond, within) = absTails(t, df: df)
        return t < 0 ? beyond : within
    }

    /// `P(T > t)`, as R `pt(t, df, lower.tail = FALSE)`.
    public static func upperTail(_ t: Double, df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        let (beyond, within) = absTails(t, df: df)
        return t > 0 ? beyond : within
    }

    /// The density, as R `dt(t, df)`.
    public static func density(_ t: Double, df: Double) -> Double { Libm.exp(logDensity(t, df: df)) }

    /// `ln f(t) = −½ ln ν − ln B(ν/2, ½) − (ν+1)/2 · ln(1 + t²/ν)`.
    static func logDensity(_ t: Double, df: Double) -> Double {
        let s = abs(t) / df.squareRoot()
        // ln(1 + s²), without overflowing s² for |t| > 1e150.
        let log1pS2 = s > 1e150 ? 2 * Libm.log(s) : Libm.log1p(s * s)
        return -0.5 * Libm.log(df) - Beta.logBeta(df / 2, 0.5) - (df + 1) / 2 * log1pS2
    }

    /// The quantile `t` with `P(T ≤ t) = p`, as R `qt(p, df)`.
    public static func quantile(_ p: Double, df: Double) -> Double {
        if p.isNaN || df.isNaN || df <= 0 || p < 0 || p > 1 { return .nan }
        if p == 0.5 { return 0 }
        return p < 0.5 ? -upperQuantileOfTail(p, df: df) : upperQuantileOfTail(0.5 - p + 0.5, df: df)
    }

    /// The upper quantile `t` with `P(T > t) = q`, as R
    /// `qt(q, df, lower.tail = FALSE)` (critical values; exact for tiny `q`).
    public static func upperQuantile(_ q: Double, df: Double) -> Double {
        if q.isNaN || df.isNaN || df <= 0 || q < 0 || q > 1 { return .nan }
        if q == 0.5 { return 0 }
        return q < 0.5 ? upperQuantileOfTail(q, df: df) : -upperQuantileOfTail(0.5 - q + 0.5, df: df)
    }

    /// The `t > 0` with `P(T > t) = q`, `0 ≤ q < ½`.
    private static func upperQuantileOfTail(_ q: Double, df: Double) -> Double {
        if q == 0 { return .infinity }
        let target = Libm.log(q)
        // Cornish–Fisher from the normal quantile.
        let z = Normal.upperQuantile(q)
        let z3 = z * z * z, z5 = z3 * z * z
        let cf = z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
        // Tail asymptote: P(T > t) ≈ ν^{(ν−1)/2} t^{−ν} / B(ν/2, ½).
        let logK = (df - 1) / 2 * Libm.log(df) - Beta.logBeta(df / 2, 0.5)
        let uTail = (logK - target) / df
        func g(_ u: Double) -> (value: Double, slope: Double) {
            let t = Libm.exp(u)
            let logTail = Libm.log(absTails(t, df: df).beyond)
            // Slope d ln P/d ln t = −t f(t)/P, formed in logs (f underflows for huge t).
            return (logTail - target, -Libm.exp(u + logDensity(t, df: df) - logTail))
        }
        // Beyond the largest double the quantile is +∞.
        if uTail > Libm.log(Double.greatestFiniteMagnitude) { return .infinity }
        var u0 = cf > 0 ? Libm.log(cf) : uTail
        if abs(g(uTail).value) < abs(g(u0).value) { u0 = uTail }
        let u = RootFinding.newton(start: u0, increasing: false, tolerance: 1e-16, absolute: true, evaluate: g)
        return Libm.exp(u)
    }
}
