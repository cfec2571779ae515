import CohortData
import Foundation
import SurvivalNumerics

/// What the Newton–Raphson iteration needs of a partial likelihood: its value,
/// score and information (p × p, column-major) at a β on the engine's scale.
protocol CoxObjective: AnyObject {
    var p: Int { get }
    func evaluate(_ beta: [Double]) -> (loglik: Double, score: [Double], information: [Double])
}

extension CoxLikelihood: CoxObjective {}

/// The exact partial likelihood of the discrete-time (conditional logistic)
/// model, as R's `coxph(ties = "exact")` for right-censored data (survival's
/// `coxexact.fit` / `coxexact.c`).
///
/// At an event time with `d` deaths among the `m` rows at risk (time ≥ t, same
/// stratum), the contribution to the log-likelihood is
///
///     Σ_{deaths} η_i − log B(m, d),   B(m, d) = Σ_{subsets S, |S| = d} Π_{j∈S} r_j,
///
/// r = exp(η): the probability that exactly the observed `d` rows die, given
/// that `d` of the `m` do. The elementary symmetric function B is computed by
/// the recursion of Gail, Lubin & Rubinstein (1981) over the rows at risk,
///
///     B(k, j) = B(k−1, j) + r_k·B(k−1, j−1),   B(k, 0) = 1,  B(k, j) = 0 for j > k,
///
/// and, differentiating it, its gradient and Hessian in β:
///
///     ∂B(k, j)   = ∂B(k−1, j)  + r_k·[x_k·B(k−1, j−1) + ∂B(k−1, j−1)]
///     ∂²B(k, j)  = ∂²B(k−1, j) + r_k·[x_k x_kᵀ·B(k−1, j−1) + x_k·∂B(k−1, j−1)ᵀ
///                                     + ∂B(k−1, j−1)·x_kᵀ + ∂²B(k−1, j−1)]
///
/// (R's `coxd0`, `coxd1`, `coxd2`, which memoise the same recursion). The
/// score is `Σ_deaths x − ∂B/B` and the information `∂²B/B − ∂B·∂Bᵀ/B²`.
///
/// Within a stratum the risk sets are nested: with the rows in decreasing time,
/// the risk set of each event time is a prefix. R (`coxexact.c`) runs the
/// recursion afresh over every risk set, O(m·d·p²) per event time and so
/// quadratic in n overall. Here one running recursion per stratum adds the rows
/// one at a time (in place over `j = D … 1`, D the stratum's largest number of
/// tied deaths; only entry `j − 1` of the previous step is read) and each event
/// time reads off `B(m, d)` and its derivatives when its last row has been
/// added: O(n·D·p²) per iteration. The result differs from R's only by rounding.
///
/// Scaling. B(·, j) is homogeneous of degree j in r, so the risks are used as
/// `r' = γ·exp(η − η_max)` (η_max the stratum's largest η) and `B(·, j)` is
/// stored multiplied by `γ^j` (the ratios ∂B/B, ∂²B/B do not depend on γ);
/// γ starts so that the first row has `r' = D`, and whenever the stored
/// `B(·, 1) = Σ r'` exceeds 2D, γ is reduced so that it equals D and the stored
/// `j`-th terms are multiplied by the same factor to the power j. This keeps `B(·, j) ≤ (2D)^j / j!` away from overflow (and `log B`
/// is recovered as `log B' − d·log γ + d·η_max`).
///
/// R centres and scales the covariates by their mean and standard deviation
/// (`scale(x)`, columns of −1/0/1 values left alone); the same is done here.
/// Case weights, `(start, stop]` data (R's `agexact`), robust variances and
/// clusters are refused.
final class ExactCoxLikelihood: CoxObjective {
    let n: Int
    let p: Int
    /// Centred, scaled design, column-major.
    let x: [Double]
    let offset: [Double]
    /// Rows by stratum, then decreasing time.
    let order: [Int]
    /// An event time: its risk set is `order[stratum.start ..< end]`.
    struct EventTime {
        var end: Int
        var deaths: [Int]
    }
    /// A stratum: `order[start ..< end]`, its event times (decreasing time) and
    /// largest number of tied deaths.
    struct Stratum {
        var start: Int
        var end: Int
        var times: [EventTime]
        var maxDeaths: Int
    }
    let strata: [Stratum]

