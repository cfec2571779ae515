import SurvivalModels

/// The coefficient table of a Cox fit, as R's `summary(coxph)` prints it:
/// coef, exp(coef), se(coef), robust se (when there is one), z, Pr(>|z|)
/// and the hazard-ratio limits at the fit's own confidence level
/// (`CoxResult.confLevel`: 0.90 gives "lower .90"). `survkit cox`,
/// `survkit recur` and the report's Cox section all show this one table.
enum CoxCoefficientTable {
    static func make(_ r: CoxResult) -> TextTable {
        let robust = r.coefficients.contains { $0.robustSE != nil }
        let level = NumberFormat.confidenceLevelLabel(r.confLevel)
        var header = ["", "coef", "exp(coef)", "se(coef)"]
        if robust { header.append("robust se") }
        header += ["z", "Pr(>|z|)", "lower \(level)", "upper \(level)"]
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
        return t
    }
}
