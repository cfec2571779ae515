import CohortData
import Foundation
import SurvivalNumerics

/// What R's `coxph` reports of any penalised fit (frailty or pspline), from
/// the final inner fit: the coefficient table of `print.coxph.penal` (`se` from
/// `var`, `se2` from `var2`, the Wald chi-square `b²/var` on 1 df; `NA` where
/// the coefficient is aliased, `d2 = 0`), R's `wald.test` of the estimated
/// coefficients (`coxph.wtest` on `var`), and the likelihood-ratio test on the
/// sum of the terms' df rounded to 2 digits, as printed.
enum PenalizedCoxSummary {
    /// The table rows and each coefficient's Wald chi-square (`nil` when aliased).
    static func coefficients(
        _ frame: ModelFrame, beta: [Double], variance: [[Double]], variance2: [[Double]], d2: [Double], confLevel: Double
    ) -> (table: [CoxCoefficient], chisq: [Double?]) {
        let zq = Normal.quantile(1 - (1 - confLevel) / 2)
        var table: [CoxCoefficient] = []
        var chisqs: [Double?] = []
        for j in beta.indices {
            guard d2[j] != 0 else {
                table.append(CoxCoefficient(term: frame.termNames[j], coef: nil, se: nil, robustSE: nil, z: nil, p: nil,
                                            hr: nil, hrLower: nil, hrUpper: nil))
                chisqs.append(nil)
                continue
            }
            let b = beta[j], v = variance[j][j]
            let chisq = b * b / v
            let se = v.squareRoot()
            var row = CoxCoefficient(
                term: frame.termNames[j], coef: b, se: se, robustSE: nil, z: b / se,
                p: ChiSquared.upperTail(chisq, df: 1), hr: exp(b), hrLower: exp(b - zq * se), hrUpper: exp(b + zq * se))
            row.se2 = variance2[j][j].squareRoot()
            table.append(row)
            chisqs.append(chisq)
        }
        return (table, chisqs)
    }

    /// The likelihood-ratio test as printed (`df` = the rounded sum of `termDF`),
    /// and the `tests` block: that test with a whole df, R's `wald.test`, no score test.
    static func tests(
        beta: [Double], variance: [[Double]], d2: [Double], loglikNull: Double, loglik: Double, termDF: [Double]
    ) -> (printed: PenalizedLikelihoodRatio, tests: CoxTests) {
        let dfTotal = (termDF.reduce(0, +) * 100).rounded() / 100
        let lr = -2 * (loglikNull - loglik)
        let printed = PenalizedLikelihoodRatio(statistic: lr, df: dfTotal, p: ChiSquared.upperTail(lr, df: dfTotal))
        let keep = beta.indices.filter { d2[$0] != 0 }
        var wald = 0.0
        if !keep.isEmpty {
            var sub = Matrix(rows: keep.count, columns: keep.count)
            for (a, i) in keep.enumerated() { for (b, j) in keep.enumerated() { sub[a, b] = variance[i][j] } }
            let bs = keep.map { beta[$0] }
            wald = zip(bs, Cholesky2(sub, toler: 1e-9).solve(bs)).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let waldTest = CoxTest(statistic: wald, df: keep.count, p: ChiSquared.upperTail(wald, df: Double(keep.count)))
        // R computes no score test for a penalised fit (fit$score is NULL).
        let tests = CoxTests(
            likelihoodRatio: CoxTest(statistic: lr, df: Int(dfTotal.rounded()), p: printed.p), wald: waldTest, score: nil)
        return (printed, tests)
    }
}
