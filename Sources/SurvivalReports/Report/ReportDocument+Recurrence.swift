import SurvivalModels

/// The recurrence sections: cumulative incidence with death competing, the
/// mean cumulative function, and event rates. Values at the report's times are
/// the results' own `summary(at:)` (R `summary(fit, times =, extend = TRUE)`).
extension ReportDocument {
    /// Cumulative incidence of the event and of death first, by group, at the
    /// report's times, with Gray's test per cause.
    static func cumulativeIncidenceSection(_ r: Report) -> ReportSection? {
        guard let cif = r.cumulativeIncidence, let formula = r.formulas.cumulativeIncidence,
            let eventStatus = r.specification.eventStatus
        else { return nil }
        let s = r.specification
        let causeName = ["1": eventStatus, "2": "death (\(s.status))"]
        func total(_ c: CumulativeIncidenceCurve, _ cause: String) -> Int { Int(c.events(cause: cause).rounded()) }
        var groups = TextTable(header: ["", "n", "events", "deaths first"])
        for c in cif.strata { groups.append([c.label, "\(c.n)", "\(total(c, "1"))", "\(total(c, "2"))"]) }
        var intro = "Cumulative incidence of \(eventStatus) (Aalen–Johansen, R survfit) for \(formula), "
            + "with death (\(s.status)) before the event as a competing risk; \(cif.n) observations"
        if cif.nDroppedMissing > 0 { intro += ", \(cif.nDroppedMissing) dropped for missing values" }
        intro += ". Standard errors by the infinitesimal jackknife, as R survfit."
        var blocks: [ReportBlock] = [.paragraph(intro), .table(groups, caption: nil)]
        for cause in ["1", "2"] where cif.causes.contains(cause) && !s.times.isEmpty {
            var t = TextTable(header: [s.timeUnit ?? "time"] + cif.strata.map(\.label))
            let summaries = cif.strata.map { $0.summary(at: s.times) }
            for (k, time) in summaries.first?.time.enumerated() ?? [].enumerated() {
                t.append([num(time)] + summaries.map { at in
                    guard let v = at.cif[cause]?[k] else { return "NA" }
                    return "\(NumberFormat.fixed(v, 3)) (\(NumberFormat.fixed(at.stdErr[cause]?[k], 3)))"
                })
            }
            let name = causeName[cause] ?? cause
            blocks.append(.table(t, caption: "Cumulative incidence of \(name) (standard error) at each time:"))
        }
        blocks += cumulativeIncidenceLimitBlocks(r, causeName: causeName)
        if let gray = cif.grayTest {
            var t = TextTable(header: ["", "statistic", "df", "p"])
            for cause in cif.causes {
                guard let g = gray[cause] else { continue }
                t.append([causeName[cause] ?? cause, NumberFormat.significant(g.statistic, 4), "\(g.df)",
                          NumberFormat.pValue(g.p)])
            }
            blocks.append(.table(t, caption: "Gray's test of equal cumulative incidence across groups (cmprsk::cuminc):"))
        }
        return ReportSection(
            id: "cumulative-incidence", heading: "Cumulative incidence with death as a competing risk",
            blocks: blocks, figure: "cif.svg")
    }

    /// The mean cumulative function by group, at the report's times.
    static func meanCumulativeFunctionSection(_ r: Report) -> ReportSection? {
        guard let mcf = r.meanCumulativeFunction, let formula = r.formulas.meanCumulativeFunction else { return nil }
        let s = r.specification
        var intro = "Mean cumulative function (expected number of events per subject; Nelson–Aalen, "
            + "R survfit with id) of \(s.recurrences ?? "the recurrences file") for \(formula); "
            + "\(mcf.n) intervals, \(mcf.events) events"
        if mcf.nDroppedMissing > 0 { intro += ", \(mcf.nDroppedMissing) dropped for missing values" }
        intro += ". Robust (subject-clustered) standard errors; 95% limits on the log scale."
        var groups = TextTable(header: ["", "subjects", "events", "MCF at last time", "95% CI"])
        for c in mcf.strata {
            groups.append([
                c.label, "\(c.subjects)", "\(c.events)", NumberFormat.fixed(c.mcf.last, 3),
                "\(NumberFormat.fixed(c.lower.last, 3))–\(NumberFormat.fixed(c.upper.last, 3))",
            ])
        }
        var blocks: [ReportBlock] = [.paragraph(intro), .table(groups, caption: nil)]
        if !s.times.isEmpty {
            var t = TextTable(header: [s.timeUnit ?? "time"] + mcf.strata.map(\.label))
            let summaries = mcf.strata.map { $0.summary(at: s.times) }
            for (k, time) in summaries.first?.time.enumerated() ?? [].enumerated() {
                t.append([num(time)] + summaries.map { at in estimate(at.mcf[k], at.lower[k], at.upper[k]) })
            }
            blocks.append(.table(t, caption: "Mean cumulative number of events (95% CI) at each time:"))
        }
        return ReportSection(id: "mcf", heading: "Mean cumulative function of recurrences", blocks: blocks, figure: "mcf.svg")
    }

