import CohortData
import Foundation
import SurvivalNumerics

extension FineGrayFit {
    /// The coefficient table and summaries of `summary(crr, conf.int = options.confLevel)`.
    ///
    /// `p` is `2·Φ(−|z|)`, which is summary.crr's `2·(1 − Φ(|z|))` computed
    /// without the cancellation that makes R's value 0 below ~1e−16 (and
    /// without its `signif` rounding).
    public func makeResult() -> FineGrayResult {
        let zq = Normal.quantile(1 - (1 - options.confLevel) / 2)
        func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
        let coefs = frame.termNames.indices.map { j -> FineGrayCoefficient in
            let b = coefficients[j]
            let v = variance[j, j]
            let se = v >= 0 ? Foundation.sqrt(v) : Double.nan
            let z = b / se
            return FineGrayCoefficient(
                term: frame.termNames[j], coef: b, se: finite(se), z: finite(z),
                p: z.isNaN ? nil : 2 * Normal.upperTail(abs(z)), shr: finite(Foundation.exp(b)),
                shrLower: finite(Foundation.exp(b - zq * se)), shrUpper: finite(Foundation.exp(b + zq * se)))
        }
        var result = FineGrayResult(
            cause: String(options.cause), cencode: String(options.censoringCode), n: frame.count, events: events,
            competingEvents: competingEvents, nDroppedMissing: frame.rows.droppedTotal, iterations: iterations,
            converged: converged, confLevel: options.confLevel, loglik: loglik, loglikNull: loglikNull,
            coefficients: coefs, variance: variance.rowArrays, warnings: warnings, rows: frame.rows)
        result.termTests = TermWaldTest.tests(
            terms: frame.splineTerms, termOfColumn: frame.termOfColumn, coefficients: coefs.map(\.coef),
            variance: result.variance)
        return result
    }
}