    init(design: Matrix, means: [Double], scale: [Double], offset: [Double],
         stop: [Double], status: [Int], strata: [Int]?) {
        let n = design.rows, p = design.columns
        self.n = n
        self.p = p
        var x = [Double](repeating: 0, count: n * p)
        for j in 0..<p {
            for i in 0..<n { x[j * n + i] = (design[i, j] - means[j]) * scale[j] }
        }
        self.x = x
        self.offset = offset
        let order = (0..<n).sorted {
            let sa = strata?[$0] ?? 0, sb = strata?[$1] ?? 0
            if sa != sb { return sa < sb }
            if stop[$0] != stop[$1] { return stop[$0] > stop[$1] }
            return $0 < $1
        }
        self.order = order
        var blocks: [Stratum] = []
        var k = 0
        while k < n {
            let s = strata?[order[k]] ?? 0
            if blocks.isEmpty || s != (strata?[order[blocks[blocks.count - 1].start]] ?? 0) {
                if !blocks.isEmpty { blocks[blocks.count - 1].end = k }
                blocks.append(Stratum(start: k, end: n, times: [], maxDeaths: 0))
            }
            var end = k
            var deaths: [Int] = []
            while end < n && (strata?[order[end]] ?? 0) == s && stop[order[end]] == stop[order[k]] {
                if status[order[end]] == 1 { deaths.append(order[end]) }
                end += 1
            }
            if !deaths.isEmpty {
                blocks[blocks.count - 1].times.append(EventTime(end: end, deaths: deaths))
                blocks[blocks.count - 1].maxDeaths = Swift.max(blocks[blocks.count - 1].maxDeaths, deaths.count)
            }
            k = end
        }
        self.strata = blocks
    }

    func evaluate(_ beta: [Double]) -> (loglik: Double, score: [Double], information: [Double]) {
        let n = n, p = p, pp = p * p
        var eta = offset
        for j in 0..<p {
            let b = beta[j]
            for i in 0..<n { eta[i] += b * x[j * n + i] }
        }
        var loglik = 0.0
        var u = [Double](repeating: 0, count: p)
        var imat = [Double](repeating: 0, count: pp)
        var xk = [Double](repeating: 0, count: p)
        for stratum in strata where !stratum.times.isEmpty {
            let dMax = stratum.maxDeaths
            var etaMax = -Double.infinity
            for k in stratum.start..<stratum.end { etaMax = Swift.max(etaMax, eta[order[k]]) }
            // b0[j] = B(·, j), b1[j·p + a] its derivative in β_a, b2[j·p² + c·p + a] in β_a β_c.
            var b0 = [Double](repeating: 0, count: dMax + 1)
            var b1 = [Double](repeating: 0, count: (dMax + 1) * p)
            var b2 = [Double](repeating: 0, count: (dMax + 1) * pp)
            b0[0] = 1
            // γ makes the first row's r' equal to D (capped, so that no later r' overflows).
            let firstEta = eta[order[stratum.start]]
            var logGamma = Swift.min(log(Double(dMax)) - (firstEta - etaMax), 600)
            var added = 0
            var k = stratum.start
            for time in stratum.times {
                while k < time.end {
                    let i = order[k]
                    let r = exp(eta[i] - etaMax + logGamma)
                    for a in 0..<p { xk[a] = x[a * n + i] }
                    var j = Swift.min(added + 1, dMax)
                    while j >= 1 {
                        let prev0 = b0[j - 1]
                        let p1 = (j - 1) * p, c1 = j * p
                        let p2 = (j - 1) * pp, c2 = j * pp
                        for c in 0..<p {
                            let xc = xk[c], dc = b1[p1 + c]
                            for a in 0..<p {
                                b2[c2 + c * p + a] += r * (xk[a] * (xc * prev0 + dc) + xc * b1[p1 + a]
                                                           + b2[p2 + c * p + a])
                            }
                        }
                        for a in 0..<p { b1[c1 + a] += r * (xk[a] * prev0 + b1[p1 + a]) }
                        b0[j] += r * prev0
                        j -= 1
                    }
                    added += 1
                    k += 1
                    // Keep Σ r' = B'(·, 1) at most 2D (it only grows between rescalings).
                    let target = Double(dMax)
                    if b0[1] > 2 * target {
                        let logC = log(target / b0[1])
                        logGamma += logC
                        for jj in 1...Swift.min(added, dMax) {
                            Self.rescale(&b0[jj], by: Double(jj) * logC)
                            for a in 0..<p { Self.rescale(&b1[jj * p + a], by: Double(jj) * logC) }
                            for a in 0..<pp { Self.rescale(&b2[jj * pp + a], by: Double(jj) * logC) }
                        }
                    }
                }
                let d = time.deaths.count
                let denom = b0[d]
                loglik -= log(denom) - Double(d) * logGamma + Double(d) * etaMax
                for i in time.deaths {
                    loglik += eta[i]
                    for a in 0..<p { u[a] += x[a * n + i] }
                }
                for a in 0..<p { u[a] -= b1[d * p + a] / denom }
                for c in 0..<p {
                    let mc = b1[d * p + c] / denom
                    for a in 0..<p {
                        imat[c * p + a] += b2[d * pp + c * p + a] / denom - (b1[d * p + a] / denom) * mc
                    }
                }
            }
        }
        return (loglik, u, imat)
    }

