import Foundation

/// Reads a population mortality table (life table) from a CSV file into a
/// `RateTableGrid`.
///
/// ## Format
/// A header row and one row per age × year × sex cell, in any order:
///
/// | column | content |
/// |---|---|
/// | `age` | age in whole years (0, 1, 2, …); the rate applies from that birthday until the next age listed |
/// | `year` | calendar year; the rate applies from 1 January until the next year listed |
/// | `sex` | the sex, spelled as in the cohort (`male`/`female`, `1`/`2`, …) |
/// | `rate` | the daily hazard (deaths per person-day), as R's `ratetable` objects hold |
/// | `qx` | or: the annual probability of death, as national life tables and the Human Mortality Database publish it; `rate = −log(1 − qx) / 365.241` |
///
/// Exactly one of `rate` and `qx`. Header names are matched ignoring case;
/// other columns are ignored. The file is read with the usual CSV rules
/// (delimiter detected, quotes, UTF-8 with or without BOM, gzip).
///
/// ## Errors
/// Every bad row is reported with the file, line and column: a missing or
/// non-numeric value, an age or year that is not a whole number, a negative
/// age, a negative or infinite rate, a `qx` outside [0, 1), and a cell given
/// twice (naming both lines). A grid with a missing cell (an age × year ×
/// sex combination no row gives) is an error naming the cell.
public enum RateTableReader {
    /// Reads the table at `path` (`-` is not accepted: the cohort may come from standard input).
    public static func read(path: String) throws(CohortError) -> RateTableGrid {
        let cohort: Cohort
        do { cohort = try CSVReader().read(path: path) } catch let error as CohortError {
            throw error
        } catch {
            throw CohortError(.io, file: path, message: "cannot read the rate table: \(error)")
        }
        return try grid(from: cohort)
    }

    /// Reads the table from CSV text (for tests), named `fileName` in messages.
    public static func read(string: String, fileName: String = "<rates>") throws(CohortError) -> RateTableGrid {
        let cohort: Cohort
        do { cohort = try CSVReader().read(string: string, fileName: fileName) } catch let error as CohortError {
            throw error
        } catch {
            throw CohortError(.io, file: fileName, message: "cannot read the rate table: \(error)")
        }
        return try grid(from: cohort)
    }

