/// The survival response `Surv(time, status)` or `Surv(start, stop, status)`.
public struct SurvivalResponse: Sendable, Equatable, Codable {
    /// Entry times for counting-process data `(start, stop]`; `nil` for right-censored data.
    public var start: [Double]?
    /// Event or censoring times (the `stop` of counting-process data).
    public var stop: [Double]
    /// Status codes: 0 = censored, 1 = event (after mapping 1/2 and FALSE/TRUE);
    /// 1, 2, ... = causes for competing-risks data.
    public var status: [Int]

    public init(start: [Double]? = nil, stop: [Double], status: [Int]) {
        self.start = start
        self.stop = stop
        self.status = status
    }

    /// Number of observations.
    public var count: Int { stop.count }
}
