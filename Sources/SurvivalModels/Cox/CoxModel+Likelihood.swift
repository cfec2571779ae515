import Foundation
import SurvivalNumerics

/// Log partial likelihood, score and information of a Cox model at a given β,
/// for right-censored and `(start, stop]` data, strata, case weights, offsets,
/// Efron or Breslow ties — the quantities R's `coxfit6`/`agfit4` accumulate.
///
/// R walks the data sorted by time and, at each event time, adds `a·aᵀ`-type
/// terms into the p×p information: `n·p²` scalar work. Here the same sums are
/// regrouped so that an iteration is two passes over the design plus BLAS
/// level-3 calls. With `c_t`, `e_t`, `α_t`, `β_t`, `γ_t` the per-time weights of
/// ``TieWeights`` and, for row i, `C_i = Σ c_t` over the event times at which i
/// is at risk:
///
/// * `Σ_t Σ_m (dw/d)(S2 − f_m·D2)/s_m = Σ_t (c_t·S2(t) − e_t·D2(t))
///    = Xᵀ·diag(g)·X` with `g_i = w_i·r_i·(C_i − δ_i·e_{t_i})` (the expected
///   number of events of row i times its weight: `δ − g/w` is the martingale
///   residual, Efron-adjusted as R's `coxmart`);
/// * `Σ_t Σ_m (dw/d)·a_m·a_mᵀ = Σ_t [α·S1S1ᵀ − β·(S1D1ᵀ + D1S1ᵀ) + γ·D1D1ᵀ]`,
///   a sum over the (few thousand) distinct times of rank-two terms, done as
///   `S1ᵀ·(αS1 − βD1) + D1ᵀ·(γD1 − βS1)` with the per-time sums stacked as
///   (times × p) matrices;
/// * the score is `U = Xᵀ·(δ·w − g)` and the log-likelihood
///   `Σ δ·w·η − Σ_t Σ_m (dw/d)·log s_m`.
///
/// The information is `Xᵀ·diag(g)·X − Σ_t(...)`. Rows are visited in their
/// input order: the risk-set sums `S0(t)`, `S1(t)` are built by adding each
/// row's contribution at the last event time it is at risk and subtracting it
/// just before the first, then taking suffix sums within each stratum.
///
/// X is the centred (and scaled) design that ``CoxModel`` prepares, as R does;
/// η is clamped to [−200, 22] as survival's `coxsafe`.
final class CoxLikelihood {
    let n: Int
    let p: Int
    let x: [Double]  // n × p column-major, centred and scaled
    let offset: [Double]
    let weights: [Double]
    let status: [Double]  // δ as 0/1
    let index: RiskSetIndex
    let efron: Bool
    /// Clamp η to [−200, 22] as `coxsafe` (the fit); residuals use η as is.
    var clamp = true
    /// Per row: event-time index where the row's contribution is added (−1: never at risk)
    /// and where it is subtracted (−1: no subtraction, it entered before the stratum's first time).
    let addAt: [Int32]
    let removeAt: [Int32]
    /// Compact row of each event time with tied deaths in `d1` (−1 if at most one death).
    let tiedRow: [Int32]
    let tiedCount: Int

    // Work buffers, reused across iterations.
    var eta: [Double]
    var wr: [Double]
    var g: [Double]
    var resid: [Double]
    var s0: [Double]
    var d0: [Double]
    var s1: [Double]  // T × p
    var d1: [Double]  // tiedCount × p
    var tie: [TieWeights]
    var cum: [Double]
    var chunk: [Double]
    static let chunkRows = 2048

    init(x: [Double], n: Int, p: Int, offset: [Double], weights: [Double], status: [Int],
         index: RiskSetIndex, ties: CoxTies) {
        self.n = n
        self.p = p
        self.x = x
        self.offset = offset
        self.weights = weights
        self.status = status.map { $0 == 1 ? 1 : 0 }
        self.index = index
        self.efron = ties == .efron
        let t = index.count
        var addAt = [Int32](repeating: -1, count: n)
        var removeAt = [Int32](repeating: -1, count: n)
        for i in 0..<n {
            let en = Int(index.entered[i]), ex = Int(index.exited[i])
            guard ex >= en, ex >= 0 else { continue }
            addAt[i] = Int32(ex)
            if en > index.firstTime[index.stratumOfTime[ex]] { removeAt[i] = Int32(en - 1) }
        }
        self.addAt = addAt
        self.removeAt = removeAt
        var tiedRow = [Int32](repeating: -1, count: t)
        var tied = 0
        if ties == .efron {
            for k in 0..<t where index.deathCount[k] > 1 {
                tiedRow[k] = Int32(tied)
                tied += 1
            }
        }
        self.tiedRow = tiedRow
        self.tiedCount = tied
        eta = [Double](repeating: 0, count: n)
        wr = eta
        g = eta
        resid = eta
        s0 = [Double](repeating: 0, count: t)
        d0 = s0
        cum = s0
        s1 = [Double](repeating: 0, count: t * p)
        d1 = [Double](repeating: 0, count: tied * p)
        tie = [TieWeights](repeating: TieWeights(), count: t)
        chunk = [Double](repeating: 0, count: Swift.min(n, Self.chunkRows) * p)
    }

