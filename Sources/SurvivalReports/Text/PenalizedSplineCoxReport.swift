import SurvivalModels

/// Renders a Cox fit with `pspline()` terms in the layout of R's
/// `print.coxph.penal`: the coef / se(coef) / se2 / Chisq / DF / p table in
/// term order, each spline term as its `linear` and `nonlin` rows (labels in
/// full: R cuts them to 25 characters, which can leave two rows alike), the outer and Newton–Raphson
/// iteration counts, each spline's `Theta=`, the terms' degrees of freedom
/// and the likelihood-ratio test on their sum.
enum PenalizedSplineCoxReport {
    static func render(_ r: CoxResult, splines: [CoxSplineTest], print pp: CoxPenalizedPrint, format: ReportFormat) -> String {
        let md = format == .markdown
        let title = "Cox proportional hazards, penalised spline" + (splines.count == 1 ? "" : "s")
        var out = md ? "## \(title)\n\n" : "\(title)\n\n"
        out += "n = \(r.n), number of events = \(r.events)"
        if r.nDroppedMissing > 0 { out += " (\(r.nDroppedMissing) observation\(r.nDroppedMissing == 1 ? "" : "s") deleted due to missingness)" }
        out += "; ties = \(r.ties.rawValue)\n\n"
        var t = TextTable(header: ["", "coef", "se(coef)", "se2", "Chisq", "DF", "p"])
        var k = 0
        while k < r.coefficients.count {
            if let s = splines.first(where: { $0.coefficientIndices.first == k }) {
                let l = s.linear, n = s.nonlinear
                t.append([
                    "\(s.term), linear", NumberFormat.significant(l.coef, 4), NumberFormat.significant(l.se, 4),
                    NumberFormat.significant(l.se2, 4), NumberFormat.significant(l.chisq, 4), NumberFormat.fixed(l.df, 2),
                    NumberFormat.pValue(l.p),
                ])
                t.append(["\(s.term), nonlin", "", "", "", NumberFormat.significant(n.chisq, 4),
                          NumberFormat.fixed(n.df, 2), NumberFormat.pValue(n.p)])
                k += max(s.coefficientIndices.count, 1)
                continue
            }
            let c = r.coefficients[k]
            let chisq = k < pp.coefficientChisq.count ? pp.coefficientChisq[k] : nil
            t.append([
                c.term, NumberFormat.significant(c.coef, 4), NumberFormat.significant(c.se, 4),
                NumberFormat.significant(c.se2, 4), NumberFormat.significant(chisq, 4), c.coef == nil ? "" : "1.00",
                NumberFormat.pValue(c.p),
            ])
            k += 1
        }
        out += t.render(format)
        out += "\n" + (md ? "\n" : "")
        out += "Iterations: \(pp.outerIterations) outer, \(pp.newtonRaphsonIterations) Newton-Raphson\n" + (md ? "\n" : "")
        for s in splines {
            out += "     Theta= \(NumberFormat.significant(s.printedTheta, 3))"
            if splines.count > 1 { out += " (\(s.term))" }
            out += "\n" + (md ? "\n" : "")
        }
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
