import CohortData
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The edge cases of Tests/Fixtures/km-edge (Tests/Reference/km_edge.R) run
/// against the estimators directly: fractional case weights (R survfit's
/// infinitesimal-jackknife variance), `times` with and without `extend`,
/// all-censored, one-row and all-tied strata, near-tied times, zero-event
/// groups, and the fits R cannot make (survreg on a constant covariate or a
/// collapsing scale, negbin on one row), which must throw a `ModelError`
/// whose message contains the case's `stderr_contains`.
@Suite struct KaplanMeierEdgeReferenceTests {
    @Test("Edge cases match R (survfit, survdiff, survfit multi-state, survreg, glm.nb)",
          arguments: Repository.fixtures("km-edge"))
    func edgeCaseMatchesR(caseName: String) throws {
        let fixture = try Repository.fixture("km-edge", caseName)
        let subcommand = try #require((fixture["args"] as? [String])?.first)
        let command = try FixtureCommand(kind: "km-edge", caseName: caseName, subcommand: subcommand)
        let expectedExit = fixture["exit_code"] as? Int
        let fragment = fixture["stderr_contains"] as? String ?? ""
        do {
            let value = try fit(subcommand, command)
            command.expectEveryOptionMapped()
            switch expectedExit {
            case nil:
                expectMatchesFixture(value.mapped, command)
            case 0?:
                #expect(value.warnings.contains { $0.contains(fragment) }, "\(caseName): warnings \(value.warnings)")
            default:
                Issue.record("\(caseName): expected a ModelError containing \"\(fragment)\", the fit succeeded")
            }
        } catch let error as ModelError {
            #expect(expectedExit == 1, "\(caseName): unexpected error \(error.message)")
            #expect(error.message.contains(fragment), "\(caseName): \(error.message)")
        }
    }

    /// The result of the fixture's command, as `survkit <subcommand>` computes it.
    func fit(_ subcommand: String, _ command: FixtureCommand) throws -> (mapped: FixtureValue, warnings: [String]) {
        switch subcommand {
        case "km":
            let frame = try command.frame { formula, cohort, options in try formula.groupingFrame(on: cohort, options: options) }
            let options = KaplanMeierOptions(
                confType: try command.choice("--conf-type", default: ConfidenceType.log),
                times: try command.doubles("--times"), extend: command.flag("--extend"))
            let r = try KaplanMeier.fit(frame, options: options)
            return (r.fixtureValue, r.warnings)
        case "logrank":
            let frame = try command.frame { formula, cohort, options in try formula.groupingFrame(on: cohort, options: options) }
            let r = try LogRank.test(frame)
            return (r.fixtureValue, r.warnings)
        case "cif":
            let frame = try command.frame(allowCompetingRisks: true) { formula, cohort, options in
                try formula.groupingFrame(on: cohort, options: options)
            }
            let r = try CumulativeIncidence.fit(frame)
            return (r.fixtureValue, r.warnings)
        case "survreg":
            let frame = try command.frame { formula, cohort, options in try formula.modelFrame(on: cohort, options: options) }
            let r = try SurvregModel.fit(frame).makeResult()
            return (r.fixtureValue, r.warnings)
        case "poisson", "negbin":
            var intercept = true
            let frame = try command.frame(rewrite: { formula in
                intercept = formula.hasIntercept
                return formula
            }) { formula, cohort, options in try formula.countFrame(on: cohort, options: options) }
            let options = RateRegressionOptions(intercept: intercept)
            let r = subcommand == "poisson"
                ? try RateRegression.poisson(frame, options: options)
                : try RateRegression.negativeBinomial(frame, options: options)
            return (r.fixtureValue, r.warnings)
        default:
            throw ModelError("no mapping for \(subcommand)")
        }
    }
}
