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
