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
    /// group codes): the values go into a `DistinctValueTable`, the distinct
    /// values are sorted and each row's id becomes its rank — a few table
    /// probes per row in cache, instead of a radix sort's passes over all rows. `nil` (the caller
    /// sorts) once the distinct values exceed 4,096 or an eighth of the rows.
    /// With `codes: false` only the distinct values are returned (`codes` empty).
    public static func fewDistinct(_ values: [Double], codes wantCodes: Bool = true) -> (codes: [Int], distinct: [Double])? {
        var table = DistinctValueTable(limit: Swift.min(4096, Swift.max(16, values.count / 8)))
        var idOfRow = [Int32](repeating: 0, count: wantCodes ? values.count : 0)
        for (i, v) in values.enumerated() {
            guard let id = table.id(of: v) else { return nil }
            if wantCodes { idOfRow[i] = Int32(truncatingIfNeeded: id) }
        }
        let order = table.idsInOrder
        var rank = [Int](repeating: 0, count: order.count)
        for (r, id) in order.enumerated() { rank[id] = r }
        return (idOfRow.map { rank[Int($0)] }, order.map { table.values[$0] })
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
        summedByDistinctKey(keys, rows: rows, width: width, contribution)
    }

    /// As above over the rows `0..<n`, every row, without a row list in memory
    /// (the per-group risk tables of Kaplan–Meier in one pass).
    public static func sumsByDistinctKey(
        _ keys: [Double], rows: Range<Int>, width: Int, _ contribution: (Int) -> (slot: Int, Double, Double)
    ) -> (keys: [Double], first: [Double], second: [Double])? {
        summedByDistinctKey(keys, rows: rows, width: width, contribution)
    }

    /// The counting pass of `sumsByDistinctKey`, specialised for both kinds of row list.
    private static func summedByDistinctKey<Rows: Collection<Int>>(
        _ keys: [Double], rows: Rows, width: Int, _ contribution: (Int) -> (slot: Int, Double, Double)
    ) -> (keys: [Double], first: [Double], second: [Double])? {
        var table = DistinctValueTable(limit: Swift.min(4096, Swift.max(16, rows.count / 8)))
        var first: [Double] = []
        var second: [Double] = []
        for row in rows {
            guard let id = table.id(of: keys[row]) else { return nil }
            if first.count == id * width {
                first.append(contentsOf: repeatElement(0, count: width))
                second.append(contentsOf: repeatElement(0, count: width))
            }
            let (cell, a, b) = contribution(row)
            first[id * width + cell] += a
            second[id * width + cell] += b
        }
        let order = table.idsInOrder
        return (
            order.map { table.values[$0] },
            order.flatMap { first[$0 * width ..< ($0 + 1) * width] },
            order.flatMap { second[$0 * width ..< ($0 + 1) * width] }
        )
    }
}
