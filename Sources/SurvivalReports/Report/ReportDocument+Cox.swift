import SurvivalModels

extension ReportDocument {
    /// The Cox model section: hazard ratios with 95% limits and Wald p-values
    /// (R `summary(coxph)`), the likelihood-ratio, Wald and score tests, and
    /// the concordance.
    static func coxSection(_ r: Report) -> ReportSection? {
        guard let cox = r.cox, let formula = r.formulas.cox else { return nil }
        let robust = cox.coefficients.contains { $0.robustSE != nil }
        var t = TextTable(header: ["", "coef", robust ? "robust se" : "se", "HR", "95% CI", "p"])
        for c in cox.coefficients {
            guard c.coef != nil else {
                t.append([c.term, "NA", "NA", "NA", "", "(aliased)"])
                continue
            }
            t.append([
                c.term, NumberFormat.significant(c.coef, 4), NumberFormat.significant(c.robustSE ?? c.se, 4),
                NumberFormat.significant(c.hr, 4),
                "\(NumberFormat.significant(c.hrLower, 3))–\(NumberFormat.significant(c.hrUpper, 3))",
                NumberFormat.pValue(c.p),
            ])
        }
        var intro = "Cox proportional hazards model (R coxph, \(cox.ties.rawValue) ties) for \(formula); "
            + "\(cox.n) observations, \(cox.events) events"
        if cox.nDroppedMissing > 0 { intro += ", \(cox.nDroppedMissing) dropped for missing values" }
        intro += cox.converged ? "." : "; the fit did not converge in \(cox.iterations) iterations."
        var tests = TextTable(header: ["", "statistic", "df", "p"])
        for (name, test) in [
            ("Likelihood ratio", cox.tests.likelihoodRatio), ("Wald", cox.tests.wald), ("Score (log-rank)", cox.tests.score),
        ] {
            tests.append([name, NumberFormat.significant(test.statistic, 4), "\(test.df)", NumberFormat.pValue(test.p)])
        }
        var blocks: [ReportBlock] = [.paragraph(intro), .table(t, caption: nil), .table(tests, caption: nil)]
        if let c = cox.concordance {
            blocks.append(
                .paragraph("Concordance = \(NumberFormat.fixed(c.c, 3)) (se = \(NumberFormat.fixed(c.se, 3)))."))
        }
        return ReportSection(id: "cox", heading: "Cox proportional hazards model", blocks: blocks, figure: "forest.svg")
    }

    /// Forest-plot rows of the Cox section: every estimable hazard ratio.
    static func forestRows(_ r: Report) -> [ForestRow] {
        guard let cox = r.cox else { return [] }
        return cox.coefficients.compactMap { c in
            guard let hr = c.hr, let lo = c.hrLower, let hi = c.hrUpper else { return nil }
            return ForestRow(term: c.term, estimate: hr, lower: lo, upper: hi, pValue: c.p)
        }
    }
}
