import CLapack
#if canImport(Glibc)
import Glibc
#endif

/// Thin Swift wrappers over the CBLAS routines the package uses.
///
/// Every call into CBLAS goes through this file, so C types never leave the
/// numerics layer. All matrices are column-major with the leading dimension
/// equal to the row count. Each wrapper names the CBLAS routine it calls.
public enum BLAS {
    /// Whether a transpose is applied to an operand.
    public enum Transpose: Sendable { case none, transpose }

    /// Which triangle of a symmetric matrix is referenced.
    public enum Triangle: Sendable { case upper, lower }

    @inline(__always) static func cblas(_ t: Transpose) -> CBLAS_TRANSPOSE {
        t == .none ? CblasNoTrans : CblasTrans
    }

    @inline(__always) static func cblas(_ t: Triangle) -> CBLAS_UPLO {
        t == .upper ? CblasUpper : CblasLower
    }

    /// `C ← alpha · op(A) · op(B) + beta · C`. The corresponding CBLAS routine is `cblas_dgemm`.
    ///
    /// `op(A)` is `m × k`, `op(B)` is `k × n`, `C` is `m × n`; `lda`, `ldb`, `ldc`
    /// are the leading dimensions (row counts) of the stored matrices.
    public static func gemm(
        _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        cblas_dgemm(
            CblasColMajor, cblas(transA), cblas(transB), Int32(m), Int32(n), Int32(k),
            alpha, a, Int32(max(lda, 1)), b, Int32(max(ldb, 1)), beta, c, Int32(max(ldc, 1)))
    }

    /// `y ← alpha · op(A) · x + beta · y` for an `m × n` matrix `A`.
    /// The corresponding CBLAS routine is `cblas_dgemv`.
    public static func gemv(
        _ trans: Transpose, m: Int, n: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, x: UnsafePointer<Double>, incx: Int = 1,
        beta: Double, y: UnsafeMutablePointer<Double>, incy: Int = 1
    ) {
        guard m > 0, n > 0 else { return }
        cblas_dgemv(
            CblasColMajor, cblas(trans), Int32(m), Int32(n), alpha, a, Int32(max(lda, 1)),
            x, Int32(incx), beta, y, Int32(incy))
    }

    /// Symmetric rank-k update `C ← alpha · op(A) · op(A)ᵀ + beta · C` of the
    /// `triangle` of the `n × n` matrix `C`; with `.transpose`, `A` is `k × n` and
    /// the update is `AᵀA`. The corresponding CBLAS routine is `cblas_dsyrk`.
    public static func syrk(
        _ triangle: Triangle, _ trans: Transpose, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, beta: Double,
        c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        guard n > 0 else { return }
        cblas_dsyrk(
            CblasColMajor, cblas(triangle), cblas(trans), Int32(n), Int32(k), alpha,
            a, Int32(max(lda, 1)), beta, c, Int32(max(ldc, 1)))
    }

    /// Rank-one update `A ← alpha · x · yᵀ + A` of an `m × n` matrix.
    /// The corresponding CBLAS routine is `cblas_dger`.
    public static func ger(
        m: Int, n: Int, alpha: Double, x: UnsafePointer<Double>, y: UnsafePointer<Double>,
        a: UnsafeMutablePointer<Double>, lda: Int
    ) {
        guard m > 0, n > 0 else { return }
        cblas_dger(CblasColMajor, Int32(m), Int32(n), alpha, x, 1, y, 1, a, Int32(max(lda, 1)))
    }

    /// Symmetric rank-one update `A ← alpha · x · xᵀ + A` of the `triangle` of an
    /// `n × n` matrix. The corresponding CBLAS routine is `cblas_dsyr`.
    public static func syr(
        _ triangle: Triangle, n: Int, alpha: Double, x: UnsafePointer<Double>,
        a: UnsafeMutablePointer<Double>, lda: Int
    ) {
        guard n > 0 else { return }
        cblas_dsyr(CblasColMajor, cblas(triangle), Int32(n), alpha, x, 1, a, Int32(max(lda, 1)))
    }

    /// `y ← alpha · x + y`. The corresponding CBLAS routine is `cblas_daxpy`.
    public static func axpy(n: Int, alpha: Double, x: UnsafePointer<Double>, y: UnsafeMutablePointer<Double>) {
        guard n > 0 else { return }
        cblas_daxpy(Int32(n), alpha, x, 1, y, 1)
    }

    /// `xᵀy`. The corresponding CBLAS routine is `cblas_ddot`.
    public static func dot(n: Int, x: UnsafePointer<Double>, y: UnsafePointer<Double>) -> Double {
        guard n > 0 else { return 0 }
        return cblas_ddot(Int32(n), x, 1, y, 1)
    }

    /// Sets the number of OpenBLAS threads for the whole process
    /// (`openblas_set_num_threads`; the setting is process-global: it affects every thread and every caller).
    public static func setThreadCount(_ n: Int) {
        openblas_set_num_threads(Int32(max(1, n)))
    }

    /// Stops OpenBLAS's worker threads (`blas_thread_shutdown_`, what OpenBLAS
    /// itself calls before a `fork`); the next call that wants threads starts
    /// them again. OpenBLAS starts its workers when the library loads, and each
    /// spins on `sched_yield` for about 2²⁸ cycles (≈ 0.1 s) before it sleeps —
    /// a core taken from whatever the process does first (on 2 cores, half the
    /// machine while a CSV is read). Looked up by name, as the CBLAS header does
    /// not declare it; without it nothing happens.
    public static func stopIdleThreads() {
        #if canImport(Glibc)
        typealias Shutdown = @convention(c) () -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "blas_thread_shutdown_") else { return }
        _ = unsafeBitCast(symbol, to: Shutdown.self)()
        #endif
    }

    /// The current number of OpenBLAS threads (`openblas_get_num_threads`).
    public static var threadCount: Int { Int(openblas_get_num_threads()) }
}
