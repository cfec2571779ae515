import SurvivalNumerics

/// A survival regression frame: the `Surv(...)` response and the design
/// matrix of a formula evaluated on a `Cohort`, over the used
/// (complete-case) rows, as R's `model.frame` + `model.matrix` give
/// `coxph` and `survreg`.
///
/// This is the contract between the data layer and the regression models:
/// models never look at CSV columns or formulas, only at a frame. Analyses
/// that only group the rows (Kaplan–Meier, log-rank, cumulative incidence,
/// the mean cumulative function) use a `GroupingFrame` instead, which never
/// builds a design matrix; count regressions use a `CountModelFrame`.
public struct ModelFrame: Sendable {
    /// The survival response, one entry per used row.
    public var response: SurvivalResponse
    /// The design matrix (used rows × terms), treatment-coded, no intercept column.
    public var design: Matrix
    /// The name of each design column: `age`, `grade=3`, `age:sex=male`.
    public var termNames: [String]
    /// The name of the formula term each design column comes from (`factor(grade)`
    /// gives several columns with term `grade`), for per-term tests such as `cox.zph`.
    public var termOfColumn: [String]
    /// The strata from `strata(...)`; `nil` without strata.
    public var strata: Grouping?
    /// Cluster identifiers from `cluster(id)`, `0..<k`; `nil` without.
    public var cluster: [Int]?
    /// The group of each row for `frailty(g)`, `0..<k` (one code per distinct
    /// value); `nil` without.
    public var frailty: [Int]?
    /// Offsets from `offset(z)`; `nil` without.
    public var offset: [Double]?
    /// Case weights; `nil` means all 1.
    public var weights: [Double]?
    /// Frequency counts (`--counts`): each row stands for this many identical
    /// subjects, and `weights` holds the same values, so every weighted sum is
    /// the expanded rows' sum. Estimators whose results differ between case and
    /// frequency weights (sizes such as `n`, Efron ties, robust variances)
    /// read this; `nil` without counts.
    public var counts: [Double]?
    /// The zero-based data-row index (header excluded) of each used row in the input.
    public var rowIndex: [Int]
    /// Rows read, used and dropped.
    public var rows: RowAccounting
    /// The file, lines and columns the rows came from (for located errors).
    public var origin = RowOrigin()
    /// The data column of the (stop) time and of the status, when each is a
    /// column (for located errors).
    public var timeColumn: String?
    public var statusColumn: String?
    /// The data column of the right end of `Surv(left, right, type = "interval2")`
    /// (`timeColumn` is then the left end's), when it is a column.
    public var upperTimeColumn: String?
    /// Warnings produced while building the frame (e.g. rows dropped for missing values).
    public var warnings: [String]
    /// The levels of each categorical model variable in model order (reference
    /// first), keyed by the variable's R label (`sex`, `factor(ph.ecog)`), so
    /// new data can be coded the same way for prediction.
    public var factorLevels: [String: [String]] = [:]
    /// The basis of each `ns()`/`bs()` variable (its knots), keyed by the
    /// variable's R label (`ns(age, df = 4)`), so new data get the same columns.
    public var splineBases: [String: SplineBasis] = [:]
    /// The names of the terms with a spline variable (`ns(age)`), which get a joint Wald test.
    public var splineTerms: [String] = []
    /// For each main-effect spline term (`ns(age)`), the values of its
    /// variable on the used rows — R's `termplot` "carrier": the innermost
    /// column of the call, `bili` for `ns(log(bili))` — to plot the term against.
    public var splineCarriers: [String: [Double]] = [:]
    /// The column name of each carrier (`bili` for `ns(log(bili))`), R's `termplot` x label.
    public var splineCarrierNames: [String: String] = [:]

    public init(
        response: SurvivalResponse, design: Matrix, termNames: [String], termOfColumn: [String],
        strata: Grouping?, cluster: [Int]?, offset: [Double]?, weights: [Double]?,
        rowIndex: [Int], rows: RowAccounting, warnings: [String]
    ) {
        self.response = response
        self.design = design
        self.termNames = termNames
        self.termOfColumn = termOfColumn
        self.strata = strata
        self.cluster = cluster
        self.offset = offset
        self.weights = weights
        self.rowIndex = rowIndex
        self.rows = rows
        self.warnings = warnings
    }

    /// The number of subjects the rows stand for: the sum of the counts, or
    /// the number of rows without counts.
    public var subjectCount: Int { counts.map { Int($0.reduce(0, +)) } ?? count }

    /// Number of used rows.
    public var count: Int { response.count }
}
