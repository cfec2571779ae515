import Foundation
import SurvivalNumerics

extension FineGrayModel {
    /// crr's sandwich variance `I⁻¹ V I⁻ᵀ` (Fortran `crrvv`; Fine & Gray 1999,
    /// section 4), with `I` the information at β and `V = Σ_i (η_i + ψ_i)(η_i + ψ_i)ᵀ`.
    ///
    /// `η_i` is row i's term of the score as if the weights were known:
    ///
    ///     η_i = δ_i·(x_i − x̄(T_i)) − Σ_k d_k·w_i(t_k)·r_i·(x_i − x̄_k)/S0_k,
    ///
    /// `δ_i` = 1 for an event of the cause, `r_i = exp(η)`, the sum over the
    /// event times at which row i is in the risk set (`w_i = 1` when `T_i ≥ t_k`;
    /// `G(t_k−)/G(T_i−)` for a competing event before `t_k`). With
    /// `a_k = d_k/S0_k` and `g_k = d_k·G(t_k−)/S0_k` this is
    /// `r_i·(x_i·Σ_{t_k≤T_i} a_k − Σ_{t_k≤T_i} a_k x̄_k)` plus, for a competing
    /// event, `r_i/G(T_i−)·(x_i·Σ_{t_k>T_i} g_k − Σ_{t_k>T_i} g_k x̄_k)`:
    /// cumulative sums over the event times, O(n·p) in all.
    ///
    /// `ψ_i` is what estimating G adds: with `q(u) = Σ_{t_k ≥ u} g_k·Σ_{j competing,
    /// T_j < u} (r_j/G(T_j−))·(x_j − x̄_k)` (= `C1(u)·E0(u) − C0(u)·E1(u)` with
    /// `C` the sums over the competing events before `u`, `E` those of `g_k`,
    /// `g_k x̄_k` over `t_k ≥ u`) and `R(u)` the rows with `T ≥ u`,
    ///
    ///     ψ_i = [i censored]·q(T_i)/R(T_i) − Σ_{censoring times u ≤ T_i} c(u)·q(u)/R(u)²,
    ///
    /// the censoring martingale integral of `q/R` (`c(u)` rows censored at `u`).
    /// crr sums each over the rows (O(n²)); here one forward sweep does it.
    ///
    /// - Returns: the information, its inverse (R's `solve`) and the variance.
    static func sandwich(_ data: FineGrayData, at ev: FineGrayEvaluation, termNames: [String]) throws
        -> (information: Matrix, inverse: Matrix, variance: Matrix)
    {
        let n = data.n, p = data.p, K = data.eventTimeCount
        // Prefix sums over event times k' < k of a, a·x̄ (index k = number of event times counted),
        // suffix sums over k' ≥ k of g, g·x̄.
        var prefixA = [Double](repeating: 0, count: (K + 1) * (p + 1))
        var suffixG = [Double](repeating: 0, count: (K + 1) * (p + 1))
        for k in 0..<K {
            let a = Double(data.eventCount[k]) / ev.s0[k]
            let base = k * (p + 1), next = (k + 1) * (p + 1)
            prefixA[next] = prefixA[base] + a
            for j in 0..<p { prefixA[next + 1 + j] = prefixA[base + 1 + j] + a * ev.xbar[k * p + j] }
        }
        for k in stride(from: K - 1, through: 0, by: -1) {
            let g = Double(data.eventCount[k]) * data.eventCensoringBefore[k] / ev.s0[k]
            let base = k * (p + 1), next = (k + 1) * (p + 1)
            suffixG[base] = suffixG[next] + g
            for j in 0..<p { suffixG[base + 1 + j] = suffixG[next + 1 + j] + g * ev.xbar[k * p + j] }
        }

        var meat = Matrix(rows: p, columns: p)
        var competing = [Double](repeating: 0, count: p + 1)  // C0, C1 over competing events before u
        var censoringPart = [Double](repeating: 0, count: p)  // running −Σ c(u) q(u)/R(u)²
        var q = [Double](repeating: 0, count: p)
        var atRisk = n
        var eventsSoFar = 0  // event times of the cause with t_k < the current block's time
        var term = [Double](repeating: 0, count: p)
        let blocks = data.blockStart.count - 1
        var nextEvent = 0
        for b in 0..<blocks {
            let range = data.blockStart[b]..<data.blockStart[b + 1]
            let hasEvent = nextEvent < K && data.eventBlocks[nextEvent] == b
            let censored = range.reduce(0) { $0 + (data.end[$1] == .censored ? 1 : 0) }
            if censored > 0 {
                // q(u) with u this block's time: event times t_k ≥ u start at eventsSoFar.
                let e = eventsSoFar * (p + 1)
                let r = Double(atRisk)
                for j in 0..<p {
                    q[j] = competing[1 + j] * suffixG[e] - competing[0] * suffixG[e + 1 + j]
                    censoringPart[j] -= Double(censored) * q[j] / (r * r)
                }
            }
            let through = eventsSoFar + (hasEvent ? 1 : 0)  // event times t_k ≤ this time
            for i in range {
                let r = ev.risk[i]
                let xi = i * p
                let a = through * (p + 1)
                for j in 0..<p {
                    term[j] = -r * (data.x[xi + j] * prefixA[a] - prefixA[a + 1 + j])
                }
                switch data.end[i] {
                case .cause:
                    let k = nextEvent
                    for j in 0..<p { term[j] += data.x[xi + j] - ev.xbar[k * p + j] }
                case .competing:
                    let w = r / data.censoringBefore[i]
                    for j in 0..<p {
                        term[j] -= w * (data.x[xi + j] * suffixG[a] - suffixG[a + 1 + j])
                    }
                case .censored:
                    for j in 0..<p { term[j] += q[j] / Double(atRisk) }
                }
                for j in 0..<p { term[j] += censoringPart[j] }
                for c in 0..<p {
                    for d in c..<p { meat[c, d] += term[c] * term[d] }
                }
            }
            for i in range where data.end[i] == .competing {
                let w = ev.risk[i] / data.censoringBefore[i]
                competing[0] += w
                for j in 0..<p { competing[1 + j] += w * data.x[i * p + j] }
            }
            atRisk -= range.count
            if hasEvent {
                nextEvent += 1
                eventsSoFar += 1
            }
        }
        for c in 0..<p { for d in 0..<c { meat[c, d] = meat[d, c] } }
        let inverse: Matrix
        do { inverse = try ev.information.inverse() } catch { throw singular(termNames) }
        var transposed = Matrix(rows: p, columns: p)
        for c in 0..<p { for d in 0..<p { transposed[c, d] = inverse[d, c] } }
        let variance = inverse * meat * transposed
        return (ev.information, inverse, variance)
    }
}
