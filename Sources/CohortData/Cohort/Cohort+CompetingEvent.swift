extension Cohort {
    /// A copy in which the 0/1 `status` column becomes a competing-risks code:
    /// 1 where `status` is an event, 2 where it is not but `competingStatus`
    /// is (a competing event such as death ended the follow-up), 0 otherwise.
    ///
    /// This is the usual "first event, death competing" coding (R's mgus2
    /// vignette: `event <- ifelse(pstat == 0, 2 * death, 1)`). It assumes the
    /// time paired with `status` is the time of the competing event whenever
    /// that event ended follow-up without the event of interest — true when
    /// the time column is the time to the first of the two events, as
    /// `lr_first_years` in the sarcoma cohort. Either status may be coded
    /// 0/1 or 1/2 (as R's `Surv`); missing stays missing.
    public func replacingWithCompetingCode(status: String, competingStatus: String) throws -> Cohort {
        let event = try binaryStatus(status)
        let competing = try binaryStatus(competingStatus)
        var out = [Double](repeating: .nan, count: rowCount)
        for i in 0..<rowCount {
            if event[i].isNaN { continue }
            if event[i] == 1 {
                out[i] = 1
            } else if competing[i].isNaN {
                continue
            } else {
                out[i] = competing[i] == 1 ? 2 : 0
            }
        }
        var copy = self
        try copy.setColumn(.numeric(out), named: status)
        return copy
    }

    /// A numeric 0/1 (or 1/2, mapped to 0/1 as R's `Surv`) column; NaN = missing.
    private func binaryStatus(_ name: String) throws -> [Double] {
        guard let column = column(named: name) else { throw unknownColumnError(name) }
        guard case .numeric(let values) = column else {
            throw error(.invalidStatus, row: nil, column: name,
                        "expected a numeric 0/1 status column, found a \(column.typeName) column")
        }
        let present = values.filter { !$0.isNaN }
        if present.allSatisfy({ $0 == 0 || $0 == 1 }) { return values }
        if present.allSatisfy({ $0 == 1 || $0 == 2 }) { return values.map { $0 - 1 } }
        let row = values.firstIndex { !$0.isNaN && $0 != 0 && $0 != 1 } ?? 0
        throw error(.invalidStatus, row: row, column: name,
                    "status \(NumberFormatting.label(values[row])) is not 0/1 or 1/2")
    }
}
