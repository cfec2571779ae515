import CohortData
import Foundation
import SurvivalModels

/// The model sections added with issue 11, laid out for reading: the
/// restricted mean by group (after the Kaplan–Meier section), the test for
/// trend (in the log-rank section), the cumulative incidence with limits at
/// `cif_times` (in the cumulative incidence section) and the Fine–Gray model
/// (after it). A section the report left out says why, in its place.
extension ReportDocument {
    /// The note of a section left out, as a paragraph; none when it was not.
    static func noteBlocks(_ r: Report, key: ReportSpecification.CodingKeys) -> [ReportBlock] {
        guard let note = r.notes?[key.stringValue] else { return [] }
        return [.paragraph("Not shown: \(note)")]
    }

    /// Restricted mean survival time up to tau per group, and each group
    /// against the first: difference and ratio with 95% limits (survRM2 `rmst2`).
    static func restrictedMeanSection(_ r: Report) -> ReportSection? {
        let heading = "Restricted mean survival time"
        let notes = noteBlocks(r, key: .rmst)
        if !notes.isEmpty { return ReportSection(id: "rmst", heading: heading, blocks: notes) }
        guard let rm = r.restrictedMean, let formula = r.formulas.restrictedMean else { return nil }
        let unit = r.specification.timeUnit.map { " \($0)" } ?? ""
        let tau = NumberFormatting.label(rm.tau)
        var intro = "Restricted mean survival time up to tau = \(tau)\(unit) (the area under the Kaplan–Meier curve, "
            + "R print(survfit, rmean = \(tau))) for \(formula); \(rm.n) observations"
        if rm.nDroppedMissing > 0 { intro += ", \(rm.nDroppedMissing) dropped for missing values" }
        intro += ". 95% normal limits; each group against the first, as survRM2 rmst2."
        // Times and their differences at a fixed number of decimals fit to tau's scale (3 for tau = 5, 1 for 365).
        let decimals = max(0, min(6, 3 - Int((Foundation.log10(rm.tau)).rounded(.down))))
        func time(_ x: Double?) -> String { NumberFormat.fixed(x, decimals) }
        var groups = TextTable(header: ["", "n", "events", "RMST", "95% CI"])
        for g in rm.groups {
            groups.append([
                g.label, "\(g.n)", KaplanMeierReport.count(g.events), time(g.rmst), "\(time(g.lower))–\(time(g.upper))",
            ])
        }
        var blocks: [ReportBlock] = [.paragraph(intro), .table(groups, caption: nil)]
        if !rm.contrasts.isEmpty {
            var t = TextTable(header: ["", "difference", "95% CI", "p", "ratio", "95% CI", "p"])
            for c in rm.contrasts {
                t.append([
                    c.label, time(c.difference), "\(time(c.diffLower)) to \(time(c.diffUpper))", NumberFormat.pValue(c.diffP),
                    NumberFormat.fixed(c.ratio, 3),
                    "\(NumberFormat.fixed(c.ratioLower, 3))–\(NumberFormat.fixed(c.ratioUpper, 3))",
                    NumberFormat.pValue(c.ratioP),
                ])
            }
            let unitName = r.specification.timeUnit ?? "time units"
            blocks.append(.table(t, caption: "Difference (\(unitName)) and ratio of the restricted means:"))
        }
        return ReportSection(id: "rmst", heading: heading, blocks: blocks)
    }

    /// The log-rank test for trend, or why it was not done.
    static func trendBlocks(_ r: Report) -> [ReportBlock] {
        let notes = noteBlocks(r, key: .logrankTrend)
        guard notes.isEmpty else { return notes }
        guard let trend = r.logrank?.trend, let group = r.specification.group else { return [] }
        let scores = trend.scores.map { NumberFormat.significant($0, 6) }.joined(separator: " < ")
        return [
            .paragraph(
                "Test for trend across \(group) (scores \(scores); 1 df, as survkit logrank --trend): "
                    + "Chi-square = \(NumberFormat.significant(trend.statistic, 4)), \(pEquals(trend.p))."),
        ]
    }

