import SurvivalNumerics

/// Least squares by Householder QR with R's *limited* column pivoting
/// (LINPACK `dqrdc2`, as used by `lm.fit` and `glm.fit` through `Cdqrls`).
///
/// Columns are taken in their original order; a column whose norm, after
/// removing its projections on the columns already accepted, falls below
/// `tolerance` times its original norm is declared aliased and moved to the
/// end, exactly as `dqrdc2` does. So the coefficients R gives as `NA` are
/// the ones marked aliased here (for a collinear pair, the later column).
/// `dqrdc2` downdates the residual norms; here they are recomputed, which only
/// differs by rounding and decides the same way for any design with a clear
/// gap between signal and noise.
struct LimitedPivotQR {
    /// Kept (non-aliased) column indices, in order: the first `rank` pivots.
    let kept: [Int]
    /// Aliased column indices.
    let aliased: [Int]
    /// Coefficients of the kept columns (in `kept` order).
    let coefficients: [Double]
    /// `(RᵀR)⁻¹` of the kept columns, `rank × rank`, in `kept` order.
    let unscaledCovariance: Matrix

    /// Solves `min ‖y − X b‖` for `X` (`n × p`, column-major storage).
    init(x: Matrix, y: [Double], tolerance: Double) {
        let n = x.rows, p = x.columns
        var a = x.storage
        var qty = y
        var kept: [Int] = []
        var aliased: [Int] = []
        var originalNorm = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var s = 0.0
            for i in 0..<n { s += a[j * n + i] * a[j * n + i] }
            originalNorm[j] = s == 0 ? 1 : s.squareRoot()
        }
        // `order` lists the columns in pivot order; aliased ones go last.
        var remaining = Array(0..<p)
        var householders: [(column: Int, row: Int, diagonal: Double)] = []
        var l = 0  // the current row (= number of accepted columns)
        while let j = remaining.first {
            remaining.removeFirst()
            if l >= n {
                aliased.append(j)
                continue
            }
            var s = 0.0
            for i in l..<n { s += a[j * n + i] * a[j * n + i] }
            let norm = s.squareRoot()
            if norm < tolerance * originalNorm[j] {
                aliased.append(j)
                continue
            }
            // Householder reflector v = x − α e₁ with α = −sign(x₁)‖x‖, stored in place.
            let base = j * n
            let alpha = a[base + l] >= 0 ? -norm : norm
            a[base + l] -= alpha
            var vnorm2 = 0.0
            for i in l..<n { vnorm2 += a[base + i] * a[base + i] }
            let beta = vnorm2 > 0 ? 2 / vnorm2 : 0
            for k in remaining {
                let kb = k * n
                var d = 0.0
                for i in l..<n { d += a[base + i] * a[kb + i] }
                d *= beta
                for i in l..<n { a[kb + i] -= d * a[base + i] }
            }
            var d = 0.0
            for i in l..<n { d += a[base + i] * qty[i] }
            d *= beta
            for i in l..<n { qty[i] -= d * a[base + i] }
            householders.append((j, l, alpha))
            kept.append(j)
            l += 1
        }
        // R (rank × rank): the diagonal is α, above it the transformed entries.
        let r = kept.count
        var rMatrix = Matrix(rows: r, columns: r)
        for (c, j) in kept.enumerated() {
            for row in 0..<c { rMatrix[row, c] = a[j * n + row] }
            rMatrix[c, c] = householders[c].diagonal
        }
        // Back substitution R b = (Qᵀy)[0..<r].
        var b = [Double](repeating: 0, count: r)
        for i in stride(from: r - 1, through: 0, by: -1) {
            var s = qty[i]
            for k in (i + 1)..<max(r, i + 1) { s -= rMatrix[i, k] * b[k] }
            b[i] = s / rMatrix[i, i]
        }
        // R⁻¹ (upper triangular), then (RᵀR)⁻¹ = R⁻¹ R⁻ᵀ, as R's chol2inv.
        var rinv = Matrix(rows: r, columns: r)
        for c in 0..<r {
            rinv[c, c] = 1 / rMatrix[c, c]
            for i in stride(from: c - 1, through: 0, by: -1) {
                var s = 0.0
                for k in (i + 1)...c { s += rMatrix[i, k] * rinv[k, c] }
                rinv[i, c] = -s / rMatrix[i, i]
            }
        }
        var cov = Matrix(rows: r, columns: r)
        for i in 0..<r {
            for j in i..<r {
                var s = 0.0
                for k in j..<r { s += rinv[i, k] * rinv[j, k] }
                cov[i, j] = s
                cov[j, i] = s
            }
        }
        self.kept = kept
        self.aliased = aliased
        self.coefficients = b
        self.unscaledCovariance = cov
    }
}
