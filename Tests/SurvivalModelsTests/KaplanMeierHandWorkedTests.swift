import CohortData
import SurvivalNumerics
import Testing

@testable import SurvivalModels

/// Kaplan–Meier on seven observations worked by hand, independent of R:
/// times 1+, 2, 2+, 3, 4+, 5, 5 ("+" = censored).
///
///     t   n  d  S(t)               Greenwood Σ d/(n(n−d))
///     1   7  0  1                  0
///     2   6  1  5/6                1/30
///     3   4  1  5/6 · 3/4 = 5/8    1/30 + 1/12 = 7/60
///     4   3  0  5/8                7/60
///     5   2  2  0                  ∞
@Suite struct KaplanMeierHandWorkedTests {
    static func frame(groups: Grouping? = nil, start: [Double]? = nil) -> SurvivalGroupingFrame {
        let stop: [Double] = [1, 2, 2, 3, 4, 5, 5]
        let status = [0, 1, 0, 1, 0, 1, 1]
        return SurvivalGroupingFrame(
            response: SurvivalResponse(start: start, stop: stop, status: status), groups: groups,
            rowIndex: Array(0..<7), rows: RowAccounting(read: 7, used: 7))
    }

    @Test func productLimitAndGreenwoodFollowTheHandTable() throws {
        let curve = try #require(try KaplanMeier.fit(Self.frame()).strata.first)
        #expect(curve.time == [1, 2, 3, 4, 5])
        #expect(curve.nRisk == [7, 6, 4, 3, 2])
        #expect(curve.nEvent == [0, 1, 1, 0, 2])
        #expect(curve.nCensor == [1, 1, 0, 1, 0])
        let expected: [Double] = [1, 5.0 / 6, 5.0 / 8, 5.0 / 8, 0]
        for (s, e) in zip(curve.survival, expected) { #expect(abs(s - e) < 1e-15) }
        let se2 = try #require(curve.stdErr[1])
        #expect(abs(se2 - 5.0 / 6 * (1.0 / 30).squareRoot()) < 1e-15)
        let se3 = try #require(curve.stdErr[2])
        #expect(abs(se3 - 5.0 / 8 * (7.0 / 60).squareRoot()) < 1e-15)
        #expect(curve.stdErr[4] == nil)
        #expect(curve.lower[4] == nil && curve.upper[4] == nil)
    }

    @Test func nelsonAalenAddsEventsOverAtRisk() throws {
        let curve = try #require(try KaplanMeier.fit(Self.frame()).strata.first)
        let expected: [Double] = [0, 1.0 / 6, 1.0 / 6 + 1.0 / 4, 1.0 / 6 + 1.0 / 4, 1.0 / 6 + 1.0 / 4 + 1]
        for (h, e) in zip(curve.cumhaz, expected) { #expect(abs(h - e) < 1e-15) }
    }

    @Test func logLogLimitsAreMissingWhereSurvivalIsOne() throws {
        let r = try KaplanMeier.fit(Self.frame(), options: .init(confType: .logLog))
        let curve = try #require(r.strata.first)
        #expect(curve.lower[0] == nil && curve.upper[0] == nil)
        #expect(curve.lower[1] != nil)
    }

    @Test func medianIsTheFirstTimeSurvivalReachesOneHalf() throws {
        // 1 − S reaches 0.5 only at t = 5; the lower limit curve crosses at t = 3
        // (log limits: 5/8 · exp(−1.96 · √(7/60)) = 0.320 < 0.5); the upper never does.
        let curve = try #require(try KaplanMeier.fit(Self.frame()).strata.first)
        #expect(curve.median == 5)
        #expect(curve.medianLower == 3)
        #expect(curve.medianUpper == nil)
    }

    @Test func restrictedMeanIsTheAreaUnderTheCurve() throws {
        // Rectangles up to τ = 5: 1·1 + 1·1 + 1·5/6 + 1·5/8 + 1·5/8.
        let curve = try #require(try KaplanMeier.fit(Self.frame()).strata.first)
        let rmst = try #require(curve.rmst)
        #expect(rmst.tau == 5)
        #expect(abs(rmst.estimate - (2 + 5.0 / 6 + 5.0 / 4)) < 1e-14)
        // Variance: Σ dᵢ/(nᵢ(nᵢ−dᵢ)) · (area after tᵢ)²; at t = 2 the area after is
        // 5/6 + 5/8 + 5/8, at t = 3 it is 5/8 + 5/8; t = 5 contributes 0 (n = d).
        let a2 = 5.0 / 6 + 5.0 / 4, a3 = 5.0 / 4
        let variance = a2 * a2 / 30 + a3 * a3 / 12
        #expect(abs(try #require(rmst.stdErr) - variance.squareRoot()) < 1e-14)
    }

    @Test func flatSegmentAtOneHalfGivesTheMidpoint() {
        // 1 − S = 0.5 exactly from t = 2 until the drop at t = 6: median (2 + 6)/2 = 4.
        let q = MedianEstimate.findQuantile(x: [0, 2, 4, 6], y: [0, 0.5, 0.5, 1], p: 0.5)
        #expect(q == 4)
    }

    @Test func delayedEntryRemovesLateEntrantsFromEarlyRiskSets() throws {
        // Two subjects enter at t = 2.5: they are not at risk at t = 1 or 2.
        let start: [Double] = [0, 0, 0, 0, 0, 2.5, 2.5]
        let curve = try #require(try KaplanMeier.fit(Self.frame(start: start)).strata.first)
        #expect(curve.nRisk == [5, 4, 4, 3, 2])
    }
}
