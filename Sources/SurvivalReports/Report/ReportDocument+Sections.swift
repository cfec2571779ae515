import SurvivalModels

extension ReportDocument {
    /// Table 1: n, events, reverse-KM follow-up, then each covariate by group.
    static func descriptionSection(_ r: Report) -> ReportSection {
        let d = r.cohortDescription
        let continuous = r.specification.continuous ?? .median
        let t = TableOneTable.table(d, continuous: continuous, timeUnit: r.specification.timeUnit)
        let blocks: [ReportBlock] = [.table(t, caption: nil), .paragraph(TableOneTable.note(d, continuous: continuous))]
        return ReportSection(id: "description", heading: "Cohort description (Table 1)", blocks: blocks)
    }

    /// Kaplan–Meier: medians by group and survival at the requested times.
    static func kaplanMeierSection(_ r: Report) -> ReportSection {
        let km = r.kaplanMeier
        let unit = r.specification.timeUnit
        var t = TextTable(header: ["", "n", "events", "median", "95% CI", "RMST", "tau"])
        for c in km.strata {
            t.append([
                c.label, "\(c.n)", KaplanMeierReport.count(c.events), c.median.map(num) ?? "not reached",
                c.median == nil && c.medianLower == nil ? "" : "\(num(c.medianLower))–\(num(c.medianUpper))",
                c.rmst.map { "\(num($0.estimate)) (se \(num($0.stdErr)))" } ?? "NA",
                num(c.rmst?.tau),
            ])
        }
        var blocks: [ReportBlock] = [
            .paragraph(
                "Kaplan–Meier estimates (R survfit) for \(r.formulas.kaplanMeier); "
                    + "\(km.n) observations, \(KaplanMeierReport.count(km.events)) events. Medians with log-scale 95% limits; "
                    + "RMST is the restricted mean survival time up to tau."),
            .table(t, caption: nil),
        ]
        if !r.specification.times.isEmpty {
            var s = TextTable(header: [unit ?? "time"] + km.strata.map(\.label))
            for (k, time) in r.specification.times.enumerated() {
                s.append([num(time)] + km.strata.map { c in
                    guard let at = c.summaryAt, k < at.time.count else { return "NA" }
                    return estimate(at.survival[k], at.lower[k], at.upper[k])
                })
            }
            blocks.append(.table(s, caption: "Survival probability (95% CI) at each time:"))
        }
        return ReportSection(id: "kaplan-meier", heading: "Kaplan–Meier survival", blocks: blocks, figure: "km.svg")
    }

    /// Log-rank test of the groups.
    static func logRankSection(_ r: Report) -> ReportSection? {
        guard let lr = r.logrank, let formula = r.formulas.logrank else { return nil }
        var t = TextTable(header: ["", "N", "observed", "expected", "O/E"])
        for g in lr.groups {
            t.append([
                g.label, "\(g.n)", NumberFormat.significant(g.observed, 4), NumberFormat.significant(g.expected, 4),
                g.expected > 0 ? NumberFormat.fixed(g.observed / g.expected, 2) : "NA",
            ])
        }
        let test = "Chi-square = \(NumberFormat.significant(lr.statistic, 4)) on \(lr.df) df, "
            + pEquals(lr.p) + "."
        let stratified = lr.nStrata > 1 ? " stratified over \(lr.nStrata) strata" : ""
        return ReportSection(
            id: "logrank", heading: "Log-rank test",
            blocks: [
                .paragraph("Log-rank test (R survdiff, rho = 0)\(stratified) for \(formula)."),
                .table(t, caption: nil), .paragraph(test),
            ] + trendBlocks(r))
    }
}
