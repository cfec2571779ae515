/// Options for turning a `Formula` and a `Cohort` into a frame.
public struct ModelFrameOptions: Sendable, Equatable {
    /// Reference level per categorical variable: the key is the column name,
    /// the value the level as labelled (`ph.ecog=1` → `"1"`), as R's `relevel`.
    public var references: [String: String]
    /// Keep status codes 0, 1, 2, ... (0 = censored, k = cause k) for
    /// competing-risks analyses instead of requiring 0/1, 1/2 or FALSE/TRUE.
    public var allowCompetingRisks: Bool
    /// Column of case weights, each finite and > 0, as R's `weights =`; rows
    /// with a missing weight are dropped like any other missing value.
    /// `nil`: every row weighs 1.
    public var weights: String?
    /// Column of frequency counts (`--counts`): each row stands for that many
    /// identical subjects, a whole number ≥ 0, so that every estimate equals
    /// the one on the expanded rows (`rep(seq_len(nrow(d)), d$n)` in R). A
    /// missing count drops the row as missing, a zero count drops it as
    /// `"zero count: <column>"`; a negative, fractional or non-numeric count
    /// is an error at its line. The frames then carry the counts twice: as
    /// `weights` (every weighted sum is the expanded rows' sum) and as
    /// `counts` (so estimators whose results differ between case and
    /// frequency weights — sizes, Efron ties, robust variances — can tell).
    /// Cannot be combined with `weights`. `nil`: every row is one subject.
    public var counts: String?
    /// Refuse to drop rows: any row with a missing value in a column the
    /// analysis uses is an error (`--strict`) instead of a counted drop.
    public var strict: Bool
    /// Rows to analyse, as R's `subset(d, EXPR)`: rows where the expression
    /// is FALSE or NA are left out before the missing-value rule.
    public var subset: RowSubset?
    /// Grouping analyses (Kaplan–Meier, log-rank, CIF, MCF, rates): the most
    /// groups, and the most strata, a frame may form (`--max-groups`); `nil`:
    /// no limit. Regression frames ignore it.
    public var maxGroups: Int?
    /// Columns outside the formula that the analysis also needs (`relsurv
    /// --age/--year/--sex`, as relsurv's `rmap` variables join its model
    /// frame): an unknown one is an error and a row missing one is dropped
    /// and counted, after the formula's columns and the weights.
    public var requiredColumns: [String] = []
    /// Counting-process data with `cluster(id)`: what overlapping intervals of
    /// one subject mean (`CountingProcessCheck`); `nil`: not checked.
    public var overlappingIntervals: OverlapRule?

    /// A landmark time T (`--landmark`): only rows whose time is > T are
    /// analysed, with time measured from T, as R's `subset(d, time > T)` and
    /// `Surv(time - T, status)` (`Landmark.swift`); `nil`: none.
    public var landmark: Double?
    /// The function of the formula's `tt(x)` terms (`--tt`, Cox only): the
    /// regression frame is expanded as coxph does (`ModelFrame+TimeTransform.swift`);
    /// `nil`: a formula with `tt()` terms is refused.
    public var timeTransform: TimeTransform?
    /// Accept `Surv(left, right, type = "interval2")` responses (Turnbull `km`
    /// and `survreg`); every other analysis leaves it `false`, and the frame
    /// then refuses interval-censored data with a message saying which do.
    public var allowsIntervalCensoring = false

    /// What overlapping `(start, stop]` intervals of one subject mean.
    public enum OverlapRule: Sendable, Equatable {
        /// A data error at the lines of the first overlap (`mcf`).
        case refuse
        /// Fitted as R's coxph does, with a warning giving the counts (`recur`).
        case warn
    }

    public init(
        references: [String: String] = [:], allowCompetingRisks: Bool = false, weights: String? = nil,
        subset: RowSubset? = nil, strict: Bool = false, maxGroups: Int? = nil
    ) {
        self.maxGroups = maxGroups
        self.weights = weights
        self.subset = subset
        self.strict = strict
        self.references = references
        self.allowCompetingRisks = allowCompetingRisks
    }
}
