/// The gamma function and the regularised incomplete gamma functions, and
/// the gamma distribution (shape `a`, scale 1) built on them, as R's
/// `lgamma`, `pgamma`, `qgamma`.
///
/// **Method.** Both `P(a, x) = γ(a, x)/Γ(a)` and `Q(a, x) = Γ(a, x)/Γ(a)`
/// share the prefactor `D = x^a e^{−x}/Γ(a+1)`, computed in log space as
/// `−δ(a) − bd0(a, x) − ½ ln 2πa` (Loader's saddle-point form, as R's
/// `dpois_raw`) so it neither overflows nor loses digits when `a` and `x`
/// are large and close. Then, following Numerical Recipes §6.2 and R's
/// `pgamma` split:
///
/// * for `x < a + 1`, `P = D · Σₙ xⁿ / ((a+1)⋯(a+n))` (all terms positive,
///   no cancellation) and `Q = 1 − P` (`P` is then not close to 1 enough to
///   matter for the relative error of `Q` in the region of interest);
/// * for `x ≥ a + 1`, Legendre's continued fraction
///   `Q = a·D / (x+1−a − 1·(1−a)/(x+3−a − 2·(2−a)/(x+5−a − ⋯)))`, evaluated
///   by the modified Lentz method, and `P = 1 − Q`.
///
/// The small tail is therefore always computed directly, keeping full
/// relative precision for p-values as small as 1e−300. Known limit: for very
/// large shapes (a ≳ 1e6) both expansions need O(√a) terms; R switches to
/// Temme's uniform asymptotic expansion there. Not needed for survival
/// statistics, where a = df/2 is modest.
public enum Gamma {
    /// `ln |Γ(x)|`, as R `lgamma` (C library `lgamma_r`).
    public static func logGamma(_ x: Double) -> Double { Libm.lgamma(x) }

