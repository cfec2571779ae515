import Foundation

/// The Cox partial likelihood, its score and information from per-time sums
/// (``CoxAggregateSource``), on the scaled covariates the Newton–Raphson
/// iteration works in.
///
/// At each evaluation the source adds up its rows per (stratum, time) at the
/// current β; here the cells are merged (R's `aeqSurv` near-tie rule on the
/// distinct times, then equal keys added), reverse-cumulated within each
/// stratum into the risk-set sums `S0, S1, S2`, and at each event time the
/// Breslow or Efron terms are taken with ``TieWeights`` — the same scalar
/// weights the row-level engine (`coxfit6`'s arithmetic) uses:
///
///     ℓ  += Σ_events c·η − Σ_m (D/D)·log s_m,                 s_m = S0 − (m/D)·D0
///     U  += Σ_events c·x − (c·S1 − e·D1)
///     I  += c·S2 − e·D2 − [α·S1S1ᵀ − β·(S1D1ᵀ + D1S1ᵀ) + γ·D1D1ᵀ]
///
/// with D = Σ c over the tied events: Efron is applied per replicated subject,
/// so the fit equals R's on the expanded rows. Rows are counts, never
/// fractional case weights.
///
/// A failure of the source (a lost connection) is kept and the evaluation
/// returns a non-finite log-likelihood, which stops the iteration; the fit
/// then rethrows it.
final class CoxAggregateLikelihood: CoxObjective {
    let source: any CoxAggregateSource
    let p: Int
    let means: [Double]
    let scale: [Double]
    let efron: Bool
    private(set) var failure: (any Error)?
    /// Subjects and events seen by the last evaluation.
    private(set) var lastDeaths = 0.0

    init(source: any CoxAggregateSource, means: [Double], scale: [Double], efron: Bool) {
        self.source = source
        self.p = means.count
        self.means = means
        self.scale = scale
        self.efron = efron
    }

    func evaluate(_ scaledBeta: [Double]) -> (loglik: Double, score: [Double], information: [Double]) {
        let p = p
        let nan = (Double.nan, [Double](repeating: .nan, count: p), [Double](repeating: .nan, count: p * p))
        guard failure == nil else { return nan }
        let beta = (0..<p).map { scaledBeta[$0] * scale[$0] }
        let cells: [CoxTimeSums]
        do {
            cells = try source.timeSums(beta: beta, means: means)
        } catch {
            failure = error
            return nan
        }
        let merged = Self.merge(cells.map(rescaled))
        var loglik = 0.0
        var u = [Double](repeating: 0, count: p)
        var info = [Double](repeating: 0, count: p * p)
        var s1 = [Double](repeating: 0, count: p)
        var s2 = [Double](repeating: 0, count: p * (p + 1) / 2)
        var s0 = 0.0
        var stratum = Int.min
        var deathsSeen = 0.0
        // Cells are sorted by stratum, then time descending: running sums are the risk sets.
        for cell in merged {
            if cell.stratum != stratum {
                stratum = cell.stratum
                s0 = 0
                for j in 0..<p { s1[j] = 0 }
                for m in s2.indices { s2[m] = 0 }
            }
            s0 += cell.risk
            for j in 0..<p { s1[j] += cell.riskX[j] }
            for m in s2.indices { s2[m] += cell.riskXX[m] }
            guard cell.deaths > 0 else { continue }
            deathsSeen += cell.deaths
            let d = Int(cell.deaths.rounded())
            let w = TieWeights(s0: s0, d0: cell.deathRisk, deaths: d, deathWeight: cell.deaths, efron: efron)
            loglik -= w.logTerm
            for j in 0..<p {
                loglik += scaledBeta[j] * cell.deathX[j]
                u[j] += cell.deathX[j] - (w.c * s1[j] - w.e * cell.deathRiskX[j])
            }
            for j in 0..<p {
                for k in 0...j {
                    let m = CoxTimeSums.packedIndex(j, k)
                    let v = w.c * s2[m] - w.e * cell.deathRiskXX[m]
                        - (w.alpha * s1[j] * s1[k]
                           - w.beta * (s1[j] * cell.deathRiskX[k] + cell.deathRiskX[j] * s1[k])
                           + w.gamma * cell.deathRiskX[j] * cell.deathRiskX[k])
                    info[j * p + k] += v
                    if j != k { info[k * p + j] += v }
                }
            }
        }
        lastDeaths = deathsSeen
        return (loglik, u, info)
    }

    /// A cell on the scaled covariates `(x − m)·scale`.
    private func rescaled(_ cell: CoxTimeSums) -> CoxTimeSums {
        var c = cell
        for j in 0..<p {
            c.deathX[j] *= scale[j]
            c.riskX[j] *= scale[j]
            c.deathRiskX[j] *= scale[j]
            for k in 0...j {
                let m = CoxTimeSums.packedIndex(j, k)
                c.riskXX[m] *= scale[j] * scale[k]
                c.deathRiskXX[m] *= scale[j] * scale[k]
            }
        }
        return c
    }

    /// Cells with near-equal times merged as R's `aeqSurv` (a gap to the
    /// previous distinct time of at most √ε, absolute or relative to the mean
    /// |time|, is a tie; every time becomes the first of its run), equal
    /// (stratum, time) keys added, sorted by stratum then time descending.
    static func merge(_ cells: [CoxTimeSums]) -> [CoxTimeSums] {
        let times = Array(Set(cells.map(\.time))).sorted()
        var snapped: [Double: Double] = [:]
        if times.count > 1 {
            let tol = Double.ulpOfOne.squareRoot()
            let meanAbs = times.reduce(0) { $0 + abs($1) } / Double(times.count)
            var run = times[0]
            snapped[times[0]] = run
            for k in 1..<times.count {
                let dy = times[k] - times[k - 1]
                if !(dy <= tol || dy / meanAbs <= tol) { run = times[k] }
                snapped[times[k]] = run
            }
        }
        var byKey: [Key: Int] = [:]
        var out: [CoxTimeSums] = []
        out.reserveCapacity(cells.count)
        for var cell in cells {
            cell.time = snapped[cell.time] ?? cell.time
            let key = Key(stratum: cell.stratum, time: cell.time)
            if let at = byKey[key] {
                out[at].add(cell)
            } else {
                byKey[key] = out.count
                out.append(cell)
            }
        }
        out.sort { $0.stratum != $1.stratum ? $0.stratum < $1.stratum : $0.time > $1.time }
        return out
    }

    private struct Key: Hashable {
        var stratum: Int
        var time: Double
    }
}
