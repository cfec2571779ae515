/// How many rows were read, used, and dropped for which reason.
///
/// In survkit's JSON it is the `rows` object (docs/json-output.md).
public struct RowAccounting: Sendable, Equatable, Codable {
    public var read: Int
    public var used: Int
    /// Reason → count, e.g. `"missing: age": 3`, `"invalid: log(x)": 1`; a row
    /// is counted once, under its first reason, so the counts sum to the rows dropped.
    public var dropped: [String: Int]
    /// Rows a `--subset` expression left out (FALSE or NA), before the
    /// missing-value rule; 0 without a subset. JSON `excluded_by_subset`.
    public var excludedBySubset: Int
    /// Column → the exact number of rows (among those the subset kept) with
    /// a missing value in it; a row missing several columns counts in each.
    /// Columns without missing values are left out.
    public var missingByColumn: [String: Int] = [:]
    /// With `--tdc`: the number of `(start, stop]` intervals the rows read were
    /// split into; `used`, `dropped` and `missingByColumn` then count
    /// intervals. `nil` (absent from the JSON) without a split.
    public var intervals: Int?
    /// With `--landmark`: the landmark time and how many rows (subjects) it
    /// excluded (also counted in `excludedBySubset`); the JSON writes it at
    /// the top level as `landmark`, not inside `rows`. `nil` without.
    public var landmark: LandmarkExclusion?
    /// With `--counts`: the number of subjects the used rows stand for (the
    /// sum of their counts); rows with a zero count are dropped and counted
    /// in `dropped` as `"zero count: <column>"`. `nil` (absent from the JSON)
    /// without counts.
    public var subjects: Int?

    public init(read: Int, used: Int, dropped: [String: Int] = [:], excludedBySubset: Int = 0) {
        self.read = read
        self.used = used
        self.dropped = dropped
        self.excludedBySubset = excludedBySubset
    }

    enum CodingKeys: String, CodingKey {
        case read, used, dropped, excludedBySubset, missingByColumn, intervals, subjects
    }

    /// Decodes; `excludedBySubset` and `missingByColumn` may be absent (outputs
    /// written before they existed), meaning 0 and none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        read = try c.decode(Int.self, forKey: .read)
        used = try c.decode(Int.self, forKey: .used)
        dropped = try c.decode([String: Int].self, forKey: .dropped)
        excludedBySubset = try c.decodeIfPresent(Int.self, forKey: .excludedBySubset) ?? 0
        missingByColumn = try c.decodeIfPresent([String: Int].self, forKey: .missingByColumn) ?? [:]
        intervals = try c.decodeIfPresent(Int.self, forKey: .intervals)
        subjects = try c.decodeIfPresent(Int.self, forKey: .subjects)
    }

    /// Total rows dropped for any reason (the subset's exclusions are not drops).
    public var droppedTotal: Int { dropped.values.reduce(0, +) }
}
