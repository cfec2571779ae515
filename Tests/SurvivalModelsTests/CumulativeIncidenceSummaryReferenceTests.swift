import CohortData
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The `cif-times` fixtures (R `summary(survfit(Surv(t, factor(event)) ~ g),
/// times = )` with its log limits; Tests/Reference/cif_times.R) run against
/// `CumulativeIncidence.fit(_:times:extend:)` directly.
@Suite struct CumulativeIncidenceSummaryReferenceTests {
    @Test("Incidence, errors and log limits at chosen times match R summary(survfit, times =)",
          arguments: Repository.fixtures("cif-times"))
    func summaryMatchesR(caseName: String) throws {
        let command = try FixtureCommand(kind: "cif-times", caseName: caseName, subcommand: "cif")
        let competingStatus = command.value("--competing-status")
        let frame = try command.frame(allowCompetingRisks: true) { cohort, formula in
            guard let competingStatus else { return cohort }
            guard case .rightCensored(_, .variable(let status))? = formula.response else {
                Issue.record("--competing-status needs Surv(time, status) with a plain status column")
                return cohort
            }
            return try cohort.replacingWithCompetingCode(status: status, competingStatus: competingStatus)
        } build: { formula, cohort, options in
            try formula.groupingFrame(on: cohort, options: options)
        }
        let times = try command.doubles("--times")
        let extend = command.flag("--extend")
        command.expectEveryOptionMapped()
        let result = try CumulativeIncidence.fit(frame, times: times, extend: extend)
        expectMatchesFixture(result.fixtureValue, command)
        // Without --times the curves carry no summary (and keep the JSON unchanged).
        #expect(try CumulativeIncidence.fit(frame).strata.allSatisfy { $0.summaryAt == nil })
    }

    /// R's summary() drops a time past a curve's last time (extend = FALSE):
    /// with every requested time past a curve's end the fit says so.
    @Test func timesPastEveryCurveEndAreAnError() throws {
        let cohort = try Cohort(columns: [
            ("time", .numeric([1, 2, 3, 4])), ("event", .numeric([1, 2, 0, 1])),
        ])
        let frame = try Formula("Surv(time, event) ~ 1").groupingFrame(
            on: cohort, options: ModelFrameOptions(allowCompetingRisks: true))
        #expect(throws: ModelError.self) { try CumulativeIncidence.fit(frame, times: [5]) }
        // extend = TRUE keeps it, with the last values: by hand, cause 1 at 4 is
        // 1/4 + (1/2)·1 = 0.75 (the last subject fails of cause 1), n.risk 0.
        let extended = try CumulativeIncidence.fit(frame, times: [5], extend: true)
        let at = try #require(extended.strata.first?.summaryAt)
        #expect(at.time == [5] && at.nRisk == [0])
        #expect(abs((at.cif["1"]?[0] ?? 0) - 0.75) < 1e-12)
    }
}
