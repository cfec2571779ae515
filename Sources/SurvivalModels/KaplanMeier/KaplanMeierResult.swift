import CohortData

/// Confidence-interval transformation for a survival curve, as R `survfit(conf.type=)`.
public enum ConfidenceType: String, Sendable, Codable, CaseIterable {
    /// `log`: limits `S·exp(±z·se(log S))`, R's default (capped at 1).
    case log
    /// `log-log`: limits on `log(−log S)`, Kalbfleisch & Prentice.
    case logLog = "log-log"
    /// `plain`: `S ± z·se(S)`, clipped to [0, 1].
    case plain
}

/// Restricted mean survival time up to `tau`, as R `print(survfit, rmean = tau)`.
public struct RestrictedMean: Sendable, Codable, Equatable {
    /// Upper limit of integration.
    public var tau: Double
    /// Area under the curve from 0 to `tau`.
    public var estimate: Double
    /// Standard error of the estimate.
    public var stdErr: Double?

    public init(tau: Double, estimate: Double, stdErr: Double?) {
        self.tau = tau
        self.estimate = estimate
        self.stdErr = stdErr
    }
}

/// The curve evaluated at requested times, as R `summary(survfit, times = )`:
/// with `extend = false` (R's default) only the times up to the stratum's
/// last observed time.
public struct SurvivalSummaryAt: Sendable, Codable, Equatable {
    /// The times, ascending.
    public var time: [Double]
    /// Number at risk at each time (weighted with case weights).
    public var nRisk: [Double]
    /// Events at each time (weighted with case weights).
    public var nEvent: [Double]
    /// Kaplan–Meier survival probability.
    public var survival: [Double]
    /// Standard error of the survival probability (`nil` where it is 0).
    public var stdErr: [Double?]
    /// Lower pointwise confidence limit (`nil` where undefined).
    public var lower: [Double?]
    /// Upper pointwise confidence limit (`nil` where undefined).
    public var upper: [Double?]

    public init(
        time: [Double], nRisk: [Double], nEvent: [Double], survival: [Double],
        stdErr: [Double?], lower: [Double?], upper: [Double?]
    ) {
        self.time = time
        self.nRisk = nRisk
        self.nEvent = nEvent
        self.survival = survival
        self.stdErr = stdErr
        self.lower = lower
        self.upper = upper
    }
}

/// One stratum's Kaplan–Meier curve, as R `survfit` with `summary()` and `print(rmean =)`.
///
/// Every distinct observed time (events and censorings) is a row. Where the
/// curve has reached 0, `stdErr`, `lower` and `upper` are `nil` (R: NaN/NA).
public struct KaplanMeierCurve: Sendable, Codable, Equatable {
    /// The stratum label, `var=level` (joined by ", "), or `all`.
    public var label: String
    /// Observations (rows) used.
    public var n: Int
    /// Number of events: with case weights their weighted sum (R's
    /// `sum(n.event)`, e.g. 374.75), not rounded.
    public var events: Double
    /// The times, ascending.
    public var time: [Double]
    /// Number at risk at each time (weighted with case weights).
    public var nRisk: [Double]
    /// Events at each time (weighted with case weights).
    public var nEvent: [Double]
    /// Censorings at each time (weighted with case weights).
    public var nCensor: [Double]
    /// Kaplan–Meier survival probability.
    public var survival: [Double]
    /// Standard error of S(t) itself: Greenwood's (R's `std.err` is then that
    /// of log S; this is `S · std.err`), or with non-integer case weights the
    /// infinitesimal jackknife, as R (`std.err` is then already that of S).
    public var stdErr: [Double?]
    /// Lower pointwise confidence limit (`nil` where undefined).
    public var lower: [Double?]
    /// Upper pointwise confidence limit (`nil` where undefined).
    public var upper: [Double?]
    /// Nelson–Aalen cumulative hazard.
    public var cumhaz: [Double]
    /// Median survival (R `quantile.survfit` rules); `nil` when not reached.
    public var median: Double?
    /// Lower confidence limit of the median.
    public var medianLower: Double?
    /// Upper confidence limit of the median; `nil` when not reached.
    public var medianUpper: Double?
    /// Restricted mean survival time with its standard error.
    public var rmst: RestrictedMean?
    /// The curve at the requested times (`KaplanMeierOptions.times`).
    public var summaryAt: SurvivalSummaryAt?
    /// The bootstrap of the median (and of the survival at `summaryAt`'s
    /// times); `nil` unless asked for (``KaplanMeier/bootstrap(_:result:options:bootstrap:)``).
    public var bootstrap: KaplanMeierBootstrap? = nil

    public init(
        label: String, n: Int, events: Double, time: [Double], nRisk: [Double], nEvent: [Double],
        nCensor: [Double], survival: [Double], stdErr: [Double?], lower: [Double?], upper: [Double?],
        cumhaz: [Double], median: Double?, medianLower: Double?, medianUpper: Double?,
        rmst: RestrictedMean?, summaryAt: SurvivalSummaryAt?
    ) {
        self.label = label
        self.n = n
        self.events = events
        self.time = time
        self.nRisk = nRisk
        self.nEvent = nEvent
        self.nCensor = nCensor
        self.survival = survival
        self.stdErr = stdErr
        self.lower = lower
        self.upper = upper
        self.cumhaz = cumhaz
        self.median = median
        self.medianLower = medianLower
        self.medianUpper = medianUpper
        self.rmst = rmst
        self.summaryAt = summaryAt
    }
}

/// A fitted Kaplan–Meier analysis: one curve per stratum, as R `survfit`.
public struct KaplanMeierResult: Sendable, Codable, Equatable {
    /// Observations (rows) used.
    public var n: Int
    /// Number of events (their weighted sum with case weights).
    public var events: Double
    /// Rows dropped for missing values.
    public var nDroppedMissing: Int
    /// Transformation of the pointwise limits.
    public var confType: ConfidenceType
    /// Confidence level of the limits.
    public var confLevel: Double
    /// One curve per group, in R's strata order.
    public var strata: [KaplanMeierCurve]
    /// Rows read, used and dropped.
    public var rows: RowAccounting
    /// How the data file was read (format, dialect); set by the caller that read it.
    public var input: InputDescription? = nil
    /// Warnings, also printed on stderr.
    public var warnings: [String]

    public init(
        n: Int, events: Double, nDroppedMissing: Int, confType: ConfidenceType, confLevel: Double,
        strata: [KaplanMeierCurve], rows: RowAccounting, warnings: [String]
    ) {
        self.n = n
        self.events = events
        self.nDroppedMissing = nDroppedMissing
        self.confType = confType
        self.confLevel = confLevel
        self.strata = strata
        self.rows = rows
        self.warnings = warnings
    }
}
