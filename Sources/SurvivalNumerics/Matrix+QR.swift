/// A QR factorisation with column pivoting, `A P = Q R`, and the numerical
/// rank it reveals (LAPACK `dgeqp3`).
///
/// **Rank rule.** R's `qr(x, tol = 1e-07)` (LINPACK `dqrdc2`) declares a
/// column redundant when its norm, after removing the projections on the
/// columns already accepted, falls below `tol` times its original norm. With
/// LAPACK's full column pivoting the diagonal of `R` is non-increasing in
/// magnitude, so the analogous rule used here is
/// `rank = #{k : |R[k,k]| > tolerance · |R[0,0]|}`. Both agree on the rank
/// of every design with a clear gap between signal and rounding noise (e.g.
/// exactly collinear dummies); they can differ on which columns are dropped:
/// `dqrdc2` keeps the original order and moves only the deficient columns to
/// the end, whereas `dgeqp3` orders columns by residual norm. `pivot` is the
/// permutation actually used.
public struct QRFactorization: Sendable, Equatable {
    /// Rows `m` of the factorised matrix.
    public let rows: Int
    /// Columns `n` of the factorised matrix.
    public let columns: Int
    /// `dgeqp3` output: `R` on and above the diagonal, Householder vectors below.
    let packed: [Double]
    /// Householder scalars from `dgeqp3`.
    let tau: [Double]
    /// 0-based column permutation: column `k` of `AP` is column `pivot[k]` of `A`.
    public let pivot: [Int]
    /// The numerical rank under ``tolerance`` (see the type documentation).
    public let rank: Int
    /// Relative tolerance used for the rank decision (R's `qr` default is 1e-7).
    public let tolerance: Double

    /// Factorises `a` (LAPACK `dgeqp3`) and determines its rank.
    ///
    /// - Throws: `.nonFiniteInput` on NaN/∞.
    public init(_ a: Matrix, tolerance: Double = 1e-7) throws(LinearAlgebraError) {
        try a.requireFinite()
        rows = a.rows
        columns = a.columns
        self.tolerance = tolerance
        var work = a.storage
        if a.rows > 0 && a.columns > 0 {
            let (p, t) = try LAPACK.dgeqp3(m: a.rows, n: a.columns, a: &work)
            pivot = p
            tau = t
        } else {
            pivot = Array(0..<a.columns)
            tau = []
        }
        packed = work
        let k = min(a.rows, a.columns)
        var r = 0
        if k > 0 {
            let r00 = abs(work[0])
            while r < k && abs(work[r + r * a.rows]) > tolerance * r00 && r00 > 0 { r += 1 }
        }
        rank = r
    }

    /// The `min(m, n) × n` upper-triangular factor `R` of `A P = Q R`.
    public var r: Matrix {
        let k = min(rows, columns)
        var m = Matrix(rows: k, columns: columns)
        for j in 0..<columns {
            for i in 0...min(j, max(k - 1, 0)) where i < k { m[i, j] = packed[i + j * rows] }
        }
        return m
    }

    /// Whether the matrix has full column rank under ``tolerance``.
    public var hasFullColumnRank: Bool { rank == columns }

    /// Least-squares coefficients `argmin ‖y − A β‖`, as R's `qr.coef`.
    ///
    /// Computes `Qᵀy` (LAPACK `dormqr`), solves the leading `rank × rank`
    /// block of `R` (LAPACK `dtrtrs`) and un-pivots. Coefficients of the
    /// columns judged redundant are `.nan`, as R reports `NA`.
    ///
    /// - Throws: `.dimensionMismatch` if `y.count != rows`; `.nonFiniteInput`.
    public func coefficients(_ y: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard y.count == rows else {
            throw .dimensionMismatch("least squares: \(y.count) responses for \(rows) rows")
        }
        guard y.allSatisfy({ $0.isFinite }) else { throw .nonFiniteInput }
        var beta = [Double](repeating: .nan, count: columns)
        guard rank > 0 else { return beta }
        var qty = y
        try LAPACK.dormqrTranspose(m: rows, nrhs: 1, k: min(rows, columns), qr: packed, tau: tau, c: &qty)
        let info = try LAPACK.dtrtrsUpper(n: rank, nrhs: 1, a: packed, lda: rows, b: &qty, ldb: rows)
        if info > 0 { throw .singular(column: pivot[info - 1] + 1) }
        for k in 0..<rank { beta[pivot[k]] = qty[k] }
        return beta
    }
}

extension Matrix {
    /// Least-squares solution of `A β ≈ y` for a matrix of full column rank,
    /// via column-pivoted QR (LAPACK `dgeqp3`, `dormqr`, `dtrtrs`) with R's
    /// `qr` tolerance 1e-7, as `qr.coef(qr(A), y)` in R.
    ///
    /// - Throws: `.dimensionMismatch` if `y.count != rows`; `.nonFiniteInput`;
    ///   `.singular(column:)` naming (1-based) the first column the pivoted QR
    ///   judged redundant when the rank is below `columns`. Use
    ///   ``QRFactorization/coefficients(_:)`` to get `NaN` for aliased columns instead.
    public func leastSquares(_ y: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard y.count == rows else {
            throw .dimensionMismatch("least squares: \(y.count) responses for \(rows) rows")
        }
        let qr = try QRFactorization(self)
        guard qr.hasFullColumnRank else {
            throw .singular(column: qr.rank < qr.pivot.count ? qr.pivot[qr.rank] + 1 : qr.rank + 1)
        }
        return try qr.coefficients(y)
    }
}
