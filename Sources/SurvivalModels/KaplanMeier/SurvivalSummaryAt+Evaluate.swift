extension SurvivalSummaryAt {
    /// The curve at the requested times, as R `summary(fit, times = , extend = )`.
    ///
    /// Survival, its standard error and limits are those of the last observed
    /// time ≤ t (1, 0 and 1 before the first). The number at risk is that at the
    /// first observed time ≥ t (0 past the last). The number of events counts
    /// those in the interval since the previous requested time. Times that are
    /// not finite are left out (as R); so, without `extend`, are those after
    /// the last observed time of the curve (R's default `extend = FALSE`),
    /// which can leave none.
    static func evaluate(
        at times: [Double], table: (time: [Double], nRisk: [Double], nEvent: [Double]), survival: [Double],
        stdErr: [Double?], lower: [Double?], upper: [Double?], extend: Bool = true
    ) -> SurvivalSummaryAt {
        var requested = times.filter(\.isFinite).sorted()
        if !extend, let last = table.time.last { requested = requested.filter { $0 <= last } }
        var out = SurvivalSummaryAt(
            time: requested, nRisk: [], nEvent: [], survival: [], stdErr: [], lower: [], upper: [])
        var previous = -Double.infinity
        for t in requested {
            let last = StepFunctionSummary.lastIndex(atOrBefore: t, in: table.time)
            out.nRisk.append(StepFunctionSummary.atRisk(t, time: table.time, nRisk: table.nRisk))
            var d = 0.0
            for k in table.time.indices where table.time[k] > previous && table.time[k] <= t {
                d += table.nEvent[k]
            }
            out.nEvent.append(d)
            if let last {
                out.survival.append(survival[last])
                out.stdErr.append(stdErr[last])
                out.lower.append(lower[last])
                out.upper.append(upper[last])
            } else {
                out.survival.append(1)
                out.stdErr.append(0)
                out.lower.append(1)
                out.upper.append(1)
            }
            previous = t
        }
        return out
    }
}

extension KaplanMeierCurve {
    /// The curve at `times`, as R `summary(fit, times = , extend = )` (see
    /// `SurvivalSummaryAt.evaluate`): what `KaplanMeierOptions.times` gives, and what
    /// every renderer reads off the curve (the at-risk table under a plot
    /// included, with `extend` true), so no renderer evaluates the curve itself.
    public func summary(at times: [Double], extend: Bool = true) -> SurvivalSummaryAt {
        SurvivalSummaryAt.evaluate(
            at: times, table: (time, nRisk, nEvent), survival: survival, stdErr: stdErr, lower: lower, upper: upper,
            extend: extend)
    }
}
