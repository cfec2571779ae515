/// The distinct values met so far, for data with few of them (day-rounded
/// times, group codes): an open-addressing table of the values' bit patterns
/// (−0 stored as 0) with linear probing and Fibonacci hashing, 8,192 slots,
/// at most `limit` (≤ 4,096) values. A value's id is the order in which it was
/// first met. A few probes per value, all in cache — what lets the counting
/// passes of `RadixOrder` skip sorting the rows.
struct DistinctValueTable {
    private static let slots = 8192  // a power of two, at least twice the largest limit
    private var keys = [UInt64](repeating: 0, count: slots)
    private var ids = [Int32](repeating: -1, count: slots)
    /// The distinct values, by id.
    private(set) var values: [Double] = []
    let limit: Int

    init(limit: Int) {
        self.limit = Swift.min(limit, Self.slots / 2)
    }

    /// The id of `value`, added when it is new; `nil` when it is new and the
    /// table already holds `limit` values.
    @inline(__always)
    mutating func id(of value: Double) -> Int? {
        let v = value + 0.0  // −0 → 0
        let bits = v.bitPattern
        var slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 51)
        while true {
            let id = ids[slot]
            if id < 0 {
                if values.count == limit { return nil }
                ids[slot] = Int32(values.count)
                keys[slot] = bits
                values.append(v)
                return values.count - 1
            }
            if keys[slot] == bits { return Int(id) }
            slot = (slot + 1) & (Self.slots - 1)
        }
    }

    /// The ids in increasing order of their values.
    var idsInOrder: [Int] { values.indices.sorted { values[$0] < values[$1] } }
}
