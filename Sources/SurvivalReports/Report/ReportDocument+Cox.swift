import SurvivalModels

extension ReportDocument {
    /// The Cox model section: the publication table of `survkit cox --table
    /// publication` (a row per level with the reference, N, events, HR with
    /// 95% limits, p; `Report.coxTable`), the likelihood-ratio, Wald and
    /// score tests, the concordance, and AIC and BIC. R's coefficient table
    /// (`summary(coxph)`: coef, se, z) stays in the JSON's `cox` and the
    /// notebook's `survkit cox` output; a report without the table (built by
    /// hand) shows that one instead.
    static func coxSection(_ r: Report) -> ReportSection? {
        guard let cox = r.cox, let formula = r.formulas.cox else { return nil }
        let table: [ReportBlock] = r.coxTable.map { Self.publicationBlocks($0) }
            ?? [.table(CoxCoefficientTable.make(cox), caption: nil)]
        var intro = "Cox proportional hazards model (R coxph, \(cox.ties.rawValue) ties) for \(formula); "
            + "\(cox.n) observations, \(cox.events) events"
        if cox.nDroppedMissing > 0 { intro += ", \(cox.nDroppedMissing) dropped for missing values" }
        intro += cox.converged ? "." : "; the fit did not converge in \(cox.iterations) iterations."
        var tests = TextTable(header: ["", "statistic", "df", "p"])
        for (name, test) in [
            ("Likelihood ratio", cox.tests.likelihoodRatio), ("Wald", cox.tests.wald), ("Score (log-rank)", cox.tests.score),
        ] as [(String, CoxTest?)] {
            guard let test else { continue }
            tests.append([name, NumberFormat.significant(test.statistic, 4), "\(test.df)", NumberFormat.pValue(test.p)])
        }
        var blocks: [ReportBlock] = [.paragraph(intro)] + table + [.table(tests, caption: "Tests of the model:")]
        if let c = cox.concordance {
            blocks.append(
                .paragraph("Concordance = \(NumberFormat.fixed(c.c, 3)) (se = \(NumberFormat.fixed(c.se, 3)))."))
        }
        if let aic = cox.aic, let bic = cox.bic {
            // As survkit cox and R's AIC(fit), BIC(fit): BIC's n is the number of events (nobs.coxph).
            blocks.append(
                .paragraph(
                    "AIC = \(NumberFormat.significant(aic, 7)), BIC = \(NumberFormat.significant(bic, 7)) "
                        + "(R AIC(), BIC() with n = \(cox.events) events)."))
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
