/// Why a dense linear-algebra operation could not produce a result.
///
/// Every LAPACK-backed method in this module reports failures through this
/// type instead of trapping. The cases mirror the `info` codes of the
/// underlying LAPACK routines, plus two checks made in Swift before LAPACK is
/// called (non-finite input, mismatched dimensions).
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The leading minor of order `minor` (1-based) is not positive definite,
    /// so the Cholesky factorisation does not exist (`dpotrf` `info > 0`).
    case notPositiveDefinite(minor: Int)
    /// The matrix is singular (or, for least squares, rank deficient):
    /// `column` (1-based) is the first column found to be dependent
    /// (`dgesv`/`dtrtrs` `info > 0`, or the pivoted-QR rank test).
    case singular(column: Int)
    /// The input contained NaN or ±infinity. Checked in Swift before LAPACKE is
    /// called, because LAPACKE's own NaN check would otherwise report it as an
    /// illegal argument (docs/linking-blas-lapack.md, "LAPACKE checks its input for NaN").
    case nonFiniteInput
    /// Operand shapes do not fit together; the message names the operation.
    case dimensionMismatch(String)
    /// LAPACK rejected argument number `position` of `routine` (`info < 0`).
    /// This indicates a bug in this module rather than bad data.
    case illegalArgument(routine: String, position: Int)
    /// An iterative LAPACK routine did not converge (`dsyevd` `info > 0`).
    case noConvergence(routine: String)

    public var description: String {
        switch self {
        case .notPositiveDefinite(let minor):
            return "matrix is not positive definite (leading minor of order \(minor) is not positive)"
        case .singular(let column):
            return "matrix is singular (column \(column) is linearly dependent on earlier columns)"
        case .nonFiniteInput:
            return "input contains NaN or infinite values"
        case .dimensionMismatch(let message):
            return "dimension mismatch: \(message)"
        case .illegalArgument(let routine, let position):
            return "LAPACK routine \(routine) rejected argument \(position) (internal error)"
        case .noConvergence(let routine):
            return "LAPACK routine \(routine) failed to converge"
        }
    }
}

extension Matrix {
    /// Whether every element is finite (no NaN, no ±infinity).
    public var isFinite: Bool { storage.allSatisfy { $0.isFinite } }

    /// Throws `.nonFiniteInput` unless every element is finite.
    func requireFinite() throws(LinearAlgebraError) {
        guard isFinite else { throw .nonFiniteInput }
    }
}
