/// The penalty of one `pspline()` term at θ, as R's pspline `pfun`: with P
/// the second-order difference penalty on the basis coefficients (`DᵀD`, D
/// the second differences of the full basis, its first row and column
/// dropped with the first basis column) and λ = θ/(1 − θ), the log
/// likelihood loses λ/2·bᵀPb, the score λPb and the information gains λP.
/// θ ≥ 1 forces the coefficients to zero (R's `flag`).
struct SplinePenalty: Sendable {
    /// The term's design columns.
    var columns: [Int]
    /// P over those columns.
    var matrix: [[Double]]
    var theta: Double

    /// The second-difference penalty for a basis of `width` functions with the first dropped.
    static func differenceMatrix(width: Int) -> [[Double]] {
        // Rows r of D: e_r − 2 e_{r+1} + e_{r+2}, r = 0 ..< width − 2.
        var full = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
        for r in 0..<max(width - 2, 0) {
            let d: [(Int, Double)] = [(r, 1), (r + 1, -2), (r + 2, 1)]
            for (i, a) in d { for (j, b) in d { full[i][j] += a * b } }
        }
        return full.dropFirst().map { Array($0.dropFirst()) }
    }

    var forcesZero: Bool { theta >= 1 }
    var lambda: Double { theta <= 0 ? 0 : theta / (1 - theta) }

    /// P·b over the term's coefficients.
    func times(_ beta: [Double]) -> [Double] {
        let b = columns.map { beta[$0] }
        return matrix.map { row in zip(row, b).reduce(0) { $0 + $1.0 * $1.1 } }
    }
}
