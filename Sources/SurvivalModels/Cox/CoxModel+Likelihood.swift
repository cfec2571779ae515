import Dispatch
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
/// The information is `Xᵀ·diag(g)·X − Σ_t(...)`. Nothing is sorted here: the
/// engine works in input order on a centred, scaled, row-major copy of the design
/// (``RiskSetIndex`` has already placed every row among the event times). One
/// Newton–Raphson evaluation is
///
/// 1. a pass over the rows: η, `w·r = w·exp(η)`, and `w·r` and `w·r·x` added into
///    the row's bucket — the last event time at which it is at risk, deaths and
///    the others apart (so D0/D1 come out too); S0, S1 are then suffix sums of the
///    bucket sums within each stratum (for `(start, stop]` data a row is also
///    subtracted just before the first time it is at risk);
/// 2. per-time tie weights, then `g` per row;
/// 3. a pass over the rows in chunks of 2048, one gemm per chunk for
///    `Xᵀ·diag(g)·X` and the score, then the rank-two time terms.
///
/// On 1M × 20 each pass streams the 160 MB copy once; `order` is the identity,
/// kept for the residual code.
///
/// X is the centred (and scaled) design that ``CoxModel`` prepares, as R does;
/// η is used as is: `coxfit6`/`agfit4` (what `coxph` calls for Efron and Breslow
/// ties) do not cap it; survival's `coxsafe` cap to [−200, 22] is applied only in
/// the penalised fitters `coxfit5`/`agfit5`. An overflow makes the log-likelihood
/// non-finite, which the iteration treats as a failed step (step halving), as R.
final class CoxLikelihood {
    let n: Int
    let p: Int
    /// The centred, scaled design in input order, row-major (row i at `rows[i·p ..< i·p + p]`),
    /// so that everything one row contributes is one contiguous read.
    let rows: LargeBuffer<Double>
    let offset: [Double]
    let weights: [Double]
    let status: [Double]  // δ as 0/1
    let index: RiskSetIndex
    let efron: Bool
    /// Clamp η to [−200, 22] as `coxsafe` (survival's penalised fitters only;
    /// off for every `coxph` fit, as R).
    var clamp = false
    /// Per row: event-time index where the row's contribution is added (−1: never at risk)
    /// and where it is subtracted (−1: no subtraction, it entered before the stratum's first time).
    let addAt: [Int32]
    let removeAt: [Int32]
    /// Per row: `2·addAt + (death ? 0 : 1)`, or `2T` for a row never at risk — the
    /// slot its `w·r·x` is summed into (deaths and the others kept apart for Efron's D1).
    let bucket: [Int32]
    /// Compact row of each event time with tied deaths in `d1` (−1 if at most one death).
    let tiedRow: [Int32]
    let tiedCount: Int
    /// Rows that leave the risk set before their stratum's first event time
    /// is passed, i.e. that need a subtraction (`(start, stop]` data only).
    let removers: [Int]

    /// The centred, scaled design in input order, column-major (for the
    /// residuals; built on first use).
    lazy var x: [Double] = {
        var xs = [Double](repeating: 0, count: n * p)
        for j in 0..<p {
            for i in 0..<n { xs[j * n + i] = rows[i * p + j] }
        }
        return xs
    }()
    /// Input row at each position: the engine works in input order.
    lazy var order: [Int] = Array(0..<n)

    // Work buffers, reused across iterations.
    let eta: LargeBuffer<Double>
    let wr: LargeBuffer<Double>
    let g: LargeBuffer<Double>
    let resid: LargeBuffer<Double>
    var s0: [Double]
    var d0: [Double]
    var s1: [Double]  // T × p
    var d1: [Double]  // tiedCount × p
    var tie: [TieWeights]
    var cum: [Double]
    /// Per-bucket sums of `w·r` (2T + 2) and of `w·r·x` ((2T + 2) × p, row-major).
    var bucketSums0: [Double]
    var bucketSums1: [Double]
    /// A chunk of rows of the centred design times `g`, each row followed by `δw − g`.
    var chunkG: [Double]
    /// Rows per gemm call: 2048 × 21 doubles (344 kB) stay in L2; measured best
    /// among 512 … 32768 (a `dsyrk` on `√g·x` was slower than this gemm).
    static let chunkRows = 2048

