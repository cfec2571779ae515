import Foundation
import SurvivalNumerics

/// The parts of `summary(coxph)` computed alike for every fitter (row-level,
/// from aggregates): the coefficient table, the Wald statistic and the three
/// global tests.
enum CoxSummaryTable {
    /// One row per coefficient: `z`, `p` and the limits use the robust standard
    /// error when there is one (R's rule); non-finite values (an infinite limit
    /// under monotone likelihood) are given as missing.
    static func coefficients(
        terms: [String], beta: [Double], aliased: [Bool], variance: Matrix, robust: Matrix?, confLevel: Double
    ) -> [CoxCoefficient] {
        let z = Normal.quantile(1 - (1 - confLevel) / 2)
        func finite(_ v: Double) -> Double? { v.isFinite ? v : nil }
        return beta.indices.map { j in
            guard !aliased[j] else {
                return CoxCoefficient(term: terms[j], coef: nil, se: nil, robustSE: nil, z: nil, p: nil, hr: nil,
                                      hrLower: nil, hrUpper: nil)
            }
            let b = beta[j]
            let se = variance[j, j].squareRoot()
            let rse = robust.map { $0[j, j].squareRoot() }
            let used = rse ?? se
            let zz = b / used
            return CoxCoefficient(
                term: terms[j], coef: finite(b), se: finite(se), robustSE: rse.flatMap(finite), z: finite(zz),
                p: finite(2 * Normal.upperTail(abs(zz))), hr: finite(exp(b)), hrLower: finite(exp(b - z * used)),
                hrUpper: finite(exp(b + z * used)))
        }
    }

    /// `coxph.wtest`: `bᵀ V⁻¹ b` over the non-aliased coefficients, minus the
    /// initial values, V factored by ``Cholesky2``.
    static func waldStatistic(
        beta: [Double], aliased: [Bool], variance v: Matrix, initial: [Double]?, toler: Double
    ) -> Double {
        let keep = beta.indices.filter { !aliased[$0] }
        guard !keep.isEmpty else { return 0 }
        var sub = Matrix(rows: keep.count, columns: keep.count)
        for (a, i) in keep.enumerated() {
            for (b, j) in keep.enumerated() { sub[a, b] = v[i, j] }
        }
        let init0 = initial ?? [Double](repeating: 0, count: beta.count)
        let b = keep.map { beta[$0] - init0[$0] }
        let solved = Cholesky2(sub, toler: toler).solve(b)
        return zip(b, solved).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Likelihood-ratio, Wald and score tests on `df` degrees of freedom.
    static func tests(loglikInitial: Double, loglik: Double, wald: Double, score: Double, df: Int) -> CoxTests {
        let lr = 2 * (loglik - loglikInitial)
        return CoxTests(
            likelihoodRatio: CoxTest(statistic: lr, df: df, p: ChiSquared.upperTail(lr, df: Double(df))),
            wald: CoxTest(statistic: wald, df: df, p: ChiSquared.upperTail(wald, df: Double(df))),
            score: CoxTest(statistic: score, df: df, p: ChiSquared.upperTail(score, df: Double(df))))
    }
}
