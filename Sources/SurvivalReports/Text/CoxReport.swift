import SurvivalModels

/// Renders a `CoxResult` like R's `summary(coxph)`: n and events, the
/// coefficient table with hazard ratios and limits, concordance, and the
/// likelihood-ratio, Wald and score tests; then `cox.zph` when present and
/// the warnings.
public enum CoxReport {
    public static func render(_ r: CoxResult, format: ReportFormat, confLevel: Double = 0.95) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        let robust = r.coefficients.contains { $0.robustSE != nil }
        let titles = ["ag": "Andersen–Gill", "pwp-tt": "Prentice–Williams–Peterson, total time",
                      "pwp-gt": "Prentice–Williams–Peterson, gap time", "wlw": "Wei–Lin–Weissfeld marginal"]
        let title = r.model.map { "Recurrent events: \(titles[$0] ?? $0) Cox model" } ?? "Cox proportional hazards"
        var out = md ? "## \(title)\n\n" : "\(title)\n\n"
        out += "n = \(r.n), number of events = \(r.events)"
        if r.nDroppedMissing > 0 { out += " (\(r.nDroppedMissing) observation\(r.nDroppedMissing == 1 ? "" : "s") deleted due to missingness)" }
        out += "; ties = \(r.ties.rawValue)"
        out += r.converged ? ", converged in \(r.iterations) iterations\n\n" : ", NOT converged after \(r.iterations) iterations\n\n"
        let level = NumberFormat.significant(confLevel * 100, 3)
        var header = ["", "coef", "exp(coef)", "se(coef)"]
        if robust { header.append("robust se") }
        header += ["z", "Pr(>|z|)", "lower .\(level.replacingOccurrences(of: ".", with: ""))", "upper .\(level.replacingOccurrences(of: ".", with: ""))"]
        var t = TextTable(header: header)
        for c in r.coefficients {
            var row = [c.term, NumberFormat.significant(c.coef), NumberFormat.significant(c.hr), NumberFormat.significant(c.se)]
            if robust { row.append(NumberFormat.significant(c.robustSE)) }
            row += [
                NumberFormat.significant(c.z, 3), NumberFormat.pValue(c.p),
                NumberFormat.significant(c.hrLower), NumberFormat.significant(c.hrUpper),
            ]
            t.append(row)
        }
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
        out += test("Score (logrank) test ", r.tests.score)
        out += "Log-likelihood: null \(NumberFormat.significant(r.loglikNull, 8)), model \(NumberFormat.significant(r.loglik, 8))\n"
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
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
