import Foundation
import SurvivalTestSupport
import Testing

/// `survkit cox` against R `coxph`, `cox.zph` and `residuals.coxph` on real
/// datasets, every contract field. Expected values: Tests/Reference/cox_cli.R.
@Suite struct CoxFixtureTests {
    @Test("survkit cox matches R coxph on every contract field", arguments: Repository.fixtures("cox-cli"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/cox-cli/\(caseName).json")
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }
}
