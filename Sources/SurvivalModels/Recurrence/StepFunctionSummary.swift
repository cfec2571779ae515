/// Reading a fitted step function at chosen times, by R's
/// `summary(survfit, times = , extend = TRUE)` rule, shared by the
/// cumulative incidence and the mean cumulative function: the value at the
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

/// The cumulative incidence curves of one group at chosen times, as R
/// `summary(survfit(Surv(t, factor(event)) ~ g), times = , extend = TRUE)`.
public struct CumulativeIncidenceSummaryAt: Sendable, Equatable, Codable {
    /// The times, ascending.
    public var time: [Double]
    /// Number still in the initial state at each time.
    public var nRisk: [Double]
    /// Cumulative incidence per cause at each time (0 before the first event time).
    public var cif: [String: [Double]]
    /// Its standard error per cause.
    public var stdErr: [String: [Double]]
}

extension CumulativeIncidenceCurve {
    /// The curves at `times` (see `CumulativeIncidenceSummaryAt`).
    public func summary(at times: [Double]) -> CumulativeIncidenceSummaryAt {
        let requested = times.sorted()
        let last = requested.map { StepFunctionSummary.lastIndex(atOrBefore: $0, in: time) }
        func read(_ values: [Double]) -> [Double] { last.map { $0.map { values[$0] } ?? 0 } }
        return CumulativeIncidenceSummaryAt(
            time: requested, nRisk: requested.map { StepFunctionSummary.atRisk($0, time: time, nRisk: nRisk) },
            cif: cif.mapValues(read), stdErr: stdErr.mapValues(read))
    }

    /// Events of `cause` in this group (weighted counts summed).
    public func events(cause: String) -> Double { (nEvent[cause] ?? []).reduce(0, +) }
}

/// The mean cumulative function of one group at chosen times, as R
/// `summary(survfit(Surv(start, stop, event) ~ g, id = id), times = , extend = TRUE)`.
public struct MeanCumulativeFunctionSummaryAt: Sendable, Equatable, Codable {
    /// The times, ascending.
    public var time: [Double]
    /// Number at risk at each time.
    public var nRisk: [Double]
    /// Mean cumulative number of events (0 before the first event time).
    public var mcf: [Double]
    /// Its robust standard error.
    public var stdErr: [Double]
    /// Lower confidence limit.
    public var lower: [Double]
    /// Upper confidence limit.
    public var upper: [Double]
}

extension MeanCumulativeFunctionCurve {
    /// The curve at `times` (see `MeanCumulativeFunctionSummaryAt`).
    public func summary(at times: [Double]) -> MeanCumulativeFunctionSummaryAt {
        let requested = times.sorted()
        let last = requested.map { StepFunctionSummary.lastIndex(atOrBefore: $0, in: time) }
        func read(_ values: [Double]) -> [Double] { last.map { $0.map { values[$0] } ?? 0 } }
        return MeanCumulativeFunctionSummaryAt(
            time: requested, nRisk: requested.map { StepFunctionSummary.atRisk($0, time: time, nRisk: nRisk) },
            mcf: read(mcf), stdErr: read(stdErr), lower: read(lower), upper: read(upper))
    }
}
