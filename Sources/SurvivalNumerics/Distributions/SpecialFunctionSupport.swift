/// Building blocks shared by the distribution functions: Stirling's error
/// term, the "deviance" `bd0` of Loader (2000), and the Poisson-type
/// prefactor `x^a e^{−x} / Γ(a+1)` computed without cancellation. These are
/// the devices R's `dpois_raw`/`pgamma` use (Loader, C. (2000) "Fast and
/// accurate computation of binomial probabilities").
enum SpecialFunctionSupport {
    /// ln √(2π).
    static let lnSqrt2Pi = 0.918938533204672741780329736406

    /// Stirling's error `δ(n) = ln Γ(n+1) − (n+½) ln n + n − ln √(2π)`, n > 0.
    ///
    /// For n ≥ 10 the asymptotic series (eight terms, truncation error
    /// < 3e−17) is used; below, the definition with the C library `lgamma`,
    /// whose absolute error (a few 1e−15) becomes only a *relative* error in
    /// the probabilities built from `exp(−δ)`.
    static func stirlingError(_ n: Double) -> Double {
        if n < 10 {
            return Libm.lgamma(n + 1) - (n + 0.5) * Libm.log(n) + n - lnSqrt2Pi
        }
        let nn = 1 / (n * n)
        // 1/12 − 1/360 n⁻² + 1/1260 n⁻⁴ − 1/1680 n⁻⁶ + 1/1188 n⁻⁸ − 691/360360 n⁻¹⁰ + 1/156 n⁻¹² − 3617/122400 n⁻¹⁴
        var s = -3617.0 / 122400.0
        s = s * nn + 1.0 / 156.0
        s = s * nn - 691.0 / 360360.0
        s = s * nn + 1.0 / 1188.0
        s = s * nn - 1.0 / 1680.0
        s = s * nn + 1.0 / 1260.0
        s = s * nn - 1.0 / 360.0
        s = s * nn + 1.0 / 12.0
        return s / n
    }

    /// `bd0(x, m) = x ln(x/m) + m − x ≥ 0`, evaluated by the series in
    /// `v = (x−m)/(x+m)` when `x ≈ m` to avoid cancellation (Loader 2000, as R).
    static func bd0(_ x: Double, _ m: Double) -> Double {
        if abs(x - m) < 0.1 * (x + m) {
            var v = (x - m) / (x + m)
            var s = (x - m) * v
            if abs(s) < Double.leastNormalMagnitude { return s }
            var ej = 2 * x * v
            v *= v
            var j = 1
            while j < 1000 {
                ej *= v
                let s1 = s + ej / Double(2 * j + 1)
                if s1 == s { return s1 }
                s = s1
                j += 1
            }
        }
        return x * Libm.log(x / m) + m - x
    }

    /// `log(x^a e^{−x} / Γ(a+1))` for a > 0, x > 0: the log of the Poisson
    /// "density" at real `a` with mean `x`, as R `dpois_raw(a, x, log = TRUE)`
    /// = `−δ(a) − bd0(a, x) − ½ ln(2πa)`.
    static func logPoissonTerm(_ a: Double, _ x: Double) -> Double {
        -stirlingError(a) - bd0(a, x) - 0.5 * Libm.log(2 * Double.pi * a)
    }

    /// Machine epsilon used as the stopping rule of the series and continued fractions.
    static let epsilon = Double.ulpOfOne

    /// A number close to the smallest representable double, for Lentz's method.
    static let tiny = 1e-300
}
