import CohortData
import SurvivalModels

extension PublicationTable {
    /// The publication table of a Poisson or negative-binomial fit: rate
    /// ratios with the fit's Wald limits, the intercept left out; N per level
    /// and the summed event counts (the outcome) as events; the joint Wald
    /// test of each factor with `vcov(glm fit)` / `vcov(glm.nb fit)`.
    public static func rateRegression(
        _ result: RateRegressionResult, frame: CountModelFrame, formula: Formula, labels: PublicationLabels = .none
    ) -> PublicationTable {
        var estimates: [String: ColumnEstimate] = [:]
        for c in result.coefficients where c.term != "(Intercept)" {
            estimates[c.term] = ColumnEstimate(coef: c.coef, ratio: c.rr, lower: c.rrLower, upper: c.rrUpper, p: c.p)
        }
        let rows = rows(
            design: PublicationDesign(frame),
            formula: formula, estimates: estimates, variance: result.variance,
            varianceNames: result.coefficients.map(\.term), events: frame.outcome, labels: labels)
        let title = result.family == .poisson ? "Poisson regression" : "Negative binomial regression"
        return PublicationTable(
            title: title, ratioName: "RR", ratioMeaning: "rate ratio", confLevel: result.confLevel,
            n: result.n, events: result.events, rows: rows)
    }
}
