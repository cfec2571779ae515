import Testing

@testable import SurvivalReports

@Suite struct AxisTests {
    @Test func niceStepRoundsToOneTwoOrFiveTimesAPowerOfTen() {
        // raw steps span/target: 1022/6 = 170.3 → 200; 1/5 = 0.2 → 0.2; 9/6 = 1.5 → 2; 70/6 = 11.7 → 10; 3.3/6 = 0.55 → 0.5.
        #expect(LinearAxis.niceStep(span: 1022, targetCount: 6) == 200)
        #expect(LinearAxis.niceStep(span: 1, targetCount: 5) == 0.2)
        #expect(LinearAxis.niceStep(span: 9, targetCount: 6) == 2)
        #expect(LinearAxis.niceStep(span: 70, targetCount: 6) == 10)
        #expect(LinearAxis.niceStep(span: 3.3, targetCount: 6) == 0.5)
    }

    @Test func linearAxisWidensToWholeStepsAndLabelsWithTheStepsDecimals() {
        let axis = LinearAxis(dataMin: 0, dataMax: 1022, pixelStart: 0, pixelEnd: 600)
        #expect(axis.ticks == [0, 200, 400, 600, 800, 1000, 1200])
        #expect(axis.position(600) == 300)
        let probability = LinearAxis(lower: 0, upper: 1, step: 0.2, pixelStart: 400, pixelEnd: 0)
        #expect(probability.ticks.map(probability.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(probability.position(1) == 0)
    }

    @Test func ticksAreMultiplesOfTheStepWithoutAccumulatedError() {
        let axis = LinearAxis(lower: 0, upper: 1, step: 0.1, pixelStart: 0, pixelEnd: 1)
        #expect(axis.ticks.count == 11)
        #expect(axis.ticks[3] == 3 * 0.1)
        #expect(axis.label(axis.ticks[3]) == "0.3")
    }

    @Test func logAxisTicksAreOneTwoFiveWithinTheWidenedDomain() {
        // Lung Cox HRs span 0.414–1.986 (Tests/Fixtures/svg_forest_lung.json) → domain 0.2–2.
        let axis = LogAxis(dataMin: 0.414, dataMax: 1.986, pixelStart: 0, pixelEnd: 100)
        #expect(axis.lower == 0.2 && axis.upper == 2)
        #expect(axis.ticks == [0.2, 0.5, 1, 2])
        #expect(axis.ticks.map(axis.label) == ["0.2", "0.5", "1", "2"])
        #expect(abs(axis.position(1) - 100 * (1 - 0.30102999566398114 / 1)) < 1e-9)  // log10(2/1)/log10(2/0.2) = 0.301
    }

    @Test func logAxisKeepsOnlyPowersOfTenOverManyDecades() {
        let axis = LogAxis(dataMin: 0.003, dataMax: 40, pixelStart: 0, pixelEnd: 100)
        #expect(axis.ticks == [0.01, 0.1, 1, 10])
        #expect(axis.ticks.map(axis.label) == ["0.01", "0.1", "1", "10"])
    }

    @Test func logAxisSurvivesInvalidInput() {
        let axis = LogAxis(dataMin: -1, dataMax: .nan, pixelStart: 0, pixelEnd: 100)
        #expect(axis.ticks == [0.5, 1, 2])
        #expect(axis.position(0) == 0)
    }
}
