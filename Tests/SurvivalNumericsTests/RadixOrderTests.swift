import Testing
@testable import SurvivalNumerics

/// The radix orders equal a stable comparison sort, and the dense codes equal
/// a Set-and-sort coding, on seeded data of every shape the estimators feed
/// them: day-rounded times (few distinct values, the hashing path), continuous
/// values (the sorting path), negative numbers, −0 and 0, heavy ties.
@Suite("Radix orders and dense codes")
struct RadixOrderTests {
    private func data(_ kind: Int, _ n: Int, seed: UInt64) -> [Double] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        return (0..<n).map { _ in
            let u = Double(next()) / Double(1 << 53)
            switch kind {
            case 0: return (u * 3000).rounded()                 // day-rounded times
            case 1: return (u - 0.5) * 1e6                      // continuous, both signs
            case 2: return [0.0, -0.0, 1, -1, 2.5][Int(next() % 5)]
            default: return u < 0.5 ? -Double(next() % 7) : Double(next() % 100_000) * 1e-3
            }
        }
    }

    @Test func ascendingIsAStableSort() {
        for kind in 0..<4 {
            for n in [0, 1, 2, 17, 5000, 70_000, 300_001] {  // 300,001: the passes on two halves
                let keys = data(kind, n, seed: UInt64(kind * 100 + n))
                let expected = keys.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
                #expect(RadixOrder.ascending(keys) == expected, "kind \(kind), n \(n)")
                let rows = Array(stride(from: 0, to: n, by: 3).reversed())
                let expectedRows = rows.enumerated().sorted {
                    keys[$0.element] < keys[$1.element] || (keys[$0.element] == keys[$1.element] && $0.offset < $1.offset)
                }.map(\.element)
                #expect(RadixOrder.ascending(keys, rows: rows) == expectedRows, "kind \(kind), n \(n), rows")
            }
        }
    }

    /// The keys the sort hands back are the keys in that order (−0 as +0).
    @Test func ascendingWithKeysGivesTheSortedKeys() {
        for kind in 0..<4 {
            let keys = data(kind, 300_001, seed: UInt64(7 + kind))
            let (order, sorted) = RadixOrder.ascendingWithKeys(keys)
            #expect(order == RadixOrder.ascending(keys))
            #expect(sorted.map(\.bitPattern) == order.map { (keys[$0] + 0.0).bitPattern }, "kind \(kind)")
        }
    }

    @Test func denseCodesEqualSetAndSort() {
        for kind in 0..<4 {
            for n in [1, 9, 20_000] {
                let values = data(kind, n, seed: UInt64(7 + kind + n))
                let distinct = Array(Set(values)).sorted()
                let (codes, got) = RadixOrder.denseCodes(values)
                #expect(got == distinct, "kind \(kind), n \(n)")
                var index: [Double: Int] = [:]
                for (k, v) in distinct.enumerated() { index[v] = k }
                #expect(codes == values.map { index[$0] ?? -1 }, "kind \(kind), n \(n)")
            }
        }
        // Both paths: a few values (table) and many (sort) give the same codes.
        let few = data(0, 50_000, seed: 3)
        #expect(RadixOrder.fewDistinct(few) != nil)
        #expect(RadixOrder.fewDistinct(data(1, 50_000, seed: 3)) == nil)
    }

    /// The per-key sums of the few-distinct path equal sums over the dense codes, bit for bit.
    @Test func sumsByDistinctKeyEqualSumsOverCodes() throws {
        let keys = data(0, 30_000, seed: 11).map { ($0 / 10).rounded() }  // 301 distinct
        let weights = data(3, 30_000, seed: 12)
        let rows = Array(stride(from: 3, to: keys.count, by: 2))
        let few = try #require(RadixOrder.sumsByDistinctKey(keys, rows: rows) { r in
            r % 3 == 0 ? (weights[r], 0) : (0, weights[r])
        })
        let (codes, distinct) = RadixOrder.denseCodes(rows.map { keys[$0] })
        var first = [Double](repeating: 0, count: distinct.count), second = first
        for (q, r) in rows.enumerated() {
            if r % 3 == 0 { first[codes[q]] += weights[r] } else { second[codes[q]] += weights[r] }
        }
        #expect(few.keys == distinct)
        #expect(few.first.map(\.bitPattern) == first.map(\.bitPattern))
        #expect(few.second.map(\.bitPattern) == second.map(\.bitPattern))
        // Too many distinct keys: the caller's path.
        #expect(RadixOrder.sumsByDistinctKey(data(1, 30_000, seed: 1), rows: Array(0..<30_000)) { _ in (1, 0) } == nil)
    }

    @Test func denseRanksOfIntegerKeys() {
        let keys = [5, 3, 5, 900_000_000_000, 0, 3]
        #expect(RadixOrder.denseRanks(keys) == [2, 1, 2, 3, 0, 1])
        #expect(RadixOrder.denseRanks([7, 7, 2]) == [1, 1, 0])
        #expect(RadixOrder.denseRanks([]) == [])
    }
}