    /// The grid of an already read table.
    public static func grid(from cohort: Cohort) throws(CohortError) -> RateTableGrid {
        let file = cohort.fileName
        func find(_ name: String) -> String? { cohort.names.first { $0.lowercased() == name } }
        let expected = "a rate table needs the columns age, year, sex and either rate (daily hazard) or qx (annual probability of death)"
        func missing(_ name: String) -> CohortError {
            CohortError(
                .unknownColumn, file: file, line: 1,
                message: "no column \"\(name)\"\(NearMatch.suggestion(name, among: cohort.names)): \(expected)")
        }
        guard let ageName = find("age") else { throw missing("age") }
        guard let yearName = find("year") else { throw missing("year") }
        guard let sexName = find("sex") else { throw missing("sex") }
        let rateName = find("rate"), qxName = find("qx")
        if rateName != nil && qxName != nil {
            throw CohortError(
                .invalidValue, file: file, line: 1,
                message: "the rate table has both a rate and a qx column; keep one (rate: daily hazard; qx: annual probability of death)")
        }
        guard let valueName = rateName ?? qxName else { throw missing("rate") }
        let n = cohort.rowCount
        guard n > 0 else { throw CohortError(.emptyFile, file: file, message: "the rate table has no rows") }

        let age = try wholeNumbers(cohort, ageName, what: "an age in whole years (0, 1, 2, …)")
        let year = try wholeNumbers(cohort, yearName, what: "a calendar year (e.g. 1990)")
        let value = try numbers(cohort, valueName)
        let sex = try texts(cohort, sexName)
        for r in 0..<n where age[r] < 0 {
            throw located(cohort, r, ageName, "expected an age ≥ 0, found \(age[r])")
        }
        var rates = [Double](repeating: 0, count: n)
        for r in 0..<n {
            let v = value[r]
            if qxName != nil {
                guard v >= 0 && v < 1 else {
                    throw located(
                        cohort, r, valueName,
                        "expected an annual probability of death 0 ≤ qx < 1, found \(NumberFormatting.label(v))"
                            + (v == 1 ? " (qx = 1, as the open last age of a life table, is an infinite hazard; give the last age a qx below 1 or leave it out: the last age listed applies to every older age)" : ""))
                }
                rates[r] = -Foundation.log(1 - v) / daysPerYear
            } else {
                guard v >= 0 && v.isFinite else {
                    throw located(cohort, r, valueName, "expected a daily hazard ≥ 0, found \(NumberFormatting.label(v))")
                }
                rates[r] = v
            }
        }
        let ages = Array(Set(age)).sorted(), years = Array(Set(year)).sorted()
        var sexes: [String] = []
        var sexIndex: [String: Int] = [:]
        for s in sex where sexIndex[s] == nil {
            sexIndex[s] = sexes.count
            sexes.append(s)
        }
        let ageIndex = Dictionary(uniqueKeysWithValues: ages.enumerated().map { ($1, $0) })
        let yearIndex = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
        let cells = ages.count * years.count * sexes.count
        var grid = [Double](repeating: .nan, count: cells)
        var rowOfCell = [Int](repeating: -1, count: cells)
        for r in 0..<n {
            guard let a = ageIndex[age[r]], let y = yearIndex[year[r]], let s = sexIndex[sex[r]] else { continue }
            let cell = (s * years.count + y) * ages.count + a
            if rowOfCell[cell] >= 0 {
                throw CohortError(
                    .invalidValue, file: file, line: cohort.line(ofRow: r),
                    message: "age \(age[r]), year \(year[r]), sex \(sex[r]) is given twice (first on line \(cohort.line(ofRow: rowOfCell[cell])));"
                        + " a rate table has one row per age × year × sex")
            }
            rowOfCell[cell] = r
            grid[cell] = rates[r]
        }
        if let gap = rowOfCell.firstIndex(of: -1) {
            let a = gap % ages.count, y = (gap / ages.count) % years.count, s = gap / (ages.count * years.count)
            let absent = rowOfCell.filter { $0 < 0 }.count
            throw CohortError(
                .invalidValue, file: file,
                message: "the rate table has no row for age \(ages[a]), year \(years[y]), sex \(sexes[s])"
                    + (absent > 1 ? " (and \(absent - 1) other cells)" : "")
                    + "; it needs a rate for every age × year × sex combination of the ages, years and sexes it lists")
        }
        return RateTableGrid(
            fileName: file, ages: ages, years: years, sexes: sexes, rates: grid, fromProbabilities: qxName != nil)
    }

    /// Days in a year of the rate table's age and `qx` conversions: 365.241, as relsurv.
    public static let daysPerYear = 365.241

    private static func located(_ cohort: Cohort, _ row: Int, _ column: String, _ message: String) -> CohortError {
        CohortError(
            .invalidValue, file: cohort.fileName, line: cohort.line(ofRow: row), column: column,
            columnPosition: cohort.position(of: column), message: message)
    }

    /// A numeric column's values; an error at the first missing or non-numeric value.
    private static func numbers(_ cohort: Cohort, _ name: String) throws(CohortError) -> [Double] {
        guard let column = cohort.column(named: name) else { return [] }
        switch column {
        case .numeric(let v):
            if let r = v.firstIndex(where: { $0.isNaN }) { throw located(cohort, r, name, "missing value; every cell needs one") }
            return v
        case .date:
            throw located(cohort, 0, name, "expected a number, found a date")
        case .categorical(let codes, let levels):
            var out = [Double](repeating: 0, count: codes.count)
            for (r, c) in codes.enumerated() {
                guard c >= 0 else { throw located(cohort, r, name, "missing value; every cell needs one") }
                guard let x = Double(levels[Int(c)]), x.isFinite else {
                    throw located(cohort, r, name, "expected a number, found \"\(levels[Int(c)])\"")
                }
                out[r] = x
            }
            return out
        }
    }

    private static func wholeNumbers(_ cohort: Cohort, _ name: String, what: String) throws(CohortError) -> [Int] {
        let v = try numbers(cohort, name)
        var out = [Int](repeating: 0, count: v.count)
        for (r, x) in v.enumerated() {
            guard x == x.rounded(), abs(x) < 1e6 else {
                throw located(cohort, r, name, "expected \(what), found \(NumberFormatting.label(x))")
            }
            out[r] = Int(x)
        }
        return out
    }

    private static func texts(_ cohort: Cohort, _ name: String) throws(CohortError) -> [String] {
        guard let column = cohort.column(named: name) else { return [] }
        var out = [String](repeating: "", count: column.count)
        for r in 0..<column.count {
            guard let t = column.text(at: r) else { throw located(cohort, r, name, "missing value; every cell needs one") }
            out[r] = t
        }
        return out
    }
}
