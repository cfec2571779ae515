import CohortData

/// The Kaplan–Meier product-limit estimator of the survival function, with
/// Greenwood variance (the infinitesimal jackknife with non-integer case
/// weights, as R), pointwise limits, median, restricted mean and the
/// Nelson–Aalen cumulative hazard; one curve per group, as R `survfit`.
///
/// Right-censored data and counting-process data `(start, stop]` (delayed
/// entry / left truncation) are both supported. Groups are the combinations of
/// the right-hand-side variables and of `strata(...)`.
///
/// ## References
/// Kaplan & Meier (1958); Greenwood (1926); Therneau & Grambsch (2000) §2.1;
/// matches R `survfit(Surv(...) ~ g)`, `quantile.survfit` and `print(fit, rmean=)`.
public enum KaplanMeier {
    /// Fits one Kaplan–Meier curve per group of `frame`.
    ///
    /// - Throws: `ModelError` when the frame has no rows or status codes other
    ///   than 0/1, or when `times` (without `extend`) leaves a stratum no time.
    public static func fit(_ frame: SurvivalGroupingFrame, options: KaplanMeierOptions = .init()) throws(ModelError)
        -> KaplanMeierResult
    {
        guard frame.count > 0 else {
            throw ModelError("No rows left to analyse (\(frame.rows.read) read, all dropped).")
        }
        guard !frame.response.isIntervalCensored else {
            throw ModelError(
                "Interval-censored data have no Kaplan–Meier curve: use the Turnbull estimate (TurnbullEstimate.fit).")
        }
        guard options.confLevel > 0 && options.confLevel < 1 else {
            throw ModelError("The confidence level must lie strictly between 0 and 1 (got \(options.confLevel)).")
        }
        let grouping = frame.curveGroups
        var sizes = [Int](repeating: 0, count: grouping.labels.count)
        for code in grouping.codes { sizes[Int(code)] += 1 }
        // With --counts each curve's n is its subjects (R's n on the expanded
        // rows); the counts are also the weights, whole numbers, so Greenwood's
        // variance applies, as on the expanded rows.
        var subjects = sizes
        if let counts = frame.counts {
            subjects = [Int](repeating: 0, count: sizes.count)
            for (row, code) in grouping.codes.enumerated() { subjects[Int(code)] += Int(counts[row]) }
        }
        var curves: [KaplanMeierCurve] = []
        // Without a tau every stratum is restricted at the largest observed time
        // of the whole fit, as R's `print(fit, rmean = "common")`, so the means
        // are comparable across strata.
        let tau = options.tau ?? frame.response.stop.max()
        // R's survfit uses the infinitesimal-jackknife variance (robust = TRUE)
        // exactly when some case weight is not an integer (survfitKM's
        // `any(weights != floor(weights))`, over the whole fit).
        let robust = frame.weights?.contains { $0 != $0.rounded(.down) } ?? false
        // Right-censored rows with few distinct times: every group's table in
        // one counting pass, no row lists (the same sums, see `RiskTable.perGroup`).
        if frame.response.start == nil, !robust,
            let tables = RiskTable.perGroup(
                codes: grouping.codes, groups: sizes.count, stop: frame.response.stop,
                status: frame.response.status, weights: frame.weights)
        {
            for (g, size) in sizes.enumerated() where size > 0 {
                curves.append(
                    try curve(
                        label: grouping.labels[g], n: subjects[g], table: tables[g], jackknife: nil, options: options,
                        tau: tau))
            }
        } else {
            let event = frame.response.status.map { $0 != 0 }
            var members = sizes.map { size -> [Int] in
                var rows: [Int] = []
                rows.reserveCapacity(size)
                return rows
            }
            for (row, code) in grouping.codes.enumerated() { members[Int(code)].append(row) }
            for (g, rows) in members.enumerated() where !rows.isEmpty {
                curves.append(
                    try curve(
                        label: grouping.labels[g], rows: rows, response: frame.response, event: event,
                        weights: frame.weights, robust: robust, options: options, tau: tau, subjects: subjects[g]))
            }
        }
        return KaplanMeierResult(
            n: frame.subjectCount, events: curves.reduce(0) { $0 + $1.events },
            nDroppedMissing: frame.rows.droppedTotal, confType: options.confType,
            confLevel: options.confLevel, strata: curves, rows: frame.rows, warnings: frame.warnings)
    }
}
