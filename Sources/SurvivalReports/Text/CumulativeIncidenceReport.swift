import SurvivalModels

/// Renders a `CumulativeIncidenceResult`: a compact table per cause of the
/// cumulative incidence with its 95% log limits per group at a few times (the
/// `--times` asked for, else ``DefaultTimePoints``), as R
/// `summary(survfit(Surv(time, factor(event)) ~ g), times = )`, the numbers
/// still at risk there, then Gray's test per cause (as
/// `cmprsk::cuminc(...)$Tests`). The full curves are in the JSON output.
public enum CumulativeIncidenceReport {
    public static func render(_ r: CumulativeIncidenceResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        var out = md ? "## Cumulative incidence (competing risks)\n\n" : "Cumulative incidence (competing risks)\n\n"
        out += "Aalen–Johansen estimator; standard errors by the infinitesimal jackknife, as R survfit.\n"
        out += "n = \(r.n), causes: \(r.causes.joined(separator: ", ")) (status 0 = censored)"
        if r.nDroppedMissing > 0 { out += ", \(r.nDroppedMissing) observations deleted due to missingness" }
        out += "\n\n"

        var groups = TextTable(header: ["", "n"] + r.causes.map { "events (\($0))" } + ["last time"])
        for s in r.strata {
            groups.append(
                [s.label, "\(s.n)"] + r.causes.map { KaplanMeierReport.count(s.events(cause: $0)) }
                    + [NumberFormat.significant(s.time.last, 6)])
        }
        out += groups.render(format)

        // The times: those of --times (summary_at), else the default points.
        let summaries: [CumulativeIncidenceSummaryAt]
        let times: [Double]
        if r.strata.contains(where: { $0.summaryAt != nil }) {
            summaries = r.strata.map { $0.summaryAt ?? $0.summary(at: [], extend: false) }
            times = Array(Set(summaries.flatMap(\.time))).sorted()
            out += "\nAt the requested times (--times); NA past a group's last observed time.\n"
        } else {
            let horizon = DefaultTimePoints.horizon(curves: r.strata.map { ($0.time, $0.nRisk) }, n: r.n)
            times = DefaultTimePoints.rounded(upTo: horizon ?? 0)
            summaries = r.strata.map { $0.summary(at: times, extend: false) }
            out += "\nAt round times up to \(NumberFormat.significant(horizon, 6)), when 10% of the subjects are "
                + "still at risk (--times to choose); NA past a group's last observed time.\n"
        }
        func column(_ at: CumulativeIncidenceSummaryAt, _ t: Double) -> Int? { at.time.firstIndex(of: t) }
        for cause in r.causes {
            out += "\n" + (md ? "### Cause \(cause): cumulative incidence (95% CI)\n\n"
                : "Cause \(cause): cumulative incidence (95% CI)\n")
            var t = TextTable(header: ["time"] + r.strata.map(\.label))
            for time in times {
                t.append([NumberFormat.significant(time, 6)] + summaries.map { at in
                    guard let k = column(at, time), let p = at.cif[cause]?[k] else { return "NA" }
                    let lo = at.lower[cause]?[k] ?? nil, hi = at.upper[cause]?[k] ?? nil
                    guard lo != nil || hi != nil else { return NumberFormat.fixed(p, 3) }
                    return "\(NumberFormat.fixed(p, 3)) (\(NumberFormat.fixed(lo, 3)), \(NumberFormat.fixed(hi, 3)))"
                })
            }
            out += t.render(format)
        }
        out += "\n" + (md ? "### Number at risk\n\n" : "Number at risk\n")
        var risk = TextTable(header: ["time"] + r.strata.map(\.label))
        for time in times {
            risk.append([NumberFormat.significant(time, 6)] + summaries.map { at in
                column(at, time).map { KaplanMeierReport.count(at.nRisk[$0]) } ?? "NA"
            })
        }
        out += risk.render(format)

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
