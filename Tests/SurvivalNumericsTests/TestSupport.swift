import Foundation
import SurvivalTestSupport
import SurvivalNumerics

/// The repository root (see `Repository`).
func repositoryRoot() -> URL { Repository.root }

/// Largest absolute element-wise difference between two equally shaped matrices.
func maxAbsDifference(_ a: Matrix, _ b: Matrix) -> Double {
    precondition(a.rows == b.rows && a.columns == b.columns)
    return zip(a.storage, b.storage).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// Largest absolute element-wise difference between two vectors.
func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
