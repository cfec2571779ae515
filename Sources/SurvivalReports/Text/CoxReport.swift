import SurvivalModels

/// Renders a `CoxResult` like R's `summary(coxph)`: n and events, the
/// coefficient table with hazard ratios and limits, concordance, and the
/// likelihood-ratio, Wald and score tests; then `cox.zph` when present and
/// the warnings.
public enum CoxReport {
    /// The report of a Cox fit (JSON: the result's encoding).
    public static func render(_ r: CoxResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        if let f = r.frailty, let pp = r.penalizedPrint { return PenalizedCoxReport.render(r, frailty: f, print: pp, format: format) }
        if let s = r.splineTests, let pp = r.penalizedPrint {
            return PenalizedSplineCoxReport.render(r, splines: s, print: pp, format: format)
        }
        return render(r, format: format, title: "Cox proportional hazards")
    }

    /// The report of a recurrent-event model: its Cox fit under the model's title.
    public static func render(_ r: RecurrentEventsResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        return render(r.cox, format: format, title: "Recurrent events: \(r.model.title) Cox model")
    }

    static func render(_ r: CoxResult, format: ReportFormat, title: String) -> String {
        let md = format == .markdown
        let robust = r.coefficients.contains { $0.robustSE != nil }
        var out = md ? "## \(title)\n\n" : "\(title)\n\n"
        out += "n = \(r.n), number of events = \(r.events)"
        if r.nDroppedMissing > 0 { out += " (\(r.nDroppedMissing) observation\(r.nDroppedMissing == 1 ? "" : "s") deleted due to missingness)" }
        out += "; ties = \(r.ties.rawValue)"
        out += r.converged ? ", converged in \(r.iterations) iterations\n\n" : ", NOT converged after \(r.iterations) iterations\n\n"
        let t = CoxCoefficientTable.make(r)
        out += t.render(format)
        out += "\n"
        if let c = r.concordance {
            out += "Concordance = \(NumberFormat.fixed(c.c, 3))  (se = \(NumberFormat.fixed(c.se, 3)))\n"
        }
        func test(_ name: String, _ x: CoxTest) -> String {
            "\(name) = \(NumberFormat.significant(x.statistic, 4)) on \(x.df) df,   p = \(NumberFormat.pValue(x.p))\n"
        }
        if md { out += "\n" }
        out += test("Likelihood ratio test", r.tests.likelihoodRatio) + (md ? "\n" : "")
        out += test(robust ? "Wald test (robust)   " : "Wald test            ", r.tests.wald) + (md ? "\n" : "")
        if let score = r.tests.score { out += test("Score (logrank) test ", score) }
        out += "Log-likelihood: null \(NumberFormat.significant(r.loglikNull, 8)), model \(NumberFormat.significant(r.loglik, 8))\n"
        if let aic = r.aic, let bic = r.bic {
            out += (md ? "\n" : "") + "AIC = \(NumberFormat.significant(aic, 7)), BIC = \(NumberFormat.significant(bic, 7)) (n = \(r.events) events)\n"
        }
        out += TermTestsTable.render(r.termTests, format: format)
        if let anova = r.anova { out += CoxAnovaTable.render(anova, format: format) }
        if let zph = r.zph {
            out += "\n" + (md ? "### Proportional-hazards test (cox.zph, \(zph.transform))\n\n" : "Proportional-hazards test (cox.zph, transform = \(zph.transform))\n")
            var z = TextTable(header: ["", "chisq", "df", "p"])
            for term in zph.terms + [zph.global] {
                z.append([term.term, NumberFormat.significant(term.chisq, 4), "\(term.df)", NumberFormat.pValue(term.p)])
            }
            out += z.render(format)
        }
        if let pr = r.predictions {
            out += "\n" + (md ? "### Predictions for new data\n\n" : "Predictions for new data (reference = \(pr.reference.rawValue))\n")
            var t = TextTable(header: ["row", "linear predictor", "risk"])
            for k in pr.row.indices {
                t.append([
                    "\(pr.row[k])", NumberFormat.significant(pr.linearPredictor[k], 6),
                    NumberFormat.significant(pr.risk[k], 6),
                ])
            }
            out += t.render(format)
            if pr.rows.droppedTotal > 0 {
                out += "(\(pr.rows.droppedTotal) rows of the new data dropped for missing covariates)\n"
            }
        }
        if let b = r.bootstrap { out += BootstrapTable.render(b, confLevel: r.confLevel, format: format) }
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
