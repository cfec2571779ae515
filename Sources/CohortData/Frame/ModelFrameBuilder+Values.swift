import SurvivalNumerics

extension ModelFrameBuilder {
    /// A numeric column's values over all rows. A date column, or a text
    /// column with a value that is not a number, is an error naming the
    /// column, the lines and the ways out (`ModelFrameBuilder+ColumnUse.swift`);
    /// `what` says how the column is used ("a time", "a case weight").
    func numericColumn(_ name: String, as what: String = "a number") throws -> [Double] {
        guard let column = cohort.column(named: name) else { throw cohort.unknownColumnError(name) }
        switch column {
        case .numeric(let v):
            return v
        case .date:
            throw dateColumnUsedAsNumber(name, as: what)
        case .categorical(let codes, let levels):
            // Quoted numbers are read as text; they are still numbers.
            let parser = NumberParser()
            let parsed = levels.map { parser.parse($0) }
            guard parsed.allSatisfy({ $0 != nil }) else {
                throw textColumnUsedAsNumber(name, codes: codes, levels: levels, as: what)
            }
            return codes.map { $0 < 0 ? .nan : (parsed[Int($0)] ?? .nan) }
        }
    }

    /// An expression evaluated on the used rows (`ExpressionEvaluator`); a
    /// non-finite result (an `Inf` in the data, `log(0)`) is an error at its row.
    func numeric(_ e: FormulaExpression, rows: [Int], as what: String = "a number") throws -> [Double] {
        if case .variable(let name) = e {
            let v = try numericColumn(name, as: what)
            // All rows in order: the column itself (no gathered copy). One pass
            // checks both that the rows are 0, 1, … and that every value is finite.
            if rows.count == v.count, Self.identityRowsAllFinite(rows, v) { return v }
            return try rows.map { row in
                let x = v[row]
                guard x.isFinite else {
                    throw cohort.error(.invalidValue, row: row, column: name,
                                       "expected a finite number (\(what)), found \(NumberFormatting.label(x))")
                }
                return x
            }
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

    /// Whether `rows` is `0, 1, …, v.count − 1` and every value of `v` is finite
    /// (a long column checked in two halves on both cores).
    static func identityRowsAllFinite(_ rows: [Int], _ v: [Double]) -> Bool {
        guard rows.count == v.count else { return false }
        let n = v.count
        let halves = n >= 200_000 ? 2 : 1
        var bad = [Int](repeating: 0, count: halves)
        rows.withUnsafeBufferPointer { r in
        v.withUnsafeBufferPointer { x in
        bad.withUnsafeMutableBufferPointer { out in
            let shared = UncheckedSendable((r, x, out))
            ParallelLoop.run(halves, threads: halves) { half in
                let (r, x, out) = shared.value
                let rows = ParallelLoop.half(half, of: halves, count: n)
                let hi = rows.upperBound
                var found = 0
                var i = rows.lowerBound
                // Blocks of 1024 without an early exit (a branch-free loop), then the verdict.
                while found == 0 && i < hi {
                    let end = Swift.min(hi, i + 1024)
                    for k in i..<end { found |= (r[k] &- k) | (x[k].isFinite ? 0 : 1) }
                    i = end
                }
                out[half] = found
            }
        }}}
        return bad.allSatisfy { $0 == 0 }
    }

    /// A model variable as numbers on the used rows.
    func numeric(_ v: Formula.Variable, rows: [Int]) throws -> [Double] {
        switch v {
        case .column(let name), .factor(let name): return try numeric(.variable(name), rows: rows, as: "a covariate")
        case .expression(let e): return try numeric(e, rows: rows, as: "a covariate")
        case .spline(let s):
            throw CohortError(
                .invalidValue, file: cohort.fileName,
                message: "\(s.text) is a spline basis of several columns; use it in a regression model (cox, survreg, poisson, negbin, finegray), not as a group")
        }
    }

    /// Survival times: numeric, finite and ≥ 0 (R's survfit/coxph would
    /// accept negative times; the contract treats them as data errors).
    func times(_ e: FormulaExpression, rows: [Int]) throws -> [Double] {
        let t = try numeric(e, rows: rows, as: "a time")
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
                guard case .categorical(let codes, let levels) = column else { continue }
                // A column of numbers with a stray token is not a factor by accident.
                if nonNumericValues(codes: codes, levels: levels).mostlyNumbers {
                    throw textColumnUsedAsNumber(name, codes: codes, levels: levels, as: "a covariate")
                }
                coding = FactorCoding(column: column, rows: rows)
            case .expression(let e):
                let evaluator = evaluator(rows: rows)
                let value = try evaluator.evaluate(e)
                guard value.isCategorical else { continue }
                coding = try FactorCoding(derived: value, evaluator: evaluator, expression: e)
            case .spline:
                continue
            }
            if let reference = options.references[v.baseName], !coding.relevel(reference) {
                throw unknownReference(v.baseName, reference, coding)
            }
            out[v] = coding
        }
        return out
    }
}
