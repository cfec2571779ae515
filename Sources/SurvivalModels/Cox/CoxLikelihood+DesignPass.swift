import Dispatch
import Foundation
import SurvivalNumerics

/// The design pass of an evaluation (see ``CoxLikelihood``): the score and
/// the information, by one gemm per chunk of rows and the rank-two time terms.
extension CoxLikelihood {
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
