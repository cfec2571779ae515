import Foundation
import SurvivalTestSupport
import Testing

/// `survkit finegray` end to end: the JSON against R `cmprsk::crr` /
/// `predict.crr` (Tests/Reference/finegray.R), the contract's keys, the text
/// report, and the refusals with their exit statuses and located messages.
@Suite struct FineGrayCLITests {
    @Test("survkit finegray matches R cmprsk::crr", arguments: Repository.fixtures("finegray"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/finegray/\(caseName).json")
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }

    static let pbc = ["finegray", "datasets/pbc.csv", "--formula", "Surv(time, status) ~ age + factor(edema)", "--cause", "2"]

    @Test("JSON carries the contract's keys, and predictions only with --predict")
    func contractKeys() throws {
        let json = try #require(try CommandRunner.runJSON(Self.pbc + ["--format", "json"]) as? [String: Any])
        #expect(json["analysis"] as? String == "fine-gray")
        for key in ["n", "events", "competing_events", "converged", "loglik", "loglik_null", "coefficients", "rows",
                    "warnings", "cause", "cencode", "variance", "input"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["predictions"] == nil)
        let coefs = try #require(json["coefficients"] as? [[String: Any]])
        #expect(coefs.map { $0["term"] as? String } == ["age", "edema=0.5", "edema=1"])
        for c in coefs {
            #expect(Set(c.keys) == ["term", "coef", "se", "z", "p", "shr", "shr_lower", "shr_upper"])
        }
        let rows = try #require(json["rows"] as? [String: Any])
        #expect(rows["read"] as? Int == 312 && rows["used"] as? Int == 312)
        #expect(json["events"] as? Int == 125 && json["competing_events"] as? Int == 19)
    }

    @Test("--predict gives one curve per used new row, at every event time of the cause")
    func predictions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("finegray-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let new = dir.appendingPathComponent("new.csv")
        try "age,edema\n50,0\n,1\n70,1\n".write(to: new, atomically: true, encoding: .utf8)
        let json = try #require(
            try CommandRunner.runJSON(Self.pbc + ["--predict", new.path, "--format", "json"]) as? [String: Any])
        let predictions = try #require(json["predictions"] as? [[String: Any]])
        #expect(predictions.map { $0["row"] as? Int } == [1, 3])
        let times = try #require(predictions[0]["time"] as? [Double])
        let cif = try #require(predictions[1]["cif"] as? [Double])
        #expect(times.count == cif.count && !times.isEmpty)
        #expect(zip(cif, cif.dropFirst()).allSatisfy { $0 <= $1 } && cif.allSatisfy { $0 >= 0 && $0 < 1 })
        // Older and with edema: a higher incidence of death at every time.
        let first = try #require(predictions[0]["cif"] as? [Double])
        #expect(zip(first, cif).allSatisfy { $0 < $1 })
        let warnings = try #require(json["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("1 row with a missing covariate") })
    }

    @Test("text and Markdown reports: counts, the sHR table, loglik and convergence")
    func textReport() throws {
        let text = try CommandRunner.run(Self.pbc)
        for piece in ["Fine–Gray", "Cause 2 (censoring code 0): n = 312, events = 125, competing events = 19",
                      "converged in", "sHR", "lower .95", "upper .95", "edema=1", "Pseudo log-likelihood",
                      "Rows: 312 read, 312 used."] {
            #expect(text.contains(piece), "text lacks \(piece):\n\(text)")
        }
        let md = try CommandRunner.run(Self.pbc + ["--format", "markdown", "--conf-level", "0.9"])
        #expect(md.hasPrefix("## Fine–Gray") && md.contains("| edema=0.5 |") && md.contains("lower .9"))
        // The unconverged fit (no transplant among edema = 1) says so.
        let stuck = try CommandRunner.run([
            "finegray", "datasets/pbc.csv", "--formula", "Surv(time, status) ~ age + factor(edema) + albumin",
            "--cause", "1", "--subset", "age < 65",
        ])
        #expect(stuck.contains("NOT converged after 10 Newton steps") && stuck.contains("did not converge"))
    }

    @Test("bad input: exit 1 with a located message, or 2 for a usage error")
    func badInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("finegray-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let censored = dir.appendingPathComponent("censored.csv")
        try "time,status,x\n1,0,1\n2,0,2\n3,0,1\n4,0,3\n".write(to: censored, atomically: true, encoding: .utf8)
        let noCause = dir.appendingPathComponent("nocause.csv")
        try "time,status,x\n1,0,1\n2,2,2\n3,0,1\n4,2,3\n".write(to: noCause, atomically: true, encoding: .utf8)
        let cases: [(args: [String], status: Int32, says: [String])] = [
            (["finegray", "datasets/pbc.csv", "--formula", "Surv(time, status) ~ age", "--cause", "3"], 1,
             ["datasets/pbc.csv", "status column \"status\" = 3", "codes present are 0, 1, 2", "--cause"]),
            (["finegray", noCause.path, "--formula", "Surv(time, status) ~ x"], 1,
             ["nocause.csv", "status column \"status\" = 1", "codes present are 0, 2"]),
            (["finegray", censored.path, "--formula", "Surv(time, status) ~ x"], 1,
             ["censored.csv", "Every one of the 4 rows is censored"]),
            (["finegray", "datasets/pbc.csv", "--formula", "Surv(time, status) ~ age", "--weights", "age"], 2,
             ["--weights", "no case weights"]),
            (["finegray", "datasets/pbc.csv", "--formula", "Surv(time, status) ~ age + strata(sex)"], 1,
             ["no strata"]),
            (["finegray", "datasets/pbc.csv", "--formula", "Surv(time, status) ~ age", "--cause", "0"], 2,
             ["--cause and --cencode"]),
            (["finegray", "datasets/pbc.csv", "--formula", "Surv(time, status) ~ agee"], 1, ["agee"]),
            (["finegray", "datasets/pbc.csv", "--formula", "Surv(time, status) ~ 1"], 1, ["at least one covariate"]),
            (["finegray", "datasets/pbc.csv", "--formula", "Surv(time, status) ~ age + I(2 * age)"], 1, ["singular"]),
        ]
        for c in cases {
            let run = try CommandRunner.spawn(c.args)
            #expect(run.status == c.status, "\(c.args): exit \(run.status), stderr \(run.stderr)")
            for piece in c.says { #expect(run.stderr.contains(piece), "\(c.args): stderr lacks \(piece): \(run.stderr)") }
            #expect(run.stdout.isEmpty)
        }
        // A level the model has not seen, in the --predict file: its line and column.
        let new = dir.appendingPathComponent("new.csv")
        try "age,edema\n50,0\n60,2\n".write(to: new, atomically: true, encoding: .utf8)
        let run = try CommandRunner.spawn(Self.pbc + ["--predict", new.path])
        #expect(run.status == 1 && run.stderr.contains("new.csv") && run.stderr.contains("line 3"), "\(run.stderr)")
    }
}