    /// - Parameters:
    ///   - design: the n × p design in input order; it is centred by `means` and
    ///     multiplied by `scale` into the engine's row-major copy.
    ///   - centred: the row-major copy (``centredRows(_:means:scale:)``) when
    ///     the caller made it already (to place it in memory before the index's).
    init(design: Matrix, means: [Double], scale: [Double], offset: [Double], weights: [Double],
         status: [Int32], index: RiskSetIndex, ties: CoxTies, centred: LargeBuffer<Double>? = nil) {
        let n = design.rows, p = design.columns
        self.n = n
        self.p = p
        self.rows = centred ?? Self.centredRows(design, means: means, scale: scale)
        self.offset = offset
        self.weights = weights
        self.index = index
        self.efron = ties == .efron
        let t = index.count
        var addAt = [Int32](repeating: -1, count: n)
        var removeAt = [Int32](repeating: -1, count: n)
        var bucket = [Int32](repeating: Int32(2 * t), count: n)
        var statusD = [Double](repeating: 0, count: n)
        var removers: [Int] = []
        index.entered.withUnsafeBufferPointer { enp in
        index.exited.withUnsafeBufferPointer { exp in
        status.withUnsafeBufferPointer { stp in
        addAt.withUnsafeMutableBufferPointer { ap in
        removeAt.withUnsafeMutableBufferPointer { rp in
        bucket.withUnsafeMutableBufferPointer { bp in
        statusD.withUnsafeMutableBufferPointer { sp in
            for i in 0..<n {
                let dead = stp[i] == 1
                sp[i] = dead ? 1 : 0
                let en = enp[i], ex = exp[i]
                guard ex >= en && ex >= 0 else { continue }
                ap[i] = ex
                bp[i] = 2 * ex + (dead ? 0 : 1)
                if Int(en) > index.firstTime[index.stratumOfTime[Int(ex)]] {
                    rp[i] = en - 1
                    removers.append(i)
                }
            }
        }}}}}}}
        self.addAt = addAt
        self.removeAt = removeAt
        self.bucket = bucket
        self.status = statusD
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
        // Every pass writes all n entries before anything reads them (the
        // scalar pass η and w·r, then the expected events g and δw − g), so
        // the buffers are not zeroed: their pages are first touched by the
        // passes, on all cores, instead of by one memset.
        eta = LargeBuffer(count: n, zeroed: false)
        wr = LargeBuffer(count: n, zeroed: false)
        g = LargeBuffer(count: n, zeroed: false)
        resid = LargeBuffer(count: n, zeroed: false)
        s0 = [Double](repeating: 0, count: t)
        d0 = s0
        cum = s0
        s1 = [Double](repeating: 0, count: t * p)
        d1 = [Double](repeating: 0, count: tied * p)
        tie = [TieWeights](repeating: TieWeights(), count: t)
        let parts = Self.parts(n)
        bucketSums0 = [Double](repeating: 0, count: parts * (2 * t + 2))
        bucketSums1 = [Double](repeating: 0, count: Swift.max(1, parts * (2 * t + 2) * p))  // ≥ 1: a base address
        let len = Swift.min(n, Self.chunkRows)
        chunkG = [Double](repeating: 0, count: parts * len * (p + 1))
    }


    /// The two row passes are split into this many fixed ranges of rows, which
    /// `concurrentPerform` hands to as many threads as there are cores: four for
    /// large data, so that a core busy with another job only delays its share
    /// (the split does not depend on the machine, so neither do the results),
    /// one below 100,000 rows.
    static func parts(_ n: Int) -> Int { n >= 100_000 ? 4 : 1 }

    /// Rows `lo ..< hi` of part `part` (boundaries on multiples of 4).
    static func range(_ part: Int, of parts: Int, n: Int) -> (Int, Int) {
        let size = (n / parts) & ~3
        return (part * size, part == parts - 1 ? n : (part + 1) * size)
    }

