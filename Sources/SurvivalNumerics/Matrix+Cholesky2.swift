/// A generalised Cholesky factorisation `A = F·D·Fᵀ` of a symmetric
/// non-negative definite matrix, as survival's `cholesky2`, `chsolve2` and
/// `chinv2` (Therneau), which R's `coxph` uses in place of LAPACK's `dpotrf`.
///
/// `F` is unit lower triangular and `D` diagonal. Pivots are taken in column
/// order; a pivot smaller than `toler × max(diag(A))` (or NaN/infinite) marks its
/// column as redundant: that diagonal of `D` is set to zero, the column takes no
/// part in the rest of the factorisation, solutions give 0 for it and the
/// inverse has a zero row and column there. This is how `coxph` reports an
/// aliased coefficient as `NA` while fitting the others, where `dpotrf` would
/// simply fail (docs/linking-blas-lapack.md, "R's Cox fit does not use LAPACK's Cholesky").
///
/// The matrices involved are `p × p` with `p` the number of coefficients, so
/// the plain triple loop is used, in the same order as the C code so that the
/// rounding, and with it every rank decision, is R's.
public struct Cholesky2: Sendable {
    /// Order of the matrix.
    public let n: Int
    /// Row-major `n × n` work array: the strict lower triangle holds `F`, the
    /// diagonal holds `D` (zero for redundant columns).
    public private(set) var factor: [Double]
    /// The rank found (number of non-redundant columns).
    public let rank: Int
    /// `false` when a pivot was clearly negative (`< −8·eps`): the matrix was
    /// not non-negative definite; `cholesky2` then returns `−rank`.
    public let isNonNegativeDefinite: Bool

    /// Factors the symmetric matrix `a` (only its upper triangle, `a[i, j]` with
    /// `i ≤ j`, is read), as `cholesky2(matrix, n, toler)`.
    ///
    /// - Parameter toler: relative pivot tolerance; R's `coxph` uses
    ///   `.Machine$double.eps^0.75`.
    public init(_ a: Matrix, toler: Double) {
        precondition(a.isSquare, "cholesky2 needs a square matrix")
        let n = a.rows
        self.n = n
        // m[i*n + j] plays the C code's matrix[i][j]; since the input is
        // symmetric the orientation does not matter.
        var m = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in i..<n {
                m[i * n + j] = a[i, j]
                m[j * n + i] = a[i, j]
            }
        }
        var eps = 0.0
        for i in 0..<n where m[i * n + i] > eps { eps = m[i * n + i] }
        guard eps != 0 else {
            // No positive diagonal at all (every column constant): rank 0.
            for i in 0..<n { m[i * n + i] = 0 }
            self.factor = m
            self.rank = 0
            self.isNonNegativeDefinite = true
            return
        }
        eps *= toler
        var rank = 0
        var nonneg = true
        for i in 0..<n {
            let pivot = m[i * n + i]
            if pivot.isNaN || pivot.isInfinite || pivot < eps {
                m[i * n + i] = 0
                if pivot < -8 * eps { nonneg = false }
            } else {
                rank += 1
                for j in (i + 1)..<max(n, i + 1) {
                    let temp = m[j * n + i] / pivot
                    m[j * n + i] = temp
                    m[j * n + j] -= temp * temp * pivot
                    for k in (j + 1)..<max(n, j + 1) { m[k * n + j] -= temp * m[k * n + i] }
                }
            }
        }
        self.factor = m
        self.rank = rank
        self.isNonNegativeDefinite = nonneg
    }

    /// Whether column `i` was judged redundant (its `D` entry is zero).
    public func isRedundant(_ i: Int) -> Bool { factor[i * n + i] == 0 }

    /// Solves `A·b = y` from the factorisation, as `chsolve2`; redundant
    /// columns get `b[i] = 0`.
    public func solve(_ y: [Double]) -> [Double] {
        precondition(y.count == n, "Right-hand side has the wrong length")
        var y = y
        for i in 0..<n {
            var temp = y[i]
            for j in 0..<i { temp -= y[j] * factor[i * n + j] }
            y[i] = temp
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            if factor[i * n + i] == 0 {
                y[i] = 0
            } else {
                var temp = y[i] / factor[i * n + i]
                for j in (i + 1)..<max(n, i + 1) { temp -= y[j] * factor[j * n + i] }
                y[i] = temp
            }
        }
        return y
    }

    /// The (generalised) inverse of `A`, as `chinv2` followed by symmetrising:
    /// rows and columns of redundant columns are zero.
    public func inverse() -> Matrix {
        var m = factor
        // Invert the Cholesky factor in the lower triangle (sweep operator).
        for i in 0..<n where m[i * n + i] > 0 {
            m[i * n + i] = 1 / m[i * n + i]
            for j in (i + 1)..<max(n, i + 1) {
                m[j * n + i] = -m[j * n + i]
                for k in 0..<i { m[j * n + k] += m[j * n + i] * m[i * n + k] }
            }
        }
        // F'DF gives the inverse of the original matrix in the upper triangle.
        for i in 0..<n {
            if m[i * n + i] == 0 {
                for j in 0..<i { m[j * n + i] = 0 }
                for j in i..<n { m[i * n + j] = 0 }
            } else {
                for j in (i + 1)..<max(n, i + 1) {
                    let temp = m[j * n + i] * m[j * n + j]
                    m[i * n + j] = temp
                    for k in i..<j { m[i * n + k] += temp * m[j * n + k] }
                }
            }
        }
        var out = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in i..<n {
                out[i, j] = m[i * n + j]
                out[j, i] = m[i * n + j]
            }
        }
        return out
    }
}
