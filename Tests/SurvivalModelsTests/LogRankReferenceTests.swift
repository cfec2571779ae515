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
            "rows": rows,
        ])
    }
}

extension LogRankGroup: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["label": label, "n": n, "observed": observed, "expected": expected])
    }
}