    /// `(x − mean)·scale` in row-major order: one pass that reads the p columns
    /// side by side and writes each row contiguously, the rows split in
    /// ``parts(_:)`` fixed ranges over the cores (the copy of a registry-sized
    /// design is mostly fresh pages; each value is computed the same way
    /// whatever the thread count).
    static func centredRows(_ design: Matrix, means: [Double], scale: [Double]) -> LargeBuffer<Double> {
        let n = design.rows, p = design.columns
        let out = LargeBuffer<Double>(count: n * p, zeroed: false)
        guard n > 0, p > 0 else { return out }
        let parts = Self.parts(n)
        design.storage.withUnsafeBufferPointer { dp in
        means.withUnsafeBufferPointer { mp in
        scale.withUnsafeBufferPointer { sp in
            let shared = UncheckedSendable((dp, mp, sp, out.pointer))
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let (dp, mp, sp, target) = shared.value
                guard let src = dp.baseAddress else { return }
                let (lo, hi) = Self.range(part, of: parts, n: n)
                for i in lo..<hi {
                    let d = target + i * p
                    for j in 0..<p { d[j] = (src[j &* n &+ i] - mp[j]) * sp[j] }
                }
            }
        }}}
        return out
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

    /// One pass over the design: η (offset + centred x·β),
    /// the risks `w·r`, the per-bucket sums of `w·r` and `w·r·x` (whence S0, D0,
    /// S1, D1), then the tie weights, `g` and the log-likelihood.
    func scalarPass(_ beta: [Double]) -> Double {
        let n = n, p = p, clamp = clamp
        let parts = Self.parts(n)
        let size0 = 2 * index.count + 2, size1 = size0 * p
        var b0 = self.bucketSums0, b1 = self.bucketSums1
        self.bucketSums0 = []; self.bucketSums1 = []
        let xp = rows.buffer, ep = eta.buffer, rp = wr.buffer
        var partLoglik = [Double](repeating: 0, count: parts)
        offset.withUnsafeBufferPointer { op in
        weights.withUnsafeBufferPointer { wp in
        status.withUnsafeBufferPointer { sp in
        bucket.withUnsafeBufferPointer { bkp in
        beta.withUnsafeBufferPointer { betap in
        b0.withUnsafeMutableBufferPointer { b0all in
        b1.withUnsafeMutableBufferPointer { b1all in
        partLoglik.withUnsafeMutableBufferPointer { llp in
          // Each thread writes only its own rows and its own part of the sums.
          let shared = UncheckedSendable((op, wp, sp, bkp, betap, b0all, b1all, llp, xp, ep, rp))
          DispatchQueue.concurrentPerform(iterations: parts) { part in
            let (op, wp, sp, bkp, betap, b0all, b1all, llp, xp, ep, rp) = shared.value
            let (lo, hi) = Self.range(part, of: parts, n: n)
            let b0p = b0all.baseAddress! + part * size0, b1p = b1all.baseAddress! + part * size1
            for k in 0..<size0 { b0p[k] = 0 }
            for k in 0..<size1 { b1p[k] = 0 }
            var loglik = 0.0
            // η = offset + Σ_j β_j·x_ij, summed in column order as coxfit6's zbeta;
            // four rows at a time so that the four sums proceed side by side.
            var i0 = lo
            while i0 < hi {
                let m = Swift.min(4, hi - i0)
                if m == 4 && p > 0 {
                    let x0 = xp.baseAddress! + i0 * p
                    let x1 = x0 + p, x2 = x1 + p, x3 = x2 + p
                    var e0 = op[i0], e1 = op[i0 + 1], e2 = op[i0 + 2], e3 = op[i0 + 3]
                    for j in 0..<p {
                        let bj = betap[j]
                        e0 += bj * x0[j]
                        e1 += bj * x1[j]
                        e2 += bj * x2[j]
                        e3 += bj * x3[j]
                    }
                    ep[i0] = e0; ep[i0 + 1] = e1; ep[i0 + 2] = e2; ep[i0 + 3] = e3
                } else {
                    for i in i0..<(i0 + m) {
                        var e = op[i]
                        for j in 0..<p { e += betap[j] * xp[i * p + j] }
                        ep[i] = e
                    }
                }
                for i in i0..<(i0 + m) {
                    var e = ep[i]
                    if clamp { e = Swift.min(Swift.max(e, -200), 22) }
                    ep[i] = e
                    let r = wp[i] * exp(e)
                    rp[i] = r
                    loglik += sp[i] * (wp[i] * e)
                    let k = Int(bkp[i])
                    b0p[k] += r
                    if p > 0 {
                        // w·r·x of the row into its bucket's row of p sums.
                        let row = xp.baseAddress! + i * p, dst = b1p + k * p
                        for j in 0..<p { dst[j] += r * row[j] }
                    }
                }
                i0 += m
            }
            llp[part] = loglik
          }
          // Fold the parts' bucket sums into the first, in part order.
          for part in 1..<parts {
              for k in 0..<size0 { b0all[k] += b0all[part * size0 + k] }
              for k in 0..<size1 { b1all[k] += b1all[part * size1 + k] }
          }
        }}}}}}}}
        var loglik = 0.0
        for part in 0..<parts { loglik += partLoglik[part] }
        self.bucketSums0 = b0; self.bucketSums1 = b1
        riskSetSums()
        // Tie weights, the log-likelihood's log terms and the cumulative c within strata.
        let t = index.count, efron = efron
        var tie = self.tie, cum = self.cum
        self.tie = []; self.cum = []
        index.deathCount.withUnsafeBufferPointer { dc in
        index.deathWeight.withUnsafeBufferPointer { dw in
        s0.withUnsafeBufferPointer { s0p in
        d0.withUnsafeBufferPointer { d0p in
        tie.withUnsafeMutableBufferPointer { tp in
        cum.withUnsafeMutableBufferPointer { cp in
            // The weights of each time are independent (Efron's take a log per
            // tied death: 0.7M logs on 1M rows), made on two halves of the
            // times; the log-likelihood then sums their log terms in time order.
            let shared = UncheckedSendable((dc, dw, s0p, d0p, tp))
            let halves = n >= 100_000 && t >= 2 ? 2 : 1
            ParallelLoop.run(halves, threads: halves) { half in
                let (dc, dw, s0p, d0p, tp) = shared.value
                let lo = half * (t / 2), hi = half == halves - 1 ? t : (half + 1) * (t / 2)
                for k in lo..<hi {
                    tp[k] = TieWeights(s0: s0p[k], d0: d0p[k], deaths: dc[k], deathWeight: dw[k], efron: efron)
                }
            }
            for k in 0..<t { loglik -= tp[k].logTerm }
            for s in 0..<(index.firstTime.count - 1) {
                var run = 0.0
                for k in index.firstTime[s]..<index.firstTime[s + 1] {
                    run += tp[k].c
                    cp[k] = run
                }
            }
        }}}}}}
        self.tie = tie; self.cum = cum
        expectedEvents()
        return loglik
    }

