/// A cohort description ("Table 1"): the size, events and follow-up of the
/// analysed cohort, overall and by group, and a summary of each covariate.
///
/// Every number of a Table 1 is here, so whatever displays it only
/// format. Built by `CohortDescription.describe(...)`.
public struct CohortDescription: Sendable, Codable, Equatable {
    /// The grouping column, or `nil` when the cohort is described as a whole.
    public var groupVariable: String?
    /// "Overall" first, then one column per group (labels as the Kaplan–Meier strata).
    public var columns: [DescriptionColumn]
    /// One entry per described covariate, in the order asked for.
    public var variables: [VariableDescription]

    /// Creates a description from its parts.
    public init(groupVariable: String?, columns: [DescriptionColumn], variables: [VariableDescription]) {
        self.groupVariable = groupVariable
        self.columns = columns
        self.variables = variables
    }
}

/// Size, events and follow-up of the whole cohort or of one group.
public struct DescriptionColumn: Sendable, Codable, Equatable {
    /// `"Overall"` or the group label, e.g. `"grade=2"`.
    public var label: String
    /// Rows (subjects) in the column.
    public var n: Int
    /// Events among them.
    public var events: Int
    /// `100 · events / n`.
    public var eventPercent: Double
    /// Median follow-up by the reverse Kaplan–Meier method (Schemper & Smith 1996):
    /// the median of `survfit(Surv(time, 1 - status) ~ 1)`, censoring as the event;
    /// `nil` when that curve does not reach 0.5.
    public var followUpMedian: Double?
    /// Lower log-scale 95% limit of the median follow-up; `nil` when not reached.
    public var followUpLower: Double?
    /// Upper log-scale 95% limit of the median follow-up; `nil` when not reached.
    public var followUpUpper: Double?
    /// Longest observed time.
    public var maxTime: Double

    /// Creates a column from its parts.
    public init(
        label: String, n: Int, events: Int, eventPercent: Double, followUpMedian: Double?,
        followUpLower: Double?, followUpUpper: Double?, maxTime: Double
    ) {
        self.label = label
        self.n = n
        self.events = events
        self.eventPercent = eventPercent
        self.followUpMedian = followUpMedian
        self.followUpLower = followUpLower
        self.followUpUpper = followUpUpper
        self.maxTime = maxTime
    }
}

/// How a covariate is summarised.
public enum VariableKind: String, Sendable, Codable {
    /// Median, quartiles, mean, SD, range.
    case numeric
    /// Counts and percentages per level.
    case categorical
}

/// One covariate's summary in every column of the description.
public struct VariableDescription: Sendable, Codable, Equatable {
    /// The column name.
    public var name: String
    /// Whether the covariate is summarised as numbers or as level counts.
    public var kind: VariableKind
    /// The levels (categorical only; sorted as factor levels are), else empty.
    public var levels: [String]
    /// One summary per `CohortDescription.columns` entry, in the same order.
    public var summaries: [VariableSummary]
    /// The variable label of a Stata, SPSS or SAS file, when it has one.
    public var label: String? = nil
    /// The test across the groups (`TableOneOptions.pValues`), `nil` without one.
    public var test: GroupComparisonTest.Method? = nil
    /// Its statistic (χ², W, H, t or F); `nil` for Fisher's test.
    public var statistic: Double? = nil
    /// Its degrees of freedom (the numerator's for F); `nil` for Fisher's and Wilcoxon's tests.
    public var df: Double? = nil
    /// The denominator degrees of freedom of the ANOVA F test.
    public var df2: Double? = nil
    /// Its two-sided p-value; `nil` when the test cannot be done on these data.
    public var pValue: Double? = nil
    /// The standardized mean difference between the groups (`TableOneOptions.smd`),
    /// tableone's; with more than two groups the average of the pairwise ones.
    public var smd: Double? = nil

    /// Creates a covariate description from its parts.
    public init(name: String, kind: VariableKind, levels: [String], summaries: [VariableSummary]) {
        self.name = name
        self.kind = kind
        self.levels = levels
        self.summaries = summaries
    }
}

/// A covariate in one column: numeric statistics or level counts.
///
/// Quartiles are R's default `quantile(x, type = 7)`; `sd` is the sample
/// standard deviation (denominator n − 1, `nil` for n < 2). Percentages are of
/// the non-missing values, as R's `tableone` shows them.
public struct VariableSummary: Sendable, Codable, Equatable {
    /// Non-missing values.
    public var n: Int
    /// Missing values.
    public var missing: Int
    /// Arithmetic mean (numeric only; `nil` without values).
    public var mean: Double?
    /// Sample standard deviation (numeric only; `nil` for n < 2).
    public var sd: Double?
    /// Median (numeric only).
    public var median: Double?
    /// First quartile, R `quantile(x, 0.25)` (numeric only).
    public var q1: Double?
    /// Third quartile, R `quantile(x, 0.75)` (numeric only).
    public var q3: Double?
    /// Smallest value (numeric only).
    public var min: Double?
    /// Largest value (numeric only).
    public var max: Double?
    /// Count of each level (categorical only).
    public var counts: [Int]?
    /// `100 · count / n` of each level (categorical only).
    public var percents: [Double]?

    /// Creates a summary; numeric statistics, or `counts` and `percents`, stay `nil` for the other kind.
    public init(
        n: Int, missing: Int, mean: Double? = nil, sd: Double? = nil, median: Double? = nil,
        q1: Double? = nil, q3: Double? = nil, min: Double? = nil, max: Double? = nil,
        counts: [Int]? = nil, percents: [Double]? = nil
    ) {
        self.n = n
        self.missing = missing
        self.mean = mean
        self.sd = sd
        self.median = median
        self.q1 = q1
        self.q3 = q3
        self.min = min
        self.max = max
        self.counts = counts
        self.percents = percents
    }
}
