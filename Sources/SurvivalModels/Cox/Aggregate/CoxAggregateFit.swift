import CohortData
import SurvivalNumerics

/// A Cox model fitted from aggregate sums (``CoxModel/fitAggregates(_:termNames:options:)``):
/// the estimates and tests of `summary(coxph)`; nothing that needs the rows
/// (concordance, residuals, `cox.zph`, robust variance).
public struct CoxAggregateFit: Sendable {
    public let termNames: [String]
    public let options: CoxOptions
    /// Coefficients on the original scale (an aliased one stays at its initial value).
    public let beta: [Double]
    public let aliased: [Bool]
    /// Centring of each column, R's `fit$means`.
    public let means: [Double]
    /// Inverse information, R's `fit$var`.
    public let variance: Matrix
    public let loglikInitial: Double
    public let loglik: Double
    /// Score test at the initial β.
    public let scoreTest: Double
    public let iterations: Int
    public let converged: Bool
    /// Σ c: subjects the sums stand for.
    public let subjects: Double
    /// Σ c over the events.
    public let events: Double

    /// Coefficients; `nil` for an aliased column (R's `NA`).
    public var coefficients: [Double?] {
        beta.indices.map { aliased[$0] ? nil : beta[$0] }
    }

    /// The summary in the shape of an in-memory fit's ``CoxFit/result``:
    /// coefficient table, log-likelihoods, likelihood-ratio, Wald and score
    /// tests (df = non-aliased coefficients), AIC/BIC (BIC's n = events, as
    /// `logLik.coxph`); `concordance`, `zph` and `residuals` are nil.
    public func result(rows: RowAccounting, warnings: [String] = []) -> CoxResult {
        let p = beta.count
        let table = CoxSummaryTable.coefficients(
            terms: termNames, beta: beta, aliased: aliased, variance: variance, robust: nil,
            confLevel: options.confLevel)
        let df = aliased.filter { !$0 }.count
        let wald = CoxSummaryTable.waldStatistic(
            beta: beta, aliased: aliased, variance: variance, initial: options.initial, toler: options.tolerCholesky)
        let tests = CoxSummaryTable.tests(
            loglikInitial: loglikInitial, loglik: loglik, wald: wald, score: scoreTest, df: df)
        var result = CoxResult(
            ties: options.ties, n: Int(subjects.rounded()), events: Int(events.rounded()),
            nDroppedMissing: rows.droppedTotal, iterations: iterations, converged: converged,
            coefficients: table, loglikNull: loglikInitial, loglik: loglik, tests: tests, concordance: nil,
            variance: (0..<p).map { i in (0..<p).map { variance[i, $0] } }, warnings: warnings, rows: rows,
            confLevel: options.confLevel)
        result.aic = InformationCriteria.aic(loglik: loglik, df: df)
        result.bic = InformationCriteria.bic(loglik: loglik, df: df, observations: Int(events.rounded()))
        return result
    }
}
