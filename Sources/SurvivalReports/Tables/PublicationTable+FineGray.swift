import CohortData
import SurvivalModels

extension PublicationTable {
    /// The publication table of a Fine–Gray fit: subdistribution hazard
    /// ratios with crr's limits, N per level and the events of the modelled
    /// cause (status = `cause`) among them, and the joint Wald test of each
    /// factor with crr's sandwich variance (`fit$var`), as
    /// `cmprsk::crr` + `solve(V[idx, idx], b[idx])`.
    public static func fineGray(
        _ result: FineGrayResult, frame: ModelFrame, formula: Formula, cause: Int, labels: PublicationLabels = .none
    ) -> PublicationTable {
        var estimates: [String: ColumnEstimate] = [:]
        for c in result.coefficients {
            estimates[c.term] = ColumnEstimate(coef: c.coef, ratio: c.shr, lower: c.shrLower, upper: c.shrUpper, p: c.p)
        }
        let events = frame.response.status.map { $0 == cause ? 1.0 : 0.0 }
        let rows = rows(
            design: PublicationDesign(frame),
            formula: formula, estimates: estimates, variance: result.variance,
            varianceNames: result.coefficients.map(\.term), events: events, labels: labels)
        return PublicationTable(
            title: "Fine–Gray competing risks, cause \(result.cause)", ratioName: "sHR",
            ratioMeaning: "subdistribution hazard ratio", eventsName: "Events", confLevel: result.confLevel,
            n: result.n, events: Double(result.events), rows: rows)
    }
}
