/// The survival response `Surv(time, status)`, `Surv(start, stop, status)` or
/// `Surv(left, right, type = "interval2")`.
///
/// Interval-censored data (``isIntervalCensored``) are held as R's `interval`
/// type holds them: `status` is 0 right-censored at `stop`, 1 exact at `stop`,
/// 2 left-censored at `stop` (the event happened by then), 3 interval-censored
/// in `(stop, intervalUpper]`.
public struct SurvivalResponse: Sendable, Equatable, Codable {
    /// Entry times for counting-process data `(start, stop]`; `nil` for right-censored data.
    public var start: [Double]?
    /// Event or censoring times (the `stop` of counting-process data).
    public var stop: [Double]
    /// Status codes: 0 = censored, 1 = event (after mapping 1/2 and FALSE/TRUE);
    /// 1, 2, ... = causes for competing-risks data (below 1,000,000). Four
    /// bytes a row: 80 million rows take 320 MB, not 640.
    public var status: [Int32]
    /// Interval-censored data only: the right end of each status-3 row's
    /// interval (NaN in the other rows); `nil` for right-censored and
    /// counting-process data.
    public var intervalUpper: [Double]?

    public init(start: [Double]? = nil, stop: [Double], status: [Int32]) {
        self.start = start
        self.stop = stop
        self.status = status
    }

    /// An interval-censored response: `status` coded 0–3 as R's `interval`
    /// type (see the type's documentation), `upper` the right ends of the
    /// status-3 intervals (NaN elsewhere).
    public init(intervalLower lower: [Double], upper: [Double], status: [Int32]) {
        self.stop = lower
        self.status = status
        self.intervalUpper = upper
    }

    /// Whether the response is `Surv(left, right, type = "interval2")` data.
    public var isIntervalCensored: Bool { intervalUpper != nil }

    /// A response from status codes computed as `Int`s (each below 1,000,000).
    public init(start: [Double]? = nil, stop: [Double], status: [Int]) {
        self.init(start: start, stop: stop, status: status.map { Int32(truncatingIfNeeded: $0) })
    }

    /// Number of observations.
    public var count: Int { stop.count }
}
