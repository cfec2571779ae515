/// How many rows were read, used, and dropped for which reason.
///
/// In survkit's JSON it is the `rows` object (docs/json-output.md).
public struct RowAccounting: Sendable, Equatable, Codable {
    public var read: Int
    public var used: Int
    /// Reason → count, e.g. `"missing: age": 3`.
    public var dropped: [String: Int]

    public init(read: Int, used: Int, dropped: [String: Int] = [:]) {
        self.read = read
        self.used = used
        self.dropped = dropped
    }

    /// Total rows dropped for any reason.
    public var droppedTotal: Int { dropped.values.reduce(0, +) }
}
