import Foundation
import SurvivalTestSupport
import Testing

/// `survkit km` against R `survfit` / `quantile.survfit` / `summary(rmean=)`
/// on real datasets. Expected values: Tests/Reference/km_logrank.R.
@Suite struct KaplanMeierFixtureTests {
    @Test("survkit km matches R survfit on every contract field", arguments: Repository.fixtures("km"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/km/\(caseName).json")
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }
}

/// `survkit logrank` against R `survdiff`. Expected values: Tests/Reference/km_logrank.R.
@Suite struct LogRankFixtureTests {
    @Test("survkit logrank matches R survdiff", arguments: Repository.fixtures("logrank"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/logrank/\(caseName).json")
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }
}
