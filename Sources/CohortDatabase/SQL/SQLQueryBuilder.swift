/// The SQL of an in-database analysis, in one dialect: the grouping query
/// (`SELECT <columns>, COUNT(*) AS n … GROUP BY <columns>`), the query that
/// counts the rows and their missing values, and for a Cox model with numeric
/// covariates the moments, absolute-deviation and per-iteration sum queries
/// (`CoxAggregateSource`, issue 14). Every number is cast to double precision,
/// every text to text, so that what is read back is exactly representable.
public struct SQLQueryBuilder: Sendable {
    public var dialect: SQLDialect
    public var plan: SQLAnalysisPlan
    /// The table as written in the queries (quoted, possibly schema-qualified).
    public var table: String

    public init(dialect: SQLDialect, plan: SQLAnalysisPlan, table: String) throws {
        self.dialect = dialect
        self.plan = plan
        self.table = try dialect.quoteTable(table)
    }

    /// `"age"`.
    public func quoted(_ column: String) -> String { dialect.quote(column) }

    /// A column as read: numbers cast to double precision, text to text, unknown
    /// kinds as they are (the time, the status and the counts are always numbers,
    /// except a text or boolean status).
    public func value(_ column: String) -> String {
        let kind = plan.kind(column)
        let forcedNumber = column == plan.time || column == plan.counts || (column == plan.status && kind == .unknown)
        if kind == .numeric || forcedNumber { return "CAST(\(quoted(column)) AS \(dialect.doubleType))" }
        if kind == .text { return "CAST(\(quoted(column)) AS \(dialect.textType))" }
        return quoted(column)
    }

    /// `WHERE "time" IS NOT NULL AND …` over every used column.
    public var whereComplete: String {
        "WHERE " + plan.columns.map { "\(quoted($0)) IS NOT NULL" }.joined(separator: " AND ")
    }

    /// The subjects a row stands for: 1, or the `--counts` column.
    var countValue: String { plan.counts.map { value($0) } ?? "1" }

    /// `COUNT(*)`, or `SUM(<counts>)` with a counts column.
    var countAggregate: String { plan.counts == nil ? "COUNT(*)" : "SUM(\(countValue))" }

    /// A name for the count column of the grouping query that is not one of the columns used: `n`, `n_`, `n__`, …
    public var countAlias: String {
        var name = "n"
        while plan.groupingColumns.contains(name) { name += "_" }
        return name
    }

    /// The grouping query: one row per distinct combination of the used columns
    /// with the number of subjects it stands for (`COUNT(*)`, or the sum of the
    /// counts column). Rates instead sum the events and the person-time per group
    /// (each row weighted by its counts, whose sum is then the column `n`).
    public var groupingQuery: String {
        if plan.analysis == .rates {
            let by = plan.covariates.map { "\(value($0)) AS \(quoted($0))" }
            let w = plan.counts == nil ? "" : "\(countValue) * "
            var select = by + [
                "SUM(\(w)CAST(\(quoted(plan.status)) AS \(dialect.doubleType))) AS \(quoted(plan.status))",
                "SUM(\(w)CAST(\(quoted(plan.time)) AS \(dialect.doubleType))) AS \(quoted(plan.time))",
            ]
            if plan.counts != nil { select.append("\(countAggregate) AS \(quoted(countAlias))") }
            var sql = "SELECT \(select.joined(separator: ", "))\nFROM \(table)\n\(whereComplete)"
            if !plan.covariates.isEmpty {
                let keys = plan.covariates.map { value($0) }.joined(separator: ", ")
                sql += "\nGROUP BY \(keys)\nORDER BY \(keys)"
            }
            return sql
        }
        let keys = plan.groupingColumns.map { value($0) }
        let select = plan.groupingColumns.map { "\(value($0)) AS \(quoted($0))" } + ["\(countAggregate) AS \(quoted(countAlias))"]
        return """
            SELECT \(select.joined(separator: ", "))
            FROM \(table)
            \(whereComplete)
            GROUP BY \(keys.joined(separator: ", "))
            ORDER BY \(keys.joined(separator: ", "))
            """
    }

