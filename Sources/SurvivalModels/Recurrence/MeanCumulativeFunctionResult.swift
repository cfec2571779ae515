import CohortData

/// One stratum's mean cumulative function (expected number of events per
/// subject by time t), as R `survfit(..., id = id)`.
///
/// Rows are the distinct stop times of the stratum (events and censorings),
/// as R `survfit(Surv(start, stop, event) ~ g, id = id)`.
public struct MeanCumulativeFunctionCurve: Sendable, Codable, Equatable {
    /// Stratum label (`var=level`, or `all` without strata).
    public var label: String
    /// Distinct subjects (clusters) in the stratum.
    public var subjects: Int
    /// Event count in the stratum.
    public var events: Int
    /// The distinct stop times of the stratum, ascending.
    public var time: [Double]
    /// Intervals at risk at each time (start < t ≤ stop), as R `n.risk`.
    public var nRisk: [Double]
    /// Events at each time, as R `n.event`.
    public var nEvent: [Double]
    /// Nelson–Aalen estimate of the mean cumulative number of events (R `cumhaz`).
    public var mcf: [Double]
    /// Robust (subject-clustered, infinitesimal-jackknife) standard error (R `std.chaz`).
    public var stdErr: [Double]
    /// Lower log-scale limit `mcf·exp(−z·se/mcf)`; 0 where the MCF is still 0.
    public var lower: [Double]
    /// Upper log-scale limit `mcf·exp(z·se/mcf)`; 0 where the MCF is still 0.
    public var upper: [Double]

    /// Creates a curve from its parts.
    public init(
        label: String, subjects: Int, events: Int, time: [Double], nRisk: [Double], nEvent: [Double],
        mcf: [Double], stdErr: [Double], lower: [Double], upper: [Double]
    ) {
        self.label = label
        self.subjects = subjects
        self.events = events
        self.time = time
        self.nRisk = nRisk
        self.nEvent = nEvent
        self.mcf = mcf
        self.stdErr = stdErr
        self.lower = lower
        self.upper = upper
    }
}

/// Mean cumulative functions of recurrent events, one per stratum.
public struct MeanCumulativeFunctionResult: Sendable, Codable, Equatable {
    /// Rows (intervals) used.
    public var n: Int
    /// Total number of events over the used rows.
    public var events: Int
    /// Rows dropped for a missing value in a variable the formula uses.
    public var nDroppedMissing: Int
    /// Always `"log"`: limits `mcf·exp(±z·se/mcf)`.
    public var confType: String = "log"
    /// Confidence level of the pointwise limits.
    public var confLevel: Double
    /// One curve per stratum, in stratum order.
    public var strata: [MeanCumulativeFunctionCurve]
    /// Rows read, used and dropped (with reasons).
    public var rows: RowAccounting
    /// How the data file was read (format, dialect); set by the caller that read it.
    public var input: InputDescription? = nil
    /// Warnings (e.g. dropped rows), also printed on stderr.
    public var warnings: [String]

    /// Creates a result from its parts.
    public init(
        n: Int, events: Int, nDroppedMissing: Int, confLevel: Double, strata: [MeanCumulativeFunctionCurve],
        rows: RowAccounting, warnings: [String]
    ) {
        self.n = n
        self.events = events
        self.nDroppedMissing = nDroppedMissing
        self.confLevel = confLevel
        self.strata = strata
        self.rows = rows
        self.warnings = warnings
    }
}
