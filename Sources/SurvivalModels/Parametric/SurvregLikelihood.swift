import Foundation
import SurvivalNumerics

/// The data of one `survreg` fit on the log-time scale, and its log-likelihood
/// with first and second derivatives in the parameters `θ = (β, log σ₁, …, log σ_K)`.
///
/// For row `i` with linear predictor `ηᵢ = xᵢβ + offsetᵢ`, stratum `k` and
/// `zᵢ = (yᵢ − ηᵢ)/σ_k` (`yᵢ` the log time), the contribution is
/// `g(zᵢ) − log σ_k` for an event (`g = log f`) and `g(zᵢ)` for a
/// right-censored row (`g = log S`), times the case weight. With `s = log σ`,
/// `∂z/∂η = −1/σ` and `∂z/∂s = −z`, so
///
///     ∂ℓ/∂η   = −g′/σ            ∂ℓ/∂s   = −z·g′ − δ
///     ∂²ℓ/∂η² = g″/σ²            ∂²ℓ/∂η∂s = (z·g″ + g′)/σ
///     ∂²ℓ/∂s² = z·g′ + z²·g″
///
/// (δ = 1 for an event). The information matrix is minus the Hessian, as
/// R's `survregc1` returns it in `imat`; `outer` is `Σ wᵢ·uᵢuᵢᵀ` of the
/// per-row scores, the positive definite stand-in (`JJ`) that survreg6 uses
/// for a step when the information is not positive definite.
///
/// The log-likelihood here is that of the log times; R's `survreg` adds the
/// Jacobian `−Σ_events wᵢ log tᵢ` afterwards (`logcorrect`), and so does
/// ``SurvregModel``.
struct SurvregProblem: Sendable {
    /// Log times.
    let y: [Double]
    let event: [Bool]
    let weights: [Double]
    let offset: [Double]
    /// Design with the intercept column first (n × nvar, column major).
    let x: Matrix
    /// Stratum of each row, `0..<scaleCount` (all 0 without strata).
    let strata: [Int]
    /// Number of estimated scales: 0 when the scale is fixed, else the number of strata.
    let scaleCount: Int
    /// `log σ` when the scale is fixed (exponential: 0).
    let fixedLogScale: Double
    let distribution: AFTErrorDistribution

    var n: Int { y.count }
    var nvar: Int { x.columns }
    var parameterCount: Int { nvar + scaleCount }

    struct Evaluation {
        var loglik: Double
        var score: [Double]
        var information: Matrix
        var outer: Matrix
    }

    /// `(g, g′, g″)` of row `i` at `z`.
    @inline(__always)
    func contribution(_ i: Int, _ z: Double) -> (g: Double, d1: Double, d2: Double) {
        event[i] ? distribution.logDensity(z) : distribution.logSurvival(z)
    }

    /// The log-likelihood only (used while step-halving).
    func loglik(_ theta: [Double]) -> Double {
        var total = 0.0
        for i in 0..<n {
            let s = scaleCount == 0 ? fixedLogScale : theta[nvar + strata[i]]
            let z = (y[i] - linearPredictor(i, theta)) / exp(s)
            total += weights[i] * (contribution(i, z).g - (event[i] ? s : 0))
        }
        return total
    }

    @inline(__always)
    func linearPredictor(_ i: Int, _ theta: [Double]) -> Double {
        var eta = offset[i]
        for j in 0..<nvar { eta += x.storage[j * n + i] * theta[j] }
        return eta
    }

    /// Log-likelihood, score and information at `theta`.
    func evaluate(_ theta: [Double]) -> Evaluation {
        let p = parameterCount
        var loglik = 0.0
        var u = [Double](repeating: 0, count: p)
        // Row-major p × p accumulators; symmetric, filled in full.
        var info = [Double](repeating: 0, count: p * p)
        var jj = [Double](repeating: 0, count: p * p)
        var grad = [Double](repeating: 0, count: p)
        var xi = [Double](repeating: 0, count: nvar)
        for i in 0..<n {
            let k = scaleCount == 0 ? -1 : nvar + strata[i]
            let s = k < 0 ? fixedLogScale : theta[k]
            let sigma = exp(s)
            for j in 0..<nvar { xi[j] = x.storage[j * n + i] }
            var eta = offset[i]
            for j in 0..<nvar { eta += xi[j] * theta[j] }
            let z = (y[i] - eta) / sigma
            let (g, g1, g2) = contribution(i, z)
            let delta = event[i] ? 1.0 : 0.0
            let w = weights[i]
            loglik += w * (g - delta * s)
            let dEta = -g1 / sigma
            let dEta2 = g2 / (sigma * sigma)
            for j in 0..<nvar {
                grad[j] = dEta * xi[j]
                u[j] += w * grad[j]
                for l in 0...j { info[j * p + l] -= w * dEta2 * xi[j] * xi[l] }
            }
            if k >= 0 {
                let dS = -z * g1 - delta
                let dEtaS = (z * g2 + g1) / sigma
                let dS2 = z * g1 + z * z * g2
                u[k] += w * dS
                for j in 0..<nvar { info[k * p + j] -= w * dEtaS * xi[j] }
                info[k * p + k] -= w * dS2
                for m in nvar..<p { grad[m] = 0 }
                grad[k] = dS
            }
            for j in 0..<p where grad[j] != 0 {
                for l in 0...j { jj[j * p + l] += w * grad[j] * grad[l] }
            }
        }
        var information = Matrix(rows: p, columns: p)
        var outer = Matrix(rows: p, columns: p)
        for j in 0..<p {
            for l in 0...j {
                information[j, l] = info[j * p + l]
                information[l, j] = info[j * p + l]
                outer[j, l] = jj[j * p + l]
                outer[l, j] = jj[j * p + l]
            }
        }
        return Evaluation(loglik: loglik, score: u, information: information, outer: outer)
    }
}
