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
        case .outcome(let e)?: add(e)
        case nil: break
        }
        for v in formula.variableOrder where formula.terms.contains(where: { $0.variables.contains(v) }) {
            if case .expression(let e) = v { add(e) }
        }
        formula.offsets.forEach(add)
        return out
    }

    /// R's `model.frame` rule for computed variables: a row where one is NA
    /// or NaN (the log of a negative number, a value outside `cut()`'s breaks,
    /// `ifelse()` of an NA test) is dropped, counted under the first such
    /// variable in formula order as `"invalid: <expression>"`. Rows are those
    /// left by the complete-case rule, so a row with a missing input column
    /// keeps its `"missing: <column>"` reason.
    func droppingInvalidDerivedValues(rows: [Int]) throws -> (rows: [Int], dropped: [String: Int], order: [String]) {
        let expressions = derivedExpressions
        guard !expressions.isEmpty, !rows.isEmpty else { return (rows, [:], []) }
        let evaluator = evaluator(rows: rows)
        var reason = [Int](repeating: -1, count: rows.count)
        for (k, e) in expressions.enumerated() {
            let value = try evaluator.evaluate(e)
            for i in 0..<rows.count where reason[i] < 0 && value.isNA(i) { reason[i] = k }
        }
        var kept: [Int] = []
        kept.reserveCapacity(rows.count)
        var counts = [Int](repeating: 0, count: expressions.count)
        for (i, row) in rows.enumerated() {
            if reason[i] < 0 { kept.append(row) } else { counts[reason[i]] += 1 }
        }
        var dropped: [String: Int] = [:]
        var order: [String] = []
        for (k, e) in expressions.enumerated() where counts[k] > 0 {
            let key = "invalid: \(e.text)"
            dropped[key, default: 0] += counts[k]
            if !order.contains(key) { order.append(key) }
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