    /// The cumulative incidence of the event with 95% log limits at
    /// `cif_times` (the curves' `summary_at`), or why it is not shown.
    static func cumulativeIncidenceLimitBlocks(_ r: Report, causeName: [String: String]) -> [ReportBlock] {
        let notes = noteBlocks(r, key: .cifTimes)
        guard notes.isEmpty else { return notes }
        guard let cif = r.cumulativeIncidence, cif.strata.allSatisfy({ $0.summaryAt != nil }) else { return [] }
        let times = Set(r.specification.resolvedCIFTimes.filter(\.isFinite)).sorted()
        var blocks: [ReportBlock] = []
        // The event of interest (cause 1); the JSON's summary_at has death first too.
        for cause in ["1"] where cif.causes.contains(cause) {
            var t = TextTable(header: [r.specification.timeUnit ?? "time"] + cif.strata.map(\.label))
            for time in times {
                t.append([num(time)] + cif.strata.map { c in
                    // A time after the curve's last observed time is not in its summary (R's extend = FALSE).
                    guard let at = c.summaryAt, let k = at.time.firstIndex(of: time), let p = at.cif[cause]?[k] else {
                        return "NA"
                    }
                    return estimate(p, at.lower[cause]?[k] ?? nil, at.upper[cause]?[k] ?? nil)
                })
            }
            let name = causeName[cause] ?? cause
            blocks.append(.table(t, caption: "Cumulative incidence of \(name) (95% log limits, R summary(fit, times =)):"))
        }
        return blocks
    }

    /// The Fine–Gray model of the event with death competing: the publication
    /// table of `survkit finegray --table publication` (`Report.fineGrayTable`;
    /// without it, the sHR table of R's `summary(crr)`) with n, events and
    /// competing events.
    static func fineGraySection(_ r: Report) -> ReportSection? {
        let s = r.specification
        let heading = "Fine–Gray model of \(s.eventStatus ?? "the event") with death as a competing risk"
        let notes = noteBlocks(r, key: .fineGray)
        if !notes.isEmpty { return ReportSection(id: "fine-gray", heading: heading, blocks: notes) }
        guard let fg = r.fineGray, let formula = r.formulas.fineGray else { return nil }
        var intro = "Fine–Gray subdistribution hazards model (cmprsk::crr) for \(formula), with death (\(s.status)) "
            + "before \(s.eventStatus ?? "the event") as the competing event; \(fg.n) observations, \(fg.events) events, "
            + "\(fg.competingEvents) competing events"
        if fg.nDroppedMissing > 0 { intro += ", \(fg.nDroppedMissing) dropped for missing values" }
        intro += fg.converged
            ? "; converged in \(fg.iterations) Newton step\(fg.iterations == 1 ? "" : "s")."
            : "; the fit did not converge in \(fg.iterations) Newton steps."
        let lr = 2 * (fg.loglik - fg.loglikNull)
        let closing = "sHR = exp(coef), the subdistribution hazard ratio (the effect on the cumulative incidence of "
            + "\(s.eventStatus ?? "the event")); limits and p from crr's sandwich variance. Pseudo log-likelihood "
            + "\(NumberFormat.significant(fg.loglik, 8)) (null \(NumberFormat.significant(fg.loglikNull, 8))); "
            + "pseudo likelihood ratio test = \(NumberFormat.significant(lr, 4)) on \(fg.coefficients.count) df."
        let table: [ReportBlock] = r.fineGrayTable.map { Self.publicationBlocks($0) }
            ?? [.table(FineGrayReport.coefficientTable(fg), caption: nil)]
        return ReportSection(id: "fine-gray", heading: heading, blocks: [.paragraph(intro)] + table + [.paragraph(closing)])
    }
}
