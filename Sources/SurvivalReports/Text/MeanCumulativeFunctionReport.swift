import SurvivalModels

/// Renders a `MeanCumulativeFunctionResult`: per stratum, the MCF with its
/// robust standard error and log-scale limits at the event times.
public enum MeanCumulativeFunctionReport {
    public static func render(_ r: MeanCumulativeFunctionResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        let level = NumberFormat.significant(r.confLevel * 100, 3)
        var out = md ? "## Mean cumulative function\n\n" : "Mean cumulative function\n\n"
        out += "Nelson–Aalen estimate of the mean number of events per subject; robust (subject-clustered) "
            + "standard errors as R survfit(id = ); \(level)% limits on the log scale.\n"
        out += "n = \(r.n) intervals, events = \(r.events)"
        if r.nDroppedMissing > 0 { out += ", \(r.nDroppedMissing) observations deleted due to missingness" }
        out += "\n\n"
        var summary = TextTable(header: ["", "subjects", "events", "final MCF", "\(level)% LCL", "\(level)% UCL"])
        for s in r.strata {
            summary.append([
                s.label, "\(s.subjects)", "\(s.events)", NumberFormat.significant(s.mcf.last, 4),
                NumberFormat.significant(s.lower.last, 4), NumberFormat.significant(s.upper.last, 4),
            ])
        }
        out += summary.render(format)
        for s in r.strata {
            out += "\n" + (md ? "### \(s.label)\n\n" : "\(s.label)\n")
            var t = TextTable(header: ["time", "n.risk", "n.event", "mcf", "std.err", "lower", "upper"])
            for k in s.time.indices where s.nEvent[k] > 0 {
                t.append([
                    NumberFormat.significant(s.time[k], 6), NumberFormat.significant(s.nRisk[k], 6),
                    NumberFormat.significant(s.nEvent[k], 6), NumberFormat.fixed(s.mcf[k], 4),
                    NumberFormat.fixed(s.stdErr[k], 4), NumberFormat.fixed(s.lower[k], 4),
                    NumberFormat.fixed(s.upper[k], 4),
                ])
            }
            out += t.render(format)
        }
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
