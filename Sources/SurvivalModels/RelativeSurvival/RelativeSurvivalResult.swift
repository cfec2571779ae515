import CohortData

/// One group's relative (net) survival curve, as relsurv `rs.surv`.
public struct RelativeSurvivalCurve: Sendable, Codable, Equatable {
    /// The group label, `var=level` (joined by ", "), or `all`.
    public var label: String
    /// Subjects (rows) in the group.
    public var n: Int
    /// Deaths in the group.
    public var events: Double
    /// The times of the curve (the data's unit): every distinct observed
    /// time, and for Hakulinen's method also the potential follow-up times.
    public var time: [Double]
    /// Number at risk at each time.
    public var nRisk: [Double]
    /// Deaths at each time.
    public var nEvent: [Double]
    /// Relative (net) survival.
    public var survival: [Double]
    /// Standard error of the survival itself, `survival × std.err` of relsurv.
    public var stdErr: [Double?]
    /// Lower pointwise limit (`nil` where undefined, e.g. a survival ≤ 0 on the log scale).
    public var lower: [Double?]
    /// Upper pointwise limit.
    public var upper: [Double?]
    /// The curve at the requested times (`--times`).
    public var summaryAt: SurvivalSummaryAt?

    public init(
        label: String, n: Int, events: Double, time: [Double], nRisk: [Double], nEvent: [Double],
        survival: [Double], stdErr: [Double?], lower: [Double?], upper: [Double?], summaryAt: SurvivalSummaryAt?
    ) {
        self.label = label
        self.n = n
        self.events = events
        self.time = time
        self.nRisk = nRisk
        self.nEvent = nEvent
        self.survival = survival
        self.stdErr = stdErr
        self.lower = lower
        self.upper = upper
        self.summaryAt = summaryAt
    }
}

/// The log-rank-type comparison of net survival between groups, relsurv `rs.diff`:
/// chi-squared statistic, df = groups − 1, upper-tail p (the chi-square test type the Cox tests use).
public typealias RelativeSurvivalTest = CoxTest

/// Relative (net) survival per group, with the comparison of the groups (``RelativeSurvival``).
public struct RelativeSurvivalResult: Sendable, Codable, Equatable {
    /// The estimator.
    public var method: RelativeSurvivalMethod
    /// Rows used.
    public var n: Int
    /// Deaths.
    public var events: Double
    /// Rows dropped for missing values.
    public var nDroppedMissing: Int
    /// Transformation of the limits.
    public var confType: ConfidenceType
    /// Confidence level of the limits.
    public var confLevel: Double
    /// The unit of the times: days per unit (1 for days).
    public var daysPerUnit: Double
    /// The rate table: its file, years and sexes.
    public var rateTable: RateTableSummary
    /// One curve per group.
    public var strata: [RelativeSurvivalCurve]
    /// `rs.diff`; `nil` with one group.
    public var test: RelativeSurvivalTest?
    /// Rows read, used and dropped.
    public var rows: RowAccounting
    /// How the data file was read; set by the caller.
    public var input: InputDescription? = nil
    /// Warnings, also printed on stderr.
    public var warnings: [String]

    public init(
        method: RelativeSurvivalMethod, n: Int, events: Double, nDroppedMissing: Int, confType: ConfidenceType,
        confLevel: Double, daysPerUnit: Double, rateTable: RateTableSummary, strata: [RelativeSurvivalCurve],
        test: RelativeSurvivalTest?, rows: RowAccounting, warnings: [String]
    ) {
        self.method = method
        self.n = n
        self.events = events
        self.nDroppedMissing = nDroppedMissing
        self.confType = confType
        self.confLevel = confLevel
        self.daysPerUnit = daysPerUnit
        self.rateTable = rateTable
        self.strata = strata
        self.test = test
        self.rows = rows
        self.warnings = warnings
    }
}

/// What the output says about the population table used.
public struct RateTableSummary: Sendable, Codable, Equatable {
    /// The file.
    public var file: String
    /// First and last age (years).
    public var ages: [Int]
    /// First and last year.
    public var years: [Int]
    /// The sexes.
    public var sexes: [String]

    public init(file: String, ages: [Int], years: [Int], sexes: [String]) {
        self.file = file
        self.ages = ages
        self.years = years
        self.sexes = sexes
    }
}
