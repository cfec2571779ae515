import CohortData

/// A table of a database, read by aggregate queries only: the kinds of its
/// columns, the row accounting of an analysis, and the grouping query's rows
/// as an in-memory `Cohort` (one row per distinct combination of the used
/// columns, with a count column), which the ordinary pipeline fits with
/// `--counts` — so the labels, levels and JSON are exactly those of the same
/// rows read from a CSV file.
public struct DatabaseTable {
    public let executor: any SQLExecutor
    /// The table as given (`cohort` or `registry.cohort`).
    public let name: String
    public let dialect: SQLDialect

    public init(executor: any SQLExecutor, name: String, dialect: SQLDialect = .postgres) {
        self.executor = executor
        self.name = name
        self.dialect = dialect
    }

    /// The kinds of `columns` from `information_schema.columns` (the table in
    /// its schema, or in the first schema of the search path that has it).
    /// A missing table or column is an error naming what the table has.
    public func columnKinds(_ columns: [String]) throws -> [String: SQLColumnKind] {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let tableName = parts.last ?? name
        let schemaClause = parts.count > 1
            ? "table_schema = \(dialect.literal(parts.dropLast().joined(separator: ".")))"
            : "table_schema = (SELECT s FROM unnest(current_schemas(false)) AS s WHERE EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = s AND c.table_name = \(dialect.literal(tableName))) LIMIT 1)"
        let result = try executor.run("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_name = \(dialect.literal(tableName)) AND \(schemaClause)
            ORDER BY ordinal_position
            """)
        var kinds: [String: SQLColumnKind] = [:]
        var names: [String] = []
        for row in result.rows {
            guard case .text(let column) = row[0], case .text(let type) = row[1] else { continue }
            kinds[column] = SQLColumnKind(postgresType: type)
            names.append(column)
        }
        guard !names.isEmpty else {
            throw DatabaseError(.unknownTable, "table \(name) not found (or it has no columns you may read)")
        }
        for c in columns where kinds[c] == nil {
            let near = names.filter { $0.lowercased() == c.lowercased() }
            let hint = near.isEmpty ? "" : " (did you mean \(near[0])? names are case-sensitive)"
            throw DatabaseError(
                .unknownColumn,
                "table \(name): no column \"\(c)\"\(hint); it has \(names.joined(separator: ", "))")
        }
        return kinds.filter { columns.contains($0.key) }
    }

    /// A plan whose column kinds come from the database.
    public func plan(analysis: SQLAnalysis, formula: Formula, counts: String?) throws -> SQLAnalysisPlan {
        let bare = try SQLAnalysisPlan(analysis: analysis, formula: formula, counts: counts)
        return try SQLAnalysisPlan(analysis: analysis, formula: formula, counts: counts, kinds: columnKinds(bare.columns))
    }

    /// The rows of the analysis as the in-memory missing-value rule counts them
    /// (one query): `read` all rows, `dropped` per first NULL column, `missingByColumn`.
    /// `strict` makes any row to drop an error; no row left is an error.
    public func accounting(_ plan: SQLAnalysisPlan, strict: Bool = false) throws -> RowAccounting {
        let q = try SQLQueryBuilder(dialect: dialect, plan: plan, table: name)
        let r = try executor.run(q.accountingQuery)
        let read = Int(try r.number("row_count"))
        var dropped: [String: Int] = [:]
        var missing: [String: Int] = [:]
        for (k, c) in plan.columns.enumerated() {
            let m = Int(try r.number("missing_\(k)", whenNull: 0))
            if m > 0 { missing[c] = m }
            let first = Int(try r.number("first_\(k)", whenNull: 0))
            if first > 0 { dropped["missing: \(c)"] = first }
        }
        var rows = RowAccounting(read: read, used: read - dropped.values.reduce(0, +), dropped: dropped)
        rows.missingByColumn = missing
        if plan.analysis == .rates {
            if try r.number("bad_events", whenNull: 0) > 0 {
                throw DatabaseError(.unexpectedResult, "table \(name): column \"\(plan.status)\" has values that are not whole numbers ≥ 0 (event counts)")
            }
        }
        if try r.number("bad_time", whenNull: 0) > 0 {
            let what = plan.analysis == .rates ? "person-time" : "times"
            throw DatabaseError(
                .unexpectedResult,
                "table \(name): column \"\(plan.time)\" has \(Int(try r.number("bad_time"))) negative \(what); expected values ≥ 0")
        }
        if strict && rows.used < read {
            let list = dropped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            throw DatabaseError(.droppedRows, "table \(name): --strict and \(read - rows.used) rows would be dropped (\(list))")
        }
        guard rows.used > 0 else {
            throw DatabaseError(.noRowsLeft, "table \(name): no rows left after dropping rows with NULL in the columns used (\(plan.columns.joined(separator: ", ")))")
        }
        return rows
    }

    /// The warning the in-memory frame builder gives for these dropped rows
    /// (`3 rows dropped for missing values (missing: age 2, missing: arm 1)`, and the
    /// per-column counts when a row misses several columns); nil when none was dropped.
    public static func droppedRowsWarning(_ rows: RowAccounting, columns: [String]) -> String? {
        let total = rows.droppedTotal
        guard total > 0 else { return nil }
        let reasons = columns.map { "missing: \($0)" }.filter { (rows.dropped[$0] ?? 0) > 0 }
        let parts = reasons.map { "\($0) \(rows.dropped[$0] ?? 0)" }.joined(separator: ", ")
        var warning = "\(total) row\(total == 1 ? "" : "s") dropped for missing values (\(parts))"
        let exact = rows.missingByColumn.filter { $0.value > 0 }
        if exact.contains(where: { rows.dropped["missing: \($0.key)"] != $0.value }) {
            let each = columns.compactMap { c in exact[c].map { "\(c) \($0)" } }.joined(separator: ", ")
            warning += "; rows missing each column: \(each)"
        }
        return warning
    }

    /// Runs the grouping query and returns its rows as a cohort (numeric columns
    /// as numbers, text as categorical, the count column under `countName`),
    /// named `fileName` in messages.
    public func groupedCohort(_ plan: SQLAnalysisPlan) throws -> (cohort: Cohort, countColumn: String) {
        let q = try SQLQueryBuilder(dialect: dialect, plan: plan, table: name)
        let result = try executor.run(q.groupingQuery)
        var columns: [(name: String, column: Column)] = []
        for (k, c) in result.columns.enumerated() {
            let values = result.rows.map { $0[k] }
            columns.append((c, try Self.column(values, name: c, table: name)))
        }
        let cohort = try Cohort(fileName: "\(name)", columns: columns)
        return (cohort, q.countAlias)
    }

    /// Values read back as a column: all numbers → numeric; otherwise text → categorical
    /// with levels in byte order (as the CSV reader stores them). NULL is missing.
    static func column(_ values: [SQLValue], name: String, table: String) throws -> Column {
        if values.allSatisfy({ if case .text = $0 { return false } else { return true } }) {
            return .numeric(values.map { $0.number ?? .nan })
        }
        var texts: [String?] = []
        for v in values {
            switch v {
            case .text(let s): texts.append(s)
            case .null: texts.append(nil)
            case .number(let x): texts.append(NumberFormatting.label(x))
            }
        }
        let levels = Set(texts.compactMap { $0 }).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var index: [String: Int32] = [:]
        for (k, l) in levels.enumerated() { index[l] = Int32(k) }
        return .categorical(codes: texts.map { $0.flatMap { index[$0] } ?? -1 }, levels: levels)
    }
}
