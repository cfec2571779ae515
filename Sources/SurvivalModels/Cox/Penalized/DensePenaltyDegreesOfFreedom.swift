/// The variances and effective degrees of freedom of a fit with dense
/// penalties only, as R's `coxpenal.df` (`ptype == 2`): with H the penalised
/// information (rebuilt from its factorisation, redundant columns zero) and
/// P the penalty, `variance` = H⁻¹, `variance2` = H⁻¹(H − P)H⁻¹; with one
/// term in the model its df is trace((H − P)H⁻¹), with several each term's
/// df is trace(H⁻¹_JJ⁻¹ variance2_JJ) over its columns J.
struct DensePenaltyDegreesOfFreedom: Sendable {
    var variance: [[Double]]
    var variance2: [[Double]]
    /// The df of each model term, in first-column order.
    var termDF: [Double]
    /// The term names in that order.
    var terms: [String]
    /// Inverted pivots (0 = redundant or forced to zero).
    var d2: [Double]

    init(_ fit: DensePenaltyInnerFit, termOfColumn: [String]) {
        let inv = fit.cholesky.inverse()
        let p = inv.d2.count
        let d2 = (0..<p).map { fit.forcedZero[$0] ? 0 : inv.d2[$0] }
        self.d2 = d2
        let h = inv.hinv
        var C = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for j in 0..<p {
            for k in 0..<p {
                var s = 0.0
                for i in 0..<p { s += h[i][j] * d2[i] * h[i][k] }
                C[j][k] = s
            }
        }
        // H = L D Lᵀ from the factor (L unit lower triangular, D the pivots 1/d2).
        let rows = fit.cholesky.rows
        func L(_ a: Int, _ k: Int) -> Double { a == k ? 1 : (k < a ? rows[a][k] : 0) }
        var imat = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for a in 0..<p {
            for b in 0..<p {
                var s = 0.0
                for k in 0...min(a, b) where d2[k] != 0 { s += L(a, k) * (1 / d2[k]) * L(b, k) }
                imat[a][b] = s - fit.penaltySecond[a][b]
            }
        }
        // var2 = C · imat · C
        var CI = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for a in 0..<p {
            for b in 0..<p {
                var s = 0.0
                for k in 0..<p { s += C[a][k] * imat[k][b] }
                CI[a][b] = s
            }
        }
        var V2 = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for a in 0..<p {
            for b in 0..<p {
                var s = 0.0
                for k in 0..<p { s += CI[a][k] * C[k][b] }
                V2[a][b] = s
            }
        }
        variance = C
        variance2 = V2
        var names: [String] = []
        for t in termOfColumn where !names.contains(t) { names.append(t) }
        terms = names
        if names.count == 1 {
            var s = 0.0
            for a in 0..<p { for b in 0..<p { s += imat[a][b] * C[a][b] } }
            termDF = [s]
        } else {
            termDF = names.map { t in
                FrailtyDegreesOfFreedom.traceRatio(C, V2, (0..<p).filter { termOfColumn[$0] == t })
            }
        }
    }
}
