import CohortData
import SurvivalModels

extension PublicationTable {
    /// The publication table of a Cox fit: hazard ratios `exp(coef)` with the
    /// fit's limits (robust when the fit is), N and events (status 1) per
    /// level over the used rows, and the joint Wald test of each factor with
    /// `CoxResult.variance` — as R's `summary(coxph)` and
    /// `solve(vcov(fit)[idx, idx], coef(fit)[idx])`. Rows are counted
    /// unweighted; with `Surv(start, stop, status)` data N counts intervals.
    public static func cox(
        _ result: CoxResult, frame: ModelFrame, formula: Formula, labels: PublicationLabels = .none,
        title: String = "Cox proportional hazards"
    ) -> PublicationTable {
        var estimates: [String: ColumnEstimate] = [:]
        for c in result.coefficients {
            estimates[c.term] = ColumnEstimate(coef: c.coef, ratio: c.hr, lower: c.hrLower, upper: c.hrUpper, p: c.p)
        }
        let events = frame.response.status.map { $0 == 1 ? 1.0 : 0.0 }
        let rows = rows(
            design: PublicationDesign(frame),
            formula: formula, estimates: estimates, variance: result.variance,
            varianceNames: result.coefficients.map(\.term), events: events, labels: labels)
        return PublicationTable(
            title: title, ratioName: "HR", ratioMeaning: "hazard ratio", confLevel: result.confLevel,
            n: result.n, events: Double(result.events), rows: rows)
    }
}
