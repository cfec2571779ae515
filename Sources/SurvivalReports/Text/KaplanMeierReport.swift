import SurvivalModels

/// Renders a `KaplanMeierResult` like R's `print(survfit)` followed by
/// `summary(survfit)`: an n / events / median / CI / RMST table, then each
/// stratum's life table at its event times (or at `--times`).
public enum KaplanMeierReport {
    public static func render(_ r: KaplanMeierResult, format: ReportFormat, title: String? = nil) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        var out = ""
        let level = NumberFormat.significant(r.confLevel * 100, 3)
        out += md ? "## Kaplan–Meier survival\n\n" : "Kaplan–Meier survival\n\n"
        if let title { out += md ? "\(title)\n\n" : "\(title)\n" }
        out += "n = \(r.n), events = \(count(r.events))"
        if r.nDroppedMissing > 0 { out += ", \(r.nDroppedMissing) observations deleted due to missingness" }
        out += "; \(level)% limits, conf.type = \(r.confType.rawValue)\n\n"
        var t = TextTable(header: ["", "n", "events", "median", "\(level)% LCL", "\(level)% UCL", "rmean", "se(rmean)", "tau"])
        for c in r.strata {
            t.append([
                c.label, "\(c.n)", count(c.events), NumberFormat.significant(c.median),
                NumberFormat.significant(c.medianLower), NumberFormat.significant(c.medianUpper),
                NumberFormat.significant(c.rmst?.estimate), NumberFormat.significant(c.rmst?.stdErr),
                NumberFormat.significant(c.rmst?.tau),
            ])
        }
        out += t.render(format)
        for c in r.strata {
            out += "\n" + (md ? "### \(c.label)\n\n" : "\(c.label)\n")
            var life = TextTable(header: ["time", "n.risk", "n.event", "survival", "std.err", "lower", "upper"])
            if let s = c.summaryAt {
                for k in s.time.indices {
                    life.append([
                        NumberFormat.significant(s.time[k], 6), NumberFormat.significant(s.nRisk[k], 6),
                        NumberFormat.significant(s.nEvent[k], 6), NumberFormat.fixed(s.survival[k], 4),
                        NumberFormat.fixed(s.stdErr[k], 4), NumberFormat.fixed(s.lower[k], 4),
                        NumberFormat.fixed(s.upper[k], 4),
                    ])
                }
            } else {
                for k in c.time.indices where c.nEvent[k] > 0 {
                    life.append([
                        NumberFormat.significant(c.time[k], 6), NumberFormat.significant(c.nRisk[k], 6),
                        NumberFormat.significant(c.nEvent[k], 6), NumberFormat.fixed(c.survival[k], 4),
                        NumberFormat.fixed(c.stdErr[k], 4), NumberFormat.fixed(c.lower[k], 4),
                        NumberFormat.fixed(c.upper[k], 4),
                    ])
                }
            }
            out += life.render(format)
        }
        out += BootstrapTable.render(r, format: format)
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }

    /// An event count: a whole number as an integer, a weighted sum (374.75) as it is.
    static func count(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : NumberFormat.significant(x, 10)
    }
}
