import SurvivalNumerics

/// The variances and effective degrees of freedom of a sparse-frailty fit, as
/// R's `coxpenal.df` (sparse term plus unpenalised covariates): with H the
/// penalised information and P the frailty penalty,
/// `variance` = the covariate block C of H⁻¹, `frailtyVariance` = the
/// diagonal A of H⁻¹'s frailty block, `variance2` = C − BᵀPB (B the
/// frailty–covariate block of H⁻¹), the frailty df = groups − Σ A·P, and
/// each covariate term's df = trace(C⁻¹ var2) over its columns.
struct FrailtyDegreesOfFreedom: Sendable {
    var variance: [[Double]]
    var variance2: [[Double]]
    var frailtyVariance: [Double]
    var frailtyDF: Double
    /// Σ A, R's `trH` for the frailty term.
    var traceH: Double
    /// The df of each covariate term, in first-column order.
    var termDF: [Double]
    /// Inverted covariate pivots (0 = redundant column).
    var d2: [Double]

    init(_ fit: FrailtyInnerFit, termOfColumn: [String]) {
        let inv = fit.inverse
        let p = inv.d2.count, nf = inv.d1.count
        // R zeroes the frailty variance when the penalty forced the effects to zero.
        let d1 = fit.forcedZero ? [Double](repeating: 0, count: nf) : inv.d1
        let d2 = inv.d2
        self.d2 = d2
        let pen1 = fit.forcedZero ? [Double](repeating: 0, count: nf) : fit.penaltySecond
        let h = inv.hinv  // h[i][a]: hinv[a, i] in R's layout
        var A = d1
        for g in 0..<nf { for i in 0..<p { A[g] += h[i][g] * h[i][g] * d2[i] } }
        var C = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for j in 0..<p {
            for k in 0..<p {
                var s = 0.0
                for i in 0..<p { s += h[i][nf + j] * d2[i] * h[i][nf + k] }
                C[j][k] = s
            }
        }
        // B[g][k] = Σ_i hinv[g,i] d2[i] hinv[nf+k,i]
        var B = [[Double]](repeating: [Double](repeating: 0, count: p), count: nf)
        for g in 0..<nf {
            for k in 0..<p {
                var s = 0.0
                for i in 0..<p { s += h[i][g] * d2[i] * h[i][nf + k] }
                B[g][k] = s
            }
        }
        var V2 = C
        for j in 0..<p {
            for k in 0..<p {
                var s = 0.0
                for g in 0..<nf { s += B[g][j] * pen1[g] * B[g][k] }
                V2[j][k] -= s
            }
        }
        variance = C
        variance2 = V2
        frailtyVariance = A
        frailtyDF = Double(nf) - zip(A, pen1).reduce(0) { $0 + $1.0 * $1.1 }
        traceH = A.reduce(0, +)
        var terms: [String] = []
        for t in termOfColumn where !terms.contains(t) { terms.append(t) }
        termDF = terms.map { t in
            let cols = (0..<p).filter { termOfColumn[$0] == t }
            return Self.traceRatio(C, V2, cols)
        }
    }

    /// trace(C_JJ⁻¹ V_JJ), as `coxph.wtest(C[j,j], var2[j,j])$solve` summed on its diagonal.
    static func traceRatio(_ C: [[Double]], _ V: [[Double]], _ cols: [Int]) -> Double {
        let k = cols.count
        guard k > 0 else { return 0 }
        if k == 1 {
            let c = C[cols[0]][cols[0]]
            return c == 0 ? 0 : V[cols[0]][cols[0]] / c
        }
        var m = Matrix(rows: k, columns: k)
        for (a, i) in cols.enumerated() { for (b, j) in cols.enumerated() { m[a, b] = C[i][j] } }
        let chol = Cholesky2(m, toler: 1e-9)
        var total = 0.0
        for (b, j) in cols.enumerated() {
            let solved = chol.solve(cols.map { V[$0][j] })
            total += solved[b]
        }
        return total
    }
}
