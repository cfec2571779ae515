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
/// score is `Σ_deaths x − ∂B/B` and the information `∂²B/B − ∂B·∂Bᵀ/B²`. Here the
/// recursion runs in place over `j = d … 1` (only column `j − 1` of the previous
/// row is read), so one event time costs O(m·d·p²) time and O(d·p²) memory.
/// The risks of a risk set are divided by their largest value first (B scales
/// by `c^d`, the ratios not at all), which postpones overflow of B.
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
    /// One entry per event time: its rows at risk (the first `deaths.count` of
    /// which need not be the deaths) and its deaths.
    struct EventTime {
        var atRisk: [Int]
        var deaths: [Int]
    }
    let times: [EventTime]

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
        // Rows by stratum, then decreasing time: the risk set of a time is the
        // prefix of its stratum's block up to the last row with that time.
        let order = (0..<n).sorted {
            let sa = strata?[$0] ?? 0, sb = strata?[$1] ?? 0
            if sa != sb { return sa < sb }
            if stop[$0] != stop[$1] { return stop[$0] > stop[$1] }
            return $0 < $1
        }
        var times: [EventTime] = []
        var blockStart = 0
        var k = 0
        while k < n {
            let s = strata?[order[k]] ?? 0
            if k > 0 && s != (strata?[order[k - 1]] ?? 0) { blockStart = k }
            var end = k
            var deaths: [Int] = []
            while end < n && (strata?[order[end]] ?? 0) == s && stop[order[end]] == stop[order[k]] {
                if status[order[end]] == 1 { deaths.append(order[end]) }
                end += 1
            }
            if !deaths.isEmpty {
                times.append(EventTime(atRisk: Array(order[blockStart..<end]), deaths: deaths))
            }
            k = end
        }
        // Events in increasing time within strata (only the order of summation).
        self.times = times.reversed()
    }

    func evaluate(_ beta: [Double]) -> (loglik: Double, score: [Double], information: [Double]) {
        let n = n, p = p
        var eta = offset
        for j in 0..<p {
            let b = beta[j]
            for i in 0..<n { eta[i] += b * x[j * n + i] }
        }
        var loglik = 0.0
        var u = [Double](repeating: 0, count: p)
        var imat = [Double](repeating: 0, count: p * p)
        var xk = [Double](repeating: 0, count: p)
        for time in times {
            let d = time.deaths.count
            // Risks relative to the largest of the risk set.
            var etaMax = -Double.infinity
            for i in time.atRisk { etaMax = Swift.max(etaMax, eta[i]) }
            // b[j], db[j·p + a], d2b[(j·p + b)·p + a] for j = 0 … d.
            var b0 = [Double](repeating: 0, count: d + 1)
            var b1 = [Double](repeating: 0, count: (d + 1) * p)
            var b2 = [Double](repeating: 0, count: (d + 1) * p * p)
            b0[0] = 1
            for (k, i) in time.atRisk.enumerated() {
                let r = exp(eta[i] - etaMax)
                for a in 0..<p { xk[a] = x[a * n + i] }
                var j = Swift.min(k + 1, d)
                while j >= 1 {
                    let prev0 = b0[j - 1]
                    let p1 = (j - 1) * p, c1 = j * p
                    let p2 = (j - 1) * p * p, c2 = j * p * p
                    for c in 0..<p {
                        for a in 0..<p {
                            b2[c2 + c * p + a] += r * (xk[a] * xk[c] * prev0 + xk[a] * b1[p1 + c]
                                                       + xk[c] * b1[p1 + a] + b2[p2 + c * p + a])
                        }
                    }
                    for a in 0..<p { b1[c1 + a] += r * (xk[a] * prev0 + b1[p1 + a]) }
                    b0[j] += r * prev0
                    j -= 1
                }
            }
            let denom = b0[d]
            loglik -= log(denom) + Double(d) * etaMax
            for i in time.deaths {
                loglik += eta[i]
                for a in 0..<p { u[a] += x[a * n + i] }
            }
            for a in 0..<p { u[a] -= b1[d * p + a] / denom }
            for c in 0..<p {
                for a in 0..<p {
                    let ma = b1[d * p + a] / denom, mc = b1[d * p + c] / denom
                    imat[c * p + a] += b2[d * p * p + c * p + a] / denom - ma * mc
                }
            }
        }
        return (loglik, u, imat)
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
