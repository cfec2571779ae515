/// The beta function and the regularised incomplete beta function
/// `I_x(a, b)`, as R's `lbeta` and `pbeta`.
///
/// **Method.** `I_x(a,b) = x^a y^b / (a B(a,b)) · CF`, `y = 1 − x`, with the
/// continued fraction of Numerical Recipes §6.4 (Didonato–Morris form),
/// evaluated by the modified Lentz method. It converges fast for
/// `x < (a+1)/(a+b+2)`; otherwise the symmetry `I_x(a,b) = 1 − I_y(b,a)` is
/// used, the fraction being evaluated for the *complement*. Whichever of
/// the pair `(I_x(a,b), I_y(b,a))` is computed by the fraction carries full
/// relative precision; in that region it is the smaller one or close to ½,
/// so neither output suffers cancellation.
///
/// Callers that know `y` or `ln x`, `ln y` more accurately than `1 − x`
/// (e.g. Student t, where `y = t²/(ν+t²)`) use the internal
/// ``incomplete(a:b:x:y:logX:logY:)`` to avoid rounding `1 − x`.
///
/// Known limit: the prefactor is `exp(a ln x + b ln y − ln B(a,b))`; for
/// shapes above ~10⁴ its relative error grows like `1e−16·(a|ln x|+b|ln y|)`
/// (R's TOMS 708 `bratio` uses asymptotic expansions there).
public enum Beta {
    /// `ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b)`, as R `lbeta`: when the
    /// arguments are large, the Stirling terms are combined analytically and
    /// only the small corrections `δ` are added, avoiding cancellation.
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN { return .nan }
        let p = min(a, b), q = max(a, b)
        if p < 0 { return .nan }
        if p == 0 { return .infinity }
        if q.isInfinite { return -.infinity }
        let st = SpecialFunctionSupport.stirlingError
        // lgammacor(x) = ln Γ(x) − ((x−½) ln x − x + ln √2π) = δ(x) (Stirling error).
        if p >= 10 {
            let corr = st(p) + st(q) - st(p + q)
            return -0.5 * Libm.log(q) + SpecialFunctionSupport.lnSqrt2Pi + corr
                + (p - 0.5) * Libm.log(p / (p + q)) + q * Libm.log1p(-p / (p + q))
        } else if q >= 10 {
            let corr = st(q) - st(p + q)
            return Libm.lgamma(p) + corr + p - p * Libm.log(p + q) + (q - 0.5) * Libm.log1p(-p / (p + q))
        } else {
            return Libm.lgamma(p) + Libm.lgamma(q) - Libm.lgamma(p + q)
        }
    }

    /// The regularised incomplete beta function `I_x(a, b)`, as R
    /// `pbeta(x, a, b)`.
    public static func regularized(x: Double, a: Double, b: Double) -> Double {
        incomplete(a: a, b: b, x: x, y: 0.5 - x + 0.5).lower
    }

    /// The complement `1 − I_x(a, b) = I_{1−x}(b, a)`, as R
    /// `pbeta(x, a, b, lower.tail = FALSE)`, computed without cancellation
    /// when it is small.
    public static func regularizedComplement(x: Double, a: Double, b: Double) -> Double {
        incomplete(a: a, b: b, x: x, y: 0.5 - x + 0.5).upper
    }

    /// `(I_x(a,b), 1 − I_x(a,b))` given `x`, `y = 1 − x` and optionally
    /// their logarithms, each supplied as accurately as the caller can.
    static func incomplete(
        a: Double, b: Double, x: Double, y: Double, logX: Double? = nil, logY: Double? = nil
    ) -> (lower: Double, upper: Double) {
        if a.isNaN || b.isNaN || x.isNaN || y.isNaN || a <= 0 || b <= 0 { return (.nan, .nan) }
        // x (or y) may underflow to 0 while its logarithm is still finite
        // (Student t with |t| ≈ 1e200): the logarithm decides.
        let lx = logX ?? Libm.log(x)
        let ly = logY ?? Libm.log(y)
        if x < 0 || lx == -.infinity { return (0, 1) }
        if y < 0 || ly == -.infinity { return (1, 0) }
        let logPrefactor = a * lx + b * ly - logBeta(a, b)
        if x < (a + 1) / (a + b + 2) {
            let lower = Libm.exp(logPrefactor + Libm.log(continuedFraction(x: x, a: a, b: b) / a))
            return (lower, 0.5 - lower + 0.5)
        } else {
            let upper = Libm.exp(logPrefactor + Libm.log(continuedFraction(x: y, a: b, b: a) / b))
            return (0.5 - upper + 0.5, upper)
        }
    }

    /// The continued fraction for `I_x(a,b)` (NR `betacf`, modified Lentz):
    /// `1/(1+ d₁/(1+ d₂/(1+ ⋯)))` with `d_{2m+1} = −(a+m)(a+b+m)x/((a+2m)(a+2m+1))`,
    /// `d_{2m} = m(b−m)x/((a+2m−1)(a+2m))`.
    static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = SpecialFunctionSupport.tiny
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1.0
        while m < 100_000 {
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let del = d * c
            h *= del
            if abs(del - 1) <= SpecialFunctionSupport.epsilon { break }
            m += 1
        }
        return h
    }
}
