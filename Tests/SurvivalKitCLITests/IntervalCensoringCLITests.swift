import Foundation
import SurvivalTestSupport
import Testing

/// `Surv(left, right, type = "interval2")` end to end: `survkit survreg` and
/// `survkit km` against R (Tests/Reference/interval_censoring.R, also the
/// Weibull hazard ratios on right-censored data), and the refusals and data
/// errors around them.
@Suite struct IntervalCensoringCLITests {
    @Test("survkit matches R on every interval-censoring fixture", arguments: Repository.fixtures("interval"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/interval/\(caseName).json")
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }

    func write(_ csv: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("interval-\(UUID().uuidString).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static let sim = "Tests/Fixtures/interval/data/interval_sim.csv"
    static let formula = "Surv(left, right, type = 'interval2') ~ age + arm"

    @Test("other analyses refuse interval-censored data and name the ones that take it",
          arguments: ["cox", "logrank", "cif", "mcf"])
    func otherCommandsRefuse(command: String) throws {
        let r = try CommandRunner.spawn([command, Repository.url(Self.sim).path, "--formula", Self.formula])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("survkit km") && r.stderr.contains("survkit survreg"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("left after right is a data error at its line")
    func leftAfterRightIsLocated() throws {
        let file = try write("left,right,x\n1,2,0\n3,2.5,1\n,4,0\n2,,1\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CommandRunner.spawn(["km", file.path, "--formula", "Surv(left, right, type = \"interval2\") ~ 1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("line 3") && r.stderr.contains("left ≤ right"), "\(r.stderr)")
    }

    @Test("a negative end is a data error; a zero end cannot be log-transformed by survreg")
    func invalidTimesAreDataErrors() throws {
        let negative = try write("left,right,x\n1,2,0\n-1,2.5,1\n,4,0\n2,,1\n")
        let zero = try write("left,right,x\n1,2,0\n0,2.5,1\n,4,0\n2,,1\n1.5,3,1\n")
        defer {
            try? FileManager.default.removeItem(at: negative)
            try? FileManager.default.removeItem(at: zero)
        }
        let f = "Surv(left, right, type = 'interval2') ~ x"
        let r1 = try CommandRunner.spawn(["survreg", negative.path, "--formula", f])
        #expect(r1.status == 1)
        #expect(r1.stderr.contains("must be ≥ 0"), "\(r1.stderr)")
        let r2 = try CommandRunner.spawn(["survreg", zero.path, "--formula", f])
        #expect(r2.status == 1)
        #expect(r2.stderr.contains("times > 0") && r2.stderr.contains("line 3"), "\(r2.stderr)")
    }

    @Test("a row missing both ends is dropped as a missing response; one missing end is censoring")
    func bothEndsMissingIsDropped() throws {
        let file = try write("left,right\n1,2\n,3\n2,\n,\n1.5,1.5\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let json = try #require(
            try CommandRunner.runJSON(["km", file.path, "--formula", "Surv(left, right, type = 'interval2') ~ 1",
                                       "--format", "json"]) as? [String: Any])
        #expect(json["n"] as? Int == 4)
        #expect(json["method"] as? String == "turnbull")
        #expect((json["rows"] as? [String: Any])?["used"] as? Int == 4)
    }

    @Test("km options of the Kaplan–Meier curve are refused with interval-censored data")
    func kmExtrasAreRefused() throws {
        let r = try CommandRunner.spawn([
            "km", Repository.url(Self.sim).path, "--formula", "Surv(left, right, type = 'interval2') ~ arm",
            "--times", "1,2",
        ])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--times") && r.stderr.contains("interval"), "\(r.stderr)")
    }

    @Test("an unsupported Surv type is a formula error")
    func unsupportedTypeIsAFormulaError() throws {
        let r = try CommandRunner.spawn([
            "survreg", Repository.url(Self.sim).path, "--formula", "Surv(left, right, type = 'left') ~ 1",
        ])
        #expect(r.status != 0)
        #expect(r.stderr.contains("interval2"), "\(r.stderr)")
    }

    @Test("the text reports show the Turnbull curve and the Weibull hazard ratios")
    func textReports() throws {
        let km = try CommandRunner.run([
            "km", "datasets/sarcoma_patients.csv", "--formula",
            "Surv(lr_visit_left_years, lr_visit_right_years, type = 'interval2') ~ margin",
        ])
        for piece in ["Turnbull", "margin=R0", "margin=R2", "survival"] { #expect(km.contains(piece), "km lacks \(piece)") }
        let weibull = try CommandRunner.run(["survreg", Repository.url(Self.sim).path, "--formula", Self.formula])
        #expect(weibull.contains("Hazard ratios"))
        let lognormal = try CommandRunner.run([
            "survreg", Repository.url(Self.sim).path, "--formula", Self.formula, "--dist", "lognormal",
        ])
        #expect(!lognormal.contains("Hazard ratios"))
    }
}
