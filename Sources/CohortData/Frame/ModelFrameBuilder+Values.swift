extension ModelFrameBuilder {
    /// A numeric column's values over all rows (dates as day numbers); a text
    /// column is an error at the first row whose value is not a number.
    func numericColumn(_ name: String) throws -> [Double] {
        guard let column = cohort.column(named: name) else { throw cohort.unknownColumnError(name) }
        switch column {
        case .numeric(let v), .date(let v):
            return v
        case .categorical(let codes, let levels):
            let parser = NumberParser()
            for (row, code) in codes.enumerated() where code >= 0 && parser.parse(levels[Int(code)]) == nil {
                throw cohort.error(.notNumeric, row: row, column: name,
                                   "expected a number, found \"\(levels[Int(code)])\"")
            }
            return codes.map { $0 < 0 ? .nan : (parser.parse(levels[Int($0)]) ?? .nan) }
        }
    }

    /// An expression evaluated on the used rows (`ExpressionEvaluator`); a
    /// non-finite result is an error at its row.
    func numeric(_ e: FormulaExpression, rows: [Int]) throws -> [Double] {
        if case .variable(let name) = e {
            let v = try numericColumn(name)
            return rows.map { v[$0] }
        }
        let evaluator = evaluator(rows: rows)
        var out = try evaluator.numbers(e)
        if out.count == 1 && rows.count != 1 { out = Array(repeating: out[0], count: rows.count) }
        for (k, row) in rows.enumerated() where !out[k].isFinite {
            throw cohort.error(.invalidValue, row: row, column: e.variables.first,
                               "\(e.text) is \(NumberFormatting.label(out[k])) (not a finite number)")
        }
        return out
    }

    /// A model variable as numbers on the used rows.
    func numeric(_ v: Formula.Variable, rows: [Int]) throws -> [Double] {
        switch v {
        case .column(let name), .factor(let name): return try numeric(.variable(name), rows: rows)
        case .expression(let e): return try numeric(e, rows: rows)
        }
    }

    /// Survival times: numeric, finite and ≥ 0 (R's survfit/coxph would
    /// accept negative times; the contract treats them as data errors).
    func times(_ e: FormulaExpression, rows: [Int]) throws -> [Double] {
        let t = try numeric(e, rows: rows)
        let column = e.variables.first
        for (k, row) in rows.enumerated() where t[k] < 0 {
            let what = e.variables == [e.text] ? "time" : "time \(e.text)"
            throw cohort.error(.negativeTime, row: row, column: column,
                               "\(what) must be ≥ 0, found \(NumberFormatting.label(t[k]))")
        }
        return t
    }

    /// The factor codings of the categorical model variables, on the used
    /// rows: text columns, `factor(x)`, and computed variables that are
    /// factors, text or logical (`cut()`, `relevel()`, `I(age > 60)`);
    /// numeric columns and expressions stay numeric.
    func factorCodings(rows: [Int]) throws -> [Formula.Variable: FactorCoding] {
        var out: [Formula.Variable: FactorCoding] = [:]
        for v in formula.variableOrder {
            var coding: FactorCoding
            switch v {
            case .factor(let name):
                guard let column = cohort.column(named: name) else { throw cohort.unknownColumnError(name) }
                coding = FactorCoding(column: column, rows: rows)
            case .column(let name):
                guard let column = cohort.column(named: name) else { throw cohort.unknownColumnError(name) }
                guard case .categorical = column else { continue }
                coding = FactorCoding(column: column, rows: rows)
            case .expression(let e):
                let evaluator = evaluator(rows: rows)
                let value = try evaluator.evaluate(e)
                guard value.isCategorical else { continue }
                coding = try FactorCoding(derived: value, evaluator: evaluator, expression: e)
            }
            if let reference = options.references[v.baseName], !coding.relevel(reference) {
                throw unknownReference(v.baseName, reference, coding)
            }
            out[v] = coding
        }
        return out
    }
}
