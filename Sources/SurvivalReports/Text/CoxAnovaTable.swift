import SurvivalModels

/// The sequential analysis-of-deviance table of `cox --anova`, as R prints
/// `anova(coxph fit)`: "Terms added sequentially (first to last)", then
/// loglik, Chisq, Df and Pr(>|Chi|) per term after the `NULL` row.
enum CoxAnovaTable {
    static func render(_ rows: [CoxAnovaRow], format: ReportFormat) -> String {
        let md = format == .markdown
        let out = "\n" + (md ? "### Analysis of deviance\n\nTerms added sequentially (first to last)\n\n"
            : "Analysis of deviance: terms added sequentially (first to last)\n")
        var t = TextTable(header: ["", "loglik", "Chisq", "Df", "Pr(>|Chi|)"])
        for r in rows {
            t.append([
                r.term, NumberFormat.significant(r.loglik, 8), r.chisq.map { NumberFormat.significant($0, 5) } ?? "",
                r.df.map { "\($0)" } ?? "", r.chisq == nil ? "" : NumberFormat.pValue(r.p),
            ])
        }
        return out + t.render(format)
    }
}
