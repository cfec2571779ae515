import Foundation
import SurvivalTestSupport
import Testing

/// `--bootstrap B --seed S` on `survkit km` and `survkit cox`, end to end:
/// the output does not depend on `--threads`, the keys are where
/// docs/json-output.md puts them (and absent without `--bootstrap`), and bad
/// values are usage errors (exit 2). The numbers are checked against R in
/// `SurvivalModelsTests/BootstrapReferenceTests`.
@Suite struct BootstrapCLITests {
    static let km = ["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex", "--times", "180,365,900"]
    static let cox = ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex + ph.ecog"]
    static let coxCluster = [
        "cox", "datasets/bladder.csv", "--formula", "Surv(stop, event) ~ rx + size + number + strata(enum) + cluster(id)",
    ]

    @Test("the same seed gives byte-identical JSON with --threads 1 and --threads 2",
          arguments: [km, cox, coxCluster])
    func threadsDoNotChangeTheOutput(command: [String]) throws {
        let args = command + ["--bootstrap", "60", "--seed", "12345", "--format", "json"]
        let one = try CommandRunner.run(args + ["--threads", "1"])
        let two = try CommandRunner.run(args + ["--threads", "2"])
        #expect(one == two)
        #expect(one.contains("\"bootstrap\""))
        // Another seed gives other replicates.
        let other = try CommandRunner.run(command + ["--bootstrap", "60", "--seed", "12346", "--format", "json"])
        #expect(other != one)
    }

    @Test func kmJSONHasTheBootstrapOfEachStratum() throws {
        let json = try CommandRunner.runJSON(Self.km + ["--bootstrap", "40", "--seed", "3", "--format", "json"])
        let strata = try #require((json as? [String: Any])?["strata"] as? [[String: Any]])
        #expect(strata.count == 2)
        for stratum in strata {
            let b = try #require(stratum["bootstrap"] as? [String: Any])
            #expect(b["replicates"] as? Int == 40)
            #expect(b["seed"] as? Int == 3)
            let median = try #require(b["median"] as? [String: Any])
            for key in ["estimate", "std_err", "normal_lower", "normal_upper", "percentile_lower", "percentile_upper", "undefined"] {
                #expect(median.keys.contains(key), "median lacks \(key)")
            }
            #expect(median["estimate"] as? Double == stratum["median"] as? Double)
            let at = try #require(b["summary_at"] as? [String: Any])
            let summary = try #require(stratum["summary_at"] as? [String: Any])
            #expect(at["time"] as? [Double] == summary["time"] as? [Double])
            let survival = try #require(at["survival"] as? [String: Any])
            #expect(survival["estimate"] as? [Double] == summary["survival"] as? [Double])
            #expect((survival["undefined"] as? [Int])?.count == (summary["time"] as? [Double])?.count)
        }
    }

    @Test func coxJSONHasTheBootstrapOfEachCoefficient() throws {
        let json = try #require(
            try CommandRunner.runJSON(Self.cox + ["--bootstrap", "30", "--seed", "8", "--format", "json"]) as? [String: Any])
        let b = try #require(json["bootstrap"] as? [String: Any])
        #expect(b["replicates"] as? Int == 30)
        #expect(b["seed"] as? Int == 8)
        #expect(b["undefined"] as? Int == 0)
        #expect(b["resampled_clusters"] as? Bool == false)
        let rows = try #require(b["coefficients"] as? [[String: Any]])
        let coefficients = try #require(json["coefficients"] as? [[String: Any]])
        #expect(rows.map { $0["term"] as? String } == coefficients.map { $0["term"] as? String })
        for (row, c) in zip(rows, coefficients) {
            #expect(row["estimate"] as? Double == c["coef"] as? Double)
            let se = try #require(row["std_err"] as? Double)
            let lower = try #require(row["normal_lower"] as? Double)
            let estimate = try #require(row["estimate"] as? Double)
            #expect(abs(estimate - 1.959963984540054 * se - lower) < 1e-9 * max(1, abs(lower)))
            #expect((row["percentile_lower"] as? Double)! < (row["percentile_upper"] as? Double)!)
            #expect(row["hr"] as? Double == c["hr"] as? Double)
        }
        let clustered = try #require(
            try CommandRunner.runJSON(Self.coxCluster + ["--bootstrap", "10", "--format", "json"]) as? [String: Any])
        #expect((clustered["bootstrap"] as? [String: Any])?["resampled_clusters"] as? Bool == true)
        #expect((clustered["bootstrap"] as? [String: Any])?["seed"] as? Int == 1)
    }

    @Test("without --bootstrap there is no bootstrap key", arguments: [km, cox])
    func absentWithoutTheOption(command: [String]) throws {
        let text = try CommandRunner.run(command + ["--format", "json"])
        #expect(!text.contains("bootstrap"))
        // --threads alone changes nothing.
        #expect(try CommandRunner.run(command + ["--format", "json", "--threads", "1"]) == text)
    }

    @Test func textAndMarkdownHaveABootstrapTable() throws {
        let text = try CommandRunner.run(Self.km + ["--bootstrap", "20"])
        #expect(text.contains("Bootstrap (20 replicates, seed 1"))
        #expect(text.contains("sex=1: median"))
        #expect(text.contains("sex=2: S(365)"))
        let md = try CommandRunner.run(Self.cox + ["--bootstrap", "20", "--seed", "4", "--format", "markdown"])
        #expect(md.contains("### Bootstrap (20 replicates, seed 4"))
        #expect(md.contains("| ph.ecog |"))
    }

    @Test("bad values are usage errors (exit 2) that name the option", arguments: [
        (["--bootstrap", "0"], "--bootstrap"),
        (["--bootstrap=-5"], "--bootstrap"),
        (["--bootstrap", "100001"], "--bootstrap"),
        (["--bootstrap", "1.5"], "--bootstrap"),
        (["--bootstrap", "many"], "--bootstrap"),
        (["--bootstrap", "10", "--seed=-1"], "--seed"),
        (["--bootstrap", "10", "--seed", "x"], "--seed"),
        (["--seed", "4"], "--seed"),
        (["--bootstrap", "10", "--threads", "0"], "--threads"),
        (["--bootstrap", "10", "--threads", "2000"], "--threads"),
    ])
    func badValuesAreUsageErrors(extra: [String], option: String) throws {
        for command in [Self.km, Self.cox] {
            let run = try CommandRunner.spawn(command + extra)
            #expect(run.status == 2, "\(extra): status \(run.status), \(run.stderr)")
            #expect(run.stderr.contains(option), "\(extra): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func noProgressOnStderrWhenItIsNotATerminal() throws {
        let run = try CommandRunner.spawn(Self.km + ["--bootstrap", "30", "--format", "json"])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("bootstrap"))
    }
}
