import SurvivalNumerics

/// A count regression frame: the plain outcome of `events ~ x +
/// offset(log(pt))` and the design matrix, over the used rows, as R's
/// `model.frame` + `model.matrix` give `glm` and `MASS::glm.nb`.
public struct CountModelFrame: Sendable {
    /// The outcome (event counts), one value per used row.
    public var outcome: [Double]
    /// The design matrix (used rows × terms), treatment-coded, no intercept column.
    public var design: Matrix
    /// The name of each design column: `age`, `grade=3`, `age:sex=male`.
    public var termNames: [String]
    /// The formula term each design column comes from.
    public var termOfColumn: [String]
    /// Offsets from `offset(z)` (summed); `nil` without.
    public var offset: [Double]?
    /// Prior (case) weights; `nil` means all 1.
    public var weights: [Double]?
    /// Frequency counts (`--counts`): each row stands for this many identical
    /// subjects, and `weights` holds the same values, so every weighted sum is
    /// the expanded rows' sum. Estimators whose results differ between case and
    /// frequency weights (sizes such as `n`, Efron ties, robust variances)
    /// read this; `nil` without counts.
    public var counts: [Double]?
    /// Whether the formula had `strata(...)` or `cluster(...)`, which count
    /// regressions do not support (the model refuses them).
    public var hasStrataOrCluster: Bool
    /// The zero-based data-row index (header excluded) of each used row.
    public var rowIndex: [Int]
    /// Rows read, used and dropped.
    public var rows: RowAccounting
    /// The file, lines and columns the rows came from (for located errors).
    public var origin = RowOrigin()
    /// Warnings produced while building the frame.
    public var warnings: [String]
    /// The levels of each categorical model variable in model order (reference
    /// first), keyed by the variable's R label, as `ModelFrame.factorLevels`.
    public var factorLevels: [String: [String]] = [:]
    /// The `ns()`/`bs()` bases, as `ModelFrame.splineBases`.
    public var splineBases: [String: SplineBasis] = [:]
    /// The names of the terms with a spline variable (`ns(age)`), which get a joint Wald test.
    public var splineTerms: [String] = []

    public init(
        outcome: [Double], design: Matrix, termNames: [String], termOfColumn: [String], offset: [Double]?,
        weights: [Double]?, hasStrataOrCluster: Bool = false, rowIndex: [Int], rows: RowAccounting,
        warnings: [String]
    ) {
        self.outcome = outcome
        self.design = design
        self.termNames = termNames
        self.termOfColumn = termOfColumn
        self.offset = offset
        self.weights = weights
        self.hasStrataOrCluster = hasStrataOrCluster
        self.rowIndex = rowIndex
        self.rows = rows
        self.warnings = warnings
    }

    /// The number of subjects the rows stand for: the sum of the counts, or
    /// the number of rows without counts.
    public var subjectCount: Int { counts.map { Int($0.reduce(0, +)) } ?? count }

    /// Number of used rows.
    public var count: Int { outcome.count }
}
