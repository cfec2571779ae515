import SurvivalModels

/// Renders a `TurnbullResult`: the rows per curve, then each curve's
/// survival at the times where its printed value drops.
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
            // The times where the curve drops as printed (EM mass below the
            // printed precision is left out; the JSON has every time).
            var previous = NumberFormat.fixed(1, 4)
            for k in c.time.indices {
                let shown = NumberFormat.fixed(c.survival[k], 4)
                guard shown != previous else { continue }
                life.append([NumberFormat.significant(c.time[k], 6), shown])
                previous = shown
            }
            out += life.render(format)
        }
        out += "\n" + RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