    /// Log partial likelihood, score (length p) and information (p × p, column-major)
    /// at `beta` (on the scale of `x`).
    func evaluate(_ beta: [Double]) -> (loglik: Double, score: [Double], information: [Double]) {
        let loglik = scalarPass(beta)
        var u = [Double](repeating: 0, count: p)
        var imat = [Double](repeating: 0, count: p * p)
        designPass(score: &u, information: &imat)
        subtractMeanTerms(&imat)
        // Symmetrise (the two gemm products agree only to rounding).
        for j in 0..<p {
            for i in 0..<j {
                let v = 0.5 * (imat[i + j * p] + imat[j + i * p])
                imat[i + j * p] = v
                imat[j + i * p] = v
            }
        }
        return (loglik, u, imat)
    }

    /// η, risks, S0/D0, the tie weights, `g` and the log-likelihood: everything
    /// that needs only one number per row.
    func scalarPass(_ beta: [Double]) -> Double {
        let n = n, t = index.count
        eta = offset
        x.withUnsafeBufferPointer { xp in
            beta.withUnsafeBufferPointer { bp in
                eta.withUnsafeMutableBufferPointer { ep in
                    BLAS.gemv(.none, m: n, n: p, alpha: 1, a: xp.baseAddress!, lda: n,
                              x: bp.baseAddress!, beta: 1, y: ep.baseAddress!)
                }
            }
        }
        var loglik = 0.0
        for k in 0..<t { s0[k] = 0; d0[k] = 0 }
        for i in 0..<n {
            let e = clamp ? Swift.min(Swift.max(eta[i], -200), 22) : eta[i]
            eta[i] = e
            let r = weights[i] * exp(e)
            wr[i] = r
            if status[i] != 0 { loglik += weights[i] * e }
            let a = Int(addAt[i])
            guard a >= 0 else { continue }
            s0[a] += r
            let b = Int(removeAt[i])
            if b >= 0 { s0[b] -= r }
            if status[i] != 0 { d0[a] += r }
        }
        suffixSums(&s0, stride: 1, offset: 0)
        for k in 0..<t {
            let w = TieWeights(s0: s0[k], d0: d0[k], deaths: index.deathCount[k],
                               deathWeight: index.deathWeight[k], efron: efron)
            tie[k] = w
            loglik -= w.logTerm
        }
        // Cumulative c within strata.
        for s in 0..<(index.firstTime.count - 1) {
            var run = 0.0
            for k in index.firstTime[s]..<index.firstTime[s + 1] {
                run += tie[k].c
                cum[k] = run
            }
        }
        for i in 0..<n {
            let a = Int(addAt[i])
            guard a >= 0 else { g[i] = 0; resid[i] = status[i] * weights[i]; continue }
            let b = Int(removeAt[i])
            var h = cum[a] - (b >= 0 ? cum[b] : 0)
            if status[i] != 0 { h -= tie[a].e }
            g[i] = wr[i] * h
            resid[i] = status[i] * weights[i] - g[i]
        }
        return loglik
    }

    /// Suffix sums within each stratum of column-major (times × columns) data.
    func suffixSums(_ v: inout [Double], stride columns: Int, offset col: Int) {
        let t = index.count
        v.withUnsafeMutableBufferPointer { vp in
            for s in 0..<(index.firstTime.count - 1) {
                var run = 0.0
                var k = index.firstTime[s + 1] - 1
                while k >= index.firstTime[s] {
                    run += vp[col * t + k]
                    vp[col * t + k] = run
                    k -= 1
                }
            }
        }
    }

