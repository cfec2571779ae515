import CohortData
@testable import SurvivalModels
import Testing

/// `RiskTable.perGroup` (one counting pass over every row, used by
/// `KaplanMeier.fit` on right-censored data with few distinct times) gives
/// each group the table `RiskTable(rows:…)` builds from the group's own rows,
/// bit for bit.
@Suite struct RiskTablePerGroupTests {
    /// Rows with day-like times (few distinct), a group code and a status.
    private func rows(_ n: Int, groups: Int, seed: UInt64) -> (stop: [Double], status: [Int32], codes: [Int]) {
        var state = seed
        func next(_ m: UInt64) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % m)
        }
        let stop = (0..<n).map { _ in Double(next(400) + 1) }
        let status = (0..<n).map { _ -> Int32 in next(3) == 0 ? 0 : 1 }
        // Group 1 left empty, so a group without rows is covered too.
        let codes = (0..<n).map { _ in let g = next(UInt64(groups)); return g == 1 ? 0 : g }
        return (stop, status, codes)
    }

    private func expectSameTables(weights: [Double]?, seed: UInt64) throws {
        let n = 30_000, groups = 5
        let (stop, status, codes) = rows(n, groups: groups, seed: seed)
        let event = status.map { $0 != 0 }
        let tables = try #require(
            RiskTable.perGroup(codes: codes.map { Int32($0) }, groups: groups, stop: stop, status: status, weights: weights))
        #expect(tables.count == groups)
        for g in 0..<groups {
            let members = codes.indices.filter { codes[$0] == g }
            let own = RiskTable(rows: members, start: nil, stop: stop, event: event, weights: weights)
            #expect(tables[g].time == own.time, "group \(g)")
            #expect(tables[g].nEvent == own.nEvent, "group \(g)")
            #expect(tables[g].nCensor == own.nCensor, "group \(g)")
            #expect(tables[g].nRisk == own.nRisk, "group \(g)")
        }
        #expect(tables[1].time.isEmpty)
    }

    @Test func unweightedTablesEqualTheGroupsOwn() throws {
        try expectSameTables(weights: nil, seed: 7)
    }

    @Test func weightedTablesEqualTheGroupsOwnBitForBit() throws {
        var state: UInt64 = 3
        let weights = (0..<30_000).map { _ -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return 0.1 + Double(state >> 11) / Double(1 << 53) * 3
        }
        try expectSameTables(weights: weights, seed: 11)
    }

    @Test func manyDistinctTimesOrAZeroWeightLeaveItToTheGroupTables() {
        let stop = (0..<10_000).map { Double($0) + 0.5 }
        let status = [Int32](repeating: 1, count: stop.count)
        let codes = [Int32](repeating: 0, count: stop.count)
        #expect(RiskTable.perGroup(codes: codes, groups: 1, stop: stop, status: status, weights: nil) == nil)
        let few = stop.map { ($0 * 0.01).rounded() }
        var weights = [Double](repeating: 1, count: stop.count)
        weights[5] = 0
        #expect(RiskTable.perGroup(codes: codes, groups: 1, stop: few, status: status, weights: weights) == nil)
        #expect(RiskTable.perGroup(codes: codes, groups: 1, stop: few, status: status, weights: nil) != nil)
    }
}
