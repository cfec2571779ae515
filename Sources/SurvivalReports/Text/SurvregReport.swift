import Foundation
import SurvivalModels

/// Renders a `SurvregResult` like R's `summary(survreg)`: the table of
/// coefficients and log-scales (Value, Std. Error, z, p), the scale, the
/// distribution, the log-likelihoods and the chi-square test against the
/// intercept-only model; then the warnings.
public enum SurvregReport {
    public static func render(_ r: SurvregResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        let names: [SurvregDistribution: String] = [
            .weibull: "Weibull", .exponential: "Exponential", .lognormal: "Log Normal", .loglogistic: "Log logistic",
        ]
        let title = "Parametric survival regression (\(names[r.dist] ?? r.dist.rawValue) distribution)"
        var out = md ? "## \(title)\n\n" : "\(title)\n\n"
        out += "n = \(r.n), number of events = \(r.events)"
        if r.nDroppedMissing > 0 {
            out += " (\(r.nDroppedMissing) observation\(r.nDroppedMissing == 1 ? "" : "s") deleted due to missingness)"
        }
        out += "\n\n"
        var t = TextTable(header: ["", "Value", "Std. Error", "z", "p"])
        for c in r.coefficients {
            t.append([c.term, NumberFormat.significant(c.coef), NumberFormat.significant(c.se),
                      NumberFormat.significant(c.z, 3), NumberFormat.pValue(c.p)])
        }
        func logScaleRow(_ name: String, _ s: SurvregLogScale) -> [String] {
            [name, NumberFormat.significant(s.estimate), NumberFormat.significant(s.se),
             NumberFormat.significant(s.z, 3), NumberFormat.pValue(s.p)]
        }
        if let s = r.logScale { t.append(logScaleRow("Log(scale)", s)) }
        for s in r.strataScales ?? [] { t.append(logScaleRow("Log(scale) \(s.label)", s.logScale)) }
        out += t.render(format) + "\n"
        let ratios = r.coefficients.filter { $0.hr != nil }
        if !ratios.isEmpty {
            // The proportional-hazards metric of the Weibull, as Stata streg.
            out += md ? "Hazard ratios, exp(-coef/scale), with 95% delta-method limits:\n\n"
                : "Hazard ratios, exp(-coef/scale), with 95% delta-method limits:\n"
            var h = TextTable(header: ["", "HR", "lower .95", "upper .95"])
            for c in ratios {
                h.append([c.term, NumberFormat.significant(c.hr), NumberFormat.significant(c.hrLower),
                          NumberFormat.significant(c.hrUpper)])
            }
            out += h.render(format) + "\n"
        }
        if let scale = r.scale {
            out += r.logScale == nil ? "Scale fixed at \(NumberFormat.significant(scale))\n" : "Scale = \(NumberFormat.significant(scale, 3))\n"
        } else if let strata = r.strataScales {
            out += md ? "Scale by stratum:\n\n" : "Scale by stratum:\n"
            var st = TextTable(header: ["", "scale"])
            for s in strata { st.append([s.label, NumberFormat.significant(s.scale, 3)]) }
            out += st.render(format)
        }
        if md { out += "\n" }
        let lr = r.tests.likelihoodRatio
        out += "Loglik(model) = \(NumberFormat.significant(r.loglik, 8))   Loglik(intercept only) = \(NumberFormat.significant(r.loglikNull, 8))\n"
        if md { out += "\n" }
        out += "Chisq = \(NumberFormat.significant(lr.statistic, 4)) on \(lr.df) degrees of freedom, p = \(NumberFormat.pValue(lr.p))\n"
        if md { out += "\n" }
        out += "AIC = \(NumberFormat.significant(r.aic, 7))"
        if let bic = r.bic { out += ", BIC = \(NumberFormat.significant(bic, 7))" }
        out += "\n"
        if md { out += "\n" }
        out += TermTestsTable.render(r.termTests, format: format)
        out += r.converged ? "Number of Newton-Raphson Iterations: \(r.iterations)\n" : "NOT converged after \(r.iterations) iterations\n"
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