    /// Event rates by group with exact limits and rate ratios.
    static func ratesSection(_ r: Report) -> ReportSection? {
        guard let rates = r.rates, let events = r.specification.rateEvents,
            let personTime = r.specification.ratePersonTime
        else { return nil }
        let s = r.specification
        let per = NumberFormat.significant(rates.per, 6)
        let unit = personTime == s.time && s.timeUnit != nil ? "person-\(s.timeUnit ?? "")" : "units of \(personTime)"
        var intro = "Rates of \(events) per \(per) \(unit)"
        if let g = s.recurrenceGrouping { intro += " by \(g)" }
        intro += ", with exact (Garwood) 95% limits; rate ratios against the first group with exact "
            + "conditional limits, as R poisson.test; \(rates.rows.used) rows"
        if rates.rows.droppedTotal > 0 { intro += ", \(rates.rows.droppedTotal) dropped for missing values" }
        intro += "."
        var t = TextTable(header: ["", "events", "person-time", "rate", "95% CI", "rate ratio", "95% CI"])
        for (k, g) in rates.groups.enumerated() {
            let ci = "\(NumberFormat.significant(g.lower, 4))–\(NumberFormat.significant(g.upper, 4))"
            let ratio = k == 0 ? ["1 (ref)", ""]
                : [NumberFormat.significant(g.rateRatio, 4),
                   g.rrLower == nil ? "" : "\(NumberFormat.significant(g.rrLower, 4))–\(NumberFormat.significant(g.rrUpper, 4))"]
            t.append([g.label, "\(g.events)", NumberFormat.significant(g.personTime, 6),
                      NumberFormat.significant(g.rate, 4), ci] + ratio)
        }
        return ReportSection(id: "rates", heading: "Event rates", blocks: [.paragraph(intro), .table(t, caption: nil)])
    }

    /// Step curves of the event (cause 1) per group, for `cif.svg`.
    static func cumulativeIncidenceSeries(_ r: Report) -> [StepCurveSeries] {
        guard let cif = r.cumulativeIncidence else { return [] }
        return cif.strata.map { c in
            StepCurveSeries(label: c.label, time: c.time, value: c.cif["1"] ?? [])
        }
    }

    /// Step curves of the MCF per group with their limits, for `mcf.svg`.
    /// The report's MCF curves, each stopped at the first time fewer than
    /// `mcfMinAtRisk` subjects remain: past it the estimate rests on a handful
    /// of subjects and its band fans out (on the sarcoma cohort, to 3 events
    /// per subject at 24 years with two subjects left). `survkit mcf --plot`
    /// draws the whole curve unless asked (`--min-at-risk`).
    static func meanCumulativeFunctionSeries(_ r: Report) -> [StepCurveSeries] {
        guard let mcf = r.meanCumulativeFunction else { return [] }
        return mcf.strata.map { c in
            let end = c.nRisk.firstIndex { $0 < Double(mcfMinAtRisk) } ?? c.time.count
            return StepCurveSeries(
                label: c.label, time: Array(c.time.prefix(end)), value: Array(c.mcf.prefix(end)),
                lower: Array(c.lower.prefix(end)), upper: Array(c.upper.prefix(end)))
        }
    }

    /// Subjects at risk below which the report's MCF figure stops a curve.
    static let mcfMinAtRisk = 5
}
