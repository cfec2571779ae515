import Foundation
import SurvivalTestSupport
import Testing

/// `survkit cox` on R's edge cases (Tests/Reference/cox_edge.R): where the
/// iteration stops on a monotone likelihood, `--max-iterations 0` and 2, times
/// 1e-15 apart (timefix), a zero-event group — coefficients, log-likelihoods,
/// iteration count, convergence, concordance and R's warnings word for word in
/// JSON `warnings` (and on stderr); a single-level factor exits 1 naming it.
@Suite struct CoxEdgeCLITests {
    @Test("survkit cox matches R on the edge cases", arguments: Repository.fixtures("cox-edge/cli"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/cox-edge/cli/\(caseName).json")
        let args = try #require(fixture["args"] as? [String])
        let run = try CommandRunner.spawn(args)
        #expect(run.status == 0, "\(caseName): exit \(run.status): \(run.stderr)")
        let actual = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
        for w in fixture["warnings"] as? [String] ?? [] {
            #expect(run.stderr.contains(w.trimmingCharacters(in: .whitespaces)), "\(caseName): stderr lacks \(w)")
        }
        #expect(!run.stdout.contains("NaN") && !run.stdout.contains("Infinity"))
    }

    @Test("a factor with one level is refused with exit 1 and a message naming it, as R's contrasts error")
    func singleLevelFactorExitsOne() throws {
        let run = try CommandRunner.spawn(
            ["cox", "Tests/Fixtures/cox-edge/single_level.csv", "--formula", "Surv(time, status) ~ x + g"])
        #expect(run.status == 1, "exit \(run.status): \(run.stderr)")
        #expect(run.stderr.contains("\"g\"") && run.stderr.contains("only one level")
                && run.stderr.contains("2 or more levels"), "\(run.stderr)")
        // As in R, a single-level stratum is fine.
        let strata = try CommandRunner.spawn(
            ["cox", "Tests/Fixtures/cox-edge/single_level.csv", "--formula", "Surv(time, status) ~ x + strata(g)",
             "--format", "json"])
        #expect(strata.status == 0, "\(strata.stderr)")
    }
}