    /// S0, D0, S1 and D1 from the bucket sums: a row is counted at the last event
    /// time at which it is at risk, subtracted (for `(start, stop]` data) just
    /// before the first, and the risk-set sums are suffix sums within each stratum.
    func riskSetSums() {
        let t = index.count, p = p, tc = tiedCount
        for k in 0..<t {
            s0[k] = bucketSums0[2 * k] + bucketSums0[2 * k + 1]
            d0[k] = bucketSums0[2 * k]
        }
        for j in 0..<p {
            for k in 0..<t {
                let dead = bucketSums1[2 * k * p + j]
                s1[j * t + k] = dead + bucketSums1[(2 * k + 1) * p + j]
                let row = Int(tiedRow[k])
                if row >= 0 { d1[j * tc + row] = dead }
            }
        }
        for i in removers {
            let b = Int(removeAt[i])
            s0[b] -= wr[i]
            for j in 0..<p { s1[j * t + b] -= wr[i] * rows[i * p + j] }
        }
        Self.suffixSums(&s0, firstTime: index.firstTime, rows: t, column: 0)
        for j in 0..<p { Self.suffixSums(&s1, firstTime: index.firstTime, rows: t, column: j) }
    }

    /// `g_i = w_i·r_i·(C_i − δ_i·e_{t_i})`, the weighted expected number of events
    /// of each row, and `δ·w − g`.
    func expectedEvents() {
        let n = n
        let rp = wr.buffer, gp = g.buffer, up = resid.buffer
        weights.withUnsafeBufferPointer { wp in
        status.withUnsafeBufferPointer { sp in
        addAt.withUnsafeBufferPointer { ap in
        removeAt.withUnsafeBufferPointer { bp in
        cum.withUnsafeBufferPointer { cp in
        tie.withUnsafeBufferPointer { tp in
            // Each row on its own: the fixed row ranges of the passes, on all cores.
            let shared = UncheckedSendable((wp, sp, ap, bp, cp, tp, rp, gp, up))
            let parts = Self.parts(n)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let (wp, sp, ap, bp, cp, tp, rp, gp, up) = shared.value
                let (lo, hi) = Self.range(part, of: parts, n: n)
                for i in lo..<hi {
                    let a = Int(ap[i])
                    guard a >= 0 else { gp[i] = 0; up[i] = sp[i] * wp[i]; continue }
                    let b = Int(bp[i])
                    var h = cp[a] - (b >= 0 ? cp[b] : 0)
                    if sp[i] != 0 { h -= tp[a].e }
                    let gi = rp[i] * h
                    gp[i] = gi
                    up[i] = sp[i] * wp[i] - gi
                }
            }
        }}}}}}
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

