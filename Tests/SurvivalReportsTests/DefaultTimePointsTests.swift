@testable import SurvivalReports
import Testing

/// The default time points of the `cif` text report: the largest step of
/// 1, 2 or 5 × 10ᵏ giving at least four points up to the 10%-at-risk horizon.
@Suite struct DefaultTimePointsTests {
    @Test func roundStepsUpToTheHorizon() {
        #expect(DefaultTimePoints.rounded(upTo: 194) == [20, 40, 60, 80, 100, 120, 140, 160, 180])
        #expect(DefaultTimePoints.rounded(upTo: 200) == [50, 100, 150, 200])
        #expect(DefaultTimePoints.rounded(upTo: 15) == [2, 4, 6, 8, 10, 12, 14])
        #expect(DefaultTimePoints.rounded(upTo: 0.9) == [0.2, 0.4, 0.6, 0.8])
        #expect(DefaultTimePoints.rounded(upTo: 0).isEmpty)
        #expect(DefaultTimePoints.rounded(upTo: .infinity).isEmpty)
    }

    /// Ten subjects ending at 1, ..., 10 in two curves: 10% (one subject) is
    /// still at risk at 10, two at 9; with 20 subjects 10% is two, so 9.
    @Test func horizonIsTheLastTimeWithTenPercentAtRisk() {
        let a = (time: [1.0, 3, 5, 7, 9], nRisk: [5.0, 4, 3, 2, 1])
        let b = (time: [2.0, 4, 6, 8, 10], nRisk: [5.0, 4, 3, 2, 1])
        #expect(DefaultTimePoints.horizon(curves: [a, b], n: 10) == 10)
        #expect(DefaultTimePoints.horizon(curves: [a, b], n: 20) == 9)
    }
}
