import CLapack

/// Internal wrappers over every LAPACKE routine the module calls.
///
/// All matrices are column-major (`LAPACK_COL_MAJOR`) with the leading
/// dimension equal to the row count. Each wrapper converts Swift `Int` to
/// `clapack_int` (LAPACKE's integer type is a macro that can be 32 or 64
/// bits wide depending on the build), turns a negative `info` into
/// `.illegalArgument` and returns a non-negative `info` for the caller to
/// interpret, because its meaning differs by routine. Callers must have checked
/// the input for NaN/infinity already: LAPACKE's own NaN check would return a
/// negative `info` that reads as an illegal argument (docs/linking-blas-lapack.md).
enum LAPACK {
    @inline(__always) static func ch(_ s: Unicode.Scalar) -> CChar { CChar(truncatingIfNeeded: s.value) }
    @inline(__always) static func li(_ n: Int) -> clapack_int { clapack_int(n) }

    static func check(_ info: clapack_int, _ routine: String) throws(LinearAlgebraError) -> Int {
        if info < 0 { throw .illegalArgument(routine: routine, position: Int(-info)) }
        return Int(info)
    }

    /// Cholesky factorisation of the lower triangle, `A = LLᵀ` (`dpotrf`).
    /// Returns `info`: 0, or the order of the first non-positive leading minor.
    static func dpotrf(n: Int, a: inout [Double]) throws(LinearAlgebraError) -> Int {
        let info = a.withUnsafeMutableBufferPointer {
            LAPACKE_dpotrf(LAPACK_COL_MAJOR, ch("L"), li(n), $0.baseAddress, li(max(n, 1)))
        }
        return try check(info, "dpotrf")
    }

    /// Solves `LLᵀX = B` given the lower Cholesky factor (`dpotrs`).
    static func dpotrs(n: Int, nrhs: Int, l: [Double], b: inout [Double]) throws(LinearAlgebraError) {
        let info = l.withUnsafeBufferPointer { lp in
            b.withUnsafeMutableBufferPointer { bp in
                LAPACKE_dpotrs(
                    LAPACK_COL_MAJOR, ch("L"), li(n), li(nrhs), lp.baseAddress, li(max(n, 1)),
                    bp.baseAddress, li(max(n, 1)))
            }
        }
        _ = try check(info, "dpotrs")
    }

    /// Inverse from the lower Cholesky factor; fills the lower triangle only (`dpotri`).
    static func dpotri(n: Int, a: inout [Double]) throws(LinearAlgebraError) -> Int {
        let info = a.withUnsafeMutableBufferPointer {
            LAPACKE_dpotri(LAPACK_COL_MAJOR, ch("L"), li(n), $0.baseAddress, li(max(n, 1)))
        }
        return try check(info, "dpotri")
    }

    /// LU with partial pivoting and solve, `AX = B` (`dgesv`). Returns `info`:
    /// 0, or the 1-based index of the first exactly-zero pivot `U[i,i]`.
    static func dgesv(n: Int, nrhs: Int, a: inout [Double], b: inout [Double]) throws(LinearAlgebraError) -> Int {
        var ipiv = [clapack_int](repeating: 0, count: max(n, 1))
        let info = a.withUnsafeMutableBufferPointer { ap in
            b.withUnsafeMutableBufferPointer { bp in
                ipiv.withUnsafeMutableBufferPointer { pp in
                    LAPACKE_dgesv(
                        LAPACK_COL_MAJOR, li(n), li(nrhs), ap.baseAddress, li(max(n, 1)),
                        pp.baseAddress, bp.baseAddress, li(max(n, 1)))
                }
            }
        }
        return try check(info, "dgesv")
    }

    /// QR with column pivoting, `AP = QR` (`dgeqp3`). Returns the 0-based
    /// pivot (column `k` of `AP` is column `pivot[k]` of `A`) and the
    /// Householder scalars `tau`; `a` is overwritten with R and the reflectors.
    static func dgeqp3(m: Int, n: Int, a: inout [Double]) throws(LinearAlgebraError) -> (pivot: [Int], tau: [Double]) {
        var jpvt = [clapack_int](repeating: 0, count: max(n, 1))  // 0 = every column free to move
        var tau = [Double](repeating: 0, count: max(min(m, n), 1))
        let info = a.withUnsafeMutableBufferPointer { ap in
            jpvt.withUnsafeMutableBufferPointer { jp in
                tau.withUnsafeMutableBufferPointer { tp in
                    LAPACKE_dgeqp3(
                        LAPACK_COL_MAJOR, li(m), li(n), ap.baseAddress, li(max(m, 1)),
                        jp.baseAddress, tp.baseAddress)
                }
            }
        }
        _ = try check(info, "dgeqp3")
        return (jpvt.prefix(n).map { Int($0) - 1 }, Array(tau.prefix(min(m, n))))
    }

    /// `C ← Qᵀ C` for the `m × nrhs` matrix `C`, with `Q` given by `k`
    /// reflectors from `dgeqrf`/`dgeqp3` (`dormqr`, side L, trans T).
    static func dormqrTranspose(
        m: Int, nrhs: Int, k: Int, qr: [Double], tau: [Double], c: inout [Double]
    ) throws(LinearAlgebraError) {
        let info = qr.withUnsafeBufferPointer { ap in
            tau.withUnsafeBufferPointer { tp in
                c.withUnsafeMutableBufferPointer { cp in
                    LAPACKE_dormqr(
                        LAPACK_COL_MAJOR, ch("L"), ch("T"), li(m), li(nrhs), li(k),
                        ap.baseAddress, li(max(m, 1)), tp.baseAddress, cp.baseAddress, li(max(m, 1)))
                }
            }
        }
        _ = try check(info, "dormqr")
    }

    /// Solves the upper-triangular system `R X = B`, `R` being the leading
    /// `n × n` block of `a` with leading dimension `lda` (`dtrtrs`). Returns
    /// `info`: 0, or the 1-based index of an exactly-zero diagonal element.
    static func dtrtrsUpper(
        n: Int, nrhs: Int, a: [Double], lda: Int, b: inout [Double], ldb: Int
    ) throws(LinearAlgebraError) -> Int {
        let info = a.withUnsafeBufferPointer { ap in
            b.withUnsafeMutableBufferPointer { bp in
                LAPACKE_dtrtrs(
                    LAPACK_COL_MAJOR, ch("U"), ch("N"), ch("N"), li(n), li(nrhs),
                    ap.baseAddress, li(max(lda, 1)), bp.baseAddress, li(max(ldb, 1)))
            }
        }
        return try check(info, "dtrtrs")
    }

    /// Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric
    /// matrix from its lower triangle, divide and conquer (`dsyevd`, jobz V).
    /// `a` is overwritten with the eigenvectors (one per column).
    static func dsyevd(n: Int, a: inout [Double]) throws(LinearAlgebraError) -> [Double] {
        var w = [Double](repeating: 0, count: max(n, 1))
        let info = a.withUnsafeMutableBufferPointer { ap in
            w.withUnsafeMutableBufferPointer { wp in
                LAPACKE_dsyevd(LAPACK_COL_MAJOR, ch("V"), ch("L"), li(n), ap.baseAddress, li(max(n, 1)), wp.baseAddress)
            }
        }
        if try check(info, "dsyevd") > 0 { throw .noConvergence(routine: "dsyevd") }
        return Array(w.prefix(n))
    }
}
