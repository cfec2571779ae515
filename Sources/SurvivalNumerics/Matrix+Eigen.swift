/// Symmetric eigen-decomposition.
extension Matrix {
    /// Eigenvalues in ascending order and the matching orthonormal
    /// eigenvectors (column `k` of `vectors` belongs to `values[k]`) of a
    /// symmetric matrix, by LAPACK `dsyevd` (divide and conquer).
    ///
    /// Only the lower triangle is read; symmetry is assumed. R's `eigen()`
    /// returns the values in *decreasing* order and may differ in the sign of
    /// each vector; reverse to compare.
    ///
    /// - Throws: `.dimensionMismatch` if not square, `.nonFiniteInput`,
    ///   `.noConvergence` if `dsyevd` fails to converge.
    public func symmetricEigen() throws(LinearAlgebraError) -> (values: [Double], vectors: Matrix) {
        guard isSquare else { throw .dimensionMismatch("symmetricEigen of a \(rows)×\(columns) matrix") }
        try requireFinite()
        guard rows > 0 else { return ([], Matrix(rows: 0, columns: 0)) }
        var a = storage
        let w = try LAPACK.dsyevd(n: rows, a: &a)
        return (w, Matrix(rows: rows, columns: rows, columnMajor: a))
    }
}
