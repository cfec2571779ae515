import Foundation
import SurvivalTestSupport
import Testing

/// `survkit survreg` against R `survreg` on real datasets, every contract field
/// (coefficients, scale, log-scale, log-likelihoods, test, AIC, variance,
/// iteration count). Expected values: Tests/Reference/survreg.R.
@Suite struct SurvregFixtureTests {
    @Test("survkit survreg matches R survreg on every contract field", arguments: Repository.fixtures("survreg"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/survreg/\(caseName).json")
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }
}
