import CohortData

/// Each subject's place in the population table at diagnosis: age in days,
/// the diagnosis date (days since 1970-01-01) and the sex (an index into
/// `PopulationRateTable.sexes`), one entry per row of a frame — relsurv's
/// `rmap = list(age = age × 365.241, year = diagnosis date, sex = sex)`.
public struct PopulationCovariates: Sendable, Equatable {
    /// Age at diagnosis, in days.
    public var age: [Double]
    /// Diagnosis date, days since 1970-01-01.
    public var date: [Double]
    /// Index of the sex in the table.
    public var sex: [Int]

    public init(age: [Double], date: [Double], sex: [Int]) {
        self.age = age
        self.date = date
        self.sex = sex
    }

    /// The covariates of cohort rows `rows` (a frame's `rowIndex`) from the
    /// columns of age in years, the diagnosis year (an ISO date, or a whole
    /// year meaning 1 January) and sex, matched against `table`.
    ///
    /// - Throws: `ModelError` naming the row and column of a missing or
    ///   negative age, a year that is neither a date nor a whole year, or a
    ///   sex the table does not have.
    public static func matching(
        age: (name: String, column: Column), year: (name: String, column: Column), sex: (name: String, column: Column),
        rows: [Int], table: PopulationRateTable
    ) throws(ModelError) -> PopulationCovariates {
        var out = PopulationCovariates(age: [], date: [], sex: [])
        out.age.reserveCapacity(rows.count)
        out.date.reserveCapacity(rows.count)
        out.sex.reserveCapacity(rows.count)
        guard case .numeric(let ages) = age.column else {
            throw ModelError(
                "--age \(age.name) must be numeric: the age at diagnosis in years (it is a \(age.column.typeName) column).",
                row: rows.first, column: age.name)
        }
        var sexOfLevel: [Int?]? = nil
        if case .categorical(_, let levels) = sex.column { sexOfLevel = levels.map { table.sexIndex($0) } }
        for r in rows {
            let a = ages[r]
            guard a.isFinite && a >= 0 else {
                throw ModelError(
                    "expected an age at diagnosis ≥ 0 in years, found \(NumberFormatting.label(a)).", row: r, column: age.name)
            }
            out.age.append(a * RateTableReader.daysPerYear)
            switch year.column {
            case .date(let d):
                guard d[r].isFinite else { throw ModelError("missing diagnosis date.", row: r, column: year.name) }
                out.date.append(d[r])
            case .numeric(let v):
                let y = v[r]
                guard y == y.rounded(), abs(y) < 1e5, let day = ISODate.dayNumber(year: Int(y), month: 1, day: 1) else {
                    throw ModelError(
                        "expected the diagnosis date (YYYY-MM-DD) or a whole calendar year, found \(NumberFormatting.label(y)).",
                        row: r, column: year.name)
                }
                out.date.append(Double(day))
            case .categorical(let codes, let levels):
                let text = codes[r] < 0 ? "NA" : levels[Int(codes[r])]
                throw ModelError(
                    "expected the diagnosis date (YYYY-MM-DD, or --date-format) or a whole calendar year, found \"\(text)\".",
                    row: r, column: year.name)
            }
            let code: Int?
            if case .categorical(let codes, _) = sex.column, let map = sexOfLevel {
                code = codes[r] < 0 ? nil : map[Int(codes[r])]
            } else {
                code = sex.column.text(at: r).flatMap { table.sexIndex($0) }
            }
            guard let code else {
                let value = sex.column.text(at: r).map { "\"\($0)\"" } ?? "a missing value"
                throw ModelError(
                    "\(value) is not a sex of the rate table \(table.fileName), which has "
                        + table.sexes.map { "\"\($0)\"" }.joined(separator: ", ")
                        + "; spell the sexes of the table as in the data.",
                    row: r, column: sex.name)
            }
            out.sex.append(code)
        }
        return out
    }
}
