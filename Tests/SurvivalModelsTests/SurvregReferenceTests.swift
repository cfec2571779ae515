import CohortData
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The `survreg` fixtures (R `survreg`; Tests/Reference/survreg.R) run against
/// `SurvregModel.fit(...).makeResult()` directly, every fixture field compared
/// with the result struct.
@Suite struct SurvregReferenceTests {
    @Test("Parametric AFT fits match R survreg on every fixture field", arguments: Repository.fixtures("survreg"))
    func fitsMatchR(caseName: String) throws {
        let command = try FixtureCommand(kind: "survreg", caseName: caseName)
        let frame = try command.frame { formula, cohort, options in
            try formula.modelFrame(on: cohort, options: options)
        }
        var options = SurvregOptions(distribution: try command.choice("--dist", default: SurvregDistribution.weibull))
        options.maxIterations = try command.int("--max-iterations", default: 30)
        command.expectEveryOptionMapped()
        let result = try SurvregModel.fit(frame, options: options).makeResult()
        expectMatchesFixture(result.fixtureValue, command)
    }
}

extension SurvregResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "analysis": "survreg",  // the JSON layer's tag for this result
            "dist": dist.rawValue,
            "n": n,
            "events": events,
            "n_dropped_missing": nDroppedMissing,
            "iterations": iterations,
            "converged": converged,
            "coefficients": coefficients,
            "scale": scale,
            "log_scale": logScale,
            "strata_scales": strataScales,
            "loglik": loglik,
            "loglik_null": loglikNull,
            "tests": FixtureValue.record(["likelihood_ratio": tests.likelihoodRatio]),
            "aic": aic,
            "variance": variance,
            "variance_terms": varianceTerms,
            "rows": rows,
        ])
    }
}

extension SurvregCoefficient: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "term": term, "coef": coef, "se": se, "z": z, "p": p, "hr": hr, "hr_lower": hrLower, "hr_upper": hrUpper,
        ])
    }
}

extension SurvregLogScale: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["estimate": estimate, "se": se, "z": z, "p": p])
    }
}

extension SurvregStratumScale: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["label": label, "scale": scale, "log_scale": logScale])
    }
}
