extension RadixOrder {
    /// Each value replaced by the rank of its distinct value (0, 1, …) in
    /// increasing order, and the distinct values: one stable radix sort and a
    /// walk through it — no hashing. `-0.0` and `0.0` are one value. Values
    /// must not be NaN.
    public static func denseCodes(_ values: [Double]) -> (codes: [Int], distinct: [Double]) {
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
