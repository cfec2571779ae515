/// Units for durations derived from two date columns.
public enum DurationUnit: String, Sendable, CaseIterable, Codable {
    case days, months, years

    /// Days per unit: 1; 30.4375 (= 365.25 / 12) per month; 365.25 per year —
    /// the usual conversions in R survival analyses (e.g. `time/365.25`).
    public var days: Double {
        switch self {
        case .days: return 1
        case .months: return 365.25 / 12
        case .years: return 365.25
        }
    }
}

extension Cohort {
    /// A copy with a numeric column `name` = (`to` − `from`) in `unit`, for
    /// follow-up time from an entry date to an event/censoring date. Missing
    /// when either date is missing. Both columns must be date columns.
    public func addingDuration(name: String, from: String, to: String, unit: DurationUnit = .days) throws -> Cohort {
        let start = try dateValues(from)
        let end = try dateValues(to)
        let scale = unit.days
        var out = [Double](repeating: .nan, count: rowCount)
        for i in 0..<rowCount {
            out[i] = (end[i] - start[i]) / scale  // NaN propagates missing
        }
        var copy = self
        try copy.setColumn(.numeric(out), named: name)
        return copy
    }

    private func dateValues(_ name: String) throws -> [Double] {
        guard let column = column(named: name) else {
            throw unknownColumnError(name)
        }
        guard case .date(let days) = column else {
            throw error(.invalidValue, row: nil, column: name,
                        "expected a date column (YYYY-MM-DD), found a \(column.typeName) column")
        }
        return days
    }

    /// "unknown column" with the list of available columns.
    func unknownColumnError(_ name: String) -> CohortError {
        let available = names.map { "\"\($0)\"" }.joined(separator: ", ")
        return CohortError(
            .unknownColumn, file: fileName, column: name,
            message: "unknown column; available columns: \(available)")
    }
}
