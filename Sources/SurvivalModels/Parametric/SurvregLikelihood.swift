import Foundation
import SurvivalNumerics

/// How one row of a `survreg` fit was observed, as R's status codes of the
/// `interval` type (right-censored data use the first two).
enum SurvregObservation: UInt8, Sendable {
    /// The event came after the time (`log S`).
    case rightCensored = 0
    /// The event at the time (`log f − log σ`).
    case exact = 1
    /// The event by the time (`log F`).
    case leftCensored = 2
    /// The event in `(y, y₂]` (`log(F(z₂) − F(z))`).
    case interval = 3
}

/// The data of one `survreg` fit on the log-time scale, and its log-likelihood
/// with first and second derivatives in the parameters `θ = (β, log σ₁, …, log σ_K)`.
///
/// For row `i` with linear predictor `ηᵢ = xᵢβ + offsetᵢ`, stratum `k` and
/// `zᵢ = (yᵢ − ηᵢ)/σ_k` (`yᵢ` the log time), the contribution is
/// `g(zᵢ) − log σ_k` for an event (`g = log f`), `g(zᵢ)` for a
/// right-censored row (`g = log S`) or a left-censored one (`g = log F`),
/// times the case weight. With `s = log σ`, `∂z/∂η = −1/σ` and `∂z/∂s = −z`, so
///
///     ∂ℓ/∂η   = −g′/σ            ∂ℓ/∂s   = −z·g′ − δ
///     ∂²ℓ/∂η² = g″/σ²            ∂²ℓ/∂η∂s = (z·g″ + g′)/σ
///     ∂²ℓ/∂s² = z·g′ + z²·g″
///
/// (δ = 1 for an event). An interval `(y, y₂]` contributes `log P` with
/// `P = F(z₂) − F(z)`, computed as `S(z) − S(z₂)` when `z > 0` (R's choice,
/// for accuracy in the upper tail); with `a = z`, `b = z₂` and `f`, `f′` at each end,
///
///     P_η  = −(f_b − f_a)/σ                 P_s  = −(b·f_b − a·f_a)
///     P_ηη = (f′_b − f′_a)/σ²               P_ηs = (f_b − f_a + b·f′_b − a·f′_a)/σ
///     P_ss = b·f_b + b²·f′_b − a·f_a − a²·f′_a
///
/// and `ℓ_x = P_x/P`, `ℓ_xy = P_xy/P − P_x·P_y/P²`. The information matrix is
/// minus the Hessian, as R's `survregc1` returns it in `imat`; `outer` is
/// `Σ wᵢ·uᵢuᵢᵀ` of the per-row scores, the positive definite stand-in (`JJ`)
/// that survreg6 uses for a step when the information is not positive definite.
///
/// The log-likelihood here is that of the log times; R's `survreg` adds the
/// Jacobian `−Σ_exact wᵢ log tᵢ` afterwards (`logcorrect`), and so does
/// ``SurvregModel``.
struct SurvregProblem: Sendable {
    /// Log times (the lower end of an interval).
    let y: [Double]
    /// The upper log time of interval rows (unused in the others).
    let y2: [Double]
    let observation: [SurvregObservation]
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

    /// One row's log-likelihood and its derivatives in `η` and `s = log σ`.
    struct RowDerivatives {
        var loglik: Double
        var eta: Double
        var s: Double
        var etaEta: Double
        var etaS: Double
        var sS: Double
    }

    /// The contribution of row `i` at linear predictor `eta` and log-scale `s`.
    @inline(__always)
    func row(_ i: Int, eta: Double, s: Double) -> RowDerivatives {
        let sigma = exp(s)
        let z = (y[i] - eta) / sigma
        let single: (g: Double, d1: Double, d2: Double)
        var delta = 0.0
        switch observation[i] {
        case .exact:
            single = distribution.logDensity(z)
            delta = 1
        case .rightCensored:
            single = distribution.logSurvival(z)
        case .leftCensored:
            single = distribution.logCDF(z)
        case .interval:
            let z2 = (y2[i] - eta) / sigma
            let a = distribution.pieces(z), b = distribution.pieces(z2)
            let p = z > 0 ? a.survival - b.survival : b.cdf - a.cdf
            let pEta = -(b.density - a.density) / sigma
            let pS = -(z2 * b.density - z * a.density)
            let pEtaEta = (b.slope - a.slope) / (sigma * sigma)
            let pEtaS = (b.density - a.density + z2 * b.slope - z * a.slope) / sigma
            let pSS = z2 * b.density + z2 * z2 * b.slope - z * a.density - z * z * a.slope
            let lEta = pEta / p, lS = pS / p
            return RowDerivatives(
                loglik: log(p), eta: lEta, s: lS, etaEta: pEtaEta / p - lEta * lEta,
                etaS: pEtaS / p - lEta * lS, sS: pSS / p - lS * lS)
        }
        let (g, g1, g2) = single
        return RowDerivatives(
            loglik: g - delta * s, eta: -g1 / sigma, s: -z * g1 - delta, etaEta: g2 / (sigma * sigma),
            etaS: (z * g2 + g1) / sigma, sS: z * g1 + z * z * g2)
    }

    /// The log-likelihood only (used while step-halving).
    func loglik(_ theta: [Double]) -> Double {
        var total = 0.0
        for i in 0..<n {
            let s = scaleCount == 0 ? fixedLogScale : theta[nvar + strata[i]]
            total += weights[i] * row(i, eta: linearPredictor(i, theta), s: s).loglik
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
            for j in 0..<nvar { xi[j] = x.storage[j * n + i] }
            var eta = offset[i]
            for j in 0..<nvar { eta += xi[j] * theta[j] }
            let d = row(i, eta: eta, s: s)
            let w = weights[i]
            loglik += w * d.loglik
            for j in 0..<nvar {
                grad[j] = d.eta * xi[j]
                u[j] += w * grad[j]
                for l in 0...j { info[j * p + l] -= w * d.etaEta * xi[j] * xi[l] }
            }
            if k >= 0 {
                u[k] += w * d.s
                for j in 0..<nvar { info[k * p + j] -= w * d.etaS * xi[j] }
                info[k * p + k] -= w * d.sS
                for m in nvar..<p { grad[m] = 0 }
                grad[k] = d.s
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
