import CohortData

/// What an analysis reads from a table, checked against what SQL can compute
/// exactly: the columns of a `Surv(time, status) ~ …` formula (or, for rates,
/// the events, person-time and group columns), the optional `--counts`
/// column, and whether a Cox model needs the Newton iteration in the database
/// (a numeric covariate) or can be fitted from one GROUP BY.
///
/// Translated: the response `Surv(time, status)` with plain columns; plain
/// columns (numeric, or text: categorical) and `factor(x)` as terms, also
/// interactions of them in the grouping analyses; `strata(a, b)`. Anything
/// else (derived terms such as `log(age)`, splines, `Surv(start, stop, …)`,
/// `cluster()`, `offset()`, `frailty()`, `tt()`) is refused with a message
/// suggesting a view that computes the column.
public struct SQLAnalysisPlan: Sendable, Equatable {
    public var analysis: SQLAnalysis
    /// The formula (nil for rates).
    public var formula: Formula?
    /// The columns read, in formula order (time, status, terms, strata), then the counts column.
    /// Rows with a NULL in any of them are dropped (counted per first missing column in this order).
    public var columns: [String]
    /// The `--counts` column of the table, if any (each row stands for that many subjects).
    public var counts: String?
    /// The time and status columns (`Surv(time, status)`), or rates' person-time and events.
    public var time: String
    public var status: String
    /// The `strata(...)` columns, in order.
    public var strata: [String]
    /// The covariate (or grouping) columns, in order of first appearance; for rates the `--by` column.
    public var covariates: [String]
    /// Covariates used as `factor(x)`.
    public var factors: Set<String>
    /// Column kinds from the database (absent: `.unknown`).
    public var kinds: [String: SQLColumnKind]

    /// A formula-based analysis (km, logrank, cif, cox).
    public init(analysis: SQLAnalysis, formula: Formula, counts: String?, kinds: [String: SQLColumnKind] = [:]) throws {
        guard analysis != .rates else {
            throw DatabaseError(.untranslatable, "rates take --events, --person-time and --by, not a formula")
        }
        func refuse(_ what: String) -> DatabaseError {
            DatabaseError(
                .untranslatable,
                "\(what) cannot be computed in the database by survkit; create a view with the column you need"
                    + " (e.g. CREATE VIEW v AS SELECT *, ln(age) AS log_age FROM t) and use it as the table")
        }
        guard case .rightCensored(let timeExpression, let statusExpression)? = formula.response else {
            throw refuse("the response of \"\(formula.text)\" (only Surv(time, status) is translated)")
        }
        guard case .variable(let t) = timeExpression else { throw refuse("the time \(timeExpression.text)") }
        guard case .variable(let s) = statusExpression else {
            throw refuse("the status \(statusExpression.text) (a status column coded 0/1, 1/2 or 0/1/2/… is)")
        }
        if let c = formula.cluster { throw refuse("cluster(\(c))") }
        if let f = formula.frailty { throw refuse(f.text) }
        if let o = formula.offsets.first { throw refuse("offset(\(o.text))") }
        var covariates: [String] = []
        var factors: Set<String> = []
        for term in formula.terms {
            for v in term.variables {
                switch v {
                case .column(let name):
                    if !covariates.contains(name) { covariates.append(name) }
                case .factor(let name):
                    if !covariates.contains(name) { covariates.append(name) }
                    factors.insert(name)
                case .expression(let e):
                    throw refuse("the derived term \(e.text)")
                case .spline(let sp):
                    throw refuse("the spline \(sp.text)")
                }
            }
        }
        self.analysis = analysis
        self.formula = formula
        self.time = t
        self.status = s
        self.strata = formula.strata
        self.covariates = covariates
        self.factors = factors
        self.counts = counts
        self.kinds = kinds
        var columns = formula.columnsUsed
        if let counts, !columns.contains(counts) { columns.append(counts) }
        self.columns = columns
        if needsIteration, let term = formula.terms.first(where: { $0.variables.count > 1 }) {
            throw refuse("the interaction \(term.label) in a Cox model with a numeric covariate")
        }
    }

    /// Rates: `--events`, `--person-time`, `--by` and the table's `--counts` column.
    public init(
        ratesEvents events: String, personTime: String, by: String?, counts: String? = nil,
        kinds: [String: SQLColumnKind] = [:]
    ) {
        analysis = .rates
        formula = nil
        time = personTime
        status = events
        strata = []
        covariates = by.map { [$0] } ?? []
        factors = []
        self.counts = counts
        self.kinds = kinds
        columns = [events, personTime] + covariates + (counts.map { [$0] } ?? [])
    }

    /// The kind of `column` (`.unknown` when the database was not asked).
    public func kind(_ column: String) -> SQLColumnKind { kinds[column] ?? .unknown }

    /// Whether a Cox model has a numeric covariate (not `factor(x)`, not a text
    /// column): it is then fitted by iterating in the database; otherwise one
    /// GROUP BY gives the pattern counts. Unknown kinds count as numeric.
    public var needsIteration: Bool {
        analysis == .cox && covariates.contains { !factors.contains($0) && kind($0) != .text }
    }

    /// The columns of the grouping query, in order: every used column but the counts column.
    public var groupingColumns: [String] { columns.filter { $0 != counts } }
}
