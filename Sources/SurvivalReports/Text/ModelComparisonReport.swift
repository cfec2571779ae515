import SurvivalModels

/// Renders a `ModelComparisonResult` as R prints `anova(fit1, fit2, ...)`:
/// the models (formula, log-likelihood, df, AIC), then one likelihood-ratio
/// test per consecutive pair ("1 vs 2": Chisq, Df, p); then the rows and
/// the warnings.
public enum ModelComparisonReport {
    public static func render(_ r: ModelComparisonResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        let names: [ComparedModelKind: String] = [
            .cox: "Cox", .survreg: "parametric survival", .poisson: "Poisson", .negbin: "negative-binomial",
        ]
        let title = "Likelihood-ratio tests of \(names[r.model] ?? r.model.rawValue) models"
        var out = md ? "## \(title)\n\n" : "\(title)\n\n"
        out += "n = \(r.n) (every model fitted to the same rows)\n\n"
        var models = TextTable(header: ["", "Model", "loglik", "Df", "AIC"])
        for (k, m) in r.models.enumerated() {
            models.append([
                "\(k + 1)", m.formula, NumberFormat.significant(m.loglik, 8), "\(m.df)", NumberFormat.significant(m.aic, 7),
            ])
        }
        out += models.render(format) + "\n"
        var tests = TextTable(header: ["", "Test", "Chisq", "Df", "Pr(>Chi)"])
        for (k, t) in r.tests.enumerated() {
            tests.append(["\(k + 2)", "\(k + 1) vs \(k + 2)", NumberFormat.significant(t.chisq, 5), "\(t.df)", NumberFormat.pValue(t.p)])
        }
        out += tests.render(format)
        if r.model == .negbin {
            out += (md ? "\n" : "") + "(models in order of residual degrees of freedom, as MASS's anova.negbin)\n"
        }
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
