import SurvivalModels

/// Renders a `LogRankResult` like R's `print(survdiff)`.
public enum LogRankReport {
    public static func render(_ r: LogRankResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        var out = md ? "## " : ""
        out += r.rho == 0 ? "Log-rank test" : "G-rho test (rho = \(NumberFormat.significant(r.rho)))"
        out += "\n\n"
        out += "n = \(r.rows.used)"
        if r.rows.droppedTotal > 0 { out += ", \(r.rows.droppedTotal) observations deleted due to missingness" }
        out += "\n\n"
        var t = TextTable(header: ["", "N", "Observed", "Expected", "(O-E)^2/E", "(O-E)^2/V"])
        for (k, g) in r.groups.enumerated() {
            let oe = g.observed - g.expected
            let v = k < r.variance.count ? r.variance[k][k] : 0
            t.append([
                g.label, "\(g.n)", NumberFormat.significant(g.observed, 4),
                NumberFormat.significant(g.expected, 4),
                g.expected > 0 ? NumberFormat.significant(oe * oe / g.expected, 3) : "NA",
                v > 0 ? NumberFormat.significant(oe * oe / v, 3) : "NA",
            ])
        }
        out += t.render(format)
        out += "\n Chisq = \(NumberFormat.significant(r.statistic, 4)) on \(r.df) degrees of freedom, p = \(NumberFormat.pValue(r.p))\n"
        if let trend = r.trend {
            let scores = trend.scores.map { NumberFormat.significant($0, 6) }.joined(separator: ", ")
            out += " Test for trend (scores \(scores)): Chisq = \(NumberFormat.significant(trend.statistic, 4))"
                + " on \(trend.df) degree of freedom, p = \(NumberFormat.pValue(trend.p))\n"
        }
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
