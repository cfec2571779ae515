/// Stable sort orders of `Double` keys by an LSD radix sort, for the row
/// orderings the estimators need (by time, by linear predictor) on millions
/// of rows, where a comparison sort through an index closure is several times
/// slower.
///
/// Method. Each key is mapped to an order-preserving 64-bit pattern (`+0.0`
/// turns −0 into 0; negative numbers have all bits flipped, others the sign
/// bit set, so unsigned order is numeric order), then the rows are distributed
/// digit by digit (8 bits, or 16 from 65,536 rows on), least significant first,
/// each pass stable. Digits that are the same for every row are skipped — most of them for day-rounded times, whose
/// patterns differ only in a few bytes. Ties keep their input order. Keys must
/// not be NaN.
public enum RadixOrder {
    /// The positions `0..<keys.count` (or the given `rows`) sorted by
    /// `keys[row]` ascending, ties in the order given.
    public static func ascending(_ keys: [Double], rows: [Int]? = nil) -> [Int] {
        let n = rows?.count ?? keys.count
        guard n > 1 else { return rows ?? Array(0..<n) }
        var bits = [UInt64](repeating: 0, count: n)
        var order = rows ?? Array(0..<n)
        // Digits of 8 bits, or of 16 bits from 65,536 rows on (half the passes
        // over the rows; the 4 × 65,536 counters are then cheap by comparison).
        let width: UInt64 = n >= 1 << 16 ? 16 : 8
        let radix = 1 << Int(width)
        let mask = UInt64(radix - 1)
        let passes = Int(64 / width)
        var counts = [Int](repeating: 0, count: passes * radix)
        keys.withUnsafeBufferPointer { tp in
        bits.withUnsafeMutableBufferPointer { kp in
        order.withUnsafeBufferPointer { rp in
        counts.withUnsafeMutableBufferPointer { cp in
            for q in 0..<n {
                let pattern = (tp[rp[q]] + 0.0).bitPattern
                let k = pattern >> 63 == 1 ? ~pattern : pattern | (1 << 63)
                kp[q] = k
                for b in 0..<passes { cp[b * radix + Int((k >> (width * UInt64(b))) & mask)] += 1 }
            }
        }}}}
        var bits2 = [UInt64](repeating: 0, count: n)
        var order2 = [Int](repeating: 0, count: n)
        var offset = [Int](repeating: 0, count: radix)
        for b in 0..<passes {
            let shift = width * UInt64(b)
            let first = Int((bits[0] >> shift) & mask)
            if counts[b * radix + first] == n { continue }  // every row has this digit
            var acc = 0
            for d in 0..<radix {
                offset[d] = acc
                acc += counts[b * radix + d]
            }
            bits.withUnsafeBufferPointer { kp in
            order.withUnsafeBufferPointer { rp in
            bits2.withUnsafeMutableBufferPointer { k2 in
            order2.withUnsafeMutableBufferPointer { r2 in
            offset.withUnsafeMutableBufferPointer { op in
                for q in 0..<n {
                    let k = kp[q]
                    let d = Int((k >> shift) & mask)
                    let dst = op[d]
                    op[d] = dst + 1
                    k2[dst] = k
                    r2[dst] = rp[q]
                }
            }}}}}
            swap(&bits, &bits2)
            swap(&order, &order2)
        }
        return order
    }
}
