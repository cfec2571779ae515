extension ModelFrameBuilder {
    /// An evaluator of expressions over `rows`, reading text columns used as
    /// numbers by `numericColumn(_:)`.
    func evaluator(rows: [Int]) -> ExpressionEvaluator {
        ExpressionEvaluator(cohort: cohort, rows: rows, numericColumn: { try numericColumn($0) })
    }

    /// The computed variables of the frame, in formula order: response
    /// expressions (`Surv(log(t), s == 2)`), computed model variables
    /// (`log(age)`, `cut(age, ...)`), offsets. Plain columns are not listed.
    var derivedExpressions: [FormulaExpression] {
        var out: [FormulaExpression] = []
        func add(_ e: FormulaExpression) {
            if case .variable = e.unparenthesized { return }
            if !out.contains(e) { out.append(e) }
        }
        switch formula.response {
        case .rightCensored(let t, let s)?: add(t); add(s)
        case .counting(let a, let b, let s)?: add(a); add(b); add(s)
        // A missing end of an interval is censoring, not a missing value
        // (ModelFrameBuilder+IntervalCensoring.swift).
        case .interval?: break
        case .outcome(let e)?: add(e)
        case nil: break
        }
        for v in formula.variableOrder where formula.terms.contains(where: { $0.variables.contains(v) }) {
            if case .expression(let e) = v { add(e) }
        }
        formula.offsets.forEach(add)
        return out
    }

    /// Columns the complete-case rule leaves to the computed variables: those
    /// read only inside expressions that can have a value where the column is
    /// NA (`is.na(x)`, `x %in% c(...)`, `&`, `|`, `ifelse`), as R's
    /// `model.frame` judges the variables it computes, not the columns.
    var naAbsorbingColumns: Set<String> {
        let expressions = derivedExpressions
        guard expressions.contains(where: \.absorbsMissingValues) else { return [] }
        var candidates = Set<String>()
        var elsewhere = Set<String>()
        for e in expressions {
            if e.absorbsMissingValues { candidates.formUnion(e.variables) } else { elsewhere.formUnion(e.variables) }
        }
        // Plain uses (x, factor(x), strata, cluster, weights) stay under the complete-case rule.
        var plain = Set(formula.strata)
        if let c = formula.cluster { plain.insert(c) }
        if let f = formula.frailty { plain.insert(f.column) }
        if let w = options.weights { plain.insert(w) }
        if let c = options.counts { plain.insert(c) }
        for v in formula.variableOrder {
            if case .column(let n) = v { plain.insert(n) }
            if case .factor(let n) = v { plain.insert(n) }
        }
        switch formula.response {
        case .rightCensored(let t, let s)?: for e in [t, s] { if case .variable(let n) = e.unparenthesized { plain.insert(n) } }
        case .counting(let a, let b, let s)?:
            for e in [a, b, s] { if case .variable(let n) = e.unparenthesized { plain.insert(n) } }
        case .interval?: break
        case .outcome(let e)?: if case .variable(let n) = e.unparenthesized { plain.insert(n) }
        case nil: break
        }
        return candidates.subtracting(plain).subtracting(elsewhere)
    }

    /// R's `model.frame` rule for computed variables: a row where one is NA
    /// or NaN (the log of a negative number, a value outside `cut()`'s breaks,
    /// `ifelse()` of an NA test) is dropped, counted under the first such
    /// variable in formula order: as `"missing: <column>"` when one of its
    /// columns is missing in that row, else as `"invalid: <expression>"`.
    /// Rows are those left by the complete-case rule, so a row with a missing
    /// input column keeps its `"missing: <column>"` reason.
    func droppingInvalidDerivedValues(rows: [Int]) throws -> (rows: [Int], dropped: [String: Int], order: [String]) {
        let expressions = derivedExpressions
        guard !expressions.isEmpty, !rows.isEmpty else { return (rows, [:], []) }
        let evaluator = evaluator(rows: rows)
        var reason: [String?] = Array(repeating: nil, count: rows.count)
        var order: [String] = []
        for e in expressions {
            let value = try evaluator.evaluate(e)
            let inputs = e.variables.compactMap { name in cohort.column(named: name).map { (name, $0) } }
            for (i, row) in rows.enumerated() where reason[i] == nil && value.isNA(i) {
                let key = inputs.first { $0.1.isMissing(row) }.map { "missing: \($0.0)" } ?? "invalid: \(e.text)"
                reason[i] = key
                if !order.contains(key) { order.append(key) }
            }
        }
        var kept: [Int] = []
        kept.reserveCapacity(rows.count)
        var dropped: [String: Int] = [:]
        for (i, row) in rows.enumerated() {
            if let key = reason[i] { dropped[key, default: 0] += 1 } else { kept.append(row) }
        }
        return (kept, dropped, order)
    }

    /// The rows `options.subset` keeps (all rows without a subset) and how many it excludes.
    func subsetRows() throws -> (rows: [Int], excluded: Int) {
        guard let subset = options.subset else { return (Array(0..<cohort.rowCount), 0) }
        let keep = try subset.keeps(in: cohort)
        let rows = keep.indices.filter { keep[$0] }
        return (rows, cohort.rowCount - rows.count)
    }
}
