import SurvivalModels

/// Renders a `FineGrayResult` in the style of the Cox report (and of R's
/// `summary(crr)`): the cause and the counts of events, competing events and
/// rows, the coefficient table with subdistribution hazard ratios and their
/// limits, the pseudo log-likelihoods with the pseudo likelihood-ratio test,
/// convergence, the predicted incidence when asked for; then the rows line
/// and the warnings.
public enum FineGrayReport {
    public static func render(_ r: FineGrayResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        let title = "Fine–Gray competing-risks regression (subdistribution hazards, as cmprsk::crr)"
        var out = md ? "## \(title)\n\n" : "\(title)\n\n"
        out += "Cause \(r.cause) (censoring code \(r.cencode)): n = \(r.n), events = \(r.events),"
            + " competing events = \(r.competingEvents)"
        if r.nDroppedMissing > 0 {
            out += " (\(r.nDroppedMissing) observation\(r.nDroppedMissing == 1 ? "" : "s") deleted due to missingness)"
        }
        out += r.converged
            ? "; converged in \(r.iterations) Newton step\(r.iterations == 1 ? "" : "s")\n\n"
            : "; NOT converged after \(r.iterations) Newton steps\n\n"
        out += coefficientTable(r).render(format) + "\n"
        out += "sHR = exp(coef), the subdistribution hazard ratio; se from crr's sandwich variance.\n"
        if md { out += "\n" }
        out += "Pseudo log-likelihood: null \(NumberFormat.significant(r.loglikNull, 8)),"
            + " model \(NumberFormat.significant(r.loglik, 8))\n"
        if md { out += "\n" }
        let df = r.coefficients.count
        let lr = 2 * (r.loglik - r.loglikNull)
        out += "Pseudo likelihood ratio test = \(NumberFormat.significant(lr, 4)) on \(df) df\n"
        out += TermTestsTable.render(r.termTests, format: format)
        if let predictions = r.predictions {
            out += "\n" + (md ? "### Predicted cumulative incidence of cause \(r.cause)\n\n"
                : "Predicted cumulative incidence of cause \(r.cause) (predict.crr)\n")
            out += predictionTable(predictions).render(format)
        }
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }

    /// The coefficient table, as `summary(crr)` prints it: coef, sHR,
    /// se(coef), z, p and the sHR limits at the fit's confidence level; the
    /// report's Fine–Gray section shows this one table too.
    static func coefficientTable(_ r: FineGrayResult) -> TextTable {
        let level = NumberFormat.confidenceLevelLabel(r.confLevel)
        var t = TextTable(header: ["", "coef", "sHR", "se(coef)", "z", "Pr(>|z|)", "lower \(level)", "upper \(level)"])
        for c in r.coefficients {
            t.append([
                c.term, NumberFormat.significant(c.coef), NumberFormat.significant(c.shr),
                NumberFormat.significant(c.se), NumberFormat.significant(c.z, 3), NumberFormat.pValue(c.p),
                NumberFormat.significant(c.shrLower), NumberFormat.significant(c.shrUpper),
            ])
        }
        return t
    }

    /// One column per new row, at up to ten event times spread over the
    /// follow-up (the last always shown); the JSON has every time.
    static func predictionTable(_ predictions: [FineGrayPrediction]) -> TextTable {
        var t = TextTable(header: ["time"] + predictions.map { "row \($0.row)" })
        guard let times = predictions.first?.time, !times.isEmpty else { return t }
        let shown = times.count <= 10
            ? Array(times.indices) : (0..<10).map { ($0 + 1) * (times.count - 1) / 10 }
        var previous = -1
        for k in shown where k != previous {
            previous = k
            t.append([NumberFormat.significant(times[k], 6)] + predictions.map { NumberFormat.fixed($0.cif[k], 4) })
        }
        return t
    }
}
