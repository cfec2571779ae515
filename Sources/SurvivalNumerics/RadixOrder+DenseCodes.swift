extension RadixOrder {
    /// Each value replaced by the rank of its distinct value (0, 1, …) in
    /// increasing order, and the distinct values: one stable radix sort and a
    /// walk through it — no hashing. `-0.0` and `0.0` are one value. Values
    /// must not be NaN.
    public static func denseCodes(_ values: [Double]) -> (codes: [Int], distinct: [Double]) {
        if let few = fewDistinct(values) { return few }
        let order = ascending(values)
        var codes = [Int](repeating: 0, count: values.count)
        var distinct: [Double] = []
        var code = -1
        var previous = 0.0
        for i in order {
            let v = values[i]
            if code < 0 || v != previous {
                code += 1
                distinct.append(v)
                previous = v
            }
            codes[i] = code
        }
        return (codes, distinct)
    }

    /// `denseCodes` for data with few distinct values (day-rounded times,
    /// group codes): the values' bit patterns go into a small open-addressing
    /// table (linear probing, Fibonacci hashing), the distinct values are
    /// sorted and each row looks its code up — a few table probes per row in
    /// cache, instead of a radix sort's passes over all rows. `nil` (the caller
    /// sorts) once the distinct values exceed 4,096 or an eighth of the rows.
    /// With `codes: false` only the distinct values are returned (`codes` empty).
    public static func fewDistinct(_ values: [Double], codes wantCodes: Bool = true) -> (codes: [Int], distinct: [Double])? {
        let n = values.count
        let limit = Swift.min(4096, Swift.max(16, n / 8))
        let slots = 8192  // a power of two, at least twice the limit
        var keys = [UInt64](repeating: 0, count: slots)
        var ids = [Int32](repeating: -1, count: slots)
        var found: [Double] = []
        var idOfRow = [Int32](repeating: 0, count: wantCodes ? n : 1)
        let ok = keys.withUnsafeMutableBufferPointer { kp in
            ids.withUnsafeMutableBufferPointer { ip in
                values.withUnsafeBufferPointer { vp in
                    idOfRow.withUnsafeMutableBufferPointer { rp in
                        for i in 0..<n {
                            let v = vp[i] + 0.0  // −0 → 0
                            let bits = v.bitPattern
                            var slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 51)
                            while true {
                                let id = ip[slot]
                                if id < 0 {
                                    if found.count == limit { return false }
                                    ip[slot] = Int32(found.count)
                                    kp[slot] = bits
                                    if wantCodes { rp[i] = Int32(found.count) }
                                    found.append(v)
                                    break
                                }
                                if kp[slot] == bits {
                                    if wantCodes { rp[i] = id }
                                    break
                                }
                                slot = (slot + 1) & (slots - 1)
                            }
                        }
                        return true
                    }
                }
            }
        }
        guard ok else { return nil }
        let order = found.indices.sorted { found[$0] < found[$1] }
        var rank = [Int](repeating: 0, count: found.count)
        for (r, id) in order.enumerated() { rank[id] = r }
        return (wantCodes ? idOfRow.map { rank[Int($0)] } : [], order.map { found[$0] })
    }

    /// Each non-negative integer key replaced by the rank of its distinct value
    /// in increasing order: through a table of the keys present when they are
    /// no larger than a few times their number, else through a sort.
    public static func denseRanks(_ keys: [Int]) -> [Int] {
        guard let largest = keys.max(), let smallest = keys.min() else { return [] }
        if smallest >= 0 && largest < Swift.max(1 << 20, 4 * keys.count) {
            var rank = [Int](repeating: 0, count: largest + 1)
            for k in keys { rank[k] = 1 }
            var next = 0
            for k in 0...largest where rank[k] != 0 {
                rank[k] = next
                next += 1
            }
            return keys.map { rank[$0] }
        }
        return denseCodes(keys.map { Double($0) }).codes
    }
}

extension RadixOrder {
    /// For few distinct keys: the distinct values of `keys[row]` over `rows`
    /// (ascending) and, per distinct value, the sums of the two contributions
    /// of its rows, added in the order of `rows` — the counting pass of a
    /// risk table without a per-row code array (see `fewDistinct`). `nil` once
    /// there are more than 4,096 distinct values or an eighth of the rows; the
    /// caller then codes the keys with `denseCodes`.
    public static func sumsByDistinctKey(
        _ keys: [Double], rows: [Int], _ contribution: (Int) -> (Double, Double)
    ) -> (keys: [Double], first: [Double], second: [Double])? {
        sumsByDistinctKey(keys, rows: rows, width: 1) { row in
            let (a, b) = contribution(row)
            return (0, a, b)
        }
    }

    /// As above with `width` slots per distinct value (a row's contribution
    /// goes to the slot it names, `0..<width`): the sums come back as
    /// `width` consecutive entries per value, values ascending — the time ×
    /// group table of a log-rank test.
    public static func sumsByDistinctKey(
        _ keys: [Double], rows: [Int], width: Int, _ contribution: (Int) -> (slot: Int, Double, Double)
    ) -> (keys: [Double], first: [Double], second: [Double])? {
        let n = rows.count
        let limit = Swift.min(4096, Swift.max(16, n / 8))
        let slots = 8192
        var slotKeys = [UInt64](repeating: 0, count: slots)
        var ids = [Int32](repeating: -1, count: slots)
        var found: [Double] = []
        var first: [Double] = []
        var second: [Double] = []
        for row in rows {
            let v = keys[row] + 0.0  // −0 → 0
            let bits = v.bitPattern
            var slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 51)
            var id = -1
            while true {
                let existing = ids[slot]
                if existing < 0 {
                    if found.count == limit { return nil }
                    id = found.count
                    ids[slot] = Int32(id)
                    slotKeys[slot] = bits
                    found.append(v)
                    first.append(contentsOf: repeatElement(0, count: width))
                    second.append(contentsOf: repeatElement(0, count: width))
                    break
                }
                if slotKeys[slot] == bits {
                    id = Int(existing)
                    break
                }
                slot = (slot + 1) & (slots - 1)
            }
            let (cell, a, b) = contribution(row)
            first[id * width + cell] += a
            second[id * width + cell] += b
        }
        let order = found.indices.sorted { found[$0] < found[$1] }
        return (
            order.map { found[$0] },
            order.flatMap { first[$0 * width ..< ($0 + 1) * width] },
            order.flatMap { second[$0 * width ..< ($0 + 1) * width] }
        )
    }
}
