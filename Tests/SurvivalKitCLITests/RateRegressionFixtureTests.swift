import Foundation
import SurvivalTestSupport
import Testing

/// `survkit poisson` and `survkit negbin` against R `glm(family = poisson)` and
/// `MASS::glm.nb` on quine and the sarcoma cohort (per patient and aggregated).
/// Expected values: Tests/Reference/glm.R.
@Suite struct RateRegressionFixtureTests {
    @Test("survkit poisson matches R glm", arguments: Repository.fixtures("poisson"))
    func poissonMatchesR(caseName: String) throws {
        try check("poisson", caseName)
    }

    @Test("survkit negbin matches R MASS::glm.nb", arguments: Repository.fixtures("negbin"))
    func negbinMatchesR(caseName: String) throws {
        try check("negbin", caseName)
    }

    func check(_ kind: String, _ caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/\(kind)/\(caseName).json")
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(kind) \(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }

    @Test("a Surv response or a negative count is refused")
    func refusals() {
        #expect(throws: (any Error).self) {
            try CommandRunner.run(["poisson", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age"])
        }
        #expect(throws: (any Error).self) {
            try CommandRunner.run(["negbin", "datasets/lung.csv", "--formula", "I(age - 60) ~ sex"])
        }
    }

    @Test("text report shows the coefficient table, deviances and AIC")
    func textReport() throws {
        let text = try CommandRunner.run(["negbin", "datasets/quine.csv", "--formula", "Days ~ Eth + Sex + Age + Lrn"])
        #expect(text.contains("(Intercept)"))
        #expect(text.contains("Residual deviance"))
        #expect(text.contains("Theta ="))
        #expect(text.contains("AIC"))
    }
}
