import CohortData
import Foundation
@testable import SurvivalModels
import SurvivalTestSupport
import Testing

/// The interval-censoring fixtures (Tests/Reference/interval_censoring.R: R's
/// `survreg` and `survfit` on `Surv(left, right, type = "interval2")` data,
/// and Weibull hazard ratios on right-censored data) run against the
/// library: every fixture field to 1e-6.
@Suite struct IntervalCensoringReferenceTests {
    static var survregCases: [String] { Repository.fixtures("interval").filter { $0.hasPrefix("survreg_") } }
    static var kmCases: [String] { Repository.fixtures("interval").filter { $0.hasPrefix("km_") } }

    @Test("survreg on interval-censored data and Weibull hazard ratios match R", arguments: survregCases)
    func survregMatchesR(caseName: String) throws {
        let command = try FixtureCommand(kind: "interval", caseName: caseName, subcommand: "survreg")
        let frame = try command.frame { formula, cohort, options in
            var options = options
            options.allowsIntervalCensoring = true
            return try formula.modelFrame(on: cohort, options: options)
        }
        let options = SurvregOptions(distribution: try command.choice("--dist", default: SurvregDistribution.weibull))
        command.expectEveryOptionMapped()
        let result = try SurvregModel.fit(frame, options: options).makeResult()
        expectMatchesFixture(result.fixtureValue, command)
    }

    @Test("the Turnbull estimate matches R survfit's interval-censored curves", arguments: kmCases)
    func turnbullMatchesR(caseName: String) throws {
        let command = try FixtureCommand(kind: "interval", caseName: caseName, subcommand: "km")
        let frame = try command.frame { formula, cohort, options in
            var options = options
            options.allowsIntervalCensoring = true
            return try formula.groupingFrame(on: cohort, options: options)
        }
        command.expectEveryOptionMapped()
        let result = try TurnbullEstimate.fit(frame)
        expectMatchesFixture(result.fixtureValue, command)
    }

    @Test("a Weibull fit's hazard ratio is exp(-coef/scale), other distributions have none")
    func hazardRatioIsTheProportionalHazardsMetric() throws {
        let cohort = try CSVReader().read(path: Repository.url("datasets/lung.csv").path)
        let frame = try Formula("Surv(time, status) ~ age + sex").modelFrame(on: cohort)
        let weibull = try SurvregModel.fit(frame).makeResult()
        let scale = try #require(weibull.scale)
        #expect(weibull.coefficients[0].hr == nil)
        for c in weibull.coefficients.dropFirst() {
            let hr = try #require(c.hr), coef = try #require(c.coef)
            #expect(abs(hr - exp(-coef / scale)) < 1e-12)
            #expect(try #require(c.hrLower) < hr && hr < (try #require(c.hrUpper)))
        }
        let lognormal = try SurvregModel.fit(frame, options: SurvregOptions(distribution: .lognormal)).makeResult()
        #expect(lognormal.coefficients.allSatisfy { $0.hr == nil })
    }

    @Test("without any left- or interval-censored row the curve still follows R's EM")
    func exactTimesOnlyFollowRsPath() throws {
        // All exact: R's survfitTurnbull shares one unit of weight over the
        // exact times (lwt = 1), so the curve is not the plain empirical one.
        let fit = try TurnbullEstimate.curve(
            y1: [1, 2, 3], y2: [.nan, .nan, .nan], status: [1, 1, 1], weights: [1, 1, 1])
        #expect(fit.time == [1, 2, 3])
        #expect(fit.survival.last == 0)
        #expect(fit.converged)
    }

    @Test("two disjoint intervals put half the mass at each innermost interval's midpoint")
    func disjointIntervalsShareTheMass() throws {
        let fit = try TurnbullEstimate.curve(y1: [0, 2], y2: [1, 3], status: [3, 3], weights: [1, 1])
        #expect(fit.time == [0.5, 2.5])
        #expect(fit.survival == [0.5, 0])
    }
}

extension TurnbullResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["analysis": "kaplan-meier", "method": method, "n": n, "strata": strata])
    }
}

extension TurnbullCurve: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["label": label, "n": n, "time": time, "survival": survival])
    }
}
