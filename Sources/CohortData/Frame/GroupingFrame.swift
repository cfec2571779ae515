/// A frame for analyses that only split the rows into groups — Kaplan–Meier,
/// log-rank, cumulative incidence, the mean cumulative function (with a
/// `SurvivalResponse`) and event rates (with counts) — as R's `survfit`,
/// `survdiff` and `cuminc` use their right-hand side.
///
/// The right-hand-side variables are stored as one integer group code per
/// row, never as a design matrix, so a grouping column with tens of
/// thousands of levels costs one integer per row.
public struct GroupingFrame<Response: Sendable>: Sendable {
    /// The response, one entry per used row: `SurvivalResponse` for survival
    /// analyses, the outcome values (`[Double]`) for `events ~ g + offset(pt)`.
    public var response: Response
    /// The combinations of the right-hand-side variables' levels
    /// (`Surv(t, s) ~ sex` → groups `sex=1`, `sex=2`); `nil` for `~ 1`.
    public var groups: Grouping?
    /// The strata from `strata(...)`; `nil` without strata.
    public var strata: Grouping?
    /// Cluster (subject) identifiers from `cluster(id)`, `0..<k`; `nil` without.
    public var cluster: [Int]?
    /// Offsets from `offset(z)` (summed); `nil` without.
    public var offset: [Double]?
    /// Case weights; `nil` means all 1.
    public var weights: [Double]?
    /// Frequency counts (`--counts`): each row stands for this many identical
    /// subjects, and `weights` holds the same values, so every weighted sum is
    /// the expanded rows' sum. Estimators whose results differ between case and
    /// frequency weights (sizes such as `n`, Efron ties, robust variances)
    /// read this; `nil` without counts.
    public var counts: [Double]?
    /// The zero-based data-row index (header excluded) of each used row.
    public var rowIndex: [Int]
    /// Rows read, used and dropped.
    public var rows: RowAccounting
    /// The file, lines and columns the rows came from (for located errors).
    public var origin = RowOrigin()
    /// Warnings produced while building the frame.
    public var warnings: [String]

    public init(
        response: Response, groups: Grouping?, strata: Grouping? = nil, cluster: [Int]? = nil,
        offset: [Double]? = nil, weights: [Double]? = nil, rowIndex: [Int], rows: RowAccounting,
        warnings: [String] = []
    ) {
        self.response = response
        self.groups = groups
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
    public var count: Int { rowIndex.count }
}

/// The frame of `survfit`-style analyses: a survival response split into groups.
public typealias SurvivalGroupingFrame = GroupingFrame<SurvivalResponse>

/// The frame of event rates: counts per row (with person-time as the offset) split into groups.
public typealias CountGroupingFrame = GroupingFrame<[Double]>

extension GroupingFrame {
    /// The groups each curve is fitted on: the right-hand-side groups crossed
    /// with the strata (`"sex=1, inst=3"`), as `survfit` labels its strata;
    /// one group `"all"` when there are neither.
    public var curveGroups: Grouping {
        switch (groups, strata) {
        case (nil, nil): return .single(count: count)
        case (let g?, nil): return g
        case (nil, let s?): return s
        case (let g?, let s?):
            let k = Int32(s.labels.count)  // g × s labels: at most --max-groups², far below 2³¹
            let codes = zip(g.codes, s.codes).map { $0 * k + $1 }
            let labels = g.labels.flatMap { gl in s.labels.map { "\(gl), \($0)" } }
            return Grouping(codes: codes, labels: labels)
        }
    }
}
