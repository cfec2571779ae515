import Foundation
import SurvivalTestSupport
import Testing

/// `--counts COL` end to end: survkit on the compressed tables of
/// `Tests/Fixtures/counts/data/` against R on the expanded rows
/// (Tests/Reference/counts.R), and the behaviour around it — bad counts are
/// located errors, missing and zero counts are dropped and counted, the
/// commands that do not implement the expanded-rows semantics refuse it.
@Suite struct CountsCLITests {
    @Test("survkit --counts matches R on the expanded rows", arguments: Repository.fixtures("counts"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.fixture("counts", caseName)
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }

    /// A CSV in a fresh temporary folder, removed after `body`.
    private func withTable(_ text: String, _ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("counts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try body(file.path)
    }

    private let table = "time,status,g,n\n1,1,a,3\n2,0,a,2\n2,1,b,4\n3,1,b,1\n4,0,a,5\n5,1,b,2\n"

    @Test(arguments: [("-2", "-2"), ("1.5", "1.5"), ("many", "many")])
    func aCountThatIsNotAWholeNumberIsALocatedError(value: String, shown: String) throws {
        let text = table.replacingOccurrences(of: "3,1,b,1", with: "3,1,b,\(value)")
        try withTable(text) { path in
            let r = try CommandRunner.spawn(["km", path, "--formula", "Surv(time, status) ~ g", "--counts", "n"])
            #expect(r.status == 1, "\(r.stderr)")
            #expect(r.stderr.contains(path), "\(r.stderr)")
            #expect(r.stderr.contains("\"n\""), "\(r.stderr)")
            #expect(r.stderr.contains(shown), "\(r.stderr)")
            // Line 5 of the file (header = line 1) holds the bad count.
            #expect(r.stderr.contains("line 5"), "\(r.stderr)")
        }
    }

    @Test func missingAndZeroCountsAreDroppedAndCounted() throws {
        let text = table.replacingOccurrences(of: "2,0,a,2", with: "2,0,a,NA")
            .replacingOccurrences(of: "4,0,a,5", with: "4,0,a,0")
        try withTable(text) { path in
            let json = try #require(
                try CommandRunner.runJSON(["km", path, "--formula", "Surv(time, status) ~ g", "--counts", "n",
                                           "--format", "json"]) as? [String: Any])
            let rows = try #require(json["rows"] as? [String: Any])
            #expect(rows["read"] as? Int == 6)
            #expect(rows["used"] as? Int == 4)
            #expect(rows["subjects"] as? Int == 10)
            let dropped = try #require(rows["dropped"] as? [String: Any])
            #expect(dropped["missing: n"] as? Int == 1)
            #expect(dropped["zero count: n"] as? Int == 1)
            #expect(json["n"] as? Int == 10)
            #expect((json["input"] as? [String: Any])?["counts"] as? String == "n")
            // --strict refuses the missing count, not the zero one.
            let strict = try CommandRunner.spawn(
                ["km", path, "--formula", "Surv(time, status) ~ g", "--counts", "n", "--strict"])
            #expect(strict.status == 1)
            #expect(strict.stderr.contains("1 row would be dropped"), "\(strict.stderr)")
        }
    }

    @Test func withoutCountsTheOutputHasNoCountKeys() throws {
        try withTable(table) { path in
            let json = try #require(
                try CommandRunner.runJSON(["km", path, "--formula", "Surv(time, status) ~ g", "--format", "json"])
                    as? [String: Any])
            #expect((json["rows"] as? [String: Any])?["subjects"] == nil)
            #expect((json["input"] as? [String: Any])?["counts"] == nil)
            #expect(json["n"] as? Int == 6)
        }
    }

    @Test func countsWithWeightsAreRefused() throws {
        try withTable(table) { path in
            let r = try CommandRunner.spawn(
                ["cox", path, "--formula", "Surv(time, status) ~ g", "--counts", "n", "--weights", "n"])
            #expect(r.status == 2)
            #expect(r.stderr.contains("--counts n and --weights n cannot be combined"), "\(r.stderr)")
        }
    }

