import SurvivalNumerics

/// The robust (sandwich) variance of R's `coxph(robust = TRUE)` / `cluster(id)`:
/// the dfbeta residuals `L·V` (V the model-based variance), multiplied by the
/// case weights, summed within clusters (each row its own cluster without
/// one), and `var = DᵀD` (Lin & Wei 1989).
///
/// With frequency counts c (`frame.counts`) it is the variance on the expanded
/// rows: without a cluster each replicated subject is its own cluster, so a
/// row adds `c·dᵢdᵢᵀ` (its dfbeta scaled by √c), not `(c·dᵢ)(c·dᵢ)ᵀ`; with
/// `cluster(id)` the replicas share their row's cluster and it adds `c·dᵢ` to it.
extension CoxFit {
    func robustSandwich() -> Matrix {
        let dfbeta = dfbetaResiduals()
        let n = dfbeta.rows, p = dfbeta.columns
        let clusters = frame.cluster ?? Array(0..<n)
        let k = (clusters.max() ?? -1) + 1
        var d = Matrix(rows: k, columns: p)
        for j in 0..<p {
            for i in 0..<n {
                let w = frame.weights?[i] ?? 1
                let scale = frame.counts != nil && frame.cluster == nil ? w.squareRoot() : w
                d[clusters[i], j] += dfbeta[i, j] * scale
            }
        }
        var v = Matrix(rows: p, columns: p)
        d.storage.withUnsafeBufferPointer { dp in
            v.storage.withUnsafeMutableBufferPointer { vp in
                BLAS.gemm(.transpose, .none, m: p, n: p, k: k, alpha: 1, a: dp.baseAddress!, lda: k,
                          b: dp.baseAddress!, ldb: k, beta: 0, c: vp.baseAddress!, ldc: p)
            }
        }
        return v
    }
}
