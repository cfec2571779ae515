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
/// The information is `Xᵀ·diag(g)·X − Σ_t(...)`. The rows are sorted once
/// (a counting sort on the last event time at which each row is at risk, deaths
/// first within it) into a centred, scaled copy of the design; every per-row
/// array here is in that order and `order[i]` is the input row at position i.
/// The risk-set sums `S0(t)`, `S1(t)` are then contiguous segment sums (each
/// row counted at the last event time it is at risk, and, for `(start, stop]`
/// data, subtracted just before the first), followed by suffix sums within
/// each stratum.
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
    static let chunkRows = 16384

    /// Input row at each sorted position.
    let order: [Int]
    /// First sorted position of each event time's segment (`count + 1` entries;
    /// rows never at risk come after the last segment).
    let segmentStart: [Int]
    /// Sorted positions of rows that leave the risk set before their stratum's
    /// first event time… i.e. that need a subtraction (`(start, stop]` data only).
    let removers: [Int]

    /// - Parameters:
    ///   - design: the n × p design in input order; it is centred by `means` and
    ///     multiplied by `scale` into the engine's sorted copy.
    init(design: Matrix, means: [Double], scale: [Double], offset: [Double], weights: [Double],
         status: [Int], index: RiskSetIndex, ties: CoxTies) {
        let n = design.rows, p = design.columns
        self.n = n
        self.p = p
        self.index = index
        self.efron = ties == .efron
        let t = index.count
        // Counting sort on (exited time, death first); never-at-risk rows last.
        var addOf = [Int](repeating: -1, count: n)
        for i in 0..<n {
            let en = Int(index.entered[i]), ex = Int(index.exited[i])
            if ex >= en && ex >= 0 { addOf[i] = ex }
        }
        var bucket = [Int](repeating: 0, count: 2 * t + 2)  // 2k: deaths at k, 2k+1: others
        for i in 0..<n {
            let a = addOf[i]
            bucket[a < 0 ? 2 * t : 2 * a + (status[i] == 1 ? 0 : 1)] += 1
        }
        var start = [Int](repeating: 0, count: 2 * t + 2)
        var acc = 0
        for b in 0..<(2 * t + 1) { start[b] = acc; acc += bucket[b] }
        start[2 * t + 1] = acc
        var segmentStart = [Int](repeating: 0, count: t + 1)
        for k in 0...t { segmentStart[k] = start[2 * k] }
        var fill = start
        var order = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let a = addOf[i]
            let b = a < 0 ? 2 * t : 2 * a + (status[i] == 1 ? 0 : 1)
            order[fill[b]] = i
            fill[b] += 1
        }
        self.order = order
        self.segmentStart = segmentStart
        var xs = [Double](repeating: 0, count: n * p)
        design.storage.withUnsafeBufferPointer { dp in
            xs.withUnsafeMutableBufferPointer { xp in
                for j in 0..<p {
                    let m = means[j], sc = scale[j]
                    let src = dp.baseAddress! + j * n, dst = xp.baseAddress! + j * n
                    for pos in 0..<n { dst[pos] = (src[order[pos]] - m) * sc }
                }
            }
        }
        self.x = xs
        self.offset = order.map { offset[$0] }
        self.weights = order.map { weights[$0] }
        self.status = order.map { status[$0] == 1 ? 1 : 0 }
        var addAt = [Int32](repeating: -1, count: n)
        var removeAt = [Int32](repeating: -1, count: n)
        var removers: [Int] = []
        for pos in 0..<n {
            let i = order[pos]
            let ex = addOf[i]
            guard ex >= 0 else { continue }
            addAt[pos] = Int32(ex)
            let en = Int(index.entered[i])
            if en > index.firstTime[index.stratumOfTime[ex]] {
                removeAt[pos] = Int32(en - 1)
                removers.append(pos)
            }
        }
        self.addAt = addAt
        self.removeAt = removeAt
        self.removers = removers
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
        chunk = [Double](repeating: 0, count: Swift.min(n, Self.chunkRows) * (p + 1))
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
        let n = n, p = p, t = index.count, clamp = clamp
        var eta = offset
        if p > 0 {
            x.withUnsafeBufferPointer { xp in
                beta.withUnsafeBufferPointer { bp in
                    eta.withUnsafeMutableBufferPointer { ep in
                        BLAS.gemv(.none, m: n, n: p, alpha: 1, a: xp.baseAddress!, lda: n,
                                  x: bp.baseAddress!, beta: 1, y: ep.baseAddress!)
                    }
                }
            }
        }
        var wr = self.wr, s0 = self.s0, d0 = self.d0, tie = self.tie, cum = self.cum
        var g = self.g, resid = self.resid
        self.wr = []; self.s0 = []; self.d0 = []; self.tie = []; self.cum = []; self.g = []; self.resid = []
        var loglik = 0.0
        weights.withUnsafeBufferPointer { wp in
        status.withUnsafeBufferPointer { sp in
        addAt.withUnsafeBufferPointer { ap in
        removeAt.withUnsafeBufferPointer { bp in
        eta.withUnsafeMutableBufferPointer { ep in
        wr.withUnsafeMutableBufferPointer { rp in
        s0.withUnsafeMutableBufferPointer { s0p in
        d0.withUnsafeMutableBufferPointer { d0p in
            for k in 0..<t { s0p[k] = 0; d0p[k] = 0 }
            for i in 0..<n {
                let e = clamp ? Swift.min(Swift.max(ep[i], -200), 22) : ep[i]
                ep[i] = e
                let r = wp[i] * exp(e)
                rp[i] = r
                let dead = sp[i] != 0
                if dead { loglik += wp[i] * e }
                let a = Int(ap[i])
                guard a >= 0 else { continue }
                s0p[a] += r
                let b = Int(bp[i])
                if b >= 0 { s0p[b] -= r }
                if dead { d0p[a] += r }
            }
        }}}}}}}}
        Self.suffixSums(&s0, firstTime: index.firstTime, rows: t, column: 0)
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
        weights.withUnsafeBufferPointer { wp in
        status.withUnsafeBufferPointer { sp in
        addAt.withUnsafeBufferPointer { ap in
        removeAt.withUnsafeBufferPointer { bp in
        wr.withUnsafeBufferPointer { rp in
        cum.withUnsafeBufferPointer { cp in
        tie.withUnsafeBufferPointer { tp in
        g.withUnsafeMutableBufferPointer { gp in
        resid.withUnsafeMutableBufferPointer { up in
            for i in 0..<n {
                let a = Int(ap[i])
                guard a >= 0 else { gp[i] = 0; up[i] = sp[i] * wp[i]; continue }
                let b = Int(bp[i])
                var h = cp[a] - (b >= 0 ? cp[b] : 0)
                if sp[i] != 0 { h -= tp[a].e }
                let gi = rp[i] * h
                gp[i] = gi
                up[i] = sp[i] * wp[i] - gi
            }
        }}}}}}}}}
        self.eta = eta; self.wr = wr; self.s0 = s0; self.d0 = d0; self.tie = tie; self.cum = cum
        self.g = g; self.resid = resid
        return loglik
    }

    /// Suffix sums within each stratum of one column of column-major (times × columns) data.
    static func suffixSums(_ v: inout [Double], firstTime: [Int], rows t: Int, column col: Int) {
        v.withUnsafeMutableBufferPointer { vp in
            for s in 0..<(firstTime.count - 1) {
                var run = 0.0
                var k = firstTime[s + 1] - 1
                while k >= firstTime[s] {
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
        var sums1 = self.s1, tiedSums = self.d1, chunk = self.chunk
        self.s1 = []; self.d1 = []; self.chunk = []
        for k in 0..<sums1.count { sums1[k] = 0 }
        for k in 0..<tiedSums.count { tiedSums[k] = 0 }
        let tc = tiedCount
        var acc = [Double](repeating: 0, count: p * (p + 1))
        x.withUnsafeBufferPointer { xp in
        wr.withUnsafeBufferPointer { wrp in
        g.withUnsafeBufferPointer { gp in
        resid.withUnsafeBufferPointer { rp in
        status.withUnsafeBufferPointer { sp in
        addAt.withUnsafeBufferPointer { ap in
        tiedRow.withUnsafeBufferPointer { tp in
        sums1.withUnsafeMutableBufferPointer { s1p in
        tiedSums.withUnsafeMutableBufferPointer { d1p in
        chunk.withUnsafeMutableBufferPointer { cp in
        acc.withUnsafeMutableBufferPointer { accp in
            var r0 = 0
            while r0 < n {
                let len = Swift.min(Self.chunkRows, n - r0)
                for j in 0..<p {
                    let col = xp.baseAddress! + j * n
                    let out = cp.baseAddress! + j * len
                    for i in r0..<(r0 + len) { out[i - r0] = gp[i] * col[i] }
                }
                // Column p of the chunk is δw − g, so one gemm gives both
                // Xᵀ·diag(g)·X (columns 0..<p) and the score Xᵀ(δw − g) (column p).
                let last = cp.baseAddress! + p * len
                for i in 0..<len { last[i] = rp[r0 + i] }
                let xa = xp.baseAddress! + r0
                BLAS.gemm(.transpose, .none, m: p, n: p + 1, k: len, alpha: 1, a: xa, lda: n,
                          b: cp.baseAddress!, ldb: len, beta: 1, c: accp.baseAddress!, ldc: p)
                r0 += len
            }
            // Segment sums: rows are sorted by the event time at which they are
            // added, deaths first, so S1 and D1 are sums over contiguous ranges.
            for j in 0..<p {
                let col = xp.baseAddress! + j * n
                for k in 0..<t {
                    let lo = segmentStart[k], mid = lo + index.deathCount[k], hi = segmentStart[k + 1]
                    let dead = Self.dotRange(wrp.baseAddress!, col, lo, mid)
                    let rest = Self.dotRange(wrp.baseAddress!, col, mid, hi)
                    s1p[j * t + k] = dead + rest
                    let row = Int(tp[k])
                    if row >= 0 { d1p[j * tc + row] = dead }
                }
            }
            // (start, stop] rows leave the risk set: subtract just before they enter.
            for pos in removers {
                let b = Int(removeAt[pos])
                for j in 0..<p { s1p[j * t + b] -= wrp[pos] * xp[j * n + pos] }
            }
        }}}}}}}}}}}
        for k in 0..<(p * p) { imat[k] = acc[k] }
        for j in 0..<p { u[j] = acc[p * p + j] }
        for j in 0..<p { Self.suffixSums(&sums1, firstTime: index.firstTime, rows: t, column: j) }
        self.s1 = sums1; self.d1 = tiedSums; self.chunk = chunk
    }

    /// `Σ_{i in lo..<hi} a[i]·b[i]` with four accumulators (no loop-carried
    /// dependency on a single sum).
    @inline(__always)
    static func dotRange(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ lo: Int, _ hi: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = lo
        while i + 4 <= hi {
            s0 += a[i] * b[i]
            s1 += a[i + 1] * b[i + 1]
            s2 += a[i + 2] * b[i + 2]
            s3 += a[i + 3] * b[i + 3]
            i += 4
        }
        while i < hi {
            s0 += a[i] * b[i]
            i += 1
        }
        return (s0 + s1) + (s2 + s3)
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
