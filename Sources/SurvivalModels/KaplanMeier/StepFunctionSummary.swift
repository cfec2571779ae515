/// Reading a fitted step function at chosen times, by R's
/// `summary(survfit, times = , extend = TRUE)` rule, shared by the
/// Kaplan–Meier, cumulative incidence and mean cumulative function summaries: the value at the
/// last jump time ≤ t (the value before the first jump when t is earlier),
/// and the number at risk at the first time ≥ t (0 past the last time).
enum StepFunctionSummary {
    /// The index of the last time ≤ t, `nil` before the first.
    static func lastIndex(atOrBefore t: Double, in time: [Double]) -> Int? {
        time.lastIndex { $0 <= t }
    }

    /// The number at risk at `t`: at the first time ≥ t, 0 past the last.
    static func atRisk(_ t: Double, time: [Double], nRisk: [Double]) -> Double {
        time.firstIndex { $0 >= t }.map { nRisk[$0] } ?? 0
    }
}
