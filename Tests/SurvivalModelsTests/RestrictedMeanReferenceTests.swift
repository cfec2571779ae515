import CohortData
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The `rmst` fixtures (R `print(survfit(...), rmean = tau)` and survRM2
/// rmst2's contrast formulas; Tests/Reference/rmst.R) run against
/// `RestrictedMeanComparison.compare` directly.
@Suite struct RestrictedMeanReferenceTests {
    @Test("Restricted means, se(rmean), differences and ratios match R", arguments: Repository.fixtures("rmst"))
    func comparisonMatchesR(caseName: String) throws {
        let command = try FixtureCommand(kind: "rmst", caseName: caseName)
        let frame = try command.frame { formula, cohort, options in
            try formula.groupingFrame(on: cohort, options: options)
        }
        let tau = try command.double("--tau", default: .nan)
        command.expectEveryOptionMapped()
        let result = try RestrictedMeanComparison.compare(frame, tau: tau)
        expectMatchesFixture(result.fixtureValue, command)
        // The warning about tau past a group's follow-up is there exactly when it applies.
        let past = result.groups.filter { tau > $0.lastTime }
        #expect(result.warnings.filter { $0.hasPrefix("tau = ") }.count == past.count)
    }

    @Test func strataAndCountingProcessDataAreRefused() throws {
        let cohort = try Cohort(columns: [
            ("start", .numeric([0, 0, 1, 0])), ("time", .numeric([1, 2, 3, 4])),
            ("status", .numeric([1, 0, 1, 1])), ("g", .numeric([1, 1, 2, 2])), ("s", .numeric([1, 2, 1, 2])),
        ])
        let stratified = try Formula("Surv(time, status) ~ g + strata(s)").groupingFrame(on: cohort)
        #expect(throws: ModelError.self) { try RestrictedMeanComparison.compare(stratified, tau: 2) }
        let counting = try Formula("Surv(start, time, status) ~ g").groupingFrame(on: cohort)
        #expect(throws: ModelError.self) { try RestrictedMeanComparison.compare(counting, tau: 2) }
    }
}

extension RestrictedMeanComparisonResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "analysis": "rmst",  // the JSON layer's tag for this result
            "tau": tau,
            "n": n,
            "n_dropped_missing": nDroppedMissing,
            "groups": groups,
            "contrasts": contrasts,
            "rows": rows,
        ])
    }
}

extension RestrictedMeanGroup: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "label": label, "n": n, "events": events, "rmst": rmst, "std_err": stdErr, "lower": lower,
            "upper": upper,
        ])
    }
}

extension RestrictedMeanContrast: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "label": label, "difference": difference, "diff_lower": diffLower, "diff_upper": diffUpper,
            "diff_p": diffP, "ratio": ratio, "ratio_lower": ratioLower, "ratio_upper": ratioUpper,
            "ratio_p": ratioP,
        ])
    }
}
