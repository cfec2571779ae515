import Foundation
import SurvivalNumerics

extension CoxFit {
    /// The summary of the fit, as R's `summary(coxph)`:
    /// coefficient table (robust standard errors driving `z`, `p` and the
    /// limits when present), log-likelihoods, the likelihood-ratio, Wald and
    /// score tests with `df` = number of non-aliased coefficients, concordance
    /// and variance.
    public var result: CoxResult { makeResult() }

    /// The summary with optional extras (`cox.zph`, residuals) filled in.
    public func makeResult(zph: CoxZPH? = nil, residuals: CoxResiduals? = nil) -> CoxResult {
        let p = state.beta.count
        let z = Normal.quantile(1 - (1 - options.confLevel) / 2)
        let robust = robustVariance
        var table: [CoxCoefficient] = []
        for j in 0..<p {
            guard !state.aliased[j] else {
                table.append(CoxCoefficient(term: frame.termNames[j], coef: nil, se: nil, robustSE: nil,
                                            z: nil, p: nil, hr: nil, hrLower: nil, hrUpper: nil))
                continue
            }
            let b = state.beta[j]
            let se = state.naiveVariance[j, j].squareRoot()
            let rse = robust.map { $0[j, j].squareRoot() }
            let used = rse ?? se
            let zz = b / used
            // Non-finite values (an infinite limit under monotone likelihood) are
            // given as missing: results never carry NaN or infinity.
            table.append(CoxCoefficient(
                term: frame.termNames[j], coef: finite(b), se: finite(se), robustSE: rse.flatMap(finite),
                z: finite(zz), p: finite(2 * Normal.upperTail(abs(zz))), hr: finite(exp(b)),
                hrLower: finite(exp(b - z * used)), hrUpper: finite(exp(b + z * used))))
        }
        let df = state.aliased.filter { !$0 }.count
        let lr = 2 * (state.loglik - state.loglikInitial)
        let wald = waldStatistic()
        let tests = CoxTests(
            likelihoodRatio: CoxTest(statistic: lr, df: df, p: ChiSquared.upperTail(lr, df: Double(df))),
            wald: CoxTest(statistic: wald, df: df, p: ChiSquared.upperTail(wald, df: Double(df))),
            score: CoxTest(statistic: state.scoreTest, df: df, p: ChiSquared.upperTail(state.scoreTest, df: Double(df))))
        let v = variance
        var result = CoxResult(
            ties: options.ties, n: frame.subjectCount, events: events,
            nDroppedMissing: frame.rows.droppedTotal, iterations: state.iterations,
            converged: state.converged, coefficients: table, loglikNull: state.loglikInitial,
            loglik: state.loglik, tests: tests, concordance: concordance(),
            variance: (0..<p).map { i in (0..<p).map { v[i, $0] } },
            zph: zph, residuals: residuals, warnings: warnings, rows: frame.rows, confLevel: options.confLevel)
        // As R's logLik.coxph: df = the non-aliased coefficients, nobs = the events.
        result.aic = InformationCriteria.aic(loglik: state.loglik, df: df)
        result.bic = InformationCriteria.bic(loglik: state.loglik, df: df, observations: events)
        // Model-based variance, as the contract's term_tests (robust or not).
        let naive = state.naiveVariance
        result.termTests = TermWaldTest.tests(
            terms: frame.splineTerms, termOfColumn: frame.termOfColumn, coefficients: coefficients,
            variance: (0..<p).map { i in (0..<p).map { naive[i, $0] } })
        return result
    }

    func finite(_ v: Double) -> Double? { v.isFinite ? v : nil }

    /// `coxph.wtest`: `bᵀ V⁻¹ b` over the non-aliased coefficients, minus the
    /// initial values, with V robust when computed; V factored by ``Cholesky2``.
    func waldStatistic() -> Double {
        let keep = (0..<state.beta.count).filter { !state.aliased[$0] }
        guard !keep.isEmpty else { return 0 }
        let v = variance
        var sub = Matrix(rows: keep.count, columns: keep.count)
        for (a, i) in keep.enumerated() {
            for (b, j) in keep.enumerated() { sub[a, b] = v[i, j] }
        }
        let init0 = options.initial ?? [Double](repeating: 0, count: state.beta.count)
        let b = keep.map { state.beta[$0] - init0[$0] }
        let solved = Cholesky2(sub, toler: options.tolerCholesky).solve(b)
        return zip(b, solved).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
