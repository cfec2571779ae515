extension PopulationRateTable {
    /// A subject's position in the table as its age and date only grow:
    /// the number of age and year boundaries at or below them, advanced
    /// from where the last lookup left it instead of searched afresh (the
    /// same cells as ``PopulationRateTable/rate(age:date:sex:)`` and
    /// ``PopulationRateTable/step(age:date:sex:limit:)``, in amortized
    /// constant time per lookup).
    struct Cursor {
        var ages = 0
        var years = 0

        @inline(__always)
        static func advance(_ count: inout Int, to x: Double, _ cuts: [Double]) {
            while count < cuts.count && cuts[count] <= x { count += 1 }
        }

        /// The hazard of the cell holding (`age`, `date`): `rate(age:date:sex:)`.
        @inline(__always)
        mutating func rate(_ table: PopulationRateTable, age: Double, date: Double, sex: Int) -> Double {
            Self.advance(&ages, to: age, table.ageStarts)
            Self.advance(&years, to: date, table.yearStarts)
            let a = max(ages - 1, 0), y = max(years - 1, 0)
            return table.rates[(sex * table.yearStarts.count + y) * table.ageStarts.count + a]
        }

        /// The hazard and the time to the next boundary: `step(age:date:sex:limit:)`.
        @inline(__always)
        mutating func step(_ table: PopulationRateTable, age: Double, date: Double, sex: Int, limit: Double)
            -> (rate: Double, duration: Double)
        {
            Self.advance(&ages, to: age, table.ageStarts)
            Self.advance(&years, to: date, table.yearStarts)
            var duration = limit
            if ages < table.ageStarts.count { duration = min(duration, table.ageStarts[ages] - age) }
            if years < table.yearStarts.count { duration = min(duration, table.yearStarts[years] - date) }
            let a = max(ages - 1, 0), y = max(years - 1, 0)
            return (table.rates[(sex * table.yearStarts.count + y) * table.ageStarts.count + a], duration)
        }
    }
}
