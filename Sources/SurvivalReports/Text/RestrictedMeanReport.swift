import SurvivalModels

/// Renders a `RestrictedMeanComparisonResult`: the restricted mean survival
/// time per group (R `print(survfit, rmean = tau)`'s `rmean` and
/// `se(rmean)`, with normal limits), then the difference and the ratio of
/// each group against the reference, as survRM2 `rmst2` prints them.
public enum RestrictedMeanReport {
    public static func render(_ r: RestrictedMeanComparisonResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        let level = NumberFormat.significant(r.confLevel * 100, 3)
        var out = md ? "## Restricted mean survival time\n\n" : "Restricted mean survival time\n\n"
        out += "Area under the Kaplan–Meier curve from 0 to tau = \(NumberFormat.significant(r.tau, 6)); "
            + "se as R print(survfit, rmean = tau); \(level)% normal limits.\n"
        out += "n = \(r.n)"
        if r.nDroppedMissing > 0 { out += ", \(r.nDroppedMissing) observations deleted due to missingness" }
        out += "\n\n"
        var t = TextTable(header: ["", "n", "events", "rmst", "se(rmst)", "\(level)% LCL", "\(level)% UCL", "last time"])
        for g in r.groups {
            t.append([
                g.label, "\(g.n)", KaplanMeierReport.count(g.events), NumberFormat.significant(g.rmst, 5),
                NumberFormat.significant(g.stdErr, 4), NumberFormat.significant(g.lower, 5),
                NumberFormat.significant(g.upper, 5), NumberFormat.significant(g.lastTime, 6),
            ])
        }
        out += t.render(format)
        if !r.contrasts.isEmpty {
            let reference = r.groups.first?.label ?? ""
            out += "\n" + (md ? "### Against \(reference)\n\n" : "Against \(reference) (difference B − A; ratio B / A on the log scale)\n")
            var c = TextTable(header: ["", "estimate", "\(level)% LCL", "\(level)% UCL", "p"])
            for x in r.contrasts {
                c.append([
                    "\(x.label): difference", NumberFormat.significant(x.difference, 5),
                    NumberFormat.significant(x.diffLower, 5), NumberFormat.significant(x.diffUpper, 5),
                    NumberFormat.pValue(x.diffP),
                ])
                c.append([
                    "\(x.label): ratio", NumberFormat.significant(x.ratio, 4),
                    NumberFormat.significant(x.ratioLower, 4), NumberFormat.significant(x.ratioUpper, 4),
                    NumberFormat.pValue(x.ratioP),
                ])
            }
            out += c.render(format)
        }
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
