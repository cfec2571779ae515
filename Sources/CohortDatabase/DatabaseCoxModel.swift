import CohortData
import SurvivalModels

/// A Cox model with numeric covariates fitted by iterating in one or more
/// databases (issue 14): the design written as SQL expressions (numeric
/// columns as they are, categorical ones as level indicators named and
/// ordered exactly as the in-memory frame does), the event code read from the
/// status values, the strata numbered over all sites, then
/// `CoxModel.fitAggregates` over one `SQLCoxAggregateSource` or, for several
/// sites, a `PooledCoxAggregateSource` (common baseline or stratified by site).
public enum DatabaseCoxModel {
    /// The fit and what it read.
    public struct Fit: Sendable {
        public var fit: CoxAggregateFit
        /// The rows of all sites together (read, used, dropped per first NULL column).
        public var rows: RowAccounting
        /// The design column names (the fit's terms).
        public var termNames: [String]
    }

    /// Fits `formula` over `tables` (one per site; one table for `--db`).
    /// `references` are `--reference x=LEVEL` pairs; `strict` refuses rows with NULLs.
    public static func fit(
        tables: [DatabaseTable], formula: Formula, counts: String?, options: CoxOptions,
        references: [String: String] = [:], strict: Bool = false, stratifiedBySite: Bool = false
    ) throws -> Fit {
        precondition(!tables.isEmpty, "at least one table")
        let plans = try tables.map { try $0.plan(analysis: .cox, formula: formula, counts: counts) }
        var rows: RowAccounting?
        for (t, plan) in zip(tables, plans) {
            let r = try t.accounting(plan, strict: strict)
            rows = rows.map { Self.adding($0, r) } ?? r
        }
        // The event code of the status values of every site together.
        var statusValues: [SQLValue] = []
        for (t, plan) in zip(tables, plans) {
            let q = try SQLQueryBuilder(dialect: t.dialect, plan: plan, table: t.name)
            statusValues += try t.executor.run(q.statusValuesQuery).rows.map { $0[0] }
        }
        let event = try eventCode(statusValues, column: plans[0].status)
        let design = try self.design(tables: tables, plans: plans, formula: formula, references: references)
        // Strata numbered over all sites.
        var strataIndex: [String: Int] = [:]
        if !formula.strata.isEmpty {
            var keys = Set<String>()
            for (t, plan) in zip(tables, plans) {
                let q = try SQLQueryBuilder(dialect: t.dialect, plan: plan, table: t.name)
                for row in try t.executor.run(q.strataQuery).rows { keys.insert(SQLCoxAggregateSource.key(row)) }
            }
            for (k, key) in keys.sorted().enumerated() { strataIndex[key] = k }
        }
        let sources: [any CoxAggregateSource] = try zip(tables, plans).map {
            try SQLCoxAggregateSource(table: $0.0, plan: $0.1, design: design, event: event, strataIndex: strataIndex)
        }
        let source: any CoxAggregateSource = sources.count == 1
            ? sources[0] : PooledCoxAggregateSource(sites: sources, stratifiedBySite: stratifiedBySite)
        let names = design.map(\.name)
        let fit = try CoxModel.fitAggregates(source, termNames: names, options: options)
        return Fit(fit: fit, rows: rows ?? RowAccounting(read: 0, used: 0), termNames: names)
    }

    /// Two sites' row accounting added.
    static func adding(_ a: RowAccounting, _ b: RowAccounting) -> RowAccounting {
        var r = RowAccounting(
            read: a.read + b.read, used: a.used + b.used, dropped: a.dropped.merging(b.dropped, uniquingKeysWith: +))
        r.missingByColumn = a.missingByColumn.merging(b.missingByColumn, uniquingKeysWith: +)
        return r
    }

