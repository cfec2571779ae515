import SurvivalModels

/// Renders a `RateRegressionResult` like R's `summary(glm)` / `summary(glm.nb)`:
/// the coefficient table with rate ratios and Wald limits, the deviances with
/// their degrees of freedom, AIC, and θ for the negative binomial.
public enum RateRegressionReport {
    public static func render(_ r: RateRegressionResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        let title = r.family == .poisson ? "Poisson regression (log link)" : "Negative binomial regression (log link)"
        var out = md ? "## \(title)\n\n" : "\(title)\n\n"
        out += "n = \(r.n), total events = \(NumberFormat.significant(r.events))"
        if r.nDroppedMissing > 0 {
            out += " (\(r.nDroppedMissing) observation\(r.nDroppedMissing == 1 ? "" : "s") deleted due to missingness)"
        }
        out += r.converged ? "; converged in \(r.iterations) iterations\n\n" : "; NOT converged after \(r.iterations) iterations\n\n"
        let level = NumberFormat.confidenceLevelLabel(r.confLevel)
        var t = TextTable(header: ["", "Estimate", "Std. Error", "z value", "Pr(>|z|)", "RR", "lower \(level)", "upper \(level)"])
        for c in r.coefficients {
            t.append([
                c.term, NumberFormat.significant(c.coef), NumberFormat.significant(c.se),
                NumberFormat.significant(c.z, 3), NumberFormat.pValue(c.p), NumberFormat.significant(c.rr),
                NumberFormat.significant(c.rrLower), NumberFormat.significant(c.rrUpper),
            ])
        }
        out += t.render(format)
        out += "\n"
        let sep = md ? "\n\n" : "\n"
        if let theta = r.theta {
            out += "Theta = \(NumberFormat.significant(theta, 5)), std. err. \(NumberFormat.significant(r.thetaSE, 4))" + sep
        } else {
            out += "(Dispersion parameter for poisson family taken to be 1)" + sep
        }
        out += "    Null deviance: \(NumberFormat.significant(r.nullDeviance, 6)) on \(r.dfNull) degrees of freedom" + (md ? "  \n" : "\n")
        out += "Residual deviance: \(NumberFormat.significant(r.deviance, 6)) on \(r.dfResidual) degrees of freedom" + sep
        out += "AIC: \(r.aic.map { NumberFormat.significant($0, 6) } ?? "not defined")\n"
        if let bic = r.bic { out += (md ? "\n" : "") + "BIC: \(NumberFormat.significant(bic, 6))\n" }
        out += TermTestsTable.render(r.termTests, format: format)
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
