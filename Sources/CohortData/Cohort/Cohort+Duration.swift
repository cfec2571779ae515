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
    /// when either date is missing.
    ///
    /// Both columns must hold dates: a date column; a text column whose
    /// values are all dates in the file's `--date-format` pattern
    /// (`input.dateFormat`) or ISO `YYYY-MM-DD`; or, with `--date-format
    /// excel`, a numeric column of Excel serial day numbers (see `DateFormat`).
    /// A value that is not a date is an error naming its line.
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

    /// The day numbers (days since 1970-01-01) of the column `name`, `NaN` where missing.
    private func dateValues(_ name: String) throws -> [Double] {
        guard let column = column(named: name) else {
            throw unknownColumnError(name)
        }
        let format = input.dateFormat.flatMap { DateFormat(argument: $0) }
        var pattern: DatePattern?
        if case .pattern(let p)? = format { pattern = p }
        let expected = pattern.map { "a date like \($0.example) (--date-format \($0.text))" }
            ?? "a date YYYY-MM-DD (or give the file's format, e.g. --date-format %d/%m/%Y)"
        switch column {
        case .date(let days):
            return days
        case .numeric(let values):
            guard format == .excel else {
                throw error(
                    .invalidValue, row: nil, column: name,
                    "expected a date column, found a numeric column; if it holds Excel serial day numbers "
                        + "(43831 is 2020-01-01), add --date-format excel")
            }
            var days = values
            for (i, v) in values.enumerated() where !v.isNaN {
                guard let d = DateFormat.dayNumber(excelSerial: v) else {
                    throw error(
                        .invalidValue, row: i, column: name,
                        "\(Self.shown(v)) is not an Excel serial day number (--date-format excel): expected a "
                            + "number of days of at least 1, as 43831 for 2020-01-01")
                }
                days[i] = d
            }
            return days
        case .categorical(let codes, let levels):
            let days = levels.map { level -> Int? in pattern?.dayNumber(level) ?? ISODate.parse(level) }
            for (i, code) in codes.enumerated() where code >= 0 && days[Int(code)] == nil {
                let level = levels[Int(code)]
                var reason = ""
                if let pattern, case .invalid(let why) = pattern.match(level) { reason = " (\(why))" }
                let missingHint = level.contains(where: \.isNumber) || level.contains(" ")
                    ? "" : "; if \"\(level)\" means missing, add --na \(level)"
                throw error(
                    .invalidValue, row: i, column: name,
                    "\"\(level)\" is not a valid date\(reason); expected \(expected)\(missingHint)")
            }
            return codes.map { code in code < 0 ? .nan : days[Int(code)].map(Double.init) ?? .nan }
        }
    }

    /// A number as written in a message: integers without a fraction.
    private static func shown(_ v: Double) -> String {
        v.isFinite && v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
    }

}
