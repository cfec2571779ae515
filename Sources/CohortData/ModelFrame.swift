import SurvivalNumerics

/// A grouping of the used rows: a code per row (`0..<labels.count`) and the
/// label of each group, e.g. `"sex=1"` or `"site=scalp, grade=3"`.
///
/// Labels follow the JSON contract: `var=level`, joined by `", "` for several
/// variables; a single group with no variables is labelled `"all"`. Groups
/// are ordered as R orders the levels of `strata(...)` (first variable
/// slowest, levels in sorted order).
public struct Grouping: Sendable, Equatable, Codable {
    /// The group of each used row, `0..<labels.count`.
    public var codes: [Int]
    /// The label of each group.
    public var labels: [String]

    public init(codes: [Int], labels: [String]) {
        self.codes = codes
        self.labels = labels
    }

    /// Every row in one group labelled `"all"`.
    public static func single(count: Int) -> Grouping {
        Grouping(codes: Array(repeating: 0, count: count), labels: ["all"])
    }
}

/// The survival response `Surv(time, status)` or `Surv(start, stop, status)`.
public struct SurvivalResponse: Sendable, Equatable, Codable {
    /// Entry times for counting-process data `(start, stop]`; `nil` for right-censored data.
    public var start: [Double]?
    /// Event or censoring times (the `stop` of counting-process data).
    public var stop: [Double]
    /// Status codes: 0 = censored, 1 = event (after mapping 1/2 and FALSE/TRUE);
    /// 1, 2, ... = causes for competing-risks data.
    public var status: [Int]

    public init(start: [Double]? = nil, stop: [Double], status: [Int]) {
        self.start = start
        self.stop = stop
        self.status = status
    }

    /// Number of observations.
    public var count: Int { stop.count }
}

/// How many rows were read, used, and dropped for which reason.
///
/// Encodes as the contract's `"rows": {"read": N, "used": N, "dropped": {"missing: age": k}}`.
public struct RowAccounting: Sendable, Equatable, Codable {
    public var read: Int
    public var used: Int
    /// Reason → count, e.g. `"missing: age": 3`.
    public var dropped: [String: Int]

    public init(read: Int, used: Int, dropped: [String: Int] = [:]) {
        self.read = read
        self.used = used
        self.dropped = dropped
    }

    /// Total rows dropped for any reason.
    public var droppedTotal: Int { dropped.values.reduce(0, +) }
}

/// The result of evaluating a `Formula` on a `Cohort`: everything a model needs,
/// as plain arrays over the used (complete-case) rows.
///
/// This is the contract between the cohort-data layer and the models: models
/// never look at CSV columns or formulas, only at a `ModelFrame`.
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
    /// The combinations of the right-hand-side variables' levels, as `survfit`
    /// and `survdiff` use them (`Surv(t, s) ~ sex` → groups `sex=1`, `sex=2`);
    /// `nil` when the right-hand side is `1` (or has no categorical use).
    public var groups: Grouping?
    /// The strata from `strata(...)`; `nil` without strata.
    public var strata: Grouping?
    /// Cluster identifiers from `cluster(id)`, `0..<k`; `nil` without.
    public var cluster: [Int]?
    /// Offsets from `offset(z)`; `nil` without.
    public var offset: [Double]?
    /// Case weights; `nil` means all 1.
    public var weights: [Double]?
    /// The zero-based data-row index (header excluded) of each used row in the input.
    public var rowIndex: [Int]
    /// Rows read, used and dropped.
    public var rows: RowAccounting
    /// Warnings produced while building the frame (e.g. rows dropped for missing values).
    public var warnings: [String]
    /// The levels of each categorical model variable in model order (reference
    /// first), keyed by the variable's R label (`sex`, `factor(ph.ecog)`), so
    /// new data can be coded the same way for prediction.
    public var factorLevels: [String: [String]] = [:]
    /// The plain outcome of a non-survival formula (`events ~ x`, for Poisson
    /// regression), one value per used row; `nil` for `Surv(...)` responses.
    /// `response.stop` then holds the same values with status 0.
    public var outcome: [Double]? = nil

    public init(
        response: SurvivalResponse, design: Matrix, termNames: [String], termOfColumn: [String],
        groups: Grouping?, strata: Grouping?, cluster: [Int]?, offset: [Double]?, weights: [Double]?,
        rowIndex: [Int], rows: RowAccounting, warnings: [String]
    ) {
        self.response = response
        self.design = design
        self.termNames = termNames
        self.termOfColumn = termOfColumn
        self.groups = groups
        self.strata = strata
        self.cluster = cluster
        self.offset = offset
        self.weights = weights
        self.rowIndex = rowIndex
        self.rows = rows
        self.warnings = warnings
    }

    /// Number of used rows.
    public var count: Int { response.count }
}
