import CohortData
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The `cif` fixtures (R `survfit(Surv(time, factor(event)) ~ g)` and
/// `cmprsk::cuminc`; Tests/Reference/recurrence.R) run against
/// `CumulativeIncidence.fit` directly, every fixture field compared with the result struct.
@Suite struct CumulativeIncidenceReferenceTests {
    @Test("Aalen–Johansen incidence, jackknife errors and Gray's test match R", arguments: Repository.fixtures("cif"))
    func incidenceMatchesR(caseName: String) throws {
        let command = try FixtureCommand(kind: "cif", caseName: caseName)
        let competingStatus = command.value("--competing-status")
        let frame = try command.frame(allowCompetingRisks: true) { cohort, formula in
            // As `survkit cif`: the competing status recodes the formula's own status column.
            guard let competingStatus else { return cohort }
            guard case .rightCensored(_, .variable(let status))? = formula.response else {
                Issue.record("--competing-status needs Surv(time, status) with a plain status column")
                return cohort
            }
            return try cohort.replacingWithCompetingCode(status: status, competingStatus: competingStatus)
        } build: { formula, cohort, options in
            try formula.groupingFrame(on: cohort, options: options)
        }
        command.expectEveryOptionMapped()
        let result = try CumulativeIncidence.fit(frame)
        expectMatchesFixture(result.fixtureValue, command)
    }
}

extension CumulativeIncidenceResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "analysis": "cumulative-incidence",  // the JSON layer's tag for this result
            "n": n,
            "n_dropped_missing": nDroppedMissing,
            "causes": causes,
            "strata": strata,
            "gray_test": grayTest,
            "rows": rows,
        ])
    }
}

extension CumulativeIncidenceCurve: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "label": label,
            "n": n,
            "time": time,
            "n_risk": nRisk,
            "n_event": nEvent,  // by cause
            "cif": cif,  // by cause
            "std_err": stdErr,  // by cause
            "summary_at": summaryAt,  // with --times (Tests/Fixtures/cif-times)
        ])
    }
}

extension CumulativeIncidenceSummaryAt: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "time": time, "n_risk": nRisk, "cif": cif, "std_err": stdErr,  // by cause
            "lower": lower, "upper": upper,  // by cause, null where the incidence is 0
        ])
    }
}

extension GrayTestResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["statistic": statistic, "df": df, "p": p])
    }
}
