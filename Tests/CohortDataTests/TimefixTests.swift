import Testing

@testable import CohortData

/// R's `aeqSurv` rule (timefix = TRUE): near-equal times merge to the first.
@Suite struct TimefixTests {
    @Test func timesWithinRoundingNoiseMergeToTheFirst() throws {
        // 1/3·3 = 1 − 1.1e-16 style noise: 0.1 + 0.2 vs 0.3 differ by 5.6e-17.
        let r = SurvivalResponse(stop: [0.1 + 0.2, 0.3, 2], status: [1, 1, 0])
        let merged = try #require(r.mergingNearTies())
        #expect(merged.stop[0] == merged.stop[1])
        #expect(merged.stop[2] == 2)
    }

    @Test func distinctTimesAreLeftAlone() throws {
        let r = SurvivalResponse(stop: [1, 1.001, 2], status: [1, 1, 0])
        #expect(r.mergingNearTies() == r)
    }

    @Test func relativeGapCountsAgainstTheMeanTime() throws {
        // Gap 1e-6 is above the absolute tolerance 1.5e-8, but relative to the
        // mean |time| (≈ 667) it is 1.5e-9 ≤ 1.5e-8, so the two tie on the smaller.
        let r = SurvivalResponse(stop: [1000, 1000 + 1e-6, 1], status: [1, 0, 1])
        let merged = try #require(r.mergingNearTies())
        #expect(merged.stop == [1000, 1000, 1])
    }

    /// Whole-number times are left alone without coding them (they are at least
    /// 1 apart) while their size is at most 10⁷; larger whole numbers still merge
    /// on the relative gap, as R's aeqSurv merges them.
    @Test func wholeNumberTimesMergeOnlyWhenHuge() throws {
        let days = SurvivalResponse(start: [0, 3], stop: [1, 10_000_000], status: [1, 0])
        #expect(days.mergingNearTies() == days)
        let huge = SurvivalResponse(stop: [1e9, 1e9 + 1, 5e8], status: [1, 0, 1])
        let merged = try #require(huge.mergingNearTies())
        #expect(merged.stop == [1e9, 1e9, 5e8])
    }

    @Test func collapsedIntervalIsReported() {
        let r = SurvivalResponse(start: [1], stop: [1 + 1e-12], status: [1])
        #expect(r.mergingNearTies() == nil)
    }
}
