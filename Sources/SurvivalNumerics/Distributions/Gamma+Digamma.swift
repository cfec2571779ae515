extension Gamma {
    /// ψ(x) = d/dx log Γ(x), for x > 0 (as R's `digamma`; NaN for x ≤ 0).
    ///
    /// Method: the recurrence ψ(x) = ψ(x + 1) − 1/x lifts x to at least 10,
    /// then the asymptotic series
    /// ψ(x) ≈ log x − 1/(2x) − Σₖ B₂ₖ / (2k x²ᵏ) with Bernoulli numbers B₂…B₁₄;
    /// at x ≥ 10 the first omitted term is below 1e-17 relative.
    public static func digamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? .infinity : .nan }
        var x = x, shift = 0.0
        while x < 10 {
            shift -= 1 / x
            x += 1
        }
        let inv2 = 1 / (x * x)
        // B2/2, B4/4, B6/6, ... : 1/12, -1/120, 1/252, -1/240, 1/132, -691/32760, 1/12
        let series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
            - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))))
        return shift + Libm.log(x) - 0.5 / x - series
    }

    /// ψ′(x), the trigamma function, for x > 0 (as R's `trigamma`).
    ///
    /// Method: ψ′(x) = ψ′(x + 1) + 1/x² up to x ≥ 10, then
    /// ψ′(x) ≈ 1/x + 1/(2x²) + Σₖ B₂ₖ / x²ᵏ⁺¹.
    public static func trigamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? 0 : .nan }
        var x = x, shift = 0.0
        while x < 10 {
            shift += 1 / (x * x)
            x += 1
        }
        let inv = 1 / x, inv2 = inv * inv
        // B2, B4, ..., B14: 1/6, -1/30, 1/42, -1/30, 5/66, -691/2730, 7/6
        let series = inv * inv2 * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 * (1.0 / 30
            - inv2 * (5.0 / 66 - inv2 * (691.0 / 2730 - inv2 * 7.0 / 6))))))
        return shift + inv + 0.5 * inv2 + series
    }
}