    /// The event code of the distinct status values, as R's `Surv` (0/1, 1/2, FALSE/TRUE).
    static func eventCode(_ values: [SQLValue], column: String) throws -> SQLEventCode {
        let texts = values.compactMap { v -> String? in if case .text(let s) = v { return s.lowercased() } else { return nil } }
        if !texts.isEmpty {
            guard Set(texts).isSubset(of: ["true", "false", "t", "f"]), texts.count == values.count else {
                throw DatabaseError(.unexpectedResult, "status column \"\(column)\": values \(texts.sorted()) are not 0/1, 1/2 or FALSE/TRUE")
            }
            return .logical
        }
        let numbers = values.compactMap(\.number)
        guard let code = SQLEventCode.of(numbers: numbers) else {
            throw DatabaseError(
                .unexpectedResult,
                "status column \"\(column)\": values \(Set(numbers).sorted().map(NumberFormatting.label)) are not 0/1 or 1/2 (censored/event)")
        }
        return code
    }

    /// The design as SQL: numeric covariates as their values, categorical ones
    /// (text columns, `factor(x)`) as indicators of their levels. The names,
    /// the level order and the reference level come from the in-memory frame
    /// builder run on a small template cohort holding every level the sites
    /// have, so they are exactly those of the same rows read from a CSV file.
    static func design(
        tables: [DatabaseTable], plans: [SQLAnalysisPlan], formula: Formula, references: [String: String]
    ) throws -> [SQLDesignColumn] {
        let plan = plans[0]
        let dialect = tables[0].dialect
        let q0 = try SQLQueryBuilder(dialect: dialect, plan: plan, table: tables[0].name)
        let categorical = plan.covariates.filter { plan.factors.contains($0) || plan.kind($0) == .text }
        var levels: [String: [SQLValue]] = [:]
        for c in categorical {
            var seen = Set<String>()
            var values: [SQLValue] = []
            for (t, p) in zip(tables, plans) {
                let q = try SQLQueryBuilder(dialect: t.dialect, plan: p, table: t.name)
                for row in try t.executor.run(q.levelsQuery(c)).rows where !seen.contains(row[0].description) {
                    seen.insert(row[0].description)
                    values.append(row[0])
                }
            }
            levels[c] = values
        }
        if categorical.isEmpty {
            let design = q0.numericDesign(plan.covariates)
            return design
        }
        // A template cohort with every level, cycled, and more rows than design columns
        // (the frame builder refuses a model with more coefficients than rows).
        let m = 2 + plan.covariates.count + levels.values.map(\.count).reduce(0, +)
        var columns: [(name: String, column: Column)] = []
        for c in plan.groupingColumns {
            if let values = levels[c] {
                let cycled = (0..<m).map { values.isEmpty ? SQLValue.null : values[$0 % values.count] }
                columns.append((c, try DatabaseTable.column(cycled, name: c, table: tables[0].name)))
            } else if c == plan.status || plan.strata.contains(c) {
                columns.append((c, .numeric([Double](repeating: 1, count: m))))
            } else {
                columns.append((c, .numeric((0..<m).map { Double($0 + 1) })))
            }
        }
        var options = ModelFrameOptions()
        options.references = references
        let frame = try Formula(formula.text).modelFrame(on: try Cohort(fileName: tables[0].name, columns: columns), options: options)
        var out: [SQLDesignColumn] = []
        for name in frame.termNames {
            if plan.covariates.contains(name) && !categorical.contains(name) {
                out.append(contentsOf: q0.numericDesign([name]))
                continue
            }
            guard let c = categorical.first(where: { name.hasPrefix("\($0)=") }) else {
                throw DatabaseError(.untranslatable, "the design column \(name) has no SQL translation here")
            }
            let label = String(name.dropFirst(c.count + 1))
            guard let value = levels[c]?.first(where: { v in
                switch v {
                case .number(let x): return NumberFormatting.label(x) == label
                case .text(let s): return s == label
                case .null: return false
                }
            }) else {
                throw DatabaseError(.unexpectedResult, "level \(label) of \(c) not found")
            }
            let test: String
            switch value {
            case .number(let x): test = "\(q0.value(c)) = \(try dialect.literal(x))"
            case .text(let s): test = "CAST(\(q0.quoted(c)) AS \(dialect.textType)) = \(dialect.literal(s))"
            case .null: test = "1 = 0"
            }
            out.append(SQLDesignColumn(name: name, expression: "CASE WHEN \(test) THEN 1 ELSE 0 END"))
        }
        return out
    }
}
