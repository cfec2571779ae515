import Foundation
import SurvivalNumerics

/// Residuals of a Cox fit, as R's `residuals.coxph` (unweighted, one per used
/// row, input order; Schoenfeld residuals one per event row, input order).
///
/// All of them come from the same per-event-time quantities as the fit:
/// with `h_m = (dw/d)/s_m` the Efron hazard fractions and
/// `a_m = (S1 − f_m·D1)/s_m` the matching risk-set means at an event time,
///
/// * martingale `m_i = δ_i − r_i·H_i`, `H_i = Σ_t Σ_m h_m` over the times at which
///   row i is at risk, the deaths at their own time taking only `(1 − f_m)` of
///   each fraction (R `coxmart`/`agmart3`);
/// * score `L_i = δ_i·(x_i − ā_t) − r_i·Σ_t Σ_m h_m·(x_i − a_m)`, with the same
///   `(1 − f_m)` rule and `ā_t = Σ_m a_m / d` (R `coxscore2`/`agscore3`).
///   Written as `δ(x − ā) − r(x·H − A)` with `A_i = Σ Σ h_m·a_m`, a cumulative sum
///   of per-time vectors, it costs O(n·p);
/// * Schoenfeld `x_i − ā_t` for each event row (R `coxscho`);
/// * dfbeta `L·V` with V the model-based variance.
extension CoxFit {
    /// An engine on the fit's centred/scaled design, evaluated at the estimate.
    /// `clamp: false` uses the unclamped linear predictor, as R's residual code.
    func finalEngine(clamp: Bool) -> CoxLikelihood {
        let lik = CoxLikelihood(
            design: frame.design, means: state.means, scale: state.scale,
            offset: frame.offset ?? [Double](repeating: 0, count: frame.count),
            weights: frame.weights ?? [Double](repeating: 1, count: frame.count),
            status: frame.response.status, index: index, ties: options.ties)
        lik.clamp = clamp
        let betaScaled = (0..<state.beta.count).map { state.aliased[$0] ? 0 : state.beta[$0] / state.scale[$0] }
        if betaScaled.isEmpty { _ = lik.scalarPass([]) } else { _ = lik.evaluate(betaScaled) }
        return lik
    }

    /// Martingale residuals, as `residuals(fit, "martingale")`.
    public func martingaleResiduals() -> [Double] {
        let lik = finalEngine(clamp: false)
        var out = [Double](repeating: 0, count: frame.count)
        for pos in 0..<frame.count { out[lik.order[pos]] = lik.status[pos] - lik.g[pos] / lik.weights[pos] }
        return out
    }

    /// Deviance residuals, as `residuals(fit, "deviance")`.
    public func devianceResiduals() -> [Double] {
        let m = martingaleResiduals()
        return (0..<m.count).map { i in
            let d = frame.response.status[i] == 1 ? 1.0 : 0.0
            let inner = m[i] + (d == 0 ? 0 : d * log(d - m[i]))
            let v = (-2 * inner).squareRoot()
            return m[i] < 0 ? -v : (m[i] > 0 ? v : 0)
        }
    }

    /// Score residuals (n × p, original scale), as `residuals(fit, "score")`.
    public func scoreResiduals() -> Matrix {
        let lik = finalEngine(clamp: false)
        return scoreResiduals(lik)
    }

    func scoreResiduals(_ lik: CoxLikelihood) -> Matrix {
        let n = lik.n, p = lik.p, t = lik.index.count, tc = lik.tiedCount
        var out = Matrix(rows: n, columns: p)
        guard p > 0 else { return out }
        var cumA = [Double](repeating: 0, count: t)  // one column at a time
        var vd = [Double](repeating: 0, count: t)
        var mean = [Double](repeating: 0, count: t)
        for j in 0..<p {
            for s in 0..<(lik.index.firstTime.count - 1) {
                var run = 0.0
                for k in lik.index.firstTime[s]..<lik.index.firstTime[s + 1] {
                    let w = lik.tie[k]
                    let sv = lik.s1[j * t + k]
                    let row = Int(lik.tiedRow[k])
                    let dv = row >= 0 ? lik.d1[j * tc + row] : 0
                    run += w.alpha * sv - w.beta * dv
                    cumA[k] = run
                    vd[k] = w.beta * sv - w.gamma * dv
                    mean[k] = (w.c * sv - w.e * dv) / lik.index.deathWeight[k]
                }
            }
            let base = j * n
            let sc = state.scale[j]
            for i in 0..<n {
                let a = Int(lik.addAt[i])
                guard a >= 0 else { continue }
                let b = Int(lik.removeAt[i])
                let xv = lik.x[base + i]
                let death = lik.status[i] != 0
                var h = lik.cum[a] - (b >= 0 ? lik.cum[b] : 0)
                var aa = cumA[a] - (b >= 0 ? cumA[b] : 0)
                if death {
                    h -= lik.tie[a].e
                    aa -= vd[a]
                }
                let r = lik.wr[i] / lik.weights[i]
                var v = -r * (xv * h - aa)
                if death { v += xv - mean[a] }
                out.storage[base + lik.order[i]] = v / sc
            }
        }
        return out
    }

    /// Schoenfeld residuals (events × p, original scale) for the event rows in
    /// input order, and those rows' indices, as `residuals(fit, "schoenfeld")`.
    public func schoenfeldResiduals() -> (rows: [Int], residuals: Matrix) {
        let lik = finalEngine(clamp: false)
        return schoenfeldResiduals(lik)
    }

    func schoenfeldResiduals(_ lik: CoxLikelihood) -> (rows: [Int], residuals: Matrix) {
        let n = lik.n, p = lik.p, t = lik.index.count, tc = lik.tiedCount
        var position = [Int](repeating: 0, count: n)
        for pos in 0..<n { position[lik.order[pos]] = pos }
        let rows = (0..<n).filter { frame.response.status[$0] == 1 }
        var out = Matrix(rows: rows.count, columns: p)
        for j in 0..<p {
            for (r, original) in rows.enumerated() {
                let i = position[original]
                let k = Int(lik.addAt[i])
                let w = lik.tie[k]
                let sv = lik.s1[j * t + k]
                let row = Int(lik.tiedRow[k])
                let dv = row >= 0 ? lik.d1[j * tc + row] : 0
                let mean = (w.c * sv - w.e * dv) / lik.index.deathWeight[k]
                out[r, j] = (lik.x[j * n + i] - mean) / state.scale[j]
            }
        }
        return (rows, out)
    }

    /// dfbeta residuals `L·V` (n × p), as `residuals(fit, "dfbeta")` (unweighted).
    public func dfbetaResiduals() -> Matrix {
        let l = scoreResiduals()
        return multiply(l, state.naiveVariance)
    }

    func multiply(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, columns: b.columns)
        guard a.rows > 0, b.columns > 0, a.columns > 0 else { return c }
        a.storage.withUnsafeBufferPointer { ap in
            b.storage.withUnsafeBufferPointer { bp in
                c.storage.withUnsafeMutableBufferPointer { cp in
                    BLAS.gemm(.none, .none, m: a.rows, n: b.columns, k: a.columns, alpha: 1,
                              a: ap.baseAddress!, lda: a.rows, b: bp.baseAddress!, ldb: b.rows,
                              beta: 0, c: cp.baseAddress!, ldc: a.rows)
                }
            }
        }
        return c
    }
}
