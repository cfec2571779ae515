/// The Cholesky factorisation `A = LLᵀ` of a symmetric positive-definite
/// matrix, computed by LAPACK `dpotrf` from the lower triangle of `A`.
///
/// Unlike R's `survival:::cholesky2` (used by coxph, which zeroes redundant
/// columns instead of failing), this is the textbook factorisation: a matrix
/// that is not numerically positive definite is an error. Use it for
/// well-conditioned work (sandwich variances, generalised least squares).
public struct CholeskyFactorization: Sendable, Equatable {
    /// The lower-triangular factor `L`; its strict upper triangle is zero.
    public let lower: Matrix

    /// The order `n` of the factorised matrix.
    public var dimension: Int { lower.rows }

    /// `log det A = 2 Σ log L[i,i]`.
    public var logDeterminant: Double {
        var s = 0.0
        for i in 0..<dimension { s += Libm.log(lower[i, i]) }
        return 2 * s
    }

    /// Solves `A x = b` using the factor (LAPACK `dpotrs`).
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try solve(Matrix(rows: b.count, columns: 1, columnMajor: b)).storage
    }

    /// Solves `A X = B` for every column of `B` (LAPACK `dpotrs`).
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard b.rows == dimension else {
            throw .dimensionMismatch("Cholesky solve: right-hand side has \(b.rows) rows, matrix is \(dimension)×\(dimension)")
        }
        try b.requireFinite()
        var x = b.storage
        if dimension > 0 && b.columns > 0 {
            try LAPACK.dpotrs(n: dimension, nrhs: b.columns, l: lower.storage, b: &x)
        }
        return Matrix(rows: b.rows, columns: b.columns, columnMajor: x)
    }

    /// `A⁻¹` from the factor (LAPACK `dpotri`, which fills one triangle; the
    /// other is mirrored so the result is exactly symmetric).
    public func inverse() -> Matrix {
        var a = lower.storage
        let n = dimension
        // dpotri cannot fail on a factor produced by a successful dpotrf (all
        // diagonal elements are positive), and its arguments are well formed.
        _ = try? LAPACK.dpotri(n: n, a: &a)
        var m = Matrix(rows: n, columns: n, columnMajor: a)
        m.mirrorLowerToUpper()
        return m
    }
}

extension Matrix {
    /// The Cholesky factorisation `A = LLᵀ` (LAPACK `dpotrf`, lower triangle).
    ///
    /// Only the lower triangle of `self` is read; symmetry is assumed, not checked.
    /// - Throws: `.dimensionMismatch` if not square, `.nonFiniteInput` on NaN/∞,
    ///   `.notPositiveDefinite(minor:)` if the leading minor of that order is
    ///   not positive definite.
    public func cholesky() throws(LinearAlgebraError) -> CholeskyFactorization {
        guard isSquare else { throw .dimensionMismatch("cholesky of a \(rows)×\(columns) matrix") }
        try requireFinite()
        var a = storage
        let info = try LAPACK.dpotrf(n: rows, a: &a)
        if info > 0 { throw .notPositiveDefinite(minor: info) }
        var l = Matrix(rows: rows, columns: rows, columnMajor: a)
        l.zeroUpperTriangle()  // dpotrf leaves the upper triangle as it was: clear it
        return CholeskyFactorization(lower: l)
    }
}
