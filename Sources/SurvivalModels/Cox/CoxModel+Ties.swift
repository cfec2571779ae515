import Foundation

/// The per-event-time weights of the Efron and Breslow approximations.
///
/// At an event time with risk-set sums `S0 = Σ w·r` and death sums
/// `D0 = Σ_deaths w·r` (r = exp(η)), `d` tied deaths of total weight `dw`,
/// Efron's approximation (R `coxfit6`/`agfit4`, `method = 1`) replaces the one
/// denominator by `d` of them, `s_m = S0 − (m/d)·D0` for `m = 0 … d−1`, each
/// carrying weight `dw/d`; the deaths are "removed a fraction m/d at a time".
/// Breslow's is the special case `s_m = S0` for all `m` (and Efron with `d = 1`
/// is Breslow). Every quantity of the Newton step is then a weighted sum over
/// rows, with these scalar weights per event time:
///
/// * `c = Σ_m (dw/d) / s_m`        — hazard increment (coefficient of S1, S2),
/// * `e = Σ_m (dw/d)(m/d) / s_m`   — its part owed to the deaths (coefficient of D1, D2),
/// * `α = Σ_m (dw/d) / s_m²`, `β = Σ_m (dw/d)(m/d) / s_m²`, `γ = Σ_m (dw/d)(m/d)² / s_m²`
///   — the coefficients of `S1·S1ᵀ`, `S1·D1ᵀ (+ D1·S1ᵀ)` and `D1·D1ᵀ` in
///   `Σ_m (dw/d)·a_m·a_mᵀ` with `a_m = (S1 − (m/d)·D1)/s_m`,
///
/// and the log-likelihood loses `Σ_m (dw/d)·log s_m`.
struct TieWeights {
    var c = 0.0, e = 0.0, alpha = 0.0, beta = 0.0, gamma = 0.0, logTerm = 0.0

    init() {}

    @inline(__always)
    init(s0: Double, d0: Double, deaths: Int, deathWeight: Double, efron: Bool) {
        if !efron || deaths <= 1 {
            // Breslow (and Efron with a single death): one denominator.
            let inv = 1 / s0
            c = deathWeight * inv
            alpha = c * inv
            logTerm = deathWeight * log(s0)
            return
        }
        let meanWeight = deathWeight / Double(deaths)
        for m in 0..<deaths {
            let f = Double(m) / Double(deaths)
            let s = s0 - f * d0
            let inv = 1 / s
            let wInv = meanWeight * inv
            logTerm += meanWeight * log(s)
            c += wInv
            e += wInv * f
            let wInv2 = wInv * inv
            alpha += wInv2
            beta += wInv2 * f
            gamma += wInv2 * f * f
        }
    }
}
