import CohortData
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The `mcf` fixtures (R `survfit(Surv(start, stop, event) ~ g, id = id)`;
/// Tests/Reference/recurrence.R) run against `MeanCumulativeFunction.fit`
/// directly, every fixture field compared with the result struct.
@Suite struct MeanCumulativeFunctionReferenceTests {
    @Test("Mean cumulative functions with clustered errors match R survfit with id =", arguments: Repository.fixtures("mcf"))
    func curvesMatchR(caseName: String) throws {
        let command = try FixtureCommand(kind: "mcf", caseName: caseName)
        let frame = try command.frame { formula, cohort, options in
            try formula.groupingFrame(on: cohort, options: options)
        }
        let confLevel = try command.double("--conf-level", default: 0.95)
        command.expectEveryOptionMapped()
        let result = try MeanCumulativeFunction.fit(frame, confLevel: confLevel)
        expectMatchesFixture(result.fixtureValue, command)
    }
}

extension MeanCumulativeFunctionResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "analysis": "mcf",  // the JSON layer's tag for this result
            "n": n,
            "events": events,
            "n_dropped_missing": nDroppedMissing,
            "conf_type": confType,
            "conf_level": confLevel,
            "strata": strata,
            "rows": rows,
        ])
    }
}

extension MeanCumulativeFunctionCurve: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "label": label,
            "subjects": subjects,
            "events": events,
            "time": time,
            "n_risk": nRisk,
            "n_event": nEvent,
            "mcf": mcf,
            "std_err": stdErr,
            "lower": lower,
            "upper": upper,
        ])
    }
}
