/// How many rows were read, used, and dropped for which reason.
///
/// Encodes as the contract's `"rows": {"read": N, "used": N, "dropped": {"missing: age": k}}`.
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
