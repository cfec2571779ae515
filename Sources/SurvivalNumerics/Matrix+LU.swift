/// General square systems by LU factorisation with partial pivoting.
extension Matrix {
    /// Solves `A X = B` for a general square `A` (LAPACK `dgesv`: LU with
    /// partial pivoting, `PA = LU`, then two triangular solves).
    ///
    /// - Throws: `.dimensionMismatch` if `A` is not square or `B` has the wrong
    ///   number of rows; `.nonFiniteInput` on NaN/∞ in either operand;
    ///   `.singular(column:)` when `U[k,k]` is exactly zero (1-based `k`).
    ///   A merely ill-conditioned matrix is not detected; use
    ///   ``QRFactorization`` when rank matters.
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard isSquare else { throw .dimensionMismatch("solve with a \(rows)×\(columns) (non-square) matrix") }
        guard b.rows == rows else {
            throw .dimensionMismatch("solve: right-hand side has \(b.rows) rows, matrix is \(rows)×\(columns)")
        }
        try requireFinite()
        try b.requireFinite()
        var a = storage
        var x = b.storage
        if rows > 0 && b.columns > 0 {
            let info = try LAPACK.dgesv(n: rows, nrhs: b.columns, a: &a, b: &x)
            if info > 0 { throw .singular(column: info) }
        }
        return Matrix(rows: b.rows, columns: b.columns, columnMajor: x)
    }

    /// Solves `A x = b` for one right-hand side (LAPACK `dgesv`); see ``solve(_:)-(Matrix)``.
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try solve(Matrix(rows: b.count, columns: 1, columnMajor: b)).storage
    }

    /// The inverse of a general square matrix, solving `A X = I` (LAPACK `dgesv`).
    /// For symmetric positive-definite matrices prefer `cholesky().inverse()`.
    public func inverse() throws(LinearAlgebraError) -> Matrix {
        guard isSquare else { throw .dimensionMismatch("inverse of a \(rows)×\(columns) (non-square) matrix") }
        return try solve(Matrix.identity(rows))
    }
}
