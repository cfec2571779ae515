import CohortData

/// What one centre shares for a federated analysis: the subject counts of the
/// cells (stratum × covariate pattern × time × status) of its rows, never the
/// rows (docs/site-summary.md, JSON `"format": "survkit-site-summary"`).
///
/// Method. Every estimator that pools from a summary (Kaplan–Meier,
/// log-rank, cumulative incidence, event rates and the Cox model with
/// categorical covariates) is a function of these counts: a cell with `c`
/// subjects is `c` identical rows, so the fit of the pooled cells with
/// frequency counts (`ModelFrameOptions.counts`) equals the fit of the union
/// of the sites' rows, Breslow and Efron ties included (Efron per replicated
/// subject). As in the Sentinel risk-set tables and DataSHIELD's aggregate
/// functions, what leaves the site is a table of counts; `--min-cell`
/// (``SiteDisclosure``) coarsens it so that no cell describes fewer than K
/// subjects.
public struct SiteSummary: Sendable, Equatable {
    /// The `format` value of every site summary.
    public static let formatName = "survkit-site-summary"
    /// The version this survkit writes and reads.
    public static let currentVersion = 1

    /// The analysis the summary was made for (its cells fit only that analysis' formula).
    public enum Analysis: String, Sendable, CaseIterable, Equatable {
        case km, logrank, cif, rates, cox
    }

    /// The site's name (`--site`), as the pooled output lists it.
    public var site: String
    public var analysis: Analysis
    /// The formula, as given (the pooled fit evaluates it again on the cells).
    public var formula: String
    /// The variables of the cells: the time first, then the status (or event
    /// count), then the formula's other columns in the order they appear.
    public var variables: [SiteVariable]
    public var time: SiteTimeAxis
    /// The cells, sorted by (pattern, time, status) with no duplicates.
    public var cells: SiteCells
    /// Rows read at the site and how many the analysis used (the subjects of the cells).
    public var rows: RowAccounting
    /// What disclosure control cost; `nil` without `--min-cell`.
    public var disclosure: SiteDisclosure?

    public init(
        site: String, analysis: Analysis, formula: String, variables: [SiteVariable], time: SiteTimeAxis,
        cells: SiteCells, rows: RowAccounting, disclosure: SiteDisclosure? = nil
    ) {
        self.site = site
        self.analysis = analysis
        self.formula = formula
        self.variables = variables
        self.time = time
        self.cells = cells
        self.rows = rows
        self.disclosure = disclosure
    }

    /// Subjects the cells describe (suppressed subjects excluded).
    public var subjects: Int { cells.subjects.reduce(0, +) }
}

/// One variable of a site summary's cells.
public struct SiteVariable: Sendable, Equatable {
    /// What the variable is to the analysis.
    public enum Role: String, Sendable, Equatable, CaseIterable {
        /// The follow-up time (`Surv(time, …)`), or the person-time of `rates` (`offset(pt)`).
        case time
        /// The status (`Surv(…, status)`), or the event count of `rates`.
        case status
        /// A column of `strata(...)`.
        case stratum
        /// Any other column of the formula (a covariate or grouping variable).
        case covariate
    }

    /// The values a non-time variable takes: sorted, distinct.
    public enum Levels: Sendable, Equatable {
        /// Numbers (a numeric column), ascending.
        case numbers([Double])
        /// Text (a text column), in byte order as survkit sorts levels.
        case text([String])

        public var count: Int {
            switch self {
            case .numbers(let v): return v.count
            case .text(let v): return v.count
            }
        }
    }

    /// The column name in the formula.
    public var name: String
    public var role: Role
    /// The levels; `nil` for the time (its values are the cells' times).
    public var levels: Levels?

    public init(name: String, role: Role, levels: Levels?) {
        self.name = name
        self.role = role
        self.levels = levels
    }

    /// `numeric` or `categorical`, as the JSON `type` says.
    public var typeName: String {
        if case .text = levels { return "categorical" }
        return "numeric"
    }
}

/// The time axis of a site summary.
public struct SiteTimeAxis: Sendable, Equatable {
    /// How the grid came about.
    public enum GridSource: String, Sendable, Equatable {
        /// `--grid`: a grid agreed between the sites (every site of a pool must use the same one).
        case given
        /// The interval ends `--min-cell` merged the times into (the site's own).
        case minCell = "min-cell"
    }

    /// The unit of the times (`--time-unit`, e.g. `days`; `unspecified` when not given).
    public var unit: String
    /// The times the cells may take when they were coarsened (ascending); `nil`: exact times.
    public var grid: [Double]?
    public var gridSource: GridSource?

    public init(unit: String, grid: [Double]? = nil, gridSource: GridSource? = nil) {
        self.unit = unit
        self.grid = grid
        self.gridSource = gridSource
    }
}

/// The cells of a site summary, column by column.
public struct SiteCells: Sendable, Equatable {
    /// The time of each cell.
    public var time: [Double]
    /// For each non-time variable (in `SiteSummary.variables` order, the time
    /// left out) the 0-based index of each cell's level.
    public var codes: [[Int]]
    /// The number of subjects each cell describes (≥ 1).
    public var subjects: [Int]

    public init(time: [Double], codes: [[Int]], subjects: [Int]) {
        self.time = time
        self.codes = codes
        self.subjects = subjects
    }

    public var count: Int { time.count }
}
