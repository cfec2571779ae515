/// Elementary matrix arithmetic on top of the CBLAS wrappers in `BLAS.swift`.
///
/// Shape mismatches here are programmer errors (the caller builds both
/// operands), so they trap with a precondition message rather than throw.
extension Matrix {
    /// The transpose `Aᵀ` (a plain copy; no BLAS routine is involved).
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        storage.withUnsafeBufferPointer { src in
            t.storage.withUnsafeMutableBufferPointer { dst in
                for j in 0..<columns {
                    for i in 0..<rows { dst[j + i * columns] = src[i + j * rows] }
                }
            }
        }
        return t
    }

    /// Matrix product `A · B` (BLAS `dgemm`).
    ///
    /// - Precondition: `lhs.columns == rhs.rows`.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows, "Matrix product: \(lhs.rows)×\(lhs.columns) · \(rhs.rows)×\(rhs.columns)")
        var c = Matrix(rows: lhs.rows, columns: rhs.columns)
        guard lhs.columns > 0 else { return c }
        lhs.storage.withUnsafeBufferPointer { a in
            rhs.storage.withUnsafeBufferPointer { b in
                c.storage.withUnsafeMutableBufferPointer { cp in
                    BLAS.gemm(
                        .none, .none, m: lhs.rows, n: rhs.columns, k: lhs.columns, alpha: 1,
                        a: a.baseAddress!, lda: lhs.rows, b: b.baseAddress!, ldb: rhs.rows,
                        beta: 0, c: cp.baseAddress!, ldc: lhs.rows)
                }
            }
        }
        return c
    }

    /// Matrix–vector product `A v` (BLAS `dgemv`, no transpose).
    ///
    /// - Precondition: `v.count == columns`.
    public func multiply(_ v: [Double]) -> [Double] {
        precondition(v.count == columns, "multiply: vector length \(v.count) ≠ \(columns) columns")
        return gemv(.none, v, resultCount: rows)
    }

    /// Transposed matrix–vector product `Aᵀ v` (BLAS `dgemv` with transpose),
    /// e.g. the score `Xᵀr` of a regression.
    ///
    /// - Precondition: `v.count == rows`.
    public func transposeMultiply(_ v: [Double]) -> [Double] {
        precondition(v.count == rows, "transposeMultiply: vector length \(v.count) ≠ \(rows) rows")
        return gemv(.transpose, v, resultCount: columns)
    }

    private func gemv(_ trans: BLAS.Transpose, _ v: [Double], resultCount: Int) -> [Double] {
        var y = [Double](repeating: 0, count: resultCount)
        guard rows > 0, columns > 0 else { return y }
        storage.withUnsafeBufferPointer { a in
            v.withUnsafeBufferPointer { x in
                y.withUnsafeMutableBufferPointer { yp in
                    BLAS.gemv(
                        trans, m: rows, n: columns, alpha: 1, a: a.baseAddress!, lda: rows,
                        x: x.baseAddress!, beta: 0, y: yp.baseAddress!)
                }
            }
        }
        return y
    }

    /// The weighted Gram (cross-product) matrix `XᵀWX`, `W = diag(weights)`,
    /// or `XᵀX` when `weights` is nil — the information matrix of a weighted
    /// regression, as R's `crossprod(X, w * X)`.
    ///
    /// Computed with the symmetric rank-k update BLAS `dsyrk` on `W^{1/2}X`
    /// and mirrored, so the result is exactly symmetric. If any weight is
    /// negative (no real square root) it falls back to `dgemm` on `Xᵀ(WX)`
    /// and symmetrises by averaging the two triangles.
    ///
    /// - Precondition: `weights == nil || weights!.count == rows`.
    public func gram(weights: [Double]? = nil) -> Matrix {
        let p = columns
        var c = Matrix(rows: p, columns: p)
        guard p > 0, rows > 0 else { return c }
        var a = storage
        if let w = weights {
            precondition(w.count == rows, "gram: \(w.count) weights for \(rows) rows")
            if w.allSatisfy({ $0 >= 0 }) {
                let root = w.map { $0.squareRoot() }
                for j in 0..<p { for i in 0..<rows { a[i + j * rows] *= root[i] } }
            } else {
                for j in 0..<p { for i in 0..<rows { a[i + j * rows] *= w[i] } }
                let wx = Matrix(rows: rows, columns: p, columnMajor: a)
                var g = transposed * wx
                for j in 0..<p {
                    for i in (j + 1)..<max(p, j + 1) {
                        let m = 0.5 * (g[i, j] + g[j, i])
                        g[i, j] = m
                        g[j, i] = m
                    }
                }
                return g
            }
        }
        a.withUnsafeBufferPointer { ap in
            c.storage.withUnsafeMutableBufferPointer { cp in
                BLAS.syrk(
                    .lower, .transpose, n: p, k: rows, alpha: 1, a: ap.baseAddress!, lda: rows,
                    beta: 0, c: cp.baseAddress!, ldc: p)
            }
        }
        c.mirrorLowerToUpper()
        return c
    }

    /// Copies the strict lower triangle onto the upper one (square matrices).
    mutating func mirrorLowerToUpper() {
        let n = rows
        for j in 0..<n {
            for i in (j + 1)..<max(n, j + 1) { storage[j + i * n] = storage[i + j * n] }
        }
    }

    /// Sets the strict upper triangle to zero (square matrices).
    mutating func zeroUpperTriangle() {
        let n = rows
        for j in 0..<n {
            for i in 0..<j { storage[i + j * n] = 0 }
        }
    }

    /// Element-wise sum. - Precondition: equal shapes.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "Matrix +: shapes differ")
        var r = lhs
        for k in r.storage.indices { r.storage[k] += rhs.storage[k] }
        return r
    }

    /// Element-wise difference. - Precondition: equal shapes.
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "Matrix -: shapes differ")
        var r = lhs
        for k in r.storage.indices { r.storage[k] -= rhs.storage[k] }
        return r
    }

    /// Every element multiplied by `scalar`.
    public static func * (scalar: Double, matrix: Matrix) -> Matrix {
        Matrix(rows: matrix.rows, columns: matrix.columns, columnMajor: matrix.storage.map { scalar * $0 })
    }

    /// Every element multiplied by `scalar`.
    public static func * (matrix: Matrix, scalar: Double) -> Matrix { scalar * matrix }

    /// The largest absolute element (0 for an empty matrix); handy for
    /// comparing matrices in tests and for scale-aware tolerances.
    public var maxAbsoluteValue: Double { storage.reduce(0) { max($0, abs($1)) } }
}
