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
/// Scaling. With m in the thousands and d in the hundreds B(m, d) overflows a
/// double (R's own `coxexact` then fails). Here the risks are taken relative to
/// the stratum's largest, `exp(η − η_max)`, and each level j of the recursion
/// (B(·, j) with its derivatives) is stored divided by its own `exp(s_j)`; a level
/// whose stored B leaves [1e−100, 1e100] is renormalised to 1, and the update
/// of level j from level j − 1 carries the factor `exp(s_{j−1} − s_j)`. Ratios
/// ∂B/B and ∂²B/B do not depend on the scaling; `log B = log B' + s_d + d·η_max`.
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
         stop: [Double], status: [Int32], strata: [Int32]?) {
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
            // Level j is stored divided by exp(logScale[j]); ratio[j] = exp(logScale[j−1] − logScale[j]).
            var logScale = [Double](repeating: 0, count: dMax + 1)
            var ratio = [Double](repeating: 1, count: dMax + 1)
            var added = 0
            var k = stratum.start
            for time in stratum.times {
                while k < time.end {
                    let i = order[k]
                    let r = exp(eta[i] - etaMax)
                    for a in 0..<p { xk[a] = x[a * n + i] }
                    let top = Swift.min(added + 1, dMax)
                    if top == added + 1 {
                        // Level `top` is reached for the first time: start it at the scale below.
                        logScale[top] = logScale[top - 1]
                        ratio[top] = 1
                    }
                    var j = top
                    while j >= 1 {
                        let rj = r * ratio[j]
                        let prev0 = b0[j - 1]
                        let p1 = (j - 1) * p, c1 = j * p
                        let p2 = (j - 1) * pp, c2 = j * pp
                        for c in 0..<p {
                            let xc = xk[c], dc = b1[p1 + c]
                            for a in 0..<p {
                                b2[c2 + c * p + a] += rj * (xk[a] * (xc * prev0 + dc) + xc * b1[p1 + a]
                                                            + b2[p2 + c * p + a])
                            }
                        }
                        for a in 0..<p { b1[c1 + a] += rj * (xk[a] * prev0 + b1[p1 + a]) }
                        b0[j] += rj * prev0
                        j -= 1
                    }
                    added += 1
                    k += 1
                    // Renormalise any level that left [1e-100, 1e100].
                    for jj in 1...top where b0[jj] > 0 && (b0[jj] > 1e100 || b0[jj] < 1e-100) {
                        let inv = 1 / b0[jj]
                        logScale[jj] += log(b0[jj])
                        b0[jj] = 1
                        for a in 0..<p { b1[jj * p + a] *= inv }
                        for a in 0..<pp { b2[jj * pp + a] *= inv }
                        ratio[jj] = exp(logScale[jj - 1] - logScale[jj])
                        if jj < dMax { ratio[jj + 1] = exp(logScale[jj] - logScale[jj + 1]) }
                    }
                }
                let d = time.deaths.count
                let denom = b0[d]
                loglik -= log(denom) + logScale[d] + Double(d) * etaMax
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