    /// The row accounting in one pass: `row_count` (all rows), then per used column k
    /// `missing_k` (rows with a NULL there) and `first_k` (rows whose first NULL,
    /// in column order, is there), as the in-memory missing-value rule counts them.
    /// `bad_time` counts negative times (person-time for rates); rates also count `bad_events`
    /// (negative or fractional event counts).
    public var accountingQuery: String {
        var parts = ["COUNT(*) AS row_count"]
        for (k, c) in plan.columns.enumerated() {
            parts.append("SUM(CASE WHEN \(quoted(c)) IS NULL THEN 1 ELSE 0 END) AS missing_\(k)")
            let before = plan.columns[..<k].map { "\(quoted($0)) IS NOT NULL AND " }.joined()
            parts.append("SUM(CASE WHEN \(before)\(quoted(c)) IS NULL THEN 1 ELSE 0 END) AS first_\(k)")
        }
        if plan.analysis == .rates {
            let e = "CAST(\(quoted(plan.status)) AS \(dialect.doubleType))"
            let t = "CAST(\(quoted(plan.time)) AS \(dialect.doubleType))"
            parts.append("SUM(CASE WHEN \(e) < 0 OR \(e) <> FLOOR(\(e)) THEN 1 ELSE 0 END) AS bad_events")
            parts.append("SUM(CASE WHEN \(t) < 0 THEN 1 ELSE 0 END) AS bad_time")
        } else {
            parts.append("SUM(CASE WHEN \(value(plan.time)) < 0 THEN 1 ELSE 0 END) AS bad_time")
        }
        return "SELECT \(parts.joined(separator: ", "))\nFROM \(table)"
    }

    /// The distinct status values among the complete rows (to find the event code of a Cox model).
    public var statusValuesQuery: String {
        "SELECT DISTINCT \(value(plan.status)) AS status FROM \(table) \(whereComplete) ORDER BY 1"
    }

    /// The distinct values of `column` among the complete rows (levels of a categorical covariate).
    public func levelsQuery(_ column: String) -> String {
        "SELECT DISTINCT \(value(column)) AS level FROM \(table) \(whereComplete) ORDER BY 1"
    }

    /// The distinct strata among the complete rows.
    public var strataQuery: String {
        let s = plan.strata.map { value($0) }.joined(separator: ", ")
        return "SELECT DISTINCT \(s) FROM \(table) \(whereComplete) ORDER BY \(s)"
    }

    /// `CASE WHEN <status> = <event> THEN 1 ELSE 0 END`: the event indicator; `event` is
    /// a number, or `true` for a text/boolean status.
    public func eventIndicator(event: SQLEventCode) throws -> String {
        switch event {
        case .number(let x):
            return "CASE WHEN \(value(plan.status)) = \(try dialect.literal(x)) THEN 1 ELSE 0 END"
        case .logical:
            return "CASE WHEN LOWER(CAST(\(quoted(plan.status)) AS \(dialect.textType))) IN ('true', 't') THEN 1 ELSE 0 END"
        }
    }

    /// Σc, Σc over events, Σc·x_j, and per column whether every value lies in
    /// `noScaleValues` (1 or 0), and the smallest time: `subjects, events, sum_j, noscale_j, min_time`.
    public func coxMomentsQuery(design: [SQLDesignColumn], event: SQLEventCode, noScaleValues: Set<Double>) throws -> String {
        let c = countValue
        let d = try eventIndicator(event: event)
        let list = try noScaleValues.sorted().map { try dialect.literal($0) }.joined(separator: ", ")
        var parts = ["SUM(\(c)) AS subjects", "SUM(\(d) * \(c)) AS events"]
        for (j, x) in design.enumerated() { parts.append("SUM(\(c) * \(x.expression)) AS sum_\(j)") }
        for (j, x) in design.enumerated() {
            let inList = list.isEmpty ? "1 = 0" : "\(x.expression) IN (\(list))"
            parts.append("MIN(CASE WHEN \(inList) THEN 1 ELSE 0 END) AS noscale_\(j)")
        }
        parts.append("MIN(\(value(plan.time))) AS min_time")
        return "SELECT \(parts.joined(separator: ", "))\nFROM \(table)\n\(whereComplete)"
    }

