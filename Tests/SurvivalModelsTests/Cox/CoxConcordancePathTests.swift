import CohortData
@testable import SurvivalModels
import SurvivalNumerics
import Testing

/// Right-censored strata with few distinct times are counted in order of the
/// linear predictor (`fewTimesConcordanceCounts`); the time sweep
/// (`concordanceCounts`, forced with `timeLimit: 0`) is the other path. Both
/// must give the same concordance and standard error: exactly with whole
/// weights (every count is an integer), to rounding with fractional ones.
/// A seeded linear congruential stream of small integers.
private struct Draws {
    var state: UInt64
    mutating func next(_ m: UInt64) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % m)
    }
}

@Suite struct CoxConcordancePathTests {
    /// A frame with tied times (60 distinct), tied predictors (a 4-level
    /// covariate and a 0/1 one), about a third censored, optional strata,
    /// clusters and weights.
    private func frame(n: Int, seed: UInt64, strata: Bool, weights: Weights) -> ModelFrame {
        var draws = Draws(state: seed)
        func next(_ m: UInt64) -> Int { draws.next(m) }
        let time = (0..<n).map { _ in Double(next(60) + 1) }
        let status = (0..<n).map { _ in next(3) == 0 ? 0 : 1 }
        let x1 = (0..<n).map { _ in Double(next(4)) }
        let x2 = (0..<n).map { _ in Double(next(2)) }
        let w: [Double]?
        switch weights {
        case .none: w = nil
        case .whole: w = (0..<n).map { _ in Double(next(3) + 1) }
        case .fractional: w = (0..<n).map { _ in 0.25 + Double(next(1000)) / 400 }
        }
        let codes = (0..<n).map { _ in next(3) }
        return ModelFrame(
            response: SurvivalResponse(stop: time, status: status),
            design: Matrix(rows: n, columns: 2, columnMajor: x1 + x2), termNames: ["x1", "x2"],
            termOfColumn: ["x1", "x2"],
            strata: strata ? Grouping(codes: codes, labels: ["a", "b", "c"]) : nil,
            cluster: (0..<n).map { $0 / 3 }, offset: nil, weights: w,
            rowIndex: Array(0..<n), rows: RowAccounting(read: n, used: n), warnings: [])
    }

    enum Weights { case none, whole, fractional }

    @Test(arguments: [(false, Weights.none), (true, .none), (false, .whole), (true, .whole)])
    func predictorOrderEqualsTheTimeSweepExactly(strata: Bool, weights: Weights) throws {
        let fit = try CoxModel.fit(frame(n: 3_000, seed: 5, strata: strata, weights: weights))
        let fast = try #require(fit.concordance())
        let sweep = try #require(fit.concordance(timeLimit: 0))
        #expect(fast.c == sweep.c)
        #expect(abs(fast.se - sweep.se) <= 1e-14 * sweep.se)
        #expect(fast.c > 0.3 && fast.c < 0.7)
    }

    /// No cluster, a continuous and a 0/1 covariate, 80 distinct times.
    private func unclusteredFrame(n: Int, seed: UInt64) -> ModelFrame {
        var draws = Draws(state: seed)
        func next(_ m: UInt64) -> Int { draws.next(m) }
        let time = (0..<n).map { _ in Double(next(80) + 1) }
        let status = (0..<n).map { _ in next(3) == 0 ? 0 : 1 }
        let x1 = (0..<n).map { _ in Double(next(1 << 20)) / Double(1 << 18) - 2 }
        let x2 = (0..<n).map { _ in Double(next(2)) }
        return ModelFrame(
            response: SurvivalResponse(stop: time, status: status),
            design: Matrix(rows: n, columns: 2, columnMajor: x1 + x2), termNames: ["x1", "x2"],
            termOfColumn: ["x1", "x2"], strata: nil, cluster: nil, offset: nil, weights: nil,
            rowIndex: Array(0..<n), rows: RowAccounting(read: n, used: n), warnings: [])
    }

    /// Without R's means: the predictor before its constant is subtracted has
    /// the same order and ties, so the same concordance, bit for bit, and the
    /// check finds nothing close.
    @Test func unshiftedPredictorGivesRsConcordance() throws {
        let fit = try CoxModel.fit(unclusteredFrame(n: 4_000, seed: 3))
        let (unshifted, largest) = fit.unshiftedPredictors()
        #expect(largest.isFinite && largest > 0)
        let guardGap = 4 * (largest + 10).ulp
        guard case .value(let direct?) = fit.frame.coxConcordanceOutcome(unshifted, timeLimit: 1 << 16, mergeGuard: guardGap)
        else {
            Issue.record("the unshifted predictor was refused")
            return
        }
        let exact = try #require(fit.frame.coxConcordance(fit.linearPredictors))
        let chosen = try #require(fit.concordance())
        #expect(direct.c == exact.c && direct.se == exact.se)
        #expect(chosen.c == exact.c && chosen.se == exact.se)
        #expect(exact.c > 0.3 && exact.c < 0.7)
    }

    /// Two distinct predictor values one unit in the last place apart could be
    /// merged by the subtraction: the check refuses them (in the middle of the
    /// order and at its ends), and accepts them three units apart with a
    /// guard of two.
    @Test func predictorsWithinTheGuardAreRefused() throws {
        let fit = try CoxModel.fit(unclusteredFrame(n: 4_000, seed: 3))
        let (unshifted, largest) = fit.unshiftedPredictors()
        let unit = (largest + 10).ulp
        let sorted = unshifted.sorted()
        for (a, b) in [(sorted[2_000], sorted[2_001]), (sorted[0], sorted[1]), (sorted[3_998], sorted[3_999])] {
            var close = unshifted
            // b moved to one ulp above a (both stay distinct from the others).
            let i = try #require(unshifted.firstIndex(of: b))
            close[i] = a.nextUp
            let refused = fit.frame.coxConcordanceOutcome(close, timeLimit: 1 << 16, mergeGuard: 4 * unit)
            if case .value = refused { Issue.record("values one ulp apart at \(a) were accepted") }
        }
        var apart = unshifted
        let i = try #require(unshifted.firstIndex(of: sorted[2_001]))
        apart[i] = sorted[2_000] + 3 * unit
        guard apart[i] < sorted[2_002] else { return }
        let accepted = fit.frame.coxConcordanceOutcome(apart, timeLimit: 1 << 16, mergeGuard: 2 * unit)
        guard case .value(let c?) = accepted else {
            Issue.record("values three guard units apart were refused")
            return
        }
        #expect(c.c > 0.3 && c.c < 0.7)
    }

    @Test func fractionalWeightsAgreeToRounding() throws {
        let fit = try CoxModel.fit(frame(n: 3_000, seed: 9, strata: true, weights: .fractional))
        let fast = try #require(fit.concordance())
        let sweep = try #require(fit.concordance(timeLimit: 0))
        #expect(abs(fast.c - sweep.c) <= 1e-12)
        #expect(abs(fast.se - sweep.se) <= 1e-10 * sweep.se)
    }
}