    /// Both regularised incomplete gamma functions `(P(a, x), Q(a, x))`.
    public static func regularized(a: Double, x: Double) -> (lower: Double, upper: Double) {
        if a.isNaN || x.isNaN || a <= 0 || a.isInfinite { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        let logD = SpecialFunctionSupport.logPoissonTerm(a, x)
        if x < a + 1 {
            // Series: P = D Σ tₙ, t₀ = 1, tₙ = tₙ₋₁ · x/(a+n).
            var sum = 1.0, term = 1.0, n = 1.0
            while n < 100_000 {
                term *= x / (a + n)
                sum += term
                if term < sum * SpecialFunctionSupport.epsilon * 0.5 { break }
                n += 1
            }
            let p = Libm.exp(logD + Libm.log(sum))
            return (p, 0.5 - p + 0.5)
        }
        // Continued fraction for Q by the modified Lentz method.
        let tiny = SpecialFunctionSupport.tiny
        var bCoef = x + 1 - a
        var c = 1 / tiny
        var d = 1 / bCoef
        var h = d
        var i = 1.0
        while i < 100_000 {
            let an = -i * (i - a)
            bCoef += 2
            d = an * d + bCoef
            if abs(d) < tiny { d = tiny }
            c = bCoef + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let del = d * c
            h *= del
            if abs(del - 1) <= SpecialFunctionSupport.epsilon { break }
            i += 1
        }
        let q = Libm.exp(logD + Libm.log(a) + Libm.log(h))
        return (0.5 - q + 0.5, q)
    }

    /// The regularised lower incomplete gamma function
    /// `P(a, x) = γ(a, x)/Γ(a)`, as R `pgamma(x, a)`.
    public static func regularizedLower(a: Double, x: Double) -> Double { regularized(a: a, x: x).lower }

    /// The regularised upper incomplete gamma function
    /// `Q(a, x) = Γ(a, x)/Γ(a)`, as R `pgamma(x, a, lower.tail = FALSE)`;
    /// accurate in the far tail (no `1 − P` cancellation).
    public static func regularizedUpper(a: Double, x: Double) -> Double { regularized(a: a, x: x).upper }

    /// The density `x^{a−1} e^{−x}/Γ(a)`, as R `dgamma(x, a)`.
    public static func density(_ x: Double, shape a: Double) -> Double {
        guard x > 0, x.isFinite, a > 0 else { return x == 0 && a == 1 ? 1 : 0 }
        return Libm.exp(SpecialFunctionSupport.logPoissonTerm(a, x) + Libm.log(a / x))
    }

    /// The quantile `x` with `P(a, x) = p`, as R `qgamma(p, shape)`.
    public static func quantile(_ p: Double, shape a: Double) -> Double {
        inverse(lower: p, upper: 0.5 - p + 0.5, shape: a)
    }

    /// The upper-tail quantile `x` with `Q(a, x) = q`, as R
    /// `qgamma(q, shape, lower.tail = FALSE)`; exact for tiny `q`.
    public static func upperQuantile(_ q: Double, shape a: Double) -> Double {
        inverse(lower: 0.5 - q + 0.5, upper: q, shape: a)
    }

    /// Inverts `P(a, ·)` by safeguarded Newton iteration on the smaller tail.
    ///
    /// Lower tail (`p ≤ ½`): solve `ln P(a, eᵘ) = ln p` in `u = ln x`, where
    /// the equation is nearly linear (`ln P ≈ a u − ln Γ(a+1)` for small x);
    /// derivative `a·D/P`. Upper tail: solve `ln Q(a, x) = ln q` in `x`
    /// (`ln Q ≈ −x + (a−1) ln x`); derivative `−a·D/(x·Q)`. Start from
    /// Wilson–Hilferty (or the small-x / large-x asymptotes) and stop when the
    /// step is below 1e−15 relative.
    static func inverse(lower pl: Double, upper pu: Double, shape a: Double) -> Double {
        if pl.isNaN || pu.isNaN || a.isNaN || a <= 0 || pl < 0 || pu < 0 || pl > 1 || pu > 1 { return .nan }
        if pl == 0 { return 0 }
        if pu == 0 { return .infinity }
        // Wilson–Hilferty for χ² with ν = 2a, halved.
        let nu = 2 * a
        let z = pl <= 0.5 ? Normal.quantile(pl) : Normal.upperQuantile(pu)
        let wh = 1 - 2 / (9 * nu) + z * (2 / (9 * nu)).squareRoot()
        var x0 = wh > 0 ? 0.5 * nu * wh * wh * wh : 0
        if pl <= 0.5 {
            let target = Libm.log(pl)
            // Small-x asymptote P ≈ x^a/Γ(a+1).
            let uSmall = (target + Libm.lgamma(a + 1)) / a
            // Below the smallest subnormal double the quantile is 0.
            if uSmall < Libm.log(Double.leastNonzeroMagnitude) { return 0 }
            // In the subnormal range P(a, x) = x^a/Γ(a+1)·(1 + O(x)) exactly
            // in double precision, and P itself cannot be evaluated reliably.
            if uSmall < Libm.log(Double.leastNormalMagnitude) { return Libm.exp(uSmall) }
            var u = (x0 > 0 && Libm.log(x0) < uSmall + 30) ? max(Libm.log(x0), uSmall) : uSmall
            if !(x0 > 0) { u = uSmall }
            let solved = RootFinding.newton(start: u, increasing: true, tolerance: 1e-16, absolute: true) { u in
                let x = Libm.exp(u)
                let (p, _) = regularized(a: a, x: x)
                let logD = SpecialFunctionSupport.logPoissonTerm(a, x)
                let logP = Libm.log(p)
                return (logP - target, a * Libm.exp(logD - logP))
            }
            return Libm.exp(solved)
        } else {
            let target = Libm.log(pu)
            if !(x0 > 0) { x0 = a }
            // Large-x asymptote Q ≈ x^{a−1}e^{−x}/Γ(a): one fixed-point pass.
            let xLarge = -target + (a - 1) * Libm.log(max(-target, 1)) - Libm.lgamma(a)
            if xLarge > x0 && target < -50 { x0 = xLarge }
            let solved = RootFinding.newton(start: x0, increasing: false, lowerBound: 0) { x in
                let (_, q) = regularized(a: a, x: x)
                let logD = SpecialFunctionSupport.logPoissonTerm(a, x)
                let logQ = Libm.log(q)
                return (logQ - target, -a / x * Libm.exp(logD - logQ))
            }
            return solved
        }
    }
}
