import CohortData

/// One group's restricted mean survival time up to tau, with normal limits,
/// as R `print(survfit(Surv(t, s) ~ g), rmean = tau)` (`rmean`, `se(rmean)`).
public struct RestrictedMeanGroup: Sendable, Codable, Equatable {
    /// The group label, `var=level` (joined by ", "), or `all`.
    public var label: String
    /// Observations (rows) in the group.
    public var n: Int
    /// Events in the group (their weighted sum with case weights).
    public var events: Double
    /// The last observed time (event or censoring) of the group.
    public var lastTime: Double
    /// Area under the Kaplan–Meier curve from 0 to tau.
    public var rmst: Double
    /// Its standard error, R's `se(rmean)`.
    public var stdErr: Double
    /// Lower normal limit, `rmst − z·se`.
    public var lower: Double
    /// Upper normal limit, `rmst + z·se`.
    public var upper: Double

    public init(
        label: String, n: Int, events: Double, lastTime: Double, rmst: Double, stdErr: Double, lower: Double,
        upper: Double
    ) {
        self.label = label
        self.n = n
        self.events = events
        self.lastTime = lastTime
        self.rmst = rmst
        self.stdErr = stdErr
        self.lower = lower
        self.upper = upper
    }
}

/// A group against the reference group: the difference and the ratio of the
/// restricted means, as the unadjusted contrasts of survRM2 `rmst2`.
public struct RestrictedMeanContrast: Sendable, Codable, Equatable {
    /// `"g=B vs g=A"`, A the reference group.
    public var label: String
    /// RMST(B) − RMST(A).
    public var difference: Double
    /// Its standard error, √(v_B + v_A).
    public var diffStdErr: Double
    public var diffLower: Double
    public var diffUpper: Double
    /// Two-sided normal p-value of the difference; `nil` when its standard error is 0 and the difference is 0.
    public var diffP: Double?
    /// RMST(B) / RMST(A).
    public var ratio: Double
    /// Standard error of log(ratio), √(v_B/RMST_B² + v_A/RMST_A²) (delta method).
    public var logRatioStdErr: Double
    public var ratioLower: Double
    public var ratioUpper: Double
    /// Two-sided normal p-value of log(ratio); `nil` as for ``diffP``.
    public var ratioP: Double?

    public init(
        label: String, difference: Double, diffStdErr: Double, diffLower: Double, diffUpper: Double, diffP: Double?,
        ratio: Double, logRatioStdErr: Double, ratioLower: Double, ratioUpper: Double, ratioP: Double?
    ) {
        self.label = label
        self.difference = difference
        self.diffStdErr = diffStdErr
        self.diffLower = diffLower
        self.diffUpper = diffUpper
        self.diffP = diffP
        self.ratio = ratio
        self.logRatioStdErr = logRatioStdErr
        self.ratioLower = ratioLower
        self.ratioUpper = ratioUpper
        self.ratioP = ratioP
    }
}

/// Restricted mean survival times up to tau per group, and each group
/// against the reference (``RestrictedMeanComparison``).
public struct RestrictedMeanComparisonResult: Sendable, Codable, Equatable {
    /// The upper limit of integration.
    public var tau: Double
    /// Confidence level of the limits.
    public var confLevel: Double
    /// Rows used.
    public var n: Int
    /// Rows dropped for missing values.
    public var nDroppedMissing: Int
    /// One entry per group, the reference first.
    public var groups: [RestrictedMeanGroup]
    /// Every other group against the first; empty with one group.
    public var contrasts: [RestrictedMeanContrast]
    /// Rows read, used and dropped.
    public var rows: RowAccounting
    /// How the data file was read (format, dialect); set by the caller that read it.
    public var input: InputDescription? = nil
    /// Warnings (tau past a group's follow-up, dropped rows), also printed on stderr.
    public var warnings: [String]

    public init(
        tau: Double, confLevel: Double, n: Int, nDroppedMissing: Int, groups: [RestrictedMeanGroup],
        contrasts: [RestrictedMeanContrast], rows: RowAccounting, warnings: [String]
    ) {
        self.tau = tau
        self.confLevel = confLevel
        self.n = n
        self.nDroppedMissing = nDroppedMissing
        self.groups = groups
        self.contrasts = contrasts
        self.rows = rows
        self.warnings = warnings
    }
}