    /// Σc·|x_j − m_j| per column: `absdev_j`.
    public func coxAbsoluteDeviationsQuery(design: [SQLDesignColumn], means: [Double]) throws -> String {
        let c = countValue
        var parts: [String] = []
        for (j, x) in design.enumerated() {
            parts.append("SUM(\(c) * ABS(\(x.expression) - \(try dialect.literal(means[j])))) AS absdev_\(j)")
        }
        return "SELECT \(parts.joined(separator: ", "))\nFROM \(table)\n\(whereComplete)"
    }

    /// The sums of one Newton iteration per (stratum, time), β and the means
    /// inlined as literals, η = Σ_j β_j (x_j − m_j), r = c·exp(η), d the event indicator:
    /// columns `s_0 … s_{k−1}` (the strata), `t`, `deaths` (Σ d·c), `death_x_j` (Σ d·c·z_j),
    /// `risk` (Σ r), `risk_x_j`, `risk_xx_jk` (k ≤ j, packed order), `death_risk`,
    /// `death_risk_x_j`, `death_risk_xx_jk`.
    public func coxTimeSumsQuery(
        design: [SQLDesignColumn], event: SQLEventCode, beta: [Double], means: [Double]
    ) throws -> String {
        precondition(beta.count == design.count && means.count == design.count, "one β and one mean per design column")
        let p = design.count
        var inner: [String] = []
        for (k, s) in plan.strata.enumerated() { inner.append("\(value(s)) AS s_\(k)") }
        inner.append("\(value(plan.time)) AS t")
        inner.append("\(try eventIndicator(event: event)) AS d")
        inner.append("\(countValue) AS c")
        var z: [String] = []
        for (j, x) in design.enumerated() {
            let centred = "(\(x.expression) - \(try dialect.literal(means[j])))"
            z.append(centred)
            inner.append("\(centred) AS z_\(j)")
        }
        let eta = try (0..<p).map { "\(try dialect.literal(beta[$0])) * \(z[$0])" }.joined(separator: " + ")
        inner.append("\(countValue) * EXP(\(p == 0 ? "0" : eta)) AS r")
        var outer: [String] = (0..<plan.strata.count).map { "s_\($0)" } + ["t"]
        outer.append("SUM(d * c) AS deaths")
        for j in 0..<p { outer.append("SUM(d * c * z_\(j)) AS death_x_\(j)") }
        outer.append("SUM(r) AS risk")
        for j in 0..<p { outer.append("SUM(r * z_\(j)) AS risk_x_\(j)") }
        for j in 0..<p { for k in 0...j { outer.append("SUM(r * z_\(j) * z_\(k)) AS risk_xx_\(j)_\(k)") } }
        outer.append("SUM(d * r) AS death_risk")
        for j in 0..<p { outer.append("SUM(d * r * z_\(j)) AS death_risk_x_\(j)") }
        for j in 0..<p { for k in 0...j { outer.append("SUM(d * r * z_\(j) * z_\(k)) AS death_risk_xx_\(j)_\(k)") } }
        let keys = ((0..<plan.strata.count).map { "s_\($0)" } + ["t"]).joined(separator: ", ")
        return """
            SELECT \(outer.joined(separator: ", "))
            FROM (SELECT \(inner.joined(separator: ", "))
                  FROM \(table)
                  \(whereComplete)) AS rows_at_beta
            GROUP BY \(keys)
            ORDER BY \(keys)
            """
    }

    /// Numeric covariates as design columns (for `survkit sql` and tables of numbers).
    public func numericDesign(_ columns: [String]) -> [SQLDesignColumn] {
        columns.map { SQLDesignColumn(name: $0, expression: "CAST(\(quoted($0)) AS \(dialect.doubleType))") }
    }
}

/// How the events are coded in the status column: a number (1 for 0/1, 2 for
/// 1/2 coding) or a logical (`true`).
public enum SQLEventCode: Sendable, Equatable {
    case number(Double)
    case logical

    /// The event code of these distinct status values, as R's `Surv` reads a
    /// status (and the in-memory frame builder): 0/1 → 1, all in {1, 2} → 2;
    /// `nil` when they are neither.
    public static func of(numbers: [Double]) -> SQLEventCode? {
        let set = Set(numbers)
        if set.isSubset(of: [0, 1]) { return .number(1) }
        if set.isSubset(of: [1, 2]) { return .number(2) }
        return nil
    }
}
