import SurvivalModels

/// Renders a `RelativeSurvivalResult`: the method and rate table, each
/// curve at the `--times` asked for (R `summary(rs.surv, times =)`), or else
/// at round default times (``DefaultTimePoints``), and the comparison of net
/// survival (relsurv `rs.diff`). The JSON carries every time of every curve.
public enum RelativeSurvivalReport {
    public static func render(_ r: RelativeSurvivalResult, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(r) }
        let md = format == .markdown
        let level = NumberFormat.significant(r.confLevel * 100, 3)
        var out = md ? "## Relative survival\n\n" : "Relative survival\n\n"
        out += "Method: \(methodName(r.method)); \(level)% limits, conf.type = \(r.confType.rawValue).\n"
        let t = r.rateTable
        out += "Population table: \(t.file) (ages \(t.ages.first ?? 0)–\(t.ages.last ?? 0), years "
            + "\(t.years.first ?? 0)–\(t.years.last ?? 0), sexes \(t.sexes.joined(separator: ", "))).\n"
        out += "n = \(r.n), deaths = \(KaplanMeierReport.count(r.events))"
        if r.nDroppedMissing > 0 { out += ", \(r.nDroppedMissing) observations deleted due to missingness" }
        out += "\n"
        let defaultTimes: [Double]
        if r.strata.allSatisfy({ $0.summaryAt != nil }) {
            defaultTimes = []
        } else {
            let horizon = DefaultTimePoints.horizon(curves: r.strata.map { ($0.time, $0.nRisk) }, n: r.n)
            defaultTimes = DefaultTimePoints.rounded(upTo: horizon ?? 0)
            if !defaultTimes.isEmpty {
                out += "Shown at round times while at least 10% of the subjects are at risk (--times for others).\n"
            }
        }
        out += "\n"
        var summary = TextTable(header: ["", "n", "deaths"])
        for c in r.strata { summary.append([c.label, "\(c.n)", KaplanMeierReport.count(c.events)]) }
        out += summary.render(format)
        for c in r.strata {
            out += "\n" + (md ? "### \(c.label)\n\n" : "\(c.label)\n")
            var life = TextTable(header: ["time", "n.risk", "survival", "std.err", "lower", "upper"])
            if let s = c.summaryAt {
                for k in s.time.indices {
                    life.append([
                        NumberFormat.significant(s.time[k], 6), NumberFormat.significant(s.nRisk[k], 6),
                        NumberFormat.fixed(s.survival[k], 4), NumberFormat.fixed(s.stdErr[k], 4),
                        NumberFormat.fixed(s.lower[k], 4), NumberFormat.fixed(s.upper[k], 4),
                    ])
                }
            } else {
                for time in defaultTimes {
                    guard let last = c.time.lastIndex(where: { $0 <= time }) else { continue }
                    let atRisk = c.time.firstIndex(where: { $0 >= time }).map { c.nRisk[$0] } ?? 0
                    life.append([
                        NumberFormat.significant(time, 6), NumberFormat.significant(atRisk, 6),
                        NumberFormat.fixed(c.survival[last], 4), NumberFormat.fixed(c.stdErr[last], 4),
                        NumberFormat.fixed(c.lower[last], 4), NumberFormat.fixed(c.upper[last], 4),
                    ])
                }
            }
            out += life.render(format)
        }
        if let test = r.test {
            out += "\n" + (md ? "### Comparison of net survival\n\n" : "Comparison of net survival (relsurv rs.diff)\n")
            out += "chisq = \(NumberFormat.significant(test.statistic, 5)) on \(test.df) df, p = \(NumberFormat.pValue(test.p))\n"
        }
        out += RowsLine.render(r.rows, format: format)
        out += WarningsSection.render(r.warnings, format: format)
        return out
    }

    static func methodName(_ m: RelativeSurvivalMethod) -> String {
        switch m {
        case .poharPerme: return "Pohar Perme (net survival)"
        case .ederer2: return "Ederer II"
        case .hakulinen: return "Hakulinen"
        case .ederer1: return "Ederer I"
        }
    }
}
