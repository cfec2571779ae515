/// The chi-square distribution with `df > 0` (any real) degrees of freedom,
/// as R's `pchisq` / `qchisq`: `χ²_ν` is Gamma(shape ν/2, scale 2), so
/// `P(X ≤ x) = P(ν/2, x/2)` with the regularised incomplete gamma functions of
/// ``Gamma``. The upper tail is computed directly by the continued fraction,
/// so Wald/score/likelihood-ratio p-values stay accurate to ~1e−300.
public enum ChiSquared {
    /// `P(X ≤ x)`, as R `pchisq(x, df)`.
    public static func cdf(_ x: Double, df: Double) -> Double {
        Gamma.regularizedLower(a: df / 2, x: x / 2)
    }

    /// `P(X > x)`, as R `pchisq(x, df, lower.tail = FALSE)`.
    public static func upperTail(_ x: Double, df: Double) -> Double {
        Gamma.regularizedUpper(a: df / 2, x: x / 2)
    }

    /// The density, as R `dchisq(x, df)`.
    public static func density(_ x: Double, df: Double) -> Double {
        0.5 * Gamma.density(x / 2, shape: df / 2)
    }

    /// The quantile `x` with `P(X ≤ x) = p`, as R `qchisq(p, df)`.
    public static func quantile(_ p: Double, df: Double) -> Double {
        2 * Gamma.quantile(p, shape: df / 2)
    }

    /// The upper quantile `x` with `P(X > x) = q`, as R
    /// `qchisq(q, df, lower.tail = FALSE)` (critical values; exact for tiny `q`).
    public static func upperQuantile(_ q: Double, df: Double) -> Double {
        2 * Gamma.upperQuantile(q, shape: df / 2)
    }
}
