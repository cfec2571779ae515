import CohortData

/// One group's Turnbull curve (``TurnbullEstimate``), as R's `survfit` on
/// interval-censored data.
public struct TurnbullCurve: Sendable, Codable, Equatable {
    /// Group label (`var=level`, `all` without groups).
    public var label: String
    /// Rows in the group.
    public var n: Int
    /// R's `fit$time`: the exact and right-censored times and the jump
    /// points (Turnbull interval midpoints), ascending.
    public var time: [Double]
    /// The estimated survival just after each time.
    public var survival: [Double]
    /// EM iterations R's stopping rule took (not in the JSON).
    public var iterations: Int

    /// Creates a curve from its parts.
    public init(label: String, n: Int, time: [Double], survival: [Double], iterations: Int) {
        self.label = label
        self.n = n
        self.time = time
        self.survival = survival
        self.iterations = iterations
    }
}

/// The Turnbull estimate for interval-censored data, one curve per group.
public struct TurnbullResult: Sendable, Codable, Equatable {
    /// `"turnbull"`: the curves are R's Turnbull estimate, not Kaplan–Meier ones.
    public var method = "turnbull"
    /// Rows used.
    public var n: Int
    /// Rows dropped for missing values (both interval ends missing, or a covariate).
    public var nDroppedMissing: Int
    /// One curve per group, in group order.
    public var strata: [TurnbullCurve]
    /// Rows read, used and dropped (with reasons).
    public var rows: RowAccounting
    /// Warnings (dropped rows, an EM that did not converge).
    public var warnings: [String]
    /// How the data file was read; set by the caller that read it.
    public var input: InputDescription? = nil

    /// Creates a result from its parts.
    public init(n: Int, nDroppedMissing: Int, strata: [TurnbullCurve], rows: RowAccounting, warnings: [String]) {
        self.n = n
        self.nDroppedMissing = nDroppedMissing
        self.strata = strata
        self.rows = rows
        self.warnings = warnings
    }
}
