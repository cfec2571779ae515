import CohortData
@testable import SurvivalModels
import Testing

/// Without strata, the risk-set index of many rows is built by a walk on two
/// halves of the sorted rows; it must be the one walk's index, field for
/// field: tied times on both sides of the split, deaths and censorings
/// mixed, case weights and frequency counts, `(start, stop]` rows, and a
/// first half with no death at all.
@Suite struct RiskSetIndexHalvesTests {
    private func response(n: Int, seed: UInt64, distinct: Int, startStop: Bool, deathsFrom: Double = 0)
        -> (SurvivalResponse, weights: [Double], counts: [Double])
    {
        var state = seed
        func next(_ m: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(m))
        }
        let stop = (0..<n).map { _ in Double(next(distinct) + 1) }
        let status = stop.map { t in t > deathsFrom && next(3) != 0 ? 1 : 0 }
        let start: [Double]? = startStop ? stop.map { t in Double(next(Int(t))) } : nil
        let weights = (0..<n).map { _ in 0.5 + Double(next(8)) / 4 }
        let counts = (0..<n).map { _ in Double(next(3) + 1) }
        return (SurvivalResponse(start: start, stop: stop, status: status), weights, counts)
    }

    private func expectSame(_ a: RiskSetIndex, _ b: RiskSetIndex, _ comment: Comment) {
        #expect(a.times == b.times, comment)
        #expect(a.firstTime == b.firstTime, comment)
        #expect(a.stratumOfTime == b.stratumOfTime, comment)
        #expect(a.entered == b.entered, comment)
        #expect(a.exited == b.exited, comment)
        #expect(a.deathCount == b.deathCount, comment)
        #expect(a.deathWeight.map(\.bitPattern) == b.deathWeight.map(\.bitPattern), comment)
        #expect(a.timeOrder == b.timeOrder, comment)
    }

    @Test(arguments: [(false, 300), (true, 300), (false, 7)])
    func halvesEqualTheOneWalk(startStop: Bool, distinct: Int) {
        let (r, w, c) = response(n: 20_001, seed: 11, distinct: distinct, startStop: startStop)
        for (weights, counts) in [(nil, nil), (w, nil), (nil, c)] as [([Double]?, [Double]?)] {
            let halves = RiskSetIndex(response: r, strata: nil, stratumCount: 1, weights: weights, counts: counts, halvesFrom: 2)
            let one = RiskSetIndex(response: r, strata: nil, stratumCount: 1, weights: weights, counts: counts, halvesFrom: .max)
            expectSame(halves, one, "start/stop \(startStop), \(distinct) times, weights \(weights != nil), counts \(counts != nil)")
            #expect(halves.count > 1)
        }
    }

    @Test func firstHalfWithoutDeaths() {
        // Deaths only after time 150 of 200: the second half starts with no event time of its own before.
        let (r, _, _) = response(n: 10_000, seed: 5, distinct: 200, startStop: false, deathsFrom: 150)
        let halves = RiskSetIndex(response: r, strata: nil, stratumCount: 1, weights: nil, halvesFrom: 2)
        let one = RiskSetIndex(response: r, strata: nil, stratumCount: 1, weights: nil, halvesFrom: .max)
        expectSame(halves, one, "deaths late")
        #expect(one.exited.contains(-1))
    }

    @Test func oneSharedTimeFallsBackToTheOneWalk() {
        let r = SurvivalResponse(stop: [Double](repeating: 4, count: 1_000), status: (0..<1_000).map { $0 % 2 })
        let halves = RiskSetIndex(response: r, strata: nil, stratumCount: 1, weights: nil, halvesFrom: 2)
        #expect(halves.times == [4])
        #expect(halves.exited.allSatisfy { $0 == 0 })
    }
}
