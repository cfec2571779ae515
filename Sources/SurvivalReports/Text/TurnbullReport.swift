import SurvivalModels

/// Renders a `TurnbullResult`: the rows per curve, then each curve's
/// survival at the times where it drops (R's `summary(survfit)` on
/// interval-censored data shows the same curve).
public enum TurnbullReport {
    public static func render(_ r: TurnbullResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        let title = "Turnbull survival estimate (interval-censored data)"
        var out = md ? "## \(title)\n\n" : "\(title)\n\n"
        out += "n = \(r.n)"
        if r.nDroppedMissing > 0 { out += ", \(r.nDroppedMissing) observations deleted due to missingness" }
        out += "\n\n"
        var t = TextTable(header: ["", "n", "EM iterations"])
        for c in r.strata { t.append([c.label, "\(c.n)", "\(c.iterations)"]) }
        out += t.render(format)
        for c in r.strata {
            out += "\n" + (md ? "### \(c.label)\n\n" : "\(c.label)\n")
            var life = TextTable(header: ["time", "survival"])
            var previous = 1.0
            for k in c.time.indices where c.survival[k] != previous {
                life.append([NumberFormat.significant(c.time[k], 6), NumberFormat.fixed(c.survival[k], 4)])
                previous = c.survival[k]
            }
            out += life.render(format)
        }
        out += "\n" + RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
