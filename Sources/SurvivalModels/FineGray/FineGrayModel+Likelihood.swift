import Foundation
import SurvivalNumerics

/// The pseudo log-likelihood of the Fine–Gray model at one β with its score
/// and information, and the risk-set sums each event time of the cause had.
struct FineGrayEvaluation {
    /// `Σ_events η_i − Σ_k d_k log S0_k` (crr's `loglik`, the negative of its Fortran `lik`).
    var loglik: Double
    /// Its gradient (crr's `score`).
    var score: [Double]
    /// Minus its Hessian (crr's `inf`), `Σ_k d_k·(S2_k/S0_k − x̄_k x̄_kᵀ)`.
    var information: Matrix
    /// `S0_k` at each event time of the cause (centred scale).
    var s0: [Double]
    /// `x̄_k = S1_k/S0_k`, row-major `K × p`.
    var xbar: [Double]
    /// `exp(η_i)` per sorted row.
    var risk: [Double]
}

extension FineGrayModel {
    /// Evaluates crr's objective (Fortran `crrfsv`; `crrf` when
    /// `derivatives` is false) in one backward sweep over the sorted rows.
    ///
    /// crr loops over the event times of the cause and, at each, over all n
    /// rows to form the weighted risk-set sums — O(n·K). The same sums come
    /// from running totals: at the event time `t_k`,
    ///
    ///     S_k = A_k + G(t_k−)·(C − B_k),
    ///
    /// where `A_k` sums `exp(η)·(1, x, x xᵀ)` over the rows with `T ≥ t_k`,
    /// `C` sums `exp(η)/G(T−)·(1, x, x xᵀ)` over every competing event and
    /// `B_k` the same over the competing events with `T ≥ t_k` (so `C − B_k`
    /// are those before `t_k`, weighted `1/G(T_i−)`). Walking the time blocks
    /// from the last to the first, each row enters `A` and `B` once: O(n·p²).
    /// Tied events of the cause each contribute their own term (crr's `twf`
    /// counts them), i.e. Breslow-style ties.
    static func evaluate(_ data: FineGrayData, beta: [Double], derivatives: Bool = true) -> FineGrayEvaluation {
        let n = data.n, p = data.p
        let eta = data.linearPredictors(beta)
        let risk = eta.map { Foundation.exp($0) }
        let q = derivatives ? p : 0
        // Moments: [0] = Σ w, [1 ..< 1+q] = Σ w x, then the q × q block Σ w x xᵀ (upper triangle used).
        let width = 1 + q + q * q
        func add(_ acc: inout [Double], _ i: Int, _ w: Double) {
            acc[0] += w
            guard q > 0 else { return }
            let base = i * p
            for a in 0..<q {
                let wa = w * data.x[base + a]
                acc[1 + a] += wa
                for b in a..<q { acc[1 + q + a * q + b] += wa * data.x[base + b] }
            }
        }
        var competingAll = [Double](repeating: 0, count: width)
        for i in 0..<n where data.end[i] == .competing {
            add(&competingAll, i, risk[i] / data.censoringBefore[i])
        }
        var atRisk = [Double](repeating: 0, count: width)
        var competingLater = [Double](repeating: 0, count: width)
        var loglik = 0.0
        var score = [Double](repeating: 0, count: p)
        var info = Matrix(rows: p, columns: p)
        let K = data.eventTimeCount
        var s0 = [Double](repeating: 0, count: K)
        var xbar = [Double](repeating: 0, count: K * p)
        var k = K - 1
        var total = [Double](repeating: 0, count: width)
        for b in stride(from: data.blockStart.count - 2, through: 0, by: -1) {
            let range = data.blockStart[b]..<data.blockStart[b + 1]
            for i in range {
                add(&atRisk, i, risk[i])
                if data.end[i] == .competing { add(&competingLater, i, risk[i] / data.censoringBefore[i]) }
            }
            guard k >= 0, data.eventBlocks[k] == b else { continue }
            let g = data.eventCensoringBefore[k]
            for m in 0..<width { total[m] = atRisk[m] + g * (competingAll[m] - competingLater[m]) }
            let d = Double(data.eventCount[k])
            s0[k] = total[0]
            loglik -= d * Foundation.log(total[0])
            for i in range where data.end[i] == .cause {
                loglik += eta[i]
                for a in 0..<p { score[a] += data.x[i * p + a] }
            }
            if derivatives {
                for a in 0..<p {
                    let ma = total[1 + a] / total[0]
                    xbar[k * p + a] = ma
                    score[a] -= d * ma
                }
                for a in 0..<p {
                    for c in a..<p {
                        let v = d * (total[1 + p + a * p + c] / total[0] - xbar[k * p + a] * xbar[k * p + c])
                        info[a, c] += v
                    }
                }
            }
            k -= 1
        }
        for a in 0..<p { for c in 0..<a { info[a, c] = info[c, a] } }
        return FineGrayEvaluation(loglik: loglik, score: score, information: info, s0: s0, xbar: xbar, risk: risk)
    }
}
