import CohortData
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The `recur` fixtures (R `coxph` recurrent-event fits: AG, PWP-TT, PWP-GT,
/// WLW; Tests/Reference/recur.R) run against `RecurrentEventsModel`
/// directly — formula rewrite, frame preparation, fit — every fixture field
/// compared with the result struct.
@Suite struct RecurrentEventsReferenceTests {
    @Test("Recurrent-event Cox models match R coxph for each model", arguments: Repository.fixtures("recur"))
    func modelsMatchR(caseName: String) throws {
        let command = try FixtureCommand(kind: "recur", caseName: caseName)
        let model = try command.choice("--model", default: RecurrentEventsModel.ag)
        // `rewrite` reshapes the formula (PWP-GT gap time, WLW from time 0);
        // `fit` prepares the frame (PWP strata(enum) from the cluster) and fits.
        let frame = try command.frame(rewrite: { try model.rewrite($0) }) { formula, cohort, options in
            try formula.modelFrame(on: cohort, options: options)
        }
        var options = CoxOptions()
        options.ties = try command.choice("--ties", default: CoxTies.efron)
        options.confLevel = try command.double("--conf-level", default: 0.95)
        command.expectEveryOptionMapped()
        let result = try model.fit(frame, options: options)
        expectMatchesFixture(result.fixtureValue, command)
    }
}

extension RecurrentEventsResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "analysis": "recurrent-events",  // the JSON layer's tag for this result
            "model": model.rawValue,
            "ties": cox.ties.rawValue,
            "n": cox.n,
            "events": cox.events,
            "n_dropped_missing": cox.nDroppedMissing,
            "iterations": cox.iterations,
            "converged": cox.converged,
            "coefficients": cox.coefficients,
            "loglik_null": cox.loglikNull,
            "loglik": cox.loglik,
            "tests": FixtureValue.record([
                "likelihood_ratio": cox.tests.likelihoodRatio,
                "wald": cox.tests.wald,
                "score": cox.tests.score,
            ]),
            "concordance": cox.concordance.map { FixtureValue.record(["c": $0.c, "se": $0.se]) },
            "variance": cox.variance,
            "rows": cox.rows,
        ])
    }
}

extension CoxCoefficient: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "term": term,
            "coef": coef,
            "se": se,
            "robust_se": robustSE,
            "z": z,
            "p": p,
            "hr": hr,
            "hr_lower": hrLower,
            "hr_upper": hrUpper,
        ])
    }
}
