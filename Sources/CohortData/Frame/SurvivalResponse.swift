/// The survival response `Surv(time, status)` or `Surv(start, stop, status)`.
public struct SurvivalResponse: Sendable, Equatable, Codable {
    /// Entry times for counting-process data `(start, stop]`; `nil` for right-censored data.
    public var start: [Double]?
    /// Event or censoring times (the `stop` of counting-process data).
    public var stop: [Double]
    /// Status codes: 0 = censored, 1 = event (after mapping 1/2 and FALSE/TRUE);
    /// 1, 2, ... = causes for competing-risks data (below 1,000,000). Four
    /// bytes a row: 80 million rows take 320 MB, not 640.
    public var status: [Int32]

    public init(start: [Double]? = nil, stop: [Double], status: [Int32]) {
        self.start = start
        self.stop = stop
        self.status = status
    }

    /// A response from status codes computed as `Int`s (each below 1,000,000).
    public init(start: [Double]? = nil, stop: [Double], status: [Int]) {
        self.init(start: start, stop: stop, status: status.map { Int32(truncatingIfNeeded: $0) })
    }

    /// Number of observations.
    public var count: Int { stop.count }
}
