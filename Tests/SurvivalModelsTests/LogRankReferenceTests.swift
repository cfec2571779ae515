import CohortData
@testable import SurvivalModels
import SurvivalTestSupport
import Testing

/// The `logrank` fixtures (R `survdiff`; Tests/Reference/km_logrank.R) run
/// against `LogRank.test` directly, every fixture field compared with the result struct.
@Suite struct LogRankReferenceTests {
    @Test("G-rho tests, observed and expected counts and variances match R survdiff", arguments: Repository.fixtures("logrank"))
    func testsMatchR(caseName: String) throws {
        let command = try FixtureCommand(kind: "logrank", caseName: caseName)
        let frame = try command.frame { formula, cohort, options in
            try formula.groupingFrame(on: cohort, options: options)
        }
        let rho = try command.double("--rho", default: 0)
        command.expectEveryOptionMapped()
        let result = try LogRank.test(frame, rho: rho)
        expectMatchesFixture(result.fixtureValue, command)
        // The path taken when the time × group table would be too large.
        let untabulated = try LogRank.test(frame, rho: rho, tableLimit: 0)
        expectMatchesFixture(untabulated.fixtureValue, command)
    }
}

/// On data with few distinct times (the registry shape) the log-rank sums
/// come from the hash-table pass; they equal the per-time gather's bit for bit.
@Suite struct LogRankCountingPathTests {
    @Test func fewDistinctTimesGiveTheSameTestAsTheGather() throws {
        var state: UInt64 = 99
        func next(_ n: UInt64) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double((state >> 33) % n)
        }
        let n = 20_000
        let time = (0..<n).map { _ in next(300) + 1 }
        let status = (0..<n).map { _ in next(3) == 0 ? 0.0 : 1.0 }
        let group = (0..<n).map { _ in next(4) }
        let cohort = try Cohort(columns: [
            ("time", .numeric(time)), ("status", .numeric(status)), ("g", .numeric(group)),
        ])
        let frame = try Formula("Surv(time, status) ~ g")
            .groupingFrame(on: cohort)
        for rho in [0.0, 1.0] {
            let counted = try LogRank.test(frame, rho: rho)
            let gathered = try LogRank.test(frame, rho: rho, tableLimit: 0)
            #expect(counted.statistic.bitPattern == gathered.statistic.bitPattern)
            #expect(counted.groups.map(\.expected.bitPattern) == gathered.groups.map(\.expected.bitPattern))
            #expect(counted.variance.flatMap { $0 }.map(\.bitPattern) == gathered.variance.flatMap { $0 }.map(\.bitPattern))
        }
    }
}

extension LogRankResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "analysis": "logrank",  // the JSON layer's tag for this result
            "rho": rho,
            "n": n,
            "n_dropped_missing": nDroppedMissing,
            "n_strata": nStrata,
            "groups": groups,
            "statistic": statistic,
            "df": df,
            "p": p,
            "variance": variance,
            "trend": trend,  // with --trend (Tests/Fixtures/logrank-trend)
            "rows": rows,
        ])
    }
}

extension LogRankGroup: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["label": label, "n": n, "observed": observed, "expected": expected])
    }
}
