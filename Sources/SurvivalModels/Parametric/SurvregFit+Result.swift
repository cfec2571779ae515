import Foundation
import SurvivalNumerics

extension SurvregFit {
    /// The summary of the fit, as R's `summary(survreg)`: Wald z and
    /// two-sided normal p for each coefficient and log-scale, and the
    /// likelihood-ratio test against the intercept-only model on
    /// (number of coefficients − 1) degrees of freedom, aliased ones counted as R does.
    public func makeResult() -> SurvregResult {
        func wald(_ estimate: Double, _ variance: Double) -> (se: Double, z: Double, p: Double) {
            let se = variance.squareRoot()
            let z = estimate / se
            return (se, z, 2 * Normal.upperTail(abs(z)))
        }
        let coefs = coefficients
        let table = (0..<nvar).map { j -> SurvregCoefficient in
            guard let b = coefs[j] else { return SurvregCoefficient(term: termNames[j], coef: nil, se: nil, z: nil, p: nil) }
            let w = wald(b, variance[j, j])
            var row = SurvregCoefficient(term: termNames[j], coef: b, se: w.se, z: w.z, p: w.p)
            if j > 0, let ratio = hazardRatio(j) {
                (row.hr, row.hrLower, row.hrUpper) = ratio
            }
            return row
        }
        let logScaleRows = logScales.enumerated().map { k, s -> SurvregLogScale in
            let w = wald(s, variance[nvar + k, nvar + k])
            return SurvregLogScale(estimate: s, se: w.se, z: w.z, p: w.p)
        }
        var strataScales: [SurvregStratumScale]? = nil
        if logScaleRows.count > 1 {
            let labels = frame.strata?.labels ?? []
            strataScales = logScaleRows.enumerated().map { k, row in
                SurvregStratumScale(label: k < labels.count ? labels[k] : "\(k + 1)", scale: exp(row.estimate), logScale: row)
            }
        }
        // As R's survreg: the degrees of freedom and the AIC count every
        // coefficient, aliased (NA) ones included (`sum(fit$df) - fit$idf`).
        let df = nvar - 1
        let statistic = 2 * (loglik - loglikNull)
        let test = CoxTest(statistic: statistic, df: df, p: df > 0 ? ChiSquared.upperTail(statistic, df: Double(df)) : 1)
        let parameters = nvar + logScales.count
        var result = SurvregResult(
            dist: options.distribution, n: frame.count, events: events,
            nDroppedMissing: frame.rows.droppedTotal, iterations: iterations, converged: converged,
            coefficients: table, scale: logScaleRows.count > 1 ? nil : scales.first,
            logScale: logScaleRows.count == 1 ? logScaleRows[0] : nil, strataScales: strataScales,
            loglik: loglik, loglikNull: loglikNull, tests: SurvregTests(likelihoodRatio: test),
            aic: -2 * loglik + 2 * Double(parameters), variance: variance.rowArrays,
            varianceTerms: varianceTerms, warnings: warnings, rows: frame.rows)
        result.bic = InformationCriteria.bic(loglik: loglik, df: parameters, observations: frame.count)
        result.loglikDF = parameters
        // The coefficients' block of the variance (the log-scale rows follow).
        let intercept = nvar > frame.termOfColumn.count ? ["(Intercept)"] : []
        result.termTests = TermWaldTest.tests(
            terms: frame.splineTerms, termOfColumn: intercept + frame.termOfColumn, coefficients: coefs,
            variance: (0..<nvar).map { i in (0..<nvar).map { variance[i, $0] } })
        return result
    }
}

extension SurvregFit {
    /// The hazard ratio of coefficient `j` in the proportional-hazards
    /// metric of a Weibull (or exponential) fit with one scale, as Stata's
    /// `streg`: `exp(−β/σ)`, with 95% limits `exp(log hr ± 1.96·se)` where, by
    /// the delta method on `log hr = −β·e^(−s)` (s = log σ),
    ///
    ///     se² = (Var β − 2β·Cov(β, s) + β²·Var s) / σ²
    ///
    /// (`Var s = 0` when σ is fixed, the exponential). `nil` for other
    /// distributions, several strata scales, or an aliased coefficient.
    func hazardRatio(_ j: Int) -> (hr: Double, lower: Double, upper: Double)? {
        guard options.distribution.errorDistribution == .extremeValue, logScales.count <= 1,
            j < nvar, variance[j, j] > 0
        else { return nil }
        let b = theta[j]
        let sigma = scales[0]
        let k = nvar  // the log-scale's row, when it is estimated
        let varS = logScales.isEmpty ? 0 : variance[k, k]
        let covBS = logScales.isEmpty ? 0 : variance[j, k]
        let varLog = (variance[j, j] - 2 * b * covBS + b * b * varS) / (sigma * sigma)
        let logHR = -b / sigma
        let z = Normal.quantile(0.975)
        let se = max(varLog, 0).squareRoot()
        return (exp(logHR), exp(logHR - z * se), exp(logHR + z * se))
    }
}
