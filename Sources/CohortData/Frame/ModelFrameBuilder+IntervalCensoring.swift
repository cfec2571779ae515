/// `Surv(left, right, type = "interval2")`: R's rules for interval-censored
/// responses.
///
/// A missing (or non-finite) `left` means left-censored at `right`, a missing
/// `right` right-censored at `left`, `left == right` an exact time, and
/// otherwise the event happened in `(left, right]`. Only a row missing both is
/// a missing response: it is dropped as R's `na.omit` drops it, counted as
/// `"missing: <left column>"` (the first of its missing columns). So the
/// columns only the response reads are left out of the complete-case rule.
/// `left > right` is a data error at its line (R would make the row NA with
/// a warning), and so is a negative time.
extension ModelFrameBuilder {
    /// The interval response's columns that nothing else in the formula reads:
    /// their missing values are censoring, not missing data.
    var intervalOnlyColumns: Set<String> {
        guard case .interval? = formula.response else { return [] }
        return responseOnlyColumns
    }

    /// The rows among `rows` whose interval response is known (at least one
    /// end present); for the rows dropped for missing both ends, the column
    /// they count under, how many and the line of the first.
    func droppingUnknownIntervals(rows: [Int]) throws -> (rows: [Int], column: String?, count: Int, firstLine: Int?) {
        guard case .interval(let left, let right)? = formula.response, !rows.isEmpty else { return (rows, nil, 0, nil) }
        let a = try intervalEnds(left, rows: rows)
        let b = try intervalEnds(right, rows: rows)
        var kept: [Int] = []
        kept.reserveCapacity(rows.count)
        var first: Int?
        for (k, row) in rows.enumerated() {
            if a[k].isNaN && b[k].isNaN {
                if first == nil { first = row }
            } else {
                kept.append(row)
            }
        }
        guard let first else { return (rows, nil, 0, nil) }
        return (kept, left.variables.first ?? left.text, rows.count - kept.count, cohort.line(ofRow: first))
    }

    /// The interval-censored response over the used rows (R's `interval` coding).
    func intervalResponse(left: FormulaExpression, right: FormulaExpression, rows: [Int]) throws -> SurvivalResponse {
        guard options.allowsIntervalCensoring else {
            throw CohortError(
                .formulaSyntax,
                message: "in formula \"\(formula.text)\": interval-censored Surv(left, right, type = \"interval2\")"
                    + " responses are supported by survkit km (Turnbull estimate) and survkit survreg only;"
                    + " this analysis needs Surv(time, status) or Surv(start, stop, status)")
        }
        let a = try intervalEnds(left, rows: rows)
        let b = try intervalEnds(right, rows: rows)
        var lower = [Double](repeating: 0, count: rows.count)
        var upper = [Double](repeating: .nan, count: rows.count)
        var status = [Int32](repeating: 0, count: rows.count)
        for (k, row) in rows.enumerated() {
            switch (a[k].isNaN, b[k].isNaN) {
            case (true, false):
                lower[k] = b[k]
                status[k] = 2
            case (false, true):
                lower[k] = a[k]
                status[k] = 0
            case (false, false):
                guard a[k] <= b[k] else {
                    throw cohort.error(
                        .startNotBeforeStop, row: row, column: right.variables.first,
                        "the interval has left \(left.text) = \(NumberFormatting.label(a[k])) after right"
                            + " \(right.text) = \(NumberFormatting.label(b[k])); Surv(left, right, type = \"interval2\")"
                            + " needs left ≤ right (R makes such a row NA: \"Invalid interval: start > stop\")")
                }
                lower[k] = a[k]
                if a[k] == b[k] {
                    status[k] = 1
                } else {
                    status[k] = 3
                    upper[k] = b[k]
                }
            case (true, true):
                // Dropped before (droppingUnknownIntervals); kept defensive.
                throw cohort.error(
                    .invalidValue, row: row, column: left.variables.first,
                    "both ends of the interval are missing")
            }
        }
        return SurvivalResponse(intervalLower: lower, upper: upper, status: status)
    }

    /// One end of the interval over `rows`: NaN where it is missing or not
    /// finite (R's `interval2` makes non-finite ends NA); a negative time is an error.
    private func intervalEnds(_ e: FormulaExpression, rows: [Int]) throws -> [Double] {
        var out: [Double]
        if case .variable(let name) = e.unparenthesized {
            let v = try numericColumn(name, as: "a time")
            out = rows.map { v[$0] }
        } else {
            out = try evaluator(rows: rows).numbers(e)
            if out.count == 1 && rows.count != 1 { out = Array(repeating: out[0], count: rows.count) }
        }
        for k in out.indices where !out[k].isFinite { out[k] = .nan }
        for (k, row) in rows.enumerated() where out[k] < 0 {
            let what = e.variables == [e.text] ? "time" : "time \(e.text)"
            throw cohort.error(
                .negativeTime, row: row, column: e.variables.first,
                "\(what) must be ≥ 0, found \(NumberFormatting.label(out[k]))")
        }
        return out
    }
}
