import SurvivalModels

/// Renders a `CumulativeIncidenceResult`: per stratum, the cumulative
/// incidence of each cause with its standard error at the event times (as
/// R `summary(survfit(Surv(time, factor(event)) ~ g))`), then Gray's test
/// per cause (as `cmprsk::cuminc(...)$Tests`).
public enum CumulativeIncidenceReport {
    public static func render(_ r: CumulativeIncidenceResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        var out = md ? "## Cumulative incidence (competing risks)\n\n" : "Cumulative incidence (competing risks)\n\n"
        out += "Aalen–Johansen estimator; standard errors by the infinitesimal jackknife, as R survfit.\n"
        out += "n = \(r.n), causes: \(r.causes.joined(separator: ", ")) (status 0 = censored)"
        if r.nDroppedMissing > 0 { out += ", \(r.nDroppedMissing) observations deleted due to missingness" }
        out += "\n"
        var header = ["time", "n.risk"]
        for c in r.causes { header += ["cif(\(c))", "se(\(c))"] }
        for s in r.strata {
            out += "\n" + (md ? "### \(s.label)\n\n" : "\(s.label)\n")
            var t = TextTable(header: header)
            for k in s.time.indices where r.causes.contains(where: { (s.nEvent[$0]?[k] ?? 0) > 0 }) {
                var row = [NumberFormat.significant(s.time[k], 6), NumberFormat.significant(s.nRisk[k], 6)]
                for c in r.causes {
                    row += [NumberFormat.fixed(s.cif[c]?[k], 4), NumberFormat.fixed(s.stdErr[c]?[k], 4)]
                }
                t.append(row)
            }
            out += t.render(format)
        }
        if let gray = r.grayTest {
            out += "\n" + (md ? "### Gray's test\n\n" : "Gray's test (equal cumulative incidence across groups)\n")
            var t = TextTable(header: ["cause", "statistic", "df", "p"])
            for c in r.causes {
                guard let g = gray[c] else { continue }
                t.append([c, NumberFormat.significant(g.statistic, 4), "\(g.df)", NumberFormat.pValue(g.p)])
            }
            out += t.render(format)
        }
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }
}
