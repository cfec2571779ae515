import CohortData
import SurvivalModels
import Foundation
import SurvivalNumerics

extension PublicationTable {
    /// The publication table of a parametric (accelerated failure time) fit:
    /// time ratios `exp(coef)` with Wald limits `exp(coef ∓ z·se)` (z the
    /// normal quantile of `confLevel`), the intercept and scale left out; N and
    /// events (status 1; exact, left- or interval-censored for interval data) per level; the joint Wald test of each factor with
    /// the fit's covariance (`vcov(survreg fit)`, the log-scale rows not
    /// used). A time ratio above 1 means longer survival — it is not a hazard ratio.
    public static func survreg(
        _ result: SurvregResult, frame: ModelFrame, formula: Formula, confLevel: Double = 0.95,
        labels: PublicationLabels = .none
    ) -> PublicationTable {
        let z = Normal.quantile(1 - (1 - confLevel) / 2)
        var estimates: [String: ColumnEstimate] = [:]
        for c in result.coefficients where c.term != "(Intercept)" {
            guard let b = c.coef, let se = c.se else {
                estimates[c.term] = ColumnEstimate(coef: nil)
                continue
            }
            estimates[c.term] = ColumnEstimate(
                coef: b, ratio: Foundation.exp(b), lower: Foundation.exp(b - z * se), upper: Foundation.exp(b + z * se), p: c.p)
        }
        // Interval-censored data: an event was seen in every row but the
        // right-censored ones (status 0), as `result.events` counts them.
        let interval = frame.response.isIntervalCensored
        let events = frame.response.status.map { ($0 == 1 || (interval && $0 != 0)) ? 1.0 : 0.0 }
        let rows = rows(
            design: PublicationDesign(frame),
            formula: formula, estimates: estimates, variance: result.variance, varianceNames: result.varianceTerms,
            events: events, labels: labels)
        return PublicationTable(
            title: "Parametric survival regression, \(result.dist.rawValue)", ratioName: "Time ratio",
            ratioMeaning: "ratio of survival times (accelerated failure time)", confLevel: confLevel,
            n: result.n, events: Double(result.events), rows: rows)
    }
}