    /// One pass over the design in row chunks: risk-set sums S1 (and D1 for tied
    /// Efron deaths), `U = Xᵀ(δw − g)` and `Xᵀ·diag(g)·X`.
    func designPass(score u: inout [Double], information imat: inout [Double]) {
        let n = n, p = p, t = index.count
        for k in 0..<s1.count { s1[k] = 0 }
        for k in 0..<d1.count { d1[k] = 0 }
        let tc = tiedCount
        x.withUnsafeBufferPointer { xp in
        wr.withUnsafeBufferPointer { wrp in
        g.withUnsafeBufferPointer { gp in
        resid.withUnsafeBufferPointer { rp in
        status.withUnsafeBufferPointer { sp in
        addAt.withUnsafeBufferPointer { ap in
        removeAt.withUnsafeBufferPointer { bp in
        tiedRow.withUnsafeBufferPointer { tp in
        s1.withUnsafeMutableBufferPointer { s1p in
        d1.withUnsafeMutableBufferPointer { d1p in
        chunk.withUnsafeMutableBufferPointer { cp in
        u.withUnsafeMutableBufferPointer { up in
        imat.withUnsafeMutableBufferPointer { ip in
            var r0 = 0
            while r0 < n {
                let len = Swift.min(Self.chunkRows, n - r0)
                for j in 0..<p {
                    let col = xp.baseAddress! + j * n
                    let s1c = s1p.baseAddress! + j * t
                    let d1c = d1p.baseAddress.map { $0 + j * tc }
                    let out = cp.baseAddress! + j * len
                    for i in r0..<(r0 + len) {
                        let xv = col[i]
                        out[i - r0] = gp[i] * xv
                        let a = Int(ap[i])
                        guard a >= 0 else { continue }
                        let v = wrp[i] * xv
                        s1c[a] += v
                        let b = Int(bp[i])
                        if b >= 0 { s1c[b] -= v }
                        if sp[i] != 0, let d1c {
                            let row = Int(tp[a])
                            if row >= 0 { d1c[row] += v }
                        }
                    }
                }
                let xa = xp.baseAddress! + r0
                BLAS.gemm(.transpose, .none, m: p, n: p, k: len, alpha: 1, a: xa, lda: n,
                          b: cp.baseAddress!, ldb: len, beta: 1, c: ip.baseAddress!, ldc: p)
                BLAS.gemv(.transpose, m: len, n: p, alpha: 1, a: xa, lda: n,
                          x: rp.baseAddress! + r0, beta: 1, y: up.baseAddress!)
                r0 += len
            }
        }}}}}}}}}}}}}
        for j in 0..<p { suffixSums(&s1, stride: p, offset: j) }
    }

    /// Subtracts `Σ_t Σ_m (dw/d)·a_m·a_mᵀ` from the information, in blocks of times.
    func subtractMeanTerms(_ imat: inout [Double]) {
        let t = index.count, p = p, tc = tiedCount
        guard t > 0 else { return }
        let block = 4096
        var pBuf = [Double](repeating: 0, count: Swift.min(block, t) * p)
        var qBuf = pBuf
        var dBuf = pBuf
        var k0 = 0
        while k0 < t {
            let len = Swift.min(block, t - k0)
            var anyTied = false
            for j in 0..<p {
                for k in k0..<(k0 + len) {
                    let w = tie[k]
                    let sv = s1[j * t + k]
                    let row = Int(tiedRow[k])
                    let dv = row >= 0 ? d1[j * tc + row] : 0
                    if row >= 0 { anyTied = true }
                    pBuf[(k - k0) + j * len] = w.alpha * sv - w.beta * dv
                    qBuf[(k - k0) + j * len] = w.gamma * dv - w.beta * sv
                    dBuf[(k - k0) + j * len] = dv
                }
            }
            s1.withUnsafeBufferPointer { sp in
                pBuf.withUnsafeBufferPointer { pp in
                    imat.withUnsafeMutableBufferPointer { ip in
                        BLAS.gemm(.transpose, .none, m: p, n: p, k: len, alpha: -1,
                                  a: sp.baseAddress! + k0, lda: t, b: pp.baseAddress!, ldb: len,
                                  beta: 1, c: ip.baseAddress!, ldc: p)
                    }
                }
            }
            if anyTied {
                dBuf.withUnsafeBufferPointer { dp in
                    qBuf.withUnsafeBufferPointer { qp in
                        imat.withUnsafeMutableBufferPointer { ip in
                            BLAS.gemm(.transpose, .none, m: p, n: p, k: len, alpha: -1,
                                      a: dp.baseAddress!, lda: len, b: qp.baseAddress!, ldb: len,
                                      beta: 1, c: ip.baseAddress!, ldc: p)
                        }
                    }
                }
            }
            k0 += len
        }
    }
}