    /// Commands (and choices) whose results with counts would not be R's on
    /// the expanded rows refuse --counts, naming the command.
    @Test(arguments: [
        (["survreg", "--formula", "Surv(time, status) ~ g"], "survkit survreg"),
        (["rmst", "--formula", "Surv(time, status) ~ g", "--tau", "4"], "survkit rmst"),
        (["mcf", "--formula", "Surv(time, status) ~ g"], "survkit mcf"),
        (["negbin", "--formula", "status ~ g + offset(log(time))"], "survkit negbin"),
        (["cox", "--formula", "Surv(time, status) ~ g", "--zph"], "survkit cox --zph"),
        (["cox", "--formula", "Surv(time, status) ~ g", "--residuals", "martingale"], "survkit cox --residuals"),
        (["cox", "--formula", "Surv(time, status) ~ g", "--ties", "exact"], "survkit cox --ties exact"),
        (["km", "--formula", "Surv(time, status) ~ g", "--bootstrap", "50"], "survkit km --bootstrap"),
    ])
    func unsupportedCommandsRefuseCounts(arguments: [String], named: String) throws {
        try withTable(table) { path in
            let r = try CommandRunner.spawn([arguments[0], path] + arguments.dropFirst() + ["--counts", "n"])
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr.contains("--counts is not supported by \(named)"), "\(r.stderr)")
        }
    }
}

/// The identity behind `--counts`: on the compressed table it gives what
/// survkit gives on the expanded rows (each line repeated n times), for the
/// options the R fixtures do not cover (trend test, summaries at times,
/// log-log limits, anova).
@Suite struct CountsExpandedIdentityTests {
    @Test(arguments: [
        ("colon_death", ["logrank", "--formula", "Surv(time, status) ~ extent", "--trend"]),
        ("colon_death", ["logrank", "--formula", "Surv(time, status) ~ rx + strata(sex)", "--rho", "1"]),
        ("colon_death", ["km", "--formula", "Surv(time, status) ~ rx + strata(sex)", "--times", "6,12,60",
                         "--conf-type", "log-log"]),
        ("colon_death", ["cox", "--formula", "Surv(time, status) ~ rx + sex + factor(extent)", "--anova",
                         "--ties", "breslow"]),
        ("mgus2_events", ["cif", "--formula", "Surv(etime, event) ~ sex", "--times", "12,60,120"]),
    ])
    func compressedWithCountsEqualsTheExpandedRows(table: String, arguments: [String]) throws {
        let source = Repository.url("Tests/Fixtures/counts/data/\(table).csv")
        let lines = try String(contentsOf: source, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        let countField = try #require(header.firstIndex(of: "n"))
        var expanded = [lines[0]]
        for line in lines.dropFirst() {
            let n = try #require(Int(line.split(separator: ",", omittingEmptySubsequences: false)[countField]))
            expanded += Array(repeating: line, count: n)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("counts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("expanded.csv")
        try (expanded.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)

        let command = [arguments[0]], rest = Array(arguments.dropFirst()) + ["--format", "json"]
        var expected = try #require(
            try CommandRunner.runJSON(command + [file.path] + rest) as? [String: Any])
        let actual = try #require(
            try CommandRunner.runJSON(command + [source.path, "--counts", "n"] + rest) as? [String: Any])
        // The row accounting and the input differ by design (rows vs subjects).
        for key in ["rows", "input", "n_dropped_missing"] { expected[key] = nil }
        let diffs = JSONComparison(relative: 1e-9).differences(expected: expected, actual: actual)
        #expect(diffs.isEmpty, "\(table) \(arguments): \(diffs.prefix(10).joined(separator: "\n"))")
        let rows = try #require(actual["rows"] as? [String: Any])
        #expect(rows["subjects"] as? Int == expanded.count - 1)
    }
}
