/// A population mortality table read from a CSV file (`RateTableReader`):
/// one daily hazard per whole year of age × calendar year × sex, as R's
/// `ratetable` objects (relsurv's `slopop`, survival's `survexp.us`) hold.
///
/// The grid is complete (every age × year × sex has a rate), its ages and
/// years ascending and distinct. An age applies from that birthday until the
/// next age listed, a year from 1 January until the next year listed; the
/// first and last ages and years extend without end (as relsurv, which
/// looks up the nearest cell at the table's edges).
public struct RateTableGrid: Sendable, Equatable {
    /// The file as the user named it (for messages).
    public var fileName: String
    /// The ages (whole years), ascending.
    public var ages: [Int]
    /// The calendar years, ascending.
    public var years: [Int]
    /// The sexes as spelled in the file, in order of first appearance.
    public var sexes: [String]
    /// Daily hazards, `rates[(sex · years.count + year) · ages.count + age]`.
    public var rates: [Double]
    /// Whether the file gave `qx` (annual probabilities, converted) rather than `rate`.
    public var fromProbabilities: Bool

    public init(fileName: String, ages: [Int], years: [Int], sexes: [String], rates: [Double], fromProbabilities: Bool) {
        self.fileName = fileName
        self.ages = ages
        self.years = years
        self.sexes = sexes
        self.rates = rates
        self.fromProbabilities = fromProbabilities
    }

    /// The daily hazard of the cell (indices into `ages`, `years`, `sexes`).
    public func rate(age: Int, year: Int, sex: Int) -> Double {
        rates[(sex * years.count + year) * ages.count + age]
    }
}
