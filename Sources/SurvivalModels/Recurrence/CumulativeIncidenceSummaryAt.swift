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
