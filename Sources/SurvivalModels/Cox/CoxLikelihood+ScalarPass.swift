import Dispatch
import Foundation
import SurvivalNumerics

/// The scalar pass of an evaluation (see ``CoxLikelihood``): η, the risks,
/// the bucket sums and from them the risk-set sums, the tie weights, the
/// log-likelihood and each row's expected events.
extension CoxLikelihood {
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
                for k in ParallelLoop.half(half, of: halves, count: t) {
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
}
