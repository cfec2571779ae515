import SurvivalModels

/// Renders a penalised (shared-frailty) Cox fit in the layout of R's
/// `print.coxph.penal`: the coef / se(coef) / se2 / Chisq / DF / p table with
/// the frailty row, the outer and Newton–Raphson iteration counts, the
/// variance of the random effect (and the gamma frailty's I-likelihood), the
/// terms' degrees of freedom and the likelihood-ratio test on their sum.
enum PenalizedCoxReport {
    static func render(_ r: CoxResult, frailty f: CoxFrailtySummary, print pp: CoxPenalizedPrint, format: ReportFormat) -> String {
        let md = format == .markdown
        var out = md ? "## Cox proportional hazards, shared frailty\n\n" : "Cox proportional hazards, shared frailty\n\n"
        out += "n = \(r.n), number of events = \(r.events)"
        if r.nDroppedMissing > 0 { out += " (\(r.nDroppedMissing) observation\(r.nDroppedMissing == 1 ? "" : "s") deleted due to missingness)" }
        out += "; ties = \(r.ties.rawValue)\n\n"
        var t = TextTable(header: ["", "coef", "se(coef)", "se2", "Chisq", "DF", "p"])
        for (k, c) in r.coefficients.enumerated() {
            let chisq = k < pp.coefficientChisq.count ? pp.coefficientChisq[k] : nil
            t.append([
                c.term, NumberFormat.significant(c.coef, 4), NumberFormat.significant(c.se, 4),
                NumberFormat.significant(c.se2, 4), NumberFormat.significant(chisq, 4), c.coef == nil ? "" : "1",
                NumberFormat.pValue(c.p),
            ])
        }
        t.append([pp.frailtyTerm, "", "", "", NumberFormat.significant(f.chisq, 4), NumberFormat.fixed(f.df, 1),
                  NumberFormat.pValue(f.p)])
        out += t.render(format)
        out += "\n" + (md ? "\n" : "")
        out += "Iterations: \(pp.outerIterations) outer, \(pp.newtonRaphsonIterations) Newton-Raphson\n" + (md ? "\n" : "")
        out += "     Variance of random effect= \(NumberFormat.significant(f.variance, 6))"
        if let i = r.loglikIntegrated { out += "   I-likelihood = \(NumberFormat.fixed(i, 1))" }
        out += "\n" + (md ? "\n" : "")
        out += "Degrees of freedom for terms= \(pp.termDF.map { NumberFormat.fixed($0, 1) }.joined(separator: " "))\n" + (md ? "\n" : "")
        if let lr = r.penalizedLikelihoodRatio {
            out += "Likelihood ratio test=\(NumberFormat.fixed(lr.statistic, 2))  on \(NumberFormat.significant(lr.df, 6)) df, p=\(NumberFormat.pValue(lr.p))\n"
        }
        out += "Log-likelihood: null \(NumberFormat.significant(r.loglikNull, 8)), model \(NumberFormat.significant(r.loglik, 8)) (penalty not included)\n"
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