    /// One pass over the design in row chunks: `U = Xᵀ(δw − g)` and `Xᵀ·diag(g)·X`
    /// by one gemm per chunk.
    func designPass(score u: inout [Double], information imat: inout [Double]) {
        let n = n, p = p, q = p + 1
        var chunkG = self.chunkG
        self.chunkG = []
        let parts = Self.parts(n)
        var acc = [Double](repeating: 0, count: parts * p * q)
        let xp = rows.buffer, gp = g.buffer, rp = resid.buffer
        chunkG.withUnsafeMutableBufferPointer { gcall in
        acc.withUnsafeMutableBufferPointer { accall in
          // Each thread writes only its own rows and its own part of the sums.
          let shared = UncheckedSendable((gcall, accall, xp, gp, rp))
          DispatchQueue.concurrentPerform(iterations: parts) { part in
            let (gcall, accall, xp, gp, rp) = shared.value
            let (lo, hi) = Self.range(part, of: parts, n: n)
            let gcp = gcall.baseAddress! + part * Swift.min(n, Self.chunkRows) * q
            let accp = accall.baseAddress! + part * p * q
            var r0 = lo
            while r0 < hi {
                let len = Swift.min(Self.chunkRows, hi - r0)
                // Row i of the chunk is g_i·x_i followed by δ_i·w_i − g_i, so one gemm
                // gives both Xᵀ·diag(g)·X (columns 0..<p) and the score Xᵀ(δw − g) (column p).
                for i in 0..<len {
                    let gi = gp[r0 + i]
                    let src = xp.baseAddress! + (r0 + i) * p, dst = gcp + i * q
                    for j in 0..<p { dst[j] = gi * src[j] }
                    dst[p] = rp[r0 + i]
                }
                // acc (p × q) += Xᵀ_chunk (p × len, the row-major rows) · G_chunkᵀ.
                BLAS.gemm(.none, .transpose, m: p, n: q, k: len, alpha: 1,
                          a: xp.baseAddress! + r0 * p, lda: p, b: gcp, ldb: q,
                          beta: 1, c: accp, ldc: p)
                r0 += len
            }
          }
          for part in 1..<parts {
              for k in 0..<(p * q) { accall[k] += accall[part * p * q + k] }
          }
        }}
        for k in 0..<(p * p) { imat[k] = acc[k] }
        for j in 0..<p { u[j] = acc[p * p + j] }
        self.chunkG = chunkG
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
