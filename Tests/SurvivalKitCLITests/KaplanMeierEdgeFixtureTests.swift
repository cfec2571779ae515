import Foundation
import SurvivalTestSupport
import Testing

/// `survkit km`, `logrank`, `cif`, `survreg`, `poisson` and `negbin` on the
/// edge cases of Tests/Fixtures/km-edge (Tests/Reference/km_edge.R): the JSON
/// matches R where R has numbers; where R errors or returns a degenerate fit
/// the command exits 1 with a message; never NaN or Inf in text or JSON.
@Suite struct KaplanMeierEdgeFixtureTests {
    @Test("Edge cases: R's numbers, or exit 1 with a clear message", arguments: Repository.fixtures("km-edge"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/km-edge/\(caseName).json")
        let args = try #require(fixture["args"] as? [String])
        let run = try CommandRunner.spawn(args)
        if let exit = fixture["exit_code"] as? Int {
            let fragment = try #require(fixture["stderr_contains"] as? String)
            #expect(run.status == Int32(exit), "\(caseName): exit \(run.status), stderr \(run.stderr)")
            #expect(run.stderr.contains(fragment), "\(caseName): stderr \(run.stderr)")
            #expect(!run.stderr.contains("EncodingError"), "\(caseName): \(run.stderr)")
        } else {
            #expect(run.status == 0, "\(caseName): exit \(run.status), stderr \(run.stderr)")
            let actual = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
            var comparison = JSONComparison()
            comparison.ignoredKeys.insert("r_note")
            let diffs = comparison.differences(expected: fixture, actual: actual)
            #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
        }
        // The text report: NA where R has NA, never NaN or Inf.
        let textArgs = Array(args.prefix { $0 != "--format" })
        let text = try CommandRunner.spawn(textArgs)
        for token in ["NaN", "nan", "Inf", "inf "] {
            #expect(!text.stdout.contains(token), "\(caseName): \(token) in the text report\n\(text.stdout)")
        }
    }

    @Test("Integer-valued weighted counts print as integers; fractional ones as they are")
    func weightedCountsInJSON() throws {
        let unweighted = try CommandRunner.run(["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex", "--format", "json"])
        #expect(unweighted.contains("\"events\" : 165,") || unweighted.contains("\"events\" : 165\n"))
        #expect(!unweighted.contains("165.0"))
        let weighted = try CommandRunner.run([
            "km", "Tests/Fixtures/km-edge/data/fracwt.csv", "--formula", "Surv(time, status) ~ 1", "--weights", "w",
        ])
        #expect(weighted.contains("events = 15.75"), "\(weighted)")
    }

    @Test("--extend needs --times")
    func extendNeedsTimes() throws {
        let run = try CommandRunner.spawn(["km", "datasets/aml.csv", "--formula", "Surv(time, status) ~ x", "--extend"])
        #expect(run.status == 2, "exit \(run.status)")
        #expect(run.stderr.contains("--times"))
    }
}
