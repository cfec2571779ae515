import CohortData

/// One group's event rate, with the keys of the JSON contract (`rates`).
public struct EventRateGroup: Sendable, Codable, Equatable {
    public var label: String
    public var events: Int
    public var personTime: Double
    /// Events per `per` units of person-time.
    public var rate: Double
    /// Exact (Garwood) limits of the rate, as R `poisson.test(x, T)$conf.int · per`.
    public var lower: Double
    public var upper: Double
    /// Rate ratio against the first group (1 for the first group itself);
    /// `nil` when undefined (both groups without events, or none in the first).
    public var rateRatio: Double?
    /// Exact conditional limits of the ratio, as R
    /// `poisson.test(c(x, x₁), c(t, t₁))$conf.int`; `nil` for the first group.
    public var rrLower: Double?
    public var rrUpper: Double?

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

    enum CodingKeys: String, CodingKey {
        case label, events, rate, lower, upper
        case personTime = "person_time"
        case rateRatio = "rate_ratio"
        case rrLower = "rr_lower"
        case rrUpper = "rr_upper"
    }

    /// Encodes absent ratios and limits as `null` (the contract never omits keys).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(events, forKey: .events)
        try c.encode(personTime, forKey: .personTime)
        try c.encode(rate, forKey: .rate)
        try c.encode(lower, forKey: .lower)
        try c.encode(upper, forKey: .upper)
        try c.encode(rateRatio, forKey: .rateRatio)
        try c.encode(rrLower, forKey: .rrLower)
        try c.encode(rrUpper, forKey: .rrUpper)
    }
}

/// Person-time event rates by group, with exact limits and rate ratios.
public struct EventRatesResult: Sendable, Codable, Equatable {
    public var analysis: String = "rates"
    public var per: Double
    public var confLevel: Double
    public var groups: [EventRateGroup]
    public var rows: RowAccounting
    public var warnings: [String]

    public init(per: Double, confLevel: Double, groups: [EventRateGroup], rows: RowAccounting, warnings: [String]) {
        self.per = per
        self.confLevel = confLevel
        self.groups = groups
        self.rows = rows
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case analysis, per, groups, rows, warnings
        case confLevel = "conf_level"
    }
}
