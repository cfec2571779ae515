import Foundation
import SurvivalTestSupport
import Testing

/// `survkit recur` against R `coxph` recurrent-event fits (AG, PWP-TT, PWP-GT,
/// WLW) on bladder2, bladder and cgd. Expected values: Tests/Reference/recur.R.
@Suite struct RecurFixtureTests {
    @Test("survkit recur matches R coxph for each recurrent-event model", arguments: Repository.fixtures("recur"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/recur/\(caseName).json")
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }

    @Test("PWP without strata(enum) builds the event number and says so")
    func builtEnumNote() throws {
        let json = try #require(try CommandRunner.runJSON([
            "recur", "datasets/bladder2.csv", "--formula", "Surv(start, stop, event) ~ rx + cluster(id)",
            "--model", "pwp-tt", "--format", "json",
        ]) as? [String: Any])
        let warnings = try #require(json["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("strata(enum) built") })
    }

    @Test("WLW without strata and any model without cluster(id) are refused")
    func refusals() {
        #expect(throws: (any Error).self) {
            try CommandRunner.run([
                "recur", "datasets/bladder.csv", "--formula", "Surv(stop, event) ~ rx + cluster(id)", "--model", "wlw",
            ])
        }
        #expect(throws: (any Error).self) {
            try CommandRunner.run([
                "recur", "datasets/bladder2.csv", "--formula", "Surv(start, stop, event) ~ rx", "--model", "ag",
            ])
        }
    }

    @Test("survkit cox JSON carries no model key")
    func coxUnchanged() throws {
        let json = try #require(try CommandRunner.runJSON([
            "cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age", "--format", "json",
        ]) as? [String: Any])
        #expect(json["model"] == nil)
        #expect(json["analysis"] as? String == "cox")
    }
}
