/// Moore–Penrose generalised inverse of a symmetric matrix.
extension Matrix {
    /// The Moore–Penrose inverse `A⁺` of a symmetric matrix and its numerical
    /// rank, for singular information matrices.
    ///
    /// Method: the eigen-decomposition `A = V Λ Vᵀ` (LAPACK `dsyevd`); for a
    /// symmetric matrix the singular values are `|λ|`, so this is exactly
    /// R's `MASS::ginv` (which uses the SVD) with its rule: eigenvalues with
    /// `|λ| > tolerance · max|λ|` are inverted, the rest are treated as zero.
    /// `A⁺ = Σ_{kept} v vᵀ / λ`. The default tolerance is `ginv`'s
    /// `sqrt(.Machine$double.eps)`.
    ///
    /// Only the lower triangle is read; symmetry is assumed.
    /// - Throws: `.dimensionMismatch` if not square; `.nonFiniteInput`;
    ///   `.noConvergence` from `dsyevd`.
    public func generalizedInverse(
        tolerance: Double = Double.ulpOfOne.squareRoot()
    ) throws(LinearAlgebraError) -> (inverse: Matrix, rank: Int) {
        guard isSquare else { throw .dimensionMismatch("generalizedInverse of a \(rows)×\(columns) matrix") }
        let n = rows
        let (values, vectors) = try symmetricEigen()
        let largest = values.reduce(0) { max($0, abs($1)) }
        var result = Matrix(rows: n, columns: n)
        var rank = 0
        guard largest > 0 else { return (result, 0) }
        for k in 0..<n where abs(values[k]) > tolerance * largest {
            rank += 1
            let v = vectors.column(k)
            v.withUnsafeBufferPointer { vp in
                result.storage.withUnsafeMutableBufferPointer { rp in
                    BLAS.syr(.lower, n: n, alpha: 1 / values[k], x: vp.baseAddress!, a: rp.baseAddress!, lda: n)
                }
            }
        }
        result.mirrorLowerToUpper()
        return (result, rank)
    }
}
