import SurvivalModels

/// Renders an `EventRatesResult`: one row per group with the rate, its exact
/// limits and the rate ratio against the first group.
public enum EventRatesReport {
    public static func render(_ r: EventRatesResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        let level = NumberFormat.significant(r.confLevel * 100, 3)
        let per = NumberFormat.significant(r.per, 6)
        var out = md ? "## Event rates\n\n" : "Event rates\n\n"
        out += "Rates per \(per) units of person-time with exact (Garwood) \(level)% limits;\n"
            + "rate ratios against the first group with exact conditional limits, as R poisson.test.\n"
        out += "n = \(r.rows.used) rows"
        if r.rows.droppedTotal > 0 { out += ", \(r.rows.droppedTotal) dropped for missing values" }
        out += "\n\n"
        var t = TextTable(header: [
            "", "events", "person-time", "rate", "\(level)% LCL", "\(level)% UCL", "rate ratio", "RR LCL", "RR UCL",
        ])
        for (k, g) in r.groups.enumerated() {
            let ratio = k == 0 ? ["1 (ref)", "", ""]
                : [NumberFormat.significant(g.rateRatio, 4), NumberFormat.significant(g.rrLower, 4),
                   NumberFormat.significant(g.rrUpper, 4)]
            t.append([
                g.label, "\(g.events)", NumberFormat.significant(g.personTime, 6), NumberFormat.significant(g.rate, 4),
                NumberFormat.significant(g.lower, 4), NumberFormat.significant(g.upper, 4),
            ] + ratio)
        }
        out += t.render(format)
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