    /// `v·exp(logFactor)`, through logarithms when the factor alone would underflow.
    @inline(__always)
    static func rescale(_ v: inout Double, by logFactor: Double) {
        guard v != 0 else { return }
        if logFactor > -700 {
            v *= exp(logFactor)
        } else {
            v = (v < 0 ? -1 : 1) * exp(logFactor + log(abs(v)))
        }
    }
}

extension CoxModel {
    /// R's refusals for `ties = "exact"` and those of this implementation.
    static func validateExact(_ frame: ModelFrame, options: CoxOptions) throws(CoxError) {
        if frame.response.start != nil {
            throw .exactTiesUnsupported(
                "exact ties are implemented for right-censored data Surv(time, status) only, not for (start, stop] data")
        }
        if let w = frame.weights, w.contains(where: { $0 != 1 }) {
            throw .exactTiesUnsupported("Case weights are not supported for the exact method")
        }
        if frame.cluster != nil || options.robust == true {
            throw .exactTiesUnsupported(
                "a robust variance (robust or cluster) needs score residuals, which R does not provide for the exact method")
        }
    }

    /// `coxexact.fit`'s preparation of the design: `scale(x)`, i.e. column mean
    /// removed and division by the standard deviation (n − 1 denominator);
    /// columns whose values all lie in `noScale` are left as they are. Returned as
    /// the engine's (means, multiplier) pair.
    static func exactCentring(_ frame: ModelFrame, noScale: Set<Double>) throws(CoxError) -> (means: [Double], scale: [Double]) {
        let design = frame.design
        let n = design.rows, p = design.columns
        var means = [Double](repeating: 0, count: p)
        var scale = [Double](repeating: 1, count: p)
        for j in 0..<p {
            var skip = true
            for i in 0..<n {
                let v = design[i, j]
                guard v.isFinite else { throw .nonFiniteCovariate(row: frame.rowIndex[i], column: frame.termNames[j]) }
                if !noScale.contains(v) { skip = false }
            }
            if skip { continue }
            var mean = 0.0
            for i in 0..<n { mean += design[i, j] }
            mean /= Double(n)
            var ss = 0.0
            for i in 0..<n { ss += (design[i, j] - mean) * (design[i, j] - mean) }
            let sd = n > 1 ? (ss / Double(n - 1)).squareRoot() : 0
            means[j] = mean
            scale[j] = sd > 0 ? 1 / sd : 1
        }
        return (means, scale)
    }
}
