import CohortData
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The `rates` fixtures (R `poisson.test`; Tests/Reference/recurrence.R) run
/// against `EventRates.compute` directly, every fixture field compared with the result struct.
@Suite struct EventRatesReferenceTests {
    @Test("Person-time rates, exact limits and rate ratios match R poisson.test", arguments: Repository.fixtures("rates"))
    func ratesMatchR(caseName: String) throws {
        let command = try FixtureCommand(kind: "rates", caseName: caseName)
        // As `survkit rates`: the columns read through `events ~ by + offset(person_time)`.
        func quoted(_ name: String) -> String { "`\(name)`" }
        let events = try command.required("--events")
        let personTime = try command.required("--person-time")
        let by = command.value("--by")
        let formula = "\(quoted(events)) ~ \(by.map(quoted) ?? "1") + offset(\(quoted(personTime)))"
        let frame = try command.frame(formula: formula) { formula, cohort, options in
            try formula.countGroupingFrame(on: cohort, options: options)
        }
        let per = try command.double("--per", default: 1000)
        let confLevel = try command.double("--conf-level", default: 0.95)
        command.expectEveryOptionMapped()
        let result = try EventRates.compute(
            events: frame.response, personTime: try #require(frame.offset), grouping: frame.groups, per: per,
            confLevel: confLevel, rows: frame.rows, warnings: frame.warnings)
        expectMatchesFixture(result.fixtureValue, command)
    }
}

extension EventRatesResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "analysis": "rates",  // the JSON layer's tag for this result
            "per": per,
            "conf_level": confLevel,
            "groups": groups,
            "rows": rows,
        ])
    }
}

extension EventRateGroup: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "label": label,
            "events": events,
            "person_time": personTime,
            "rate": rate,
            "lower": lower,
            "upper": upper,
            "rate_ratio": rateRatio,
            "rr_lower": rrLower,
            "rr_upper": rrUpper,
        ])
    }
}
