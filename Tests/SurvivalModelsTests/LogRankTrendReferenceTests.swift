import CohortData
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The `logrank-trend` fixtures (the test for trend from R survdiff's
/// observed, expected and variance; Tests/Reference/logrank_trend.R) run
/// against `LogRankResult.trend(scores:)` with the command's default scores.
@Suite struct LogRankTrendReferenceTests {
    @Test("The log-rank test for trend matches R survdiff's matrices", arguments: Repository.fixtures("logrank-trend"))
    func trendMatchesR(caseName: String) throws {
        let command = try FixtureCommand(kind: "logrank-trend", caseName: caseName, subcommand: "logrank")
        let frame = try command.frame { formula, cohort, options in
            try formula.groupingFrame(on: cohort, options: options)
        }
        let rho = try command.double("--rho", default: 0)
        #expect(command.flag("--trend"))
        let given = try command.value("--trend-scores").map { _ in try command.doubles("--trend-scores") }
        command.expectEveryOptionMapped()
        var result = try LogRank.test(frame, rho: rho)
        // As `survkit logrank --trend`: the level values, else 1..k.
        let variable = try #require(Formula(command.required("--formula")).terms.first?.variables.first)
        let levels = try #require(
            LogRankTrend.levels(ofLabels: result.groups.map(\.label), names: [variable.label, variable.baseName]))
        result.trend = try result.trend(scores: given ?? LogRankTrend.defaultScores(levels: levels))
        expectMatchesFixture(result.fixtureValue, command)
    }

    @Test func levelsAndDefaultScores() {
        #expect(LogRankTrend.levels(ofLabels: ["stage=1", "stage=2", "stage=10"]) == ["1", "2", "10"])
        // Levels that contain "=": the variable's name decides; without it the shared prefix up to its last "=".
        #expect(LogRankTrend.levels(ofLabels: ["x=a=1", "x=a=2"], names: ["x"]) == ["a=1", "a=2"])
        #expect(LogRankTrend.levels(ofLabels: ["x=a=1", "x=a=2"]) == ["1", "2"])
        #expect(LogRankTrend.levels(ofLabels: ["factor(x)=1", "factor(x)=2"], names: ["x"]) == ["1", "2"])
        #expect(LogRankTrend.levels(ofLabels: ["a", "b"]) == nil)
        #expect(LogRankTrend.defaultScores(levels: ["0", "0.5", "1"]) == [0, 0.5, 1])
        #expect(LogRankTrend.defaultScores(levels: ["low", "mid", "high"]) == [1, 2, 3])
        #expect(LogRankTrend.defaultScores(levels: ["1", "2", "x"]) == [1, 2, 3])
    }

    @Test func constantScoresGiveNoStatisticAndWrongCountsThrow() throws {
        let cohort = try Cohort(columns: [
            ("time", .numeric([1, 2, 3, 4, 5, 6])), ("status", .numeric([1, 1, 0, 1, 1, 0])),
            ("g", .numeric([1, 2, 3, 1, 2, 3])),
        ])
        let result = try LogRank.test(Formula("Surv(time, status) ~ g").groupingFrame(on: cohort))
        let flat = try result.trend(scores: [2, 2, 2])
        #expect(flat.statistic == nil && flat.p == nil && flat.df == 1)
        #expect(throws: ModelError.self) { try result.trend(scores: [1, 2]) }
    }
}

extension LogRankTrend: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["scores": scores, "statistic": statistic, "df": df, "p": p])
    }
}
