import CohortData
import Foundation

/// The outer search for the frailty variance θ, as R's control functions for
/// the default methods: `frailty.controlgam` (gamma, method "em": maximise
/// the integrated likelihood over θ, Brent-style steps on √θ, stop when its
/// relative change is below `eps` = 1e-5) and `frailty.controlgauss`
/// (gaussian, method "reml": find the root of θ̂ − θ, stop when it is below
/// `eps` = √(coxph's eps), the value R's partial matching of `opt$eps` gives).
struct FrailtyThetaSearch: Sendable {
    var distribution: FrailtyTerm.Distribution
    var eps: Double
    /// Rows of (θ, then gamma: Cox PL with penalty, integrated loglik;
    /// gaussian: residual, Σb², trace).
    private(set) var history: [[Double]] = []
    private(set) var theta: Double

    init(distribution: FrailtyTerm.Distribution, coxEps: Double) {
        self.distribution = distribution
        switch distribution {
        case .gamma:
            eps = 1e-5
            theta = 0
        case .gaussian:
            eps = coxEps.squareRoot()
            theta = 1
        }
    }

    /// The integrated-likelihood correction `frailty.gammacon(d, ν)` of R:
    /// added to the penalised partial likelihood it gives the gamma frailty's
    /// integrated (I-) likelihood.
    static func gammaCorrection(events d: [Double], nu: Double) -> Double {
        let maxd = Int(d.max() ?? 0)
        var term1 = 0.0
        if nu > 1e7 * Double(maxd) {
            term1 = d.reduce(0) { $0 + $1 * $1 } / nu
        } else {
            term1 = d.reduce(0) { $0 + $1 + nu * log(nu / (nu + $1)) }
        }
        guard maxd > 0 else { return term1 }
        // For each group with dj > 0 events: Σ_{k=1..dj} log((ν + k − 1)/(ν + dj)).
        var term2 = 0.0
        for dj in d where dj > 0 {
            let k = Int(dj)
            for i in 1...k { term2 += log((nu + Double(i - 1)) / (nu + dj)) }
        }
        return term1 + term2
    }

    /// Records the fit at the current θ and chooses the next one; true when done.
    /// Gamma reads the penalised loglik and returns the integrated one in
    /// `integrated`; gaussian reads the effects and the trace of their variance.
    mutating func record(
        iteration iter: Int, penalizedLoglik: Double, groupEvents: [Double], frail: [Double], traceH: Double
    ) -> (done: Bool, integrated: Double?) {
        switch distribution {
        case .gamma:
            let correct = theta == 0 ? 0 : Self.gammaCorrection(events: groupEvents, nu: 1 / theta)
            let c = penalizedLoglik + correct
            history.append([theta, penalizedLoglik, c])
            if iter == 1 {
                theta = 1
                return (false, c)
            }
            if iter == 2 {
                theta = history[1][2] < history[0][2] + 1 ? (history[0][0] + history[1][0]) / 2 : 2 * history[1][0]
                return (false, c)
            }
            let done = abs(1 - history[iter - 1][2] / history[iter - 2][2]) < eps
            let xs = history.map { $0[0] }, ys = history.map { $0[2] }
            if ys[iter - 1] == ys.max() && xs[iter - 1] == xs.max() {
                theta = 2 * (xs.max() ?? 0)
            } else {
                let r = Self.brent(xs.map { $0.squareRoot() }, ys, lower: 0)
                theta = r * r
            }
            return (done, c)
        case .gaussian:
            let nf = Double(frail.count)
            let fsum = frail.reduce(0) { $0 + $1 * $1 }
            let resid = fsum / (nf - traceH / theta) - theta
            history.append([theta, resid, fsum, traceH])
            if iter == 1 {
                theta = resid > 0 ? theta * 3 : theta / 3
                return (false, nil)
            }
            if iter == 2 {
                if history.allSatisfy({ $0[1] > 0 }) {
                    theta = history[1][0] * 2
                } else if history.allSatisfy({ $0[1] < 0 }) {
                    theta = history[1][0] / 2
                } else {
                    theta = (history[0][0] + history[1][0]) / 2
                }
                return (false, nil)
            }
            let done = abs(history[iter - 1][1]) < eps
            let ord = (0..<iter).sorted { history[$0][0] < history[$1][0] }
            let ty = ord.map { history[$0][1] }, tx = ord.map { history[$0][0] }
            if ty.allSatisfy({ $0 > 0 }) {
                theta = 2 * (tx.max() ?? 0)
            } else if ty.allSatisfy({ $0 < 0 }) {
                theta = 0.5 * (tx.min() ?? 0)
            } else {
                // The latest point and one on each side, inverse quadratic interpolation.
                var b1 = ord.firstIndex(of: iter - 1) ?? 0
                if b1 == 0 { b1 = 1 } else if b1 == iter - 1 { b1 = iter - 2 }
                let R = ty[b1] / ty[b1 + 1]
                let S = ty[b1] / ty[b1 - 1]
                let U = R / S
                let P = S * (U * (R - U) * (tx[b1 + 1] - tx[b1]) - (1 - R) * (tx[b1] - tx[b1 - 1]))
                let Q = (U - 1) * (R - 1) * (S - 1)
                var t = tx[b1] + P / Q
                if t > tx[b1 + 1] { t = (tx[b1] + tx[b1 + 1]) / 2 }
                if t < tx[b1 - 1] { t = (tx[b1] + tx[b1 - 1]) / 2 }
                theta = t
            }
            return (done, nil)
        }
    }

    /// R's `frailty.brent`: the next guess for the maximum of y(x) — a step
    /// out when the best point is at an end (kept above `lower`), else the
    /// parabola through the best point and its neighbours, or a golden-section
    /// step when that leaves the bracket or the guesses bounce.
    static func brent(_ x: [Double], _ y: [Double], lower: Double) -> Double {
        let n = x.count
        if n < 3 { return x.reduce(0, +) / Double(n) }
        let ord = (0..<n).sorted { x[$0] < x[$1] }
        let xx = ord.map { x[$0] }, yy = ord.map { y[$0] }
        let top = yy.max() ?? 0
        let best = yy.firstIndex(of: top) ?? 0
        if best == 0 {
            var new = xx[0] - 3 * (xx[1] - xx[0])
            if new < lower { new = lower + ((xx.filter { $0 > lower }.min() ?? lower) - lower) / 10 }
            return new
        }
        if best == n - 1 { return xx[n - 1] + 3 * (xx[n - 1] - xx[n - 2]) }
        let a = Array(xx[(best - 1)...(best + 1)]), b = Array(yy[(best - 1)...(best + 1)])
        let t1 = (a[1] - a[0]) * (a[1] - a[0]) * (b[1] - b[2]) - (a[1] - a[2]) * (a[1] - a[2]) * (b[1] - b[0])
        let t2 = (a[1] - a[0]) * (b[1] - b[2]) - (a[1] - a[2]) * (b[1] - b[0])
        let new = a[1] - 0.5 * t1 / t2
        if new < a[0] || new > a[2] || (n > 4 && (new - x[n - 1]) > 0.5 * abs(x[n - 2] - x[n - 3])) {
            return (a[1] - a[0]) > (a[2] - a[1]) ? a[1] - 0.38 * (a[1] - a[0]) : a[1] + 0.32 * (a[2] - a[1])
        }
        return new
    }
}
