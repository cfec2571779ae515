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
        let table = CoxSummaryTable.coefficients(
            terms: frame.termNames, beta: state.beta, aliased: state.aliased, variance: state.naiveVariance,
            robust: robustVariance, confLevel: options.confLevel)
        let df = state.aliased.filter { !$0 }.count
        let tests = CoxSummaryTable.tests(
            loglikInitial: state.loglikInitial, loglik: state.loglik, wald: waldStatistic(),
            score: state.scoreTest, df: df)
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

    /// `coxph.wtest` with V robust when computed (``CoxSummaryTable/waldStatistic(beta:aliased:variance:initial:toler:)``).
    func waldStatistic() -> Double {
        CoxSummaryTable.waldStatistic(
            beta: state.beta, aliased: state.aliased, variance: variance, initial: options.initial,
            toler: options.tolerCholesky)
    }
}
