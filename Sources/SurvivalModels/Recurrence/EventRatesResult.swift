import CohortData

/// One group's event rate with exact limits, as R `poisson.test`.
public struct EventRateGroup: Sendable, Codable, Equatable {
    /// Group label (`var=level`, or `all` without a grouping).
    public var label: String
    /// Total events in the group.
    public var events: Int
    /// Total person-time in the group, in the data's units.
    public var personTime: Double
    /// Events per `per` units of person-time.
    public var rate: Double
    /// Exact (Garwood) lower limit of the rate, as R `poisson.test(x, T)$conf.int[1] · per`.
    public var lower: Double
    /// Exact (Garwood) upper limit of the rate (`conf.int[2] · per`).
    public var upper: Double
    /// Rate ratio against the first group (1 for the first group itself);
    /// `nil` when undefined (both groups without events, or none in the first).
    public var rateRatio: Double?
    /// Exact conditional limits of the ratio, as R
    /// `poisson.test(c(x, x₁), c(t, t₁))$conf.int`; `nil` for the first group.
    public var rrLower: Double?
    /// Upper exact conditional limit of the rate ratio; `nil` for the first group or when undefined.
    public var rrUpper: Double?

    /// Creates a group row from its parts.
    public init(
        label: String, events: Int, personTime: Double, rate: Double, lower: Double, upper: Double,
        rateRatio: Double?, rrLower: Double?, rrUpper: Double?
    ) {
        self.label = label
        self.events = events
        self.personTime = personTime
        self.rate = rate
        self.lower = lower
        self.upper = upper
        self.rateRatio = rateRatio
        self.rrLower = rrLower
        self.rrUpper = rrUpper
    }
}

/// Person-time event rates by group, with exact limits and rate ratios.
public struct EventRatesResult: Sendable, Codable, Equatable {
    /// Rates are events per this many units of person-time.
    public var per: Double
    /// Confidence level of the rate and rate-ratio limits.
    public var confLevel: Double
    /// One row per group; the first is the reference of the rate ratios.
    public var groups: [EventRateGroup]
    /// Rows read, used and dropped (with reasons).
    public var rows: RowAccounting
    /// How the data file was read (format, dialect); set by the caller that read it.
    public var input: InputDescription? = nil
    /// Warnings (e.g. dropped rows), also printed on stderr.
    public var warnings: [String]

    /// Creates a result from its parts.
    public init(per: Double, confLevel: Double, groups: [EventRateGroup], rows: RowAccounting, warnings: [String]) {
        self.per = per
        self.confLevel = confLevel
        self.groups = groups
        self.rows = rows
        self.warnings = warnings
    }
}
