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
            return SurvregCoefficient(term: termNames[j], coef: b, se: w.se, z: w.z, p: w.p)
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
