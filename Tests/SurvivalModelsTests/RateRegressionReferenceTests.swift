import CohortData
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The `poisson` and `negbin` fixtures (R `glm(family = poisson)` and
/// `MASS::glm.nb`; Tests/Reference/glm.R) run against `RateRegression`
/// directly, every fixture field compared with the result struct.
@Suite struct RateRegressionReferenceTests {
    @Test("Poisson rate regression matches R glm", arguments: Repository.fixtures("poisson"))
    func poissonMatchesR(caseName: String) throws {
        try check(kind: "poisson", caseName: caseName, fit: RateRegression.poisson)
    }

    @Test("Negative-binomial rate regression matches R MASS::glm.nb", arguments: Repository.fixtures("negbin"))
    func negativeBinomialMatchesR(caseName: String) throws {
        try check(kind: "negbin", caseName: caseName, fit: RateRegression.negativeBinomial)
    }

    /// As `survkit poisson` / `negbin`: the count frame, the formula's own
    /// intercept, `--max-iterations` and `--conf-level`.
    func check(
        kind: String, caseName: String,
        fit: (CountModelFrame, RateRegressionOptions) throws(ModelError) -> RateRegressionResult
    ) throws {
        let command = try FixtureCommand(kind: kind, caseName: caseName)
        var intercept = true
        let frame = try command.frame(rewrite: { formula in
            intercept = formula.hasIntercept
            return formula
        }) { formula, cohort, options in
            try formula.countFrame(on: cohort, options: options)
        }
        let options = RateRegressionOptions(
            intercept: intercept, control: GLMControl(maxIterations: try command.int("--max-iterations", default: 25)),
            confLevel: try command.double("--conf-level", default: 0.95))
        command.expectEveryOptionMapped()
        let result = try fit(frame, options)
        expectMatchesFixture(result.fixtureValue, command)
    }
}

extension RateRegressionResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "analysis": family.rawValue,  // `poisson` or `negative-binomial`
            "n": n,
            "events": events,
            "n_dropped_missing": nDroppedMissing,
            "iterations": iterations,
            "converged": converged,
            "coefficients": coefficients,
            "deviance": deviance,
            "null_deviance": nullDeviance,
            "df_residual": dfResidual,
            "df_null": dfNull,
            "aic": aic,
            "loglik": loglik,
            "theta": theta,
            "theta_se": thetaSE,
            "variance": variance,
            "rows": rows,
        ])
    }
}

extension RateCoefficient: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "term": term,
            "coef": coef,
            "se": se,
            "robust_se": robustSE,
            "z": z,
            "p": p,
            "rr": rr,
            "rr_lower": rrLower,
            "rr_upper": rrUpper,
        ])
    }
}
