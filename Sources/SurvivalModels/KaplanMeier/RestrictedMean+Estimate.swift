extension RestrictedMean {
    /// The area under the Kaplan–Meier curve from 0 to `tau`, with its standard
    /// error, as R's `survmean` (used by `print(fit, rmean = tau)`).
    ///
    /// With rectangles `rⱼ = (tⱼ − tⱼ₋₁)·S(tⱼ₋₁)` over the observed times up to
    /// `tau` (and `tau` itself), the estimate is `Σ rⱼ` and its variance
    /// `Σᵢ dᵢ/(nᵢ(nᵢ − dᵢ)) · (Σ_{j > i} rⱼ)²` — the area beyond each event
    /// time, squared, times the Greenwood increment (0 where nᵢ = dᵢ, as R).
    static func estimate(
        time: [Double], survival: [Double], nRisk: [Double], nEvent: [Double], tau: Double,
        start: Double = 0
    ) -> RestrictedMean {
        var t: [Double] = []
        var s: [Double] = []
        var hh: [Double] = []
        for k in time.indices where time[k] <= tau {
            t.append(time[k])
            s.append(survival[k])
            let n = nRisk[k], d = nEvent[k]
            hh.append(n - d == 0 ? 0 : d / (n * (n - d)))
        }
        t.append(tau)
        s.append(s.last ?? 1)
        hh.append(0)
        var rectangles = [Double](repeating: 0, count: t.count)
        var previousTime = start
        var previousSurvival = 1.0
        for j in t.indices {
            rectangles[j] = (t[j] - previousTime) * previousSurvival
            previousTime = t[j]
            previousSurvival = s[j]
        }
        let mean = rectangles.reduce(0, +) + start
        var variance = 0.0
        var areaBeyond = 0.0
        if t.count >= 2 {
            for i in stride(from: t.count - 2, through: 0, by: -1) {
                areaBeyond += rectangles[i + 1]
                variance += hh[i] * areaBeyond * areaBeyond
            }
        }
        return RestrictedMean(tau: tau, estimate: mean, stdErr: variance.squareRoot())
    }
}
