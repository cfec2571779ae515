/// How many rows were read, used, and dropped for which reason.
///
/// In survkit's JSON it is the `rows` object (docs/json-output.md).
public struct RowAccounting: Sendable, Equatable, Codable {
    public var read: Int
    public var used: Int
    /// Reason → count, e.g. `"missing: age": 3`, `"invalid: log(x)": 1`.
    public var dropped: [String: Int]
    /// Rows a `--subset` expression left out (FALSE or NA), before the
    /// missing-value rule; 0 without a subset. JSON `excluded_by_subset`.
    public var excludedBySubset: Int

    public init(read: Int, used: Int, dropped: [String: Int] = [:], excludedBySubset: Int = 0) {
        self.read = read
        self.used = used
        self.dropped = dropped
        self.excludedBySubset = excludedBySubset
    }

    enum CodingKeys: String, CodingKey {
        case read, used, dropped, excludedBySubset
    }

    /// Decodes; `excludedBySubset` may be absent (outputs written before it existed), meaning 0.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        read = try c.decode(Int.self, forKey: .read)
        used = try c.decode(Int.self, forKey: .used)
        dropped = try c.decode([String: Int].self, forKey: .dropped)
        excludedBySubset = try c.decodeIfPresent(Int.self, forKey: .excludedBySubset) ?? 0
    }

    /// Total rows dropped for any reason (the subset's exclusions are not drops).
    public var droppedTotal: Int { dropped.values.reduce(0, +) }
}
