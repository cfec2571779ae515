extension ModelFrameBuilder {
    /// Status codes over the used rows, mapped as R's `Surv` does:
    /// - numbers 0/1 stay as they are (0 = censored, 1 = event);
    /// - numbers all in {1, 2} become 0/1 (1 = censored, 2 = event, as `lung`);
    /// - text `FALSE`/`TRUE` (also `F`/`T`, any case) become 0/1;
    /// - with `allowCompetingRisks`, non-negative integers 0, 1, 2, ... are kept
    ///   (0 = censored, k = cause k).
    ///
    /// Anything else is an error at the first offending row. (R's `Surv` would
    /// instead subtract 1 from codes other than 0/1 and turn the rest into
    /// `NA` with a warning; the contract wants a located error.)
    func statusCodes(_ e: FormulaExpression, rows: [Int]) throws -> [Int32] {
        let columnName = e.variables.first
        if case .variable(let name) = e, case .categorical(let codes, let levels)? = cohort.column(named: name) {
            let truth = levels.map(Self.logical)
            var out = [Int32](repeating: 0, count: rows.count)
            for (k, row) in rows.enumerated() {
                let code = Int(codes[row])
                guard let value = truth[code] else {
                    throw cohort.error(.invalidStatus, row: row, column: name,
                                       "status \"\(levels[code])\" is not 0/1, 1/2 or FALSE/TRUE")
                }
                out[k] = value ? 1 : 0
            }
            return out
        }
        let values = try numeric(e, rows: rows, as: "a status")
        if options.allowCompetingRisks {
            for (k, row) in rows.enumerated() where !(values[k] >= 0 && values[k] < 1_000_000) || values[k] != values[k].rounded() {
                throw cohort.error(.invalidStatus, row: row, column: columnName,
                                   "status \(NumberFormatting.label(values[k])) is not a code 0 (censored), 1, 2, ... (causes)")
            }
            return values.map { Int32($0) }
        }
        let allZeroOne = values.allSatisfy { $0 == 0 || $0 == 1 }
        if allZeroOne { return values.map { Int32($0) } }
        let allOneTwo = values.allSatisfy { $0 == 1 || $0 == 2 }
        if allOneTwo { return values.map { Int32($0) - 1 } }
        // Name the coding most values fit, then blame the first value outside
        // it: a 1/2 column with a stray 0 blames the 0, not the first 2.
        let fitZeroOne = values.reduce(0) { $0 + ($1 == 0 || $1 == 1 ? 1 : 0) }
        let fitOneTwo = values.reduce(0) { $0 + ($1 == 1 || $1 == 2 ? 1 : 0) }
        let zeroOne = fitZeroOne >= fitOneTwo
        for (k, row) in rows.enumerated() {
            let v = values[k]
            let fits = zeroOne ? (v == 0 || v == 1) : (v == 1 || v == 2)
            if !fits {
                throw cohort.error(.invalidStatus, row: row, column: columnName,
                                   "status \(NumberFormatting.label(v)) in a \(zeroOne ? "0/1" : "1/2") column"
                                   + " (expected 0/1, 1/2 or FALSE/TRUE; competing risks need the cif analysis)")
            }
        }
        return values.map { Int32($0) }
    }

    static func logical(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "true", "t": return true
        case "false", "f": return false
        case "1": return true
        case "0": return false
        default: return nil
        }
    }
}
