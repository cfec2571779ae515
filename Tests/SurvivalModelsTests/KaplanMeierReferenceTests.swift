import CohortData
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The `km` fixtures (R `survfit`, `quantile.survfit`, `summary(rmean =)`;
/// Tests/Reference/km_logrank.R) run against `KaplanMeier.fit` directly, every
/// fixture field compared with the result struct.
@Suite struct KaplanMeierReferenceTests {
    @Test("Kaplan–Meier curves, medians and restricted means match R survfit", arguments: Repository.fixtures("km"))
    func curvesMatchR(caseName: String) throws {
        let command = try FixtureCommand(kind: "km", caseName: caseName)
        let frame = try command.frame { formula, cohort, options in
            try formula.groupingFrame(on: cohort, options: options)
        }
        let options = KaplanMeierOptions(
            confType: try command.choice("--conf-type", default: ConfidenceType.log),
            confLevel: try command.double("--conf-level", default: 0.95),
            times: try command.doubles("--times"),
            tau: try command.optionalDouble("--tau"),
            extend: command.flag("--extend"))
        command.expectEveryOptionMapped()
        let result = try KaplanMeier.fit(frame, options: options)
        expectMatchesFixture(result.fixtureValue, command)
    }
}

extension KaplanMeierResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "analysis": "kaplan-meier",  // the JSON layer's tag for this result
            "n": n,
            "events": events,
            "n_dropped_missing": nDroppedMissing,
            "conf_type": confType.rawValue,
            "conf_level": confLevel,
            "strata": strata,
            "rows": rows,
        ])
    }
}

extension KaplanMeierCurve: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "label": label,
            "n": n,
            "events": events,
            "time": time,
            "n_risk": nRisk,
            "n_event": nEvent,
            "n_censor": nCensor,
            "survival": survival,
            "std_err": stdErr,
            "lower": lower,
            "upper": upper,
            "cumhaz": cumhaz,
            "median": median,
            "median_lower": medianLower,
            "median_upper": medianUpper,
            "rmst": rmst,
            "summary_at": summaryAt,
        ])
    }
}

extension RestrictedMean: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["tau": tau, "estimate": estimate, "std_err": stdErr])
    }
}

extension SurvivalSummaryAt: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "time": time,
            "n_risk": nRisk,
            "n_event": nEvent,
            "survival": survival,
            "std_err": stdErr,
            "lower": lower,
            "upper": upper,
        ])
    }
}
