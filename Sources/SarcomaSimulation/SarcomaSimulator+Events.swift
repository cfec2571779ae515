import Foundation

/// The event-time draws of the recipe (§2–§4), each by inversion of a
/// cumulative hazard so one uniform or exponential gives one time.
extension SarcomaSimulator {
    // MARK: §2 Death

    /// Weibull shape `k` and scale `λ` (years) of the reference patient's death time.
    static let deathShape = 0.9
    static let deathScale = 130.0

    /// The all-cause death hazard ratio `e^{βx}` of §2, relative to a G1,
    /// ≤ 5 cm, superficial, non-RP, R0, female patient aged 60.
    static func deathHazardRatio(_ x: SarcomaCovariates) -> Double {
        var hr = [1.0, 2.0, 4.0][x.grade - 1]
        if x.sizeCm > 10 { hr *= 2.0 } else if x.sizeCm > 5 { hr *= 1.5 }
        if x.depth == .deep { hr *= 1.3 }
        if x.site == .retroperitoneum { hr *= 1.3 }
        switch x.margin {
        case .r0: break
        case .r1: hr *= 1.3
        case .r2: hr *= 2.0
        }
        hr *= pow(1.35, (x.age - 60) / 10)
        if x.sex == .male { hr *= 1.2 }
        return hr
    }

    /// `T_D = λ·(−ln U / e^{βx})^{1/k}`, the inverse of `S(t) = exp(−(t/λ)^k·e^{βx})`.
    static func deathTime(_ x: SarcomaCovariates, uniform u: Double) -> Double {
        deathScale * pow(-log(u) / deathHazardRatio(x), 1 / deathShape)
    }

    // MARK: §3 Metastasis before a sarcoma death

    /// Shape and scale (years) of the metastasis-to-death gap `G` (median 2.6 y).
    static let gapShape = 1.2
    static let gapScale = 3.53

    /// `T_M = T_D − G` with `G ~ Weibull(1.2, 3.53)` truncated to `(0, T_D − 0.25)`:
    /// `G = F⁻¹(U·F(T_D − 0.25))`, where `F(g) = 1 − exp(−(g/3.53)^1.2)`, so
    /// the metastasis is at least 3 months after surgery. Deaths within 3 months
    /// have their metastasis half-way, `T_D/2`.
    static func metastasisTime(deathTime: Double, uniform u: Double) -> Double {
        guard deathTime > 0.25 else { return deathTime / 2 }
        // F(b) computed as −expm1(−(b/σ)^k) to keep precision for short intervals.
        let upper = -expm1(-pow((deathTime - 0.25) / gapScale, gapShape))
        let p = u * upper
        let gap = gapScale * pow(-log1p(-p), 1 / gapShape)
        return deathTime - gap
    }

    // MARK: §4 Local recurrences

    /// The recurrence hazard ratio `e^{γx}` of §4 (reference: R0, ≤ 5 cm, G1,
    /// no radiotherapy, WLE, extremity or trunk, aged ≤ 50).
    static func recurrenceHazardRatio(_ x: SarcomaCovariates) -> Double {
        var hr = 1.0
        switch x.margin {
        case .r0: break
        case .r1: hr *= 3.0
        case .r2: hr *= 6.0
        }
        if x.sizeCm > 5 { hr *= 1.5 }
        if x.grade >= 2 { hr *= 1.4 }
        if x.radiotherapy { hr *= 0.35 }
        if x.surgery == .mohs { hr *= 0.20 }
        if x.site == .retroperitoneum { hr *= 2.0 }
        if x.site == .headNeck { hr *= 1.5 }
        if x.age > 50 { hr *= 1.2 }
        return hr
    }

    /// The inverse of the cumulative baseline `B(u) = ∫₀ᵘ b`, with `b` = 1 on
    /// `[0, 2)`, 0.45 on `[2, 5)` and 0.12 after 5 years (`B(2) = 2`, `B(5) = 3.35`).
    static func inverseCumulativeBaseline(_ h: Double) -> Double {
        if h < 2 { return h }
        if h < 3.35 { return 2 + (h - 2) / 0.45 }
        return 5 + (h - 3.35) / 0.12
    }

    /// Recurrence times (years since surgery) of the gap-time process, up to
    /// ten, stopping at the first one at or after `horizon` (which is not
    /// returned). Each gap consumes one exponential.
    static func recurrenceTimes(
        _ x: SarcomaCovariates, frailty: Double, horizon: Double, rng: inout SplitMix64
    ) -> [Double] {
        let rate = 0.04 * frailty * recurrenceHazardRatio(x)
        var times: [Double] = []
        var t = 0.0
        for k in 1...10 {
            let h = rng.exponential() / (rate * pow(0.6, Double(k - 1)))
            t += inverseCumulativeBaseline(h)
            if t >= horizon { break }
            times.append(t)
        }
        return times
    }
}
