import Foundation
import SurvivalNumerics

/// Maximum-likelihood estimate of the negative-binomial shape θ for fixed
/// means, a port of `MASS::theta.ml`.
///
/// Start at the moment estimate `θ₀ = Σw / Σ w (y/μ − 1)²`, then Newton steps
/// `θ ← |θ| + U(θ)/I(θ)` on the score
/// `U = Σ w (ψ(θ + y) − ψ(θ) + log θ + 1 − log(θ + μ) − (y + θ)/(μ + θ))`
/// with the observed information
/// `I = Σ w (−ψ′(θ + y) + ψ′(θ) − 1/θ + 2/(μ + θ) − (y + θ)/(μ + θ)²)`,
/// while fewer than `limit − 1` steps were taken and the last step exceeded
/// `eps = .Machine$double.eps^0.25`. The standard error is `1/√I` at the θ
/// before the last step, as MASS.
struct ThetaML {
    var theta: Double
    var se: Double
    var warning: String?

    init(y: [Double], mu: [Double], weights: [Double], limit: Int) {
        let eps = pow(Double.ulpOfOne, 0.25)
        let n = weights.reduce(0, +)
        var s = 0.0
        for i in y.indices { s += weights[i] * (y[i] / mu[i] - 1) * (y[i] / mu[i] - 1) }
        var t0 = n / s
        var it = 0
        var del = 1.0
        var info = Double.nan
        while true {
            it += 1
            guard it < limit && abs(del) > eps else { break }
            t0 = abs(t0)
            var score = 0.0, inf = 0.0
            for i in y.indices {
                let w = weights[i], yi = y[i], m = mu[i]
                score += w * (Gamma.digamma(t0 + yi) - Gamma.digamma(t0) + log(t0) + 1 - log(t0 + m)
                    - (yi + t0) / (m + t0))
                inf += w * (-Gamma.trigamma(t0 + yi) + Gamma.trigamma(t0) - 1 / t0 + 2 / (m + t0)
                    - (yi + t0) / ((m + t0) * (m + t0)))
            }
            info = inf
            del = score / inf
            t0 += del
        }
        warning = nil
        if t0 < 0 {
            t0 = 0
            warning = "theta.ml: estimate truncated at zero"
        }
        if it == limit { warning = "theta.ml: iteration limit reached" }
        theta = t0
        se = (1 / info).squareRoot()
    }
}
