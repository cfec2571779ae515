import CohortData

/// A population mortality table on relsurv's time scale: daily hazards by
/// age (in days), calendar date (days since 1970-01-01) and sex, as an R
/// `ratetable` with continuous age and year dimensions.
///
/// Age `a` (whole years) starts at `a × 365.241` days and the year `y` at
/// 1 January of `y`; each cell applies until the next age or year listed.
/// Outside the table the nearest cell applies — the first age and year
/// before them, the last ones after them — as relsurv's and survival's
/// `pystep` with `edge = 1` (the table "extends infinitely at the edges").
public struct PopulationRateTable: Sendable, Equatable {
    /// Ages in days, ascending: the cell boundaries of the age dimension.
    public let ageStarts: [Double]
    /// 1 January of each year, in days since 1970-01-01, ascending.
    public let yearStarts: [Double]
    /// The ages (whole years) as listed.
    public let ages: [Int]
    /// The years as listed.
    public let years: [Int]
    /// The sexes as spelled in the table.
    public let sexes: [String]
    /// Daily hazards, `rates[(sex · years + year) · ages + age]`.
    let rates: [Double]
    /// The file the table came from.
    public let fileName: String

    /// The table of a grid read from a file (`RateTableReader`).
    public init(_ grid: RateTableGrid) {
        ageStarts = grid.ages.map { Double($0) * RateTableReader.daysPerYear }
        yearStarts = grid.years.map { Double(ISODate.dayNumber(year: $0, month: 1, day: 1) ?? 0) }
        ages = grid.ages
        years = grid.years
        sexes = grid.sexes
        rates = grid.rates
        fileName = grid.fileName
    }

    /// The index of `sex` as spelled in the table, or `nil`.
    public func sexIndex(_ sex: String) -> Int? { sexes.firstIndex(of: sex) }

    /// The number of cut points ≤ x (the index of the first cut point > x).
    @inline(__always)
    static func countAtOrBelow(_ x: Double, _ cuts: [Double]) -> Int {
        var lo = 0, hi = cuts.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cuts[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The cell of `value` on one dimension: the last cut ≤ value, the
    /// first below the table.
    @inline(__always)
    static func cell(_ value: Double, _ cuts: [Double]) -> Int {
        max(countAtOrBelow(value, cuts) - 1, 0)
    }

    /// The daily hazard of the cell holding age `age` (days) on date `date`
    /// (days since 1970-01-01) — relsurv's `pystep2`: the cell at the start
    /// of a step, whatever boundary the step crosses.
    @inline(__always)
    public func rate(age: Double, date: Double, sex: Int) -> Double {
        let a = Self.cell(age, ageStarts), y = Self.cell(date, yearStarts)
        return rates[(sex * yearStarts.count + y) * ageStarts.count + a]
    }

    /// The hazard of the cell holding (`age`, `date`) and how long (days, at
    /// most `limit`) a subject stays in it as age and date advance together:
    /// survival's `pystep` with `edge = 1` (the time to the next age or year
    /// boundary; none past the last one).
    @inline(__always)
    public func step(age: Double, date: Double, sex: Int, limit: Double) -> (rate: Double, duration: Double) {
        var duration = limit
        func dimension(_ x: Double, _ cuts: [Double]) -> Int {
            let j = Self.countAtOrBelow(x, cuts)
            if j == cuts.count { return j - 1 }
            let untilNext = cuts[j] - x
            if untilNext < duration { duration = untilNext }
            return max(j - 1, 0)
        }
        let a = dimension(age, ageStarts)
        let y = dimension(date, yearStarts)
        return (rates[(sex * yearStarts.count + y) * ageStarts.count + a], duration)
    }
}
