import CohortData
import Foundation
import SurvivalNumerics

/// The arrays a rate regression works on, taken from a `CountModelFrame`: the
/// count `y`, the design with the intercept column first, prior weights and
/// the offset (zeros when absent).
struct RateData {
    let frame: CountModelFrame
    let x: Matrix
    let names: [String]
    let y: [Double]
    let weights: [Double]
    let offset: [Double]
    let intercept: Bool

    init(_ frame: CountModelFrame, intercept: Bool) throws(ModelError) {
        let y = frame.outcome
        guard !frame.hasStrataOrCluster else {
            throw ModelError("strata(...) and cluster(...) are not supported by the Poisson and negative-binomial regressions; enter the variable as a term")
        }
        if let i = y.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
            throw ModelError(
                "the count outcome must be finite and ≥ 0, found \(NumberFormatting.label(y[i]))", row: frame.rowIndex[i])
        }
        let n = frame.count
        let p = frame.design.columns + (intercept ? 1 : 0)
        guard p > 0 else { throw ModelError("the model has no terms and no intercept") }
        var x = Matrix(rows: n, columns: p)
        if intercept { for i in 0..<n { x[i, 0] = 1 } }
        let shift = intercept ? 1 : 0
        for j in 0..<frame.design.columns {
            for i in 0..<n {
                let v = frame.design[i, j]
                guard v.isFinite else {
                    throw ModelError("covariate \(frame.termNames[j]) is not finite", row: frame.rowIndex[i])
                }
                x[i, j + shift] = v
            }
        }
        let offset = frame.offset ?? [Double](repeating: 0, count: n)
        if let i = offset.firstIndex(where: { !$0.isFinite }) {
            throw ModelError("the offset is not finite (log of 0 person-time?)", row: frame.rowIndex[i])
        }
        self.frame = frame
        self.x = x
        self.names = (intercept ? ["(Intercept)"] : []) + frame.termNames
        self.y = y
        self.weights = frame.weights ?? [Double](repeating: 1, count: n)
        self.offset = offset
        self.intercept = intercept
    }

    /// Rows with positive weight (R's `n.ok`); with frequency counts the
    /// subjects (the expanded rows' `n.ok`), so that the residual and null
    /// degrees of freedom are those of the expanded rows.
    var nUsed: Int { frame.counts != nil ? frame.subjectCount : weights.filter { $0 > 0 }.count }

    var interceptOnly: Matrix { Matrix(rows: x.rows, columns: 1, repeating: 1) }

    /// `glm.fit`'s null deviance without an offset refit: at the weighted mean
    /// with an intercept, at `exp(offset)` without.
    func nullDeviance(_ family: CountFamily) -> Double {
        let mu: [Double]
        if intercept {
            var sw = 0.0, swy = 0.0
            for i in y.indices { sw += weights[i]; swy += weights[i] * y[i] }
            mu = [Double](repeating: swy / sw, count: y.count)
        } else {
            mu = offset.map(LogLink.inverse)
        }
        return family.deviance(y: y, mu: mu, weights: weights)
    }

    /// `glm.nb`'s log-likelihood at θ and μ.
    func negbinLoglik(theta th: Double, mu: [Double]) -> Double {
        var s = 0.0
        for i in y.indices {
            let yi = y[i]
            s += weights[i] * (lgamma(th + yi) - lgamma(th) - lgamma(yi + 1) + th * log(th)
                + yi * log(mu[i] + (yi == 0 ? 1 : 0)) - (th + yi) * log(th + mu[i]))
        }
        return s
    }

    func result(
        family: RateRegressionFamily, fit: IRLSFit, nullDeviance: Double, loglik: Double?, aic: Double?,
        theta: (Double, Double)?, warnings: [String], options: RateRegressionOptions
    ) -> RateRegressionResult {
        var warnings = warnings
        let q = Normal.quantile(1 - (1 - options.confLevel) / 2)
        func finite(_ v: Double) -> Double? { v.isFinite ? v : nil }
        var table: [RateCoefficient] = []
        for (j, name) in names.enumerated() {
            guard let b = fit.coefficients[j] else {
                table.append(RateCoefficient(term: name, coef: nil, se: nil, z: nil, p: nil, rr: nil, rrLower: nil,
                                             rrUpper: nil))
                continue
            }
            let se = fit.covariance[j, j].squareRoot()
            let z = b / se
            table.append(RateCoefficient(
                term: name, coef: finite(b), se: finite(se), z: finite(z), p: finite(2 * Normal.upperTail(abs(z))),
                rr: finite(exp(b)), rrLower: finite(exp(b - q * se)), rrUpper: finite(exp(b + q * se))))
        }
        let aliased = names.indices.filter { fit.coefficients[$0] == nil }.map { names[$0] }
        if !aliased.isEmpty {
            warnings.append("\(aliased.count) coefficient\(aliased.count == 1 ? "" : "s") not defined because of singularities: \(aliased.joined(separator: ", "))")
        }
        let p = names.count
        var result = RateRegressionResult(
            family: family, confLevel: options.confLevel, n: frame.subjectCount,
            events: frame.counts.map { c in zip(y, c).reduce(0) { $0 + $1.0 * $1.1 } } ?? y.reduce(0, +), nDroppedMissing: frame.rows.droppedTotal,
            iterations: fit.iterations, converged: fit.converged, coefficients: table, deviance: fit.deviance,
            nullDeviance: nullDeviance, dfResidual: nUsed - fit.rank, dfNull: nUsed - (intercept ? 1 : 0),
            aic: aic.flatMap(finite), loglik: loglik.flatMap(finite), theta: theta?.0, thetaSE: theta?.1,
            variance: (0..<p).map { i in (0..<p).map { fit.covariance[i, $0] } },
            warnings: warnings, rows: frame.rows)
        // As R's logLik.glm (df = rank) and MASS's logLik.negbin (rank + 1 for θ);
        // BIC's n is the rows (`sum(!is.na(residuals))`), with counts the subjects (the expanded rows).
        result.loglikDF = fit.rank + (theta == nil ? 0 : 1)
        result.bic = result.loglik.map {
            InformationCriteria.bic(loglik: $0, df: result.loglikDF, observations: frame.subjectCount)
        }.flatMap(finite)
        result.termTests = TermWaldTest.tests(
            terms: frame.splineTerms, termOfColumn: (intercept ? ["(Intercept)"] : []) + frame.termOfColumn,
            coefficients: fit.coefficients, variance: result.variance)
        return result
    }
}
