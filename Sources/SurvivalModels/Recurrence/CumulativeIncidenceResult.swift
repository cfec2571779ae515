import CohortData

/// One stratum's Aalen–Johansen cumulative incidence curves, one per cause,
/// as R `survfit` with a multi-state status.
///
/// Every distinct observed time of the stratum (events of any cause and
/// censorings) is a row, as R `survfit(Surv(time, factor(event)) ~ g)`.
public struct CumulativeIncidenceCurve: Sendable, Codable, Equatable {
    /// Stratum label (`var=level`, or `all` without strata).
    public var label: String
    /// Subjects (rows) in the stratum.
    public var n: Int
    /// Every distinct observed time of the stratum, ascending.
    public var time: [Double]
    /// Number still in the initial (event-free) state just before each time,
    /// as the first column of R's multi-state `n.risk`.
    public var nRisk: [Double]
    /// Events of each cause at each time, keyed by cause code.
    public var nEvent: [String: [Double]]
    /// Cumulative incidence of each cause (R `pstate` column of the cause).
    public var cif: [String: [Double]]
    /// Infinitesimal-jackknife standard error of each cause's incidence (R `std.err`).
    public var stdErr: [String: [Double]]
    /// The curves at the requested times with log limits
    /// (``CumulativeIncidence/fit(_:times:extend:)``); `nil` unless asked for.
    public var summaryAt: CumulativeIncidenceSummaryAt? = nil

    /// Creates a curve from its parts.
    public init(
        label: String, n: Int, time: [Double], nRisk: [Double], nEvent: [String: [Double]],
        cif: [String: [Double]], stdErr: [String: [Double]]
    ) {
        self.label = label
        self.n = n
        self.time = time
        self.nRisk = nRisk
        self.nEvent = nEvent
        self.cif = cif
        self.stdErr = stdErr
    }
}

/// Gray's k-sample test for one cause, as a row of `cmprsk::cuminc(...)$Tests`.
public struct GrayTestResult: Sendable, Codable, Equatable {
    /// The chi-squared statistic; `nil` when its variance matrix is singular
    /// (cuminc then returns −1).
    public var statistic: Double?
    /// Degrees of freedom (number of groups − 1).
    public var df: Int
    /// Upper-tail chi-square p-value; `nil` when `statistic` is.
    public var p: Double?

    /// Creates a test row from its parts.
    public init(statistic: Double?, df: Int, p: Double?) {
        self.statistic = statistic
        self.df = df
        self.p = p
    }
}

/// A competing-risks analysis: cumulative incidence curves per stratum and,
/// with two or more groups, Gray's test per cause.
public struct CumulativeIncidenceResult: Sendable, Codable, Equatable {
    /// Rows used.
    public var n: Int
    /// Rows dropped for a missing value in a variable the formula uses.
    public var nDroppedMissing: Int
    /// The cause codes present (status codes other than 0), ascending, as text.
    public var causes: [String]
    /// One set of curves per stratum, in stratum order.
    public var strata: [CumulativeIncidenceCurve]
    /// Gray's test per cause; `nil` with a single group.
    public var grayTest: [String: GrayTestResult]?
    /// Rows read, used and dropped (with reasons).
    public var rows: RowAccounting
    /// How the data file was read (format, dialect); set by the caller that read it.
    public var input: InputDescription? = nil
    /// Warnings (e.g. dropped rows), also printed on stderr.
    public var warnings: [String]

    /// Creates a result from its parts.
    public init(
        n: Int, nDroppedMissing: Int, causes: [String], strata: [CumulativeIncidenceCurve],
        grayTest: [String: GrayTestResult]?, rows: RowAccounting, warnings: [String]
    ) {
        self.n = n
        self.nDroppedMissing = nDroppedMissing
        self.causes = causes
        self.strata = strata
        self.grayTest = grayTest
        self.rows = rows
        self.warnings = warnings
    }
}
