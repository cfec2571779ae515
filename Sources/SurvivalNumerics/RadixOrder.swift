/// Stable sort orders of `Double` keys by an LSD radix sort, for the row
/// orderings the estimators need (by time, by linear predictor) on millions
/// of rows, where a comparison sort through an index closure is several times
/// slower.
///
/// Method. Each key is mapped to an order-preserving 64-bit pattern (`+0.0`
/// turns −0 into 0; negative numbers have all bits flipped, others the sign
/// bit set, so unsigned order is numeric order), then the rows are distributed
/// byte by byte, least significant first, each pass stable. Bytes that are the
/// same for every row are skipped — most of them for day-rounded times, whose
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
        var counts = [Int](repeating: 0, count: 8 * 256)
        keys.withUnsafeBufferPointer { tp in
        bits.withUnsafeMutableBufferPointer { kp in
        order.withUnsafeBufferPointer { rp in
        counts.withUnsafeMutableBufferPointer { cp in
            for q in 0..<n {
                let pattern = (tp[rp[q]] + 0.0).bitPattern
                let k = pattern >> 63 == 1 ? ~pattern : pattern | (1 << 63)
                kp[q] = k
                for b in 0..<8 { cp[b * 256 + Int((k >> (8 * UInt64(b))) & 255)] += 1 }
            }
        }}}}
        var bits2 = [UInt64](repeating: 0, count: n)
        var order2 = [Int](repeating: 0, count: n)
        var offset = [Int](repeating: 0, count: 256)
        for b in 0..<8 {
            let first = Int((bits[0] >> (8 * UInt64(b))) & 255)
            if counts[b * 256 + first] == n { continue }  // every row has this byte
            var acc = 0
            for d in 0..<256 {
                offset[d] = acc
                acc += counts[b * 256 + d]
            }
            bits.withUnsafeBufferPointer { kp in
            order.withUnsafeBufferPointer { rp in
            bits2.withUnsafeMutableBufferPointer { k2 in
            order2.withUnsafeMutableBufferPointer { r2 in
            offset.withUnsafeMutableBufferPointer { op in
                let shift = 8 * UInt64(b)
                for q in 0..<n {
                    let k = kp[q]
                    let d = Int((k >> shift) & 255)
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
