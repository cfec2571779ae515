import Foundation
import Testing
import SurvivalTestSupport

/// Bad input exits with status 1 and a message naming the line and column;
/// usage errors exit with 2; nothing crashes. Runs the real executable.
@Suite struct MalformedInputTests {
    func write(_ csv: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func expectDataError(_ csv: String, formula: String, mentions: [String]) throws {
        let file = try write(csv)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CommandRunner.spawn(["km", file.path, "--formula", formula])
        #expect(r.status == 1, "exit status \(r.status), stderr: \(r.stderr)")
        for m in mentions { #expect(r.stderr.contains(m), "stderr lacks \(m): \(r.stderr)") }
        #expect(r.stdout.isEmpty)
    }

    @Test func raggedRowNamesItsLine() throws {
        try expectDataError("time,status,sex\n5,1,1\n6,0\n", formula: "Surv(time, status) ~ sex", mentions: ["line 3", "expected 3 fields"])
    }

    @Test func nonNumericTimeNamesLineAndColumn() throws {
        try expectDataError(
            "time,status,sex\n5,1,1\nsix,0,2\n", formula: "Surv(time, status) ~ sex",
            mentions: ["line 3", "\"time\" (1)"])
    }

    @Test func negativeTimeNamesLineAndColumn() throws {
        try expectDataError(
            "time,status,sex\n5,1,1\n6,0,2\n-2,1,1\n", formula: "Surv(time, status) ~ sex",
            mentions: ["line 4", "\"time\""])
    }

    @Test func statusThreeInZeroOneColumnNamesLineAndColumn() throws {
        try expectDataError(
            "time,status,sex\n5,1,1\n6,0,2\n7,3,1\n", formula: "Surv(time, status) ~ sex",
            mentions: ["line 4", "\"status\" (2)"])
    }

    @Test func unknownColumnListsTheAvailableOnes() throws {
        try expectDataError(
            "time,status,sex\n5,1,1\n6,0,2\n", formula: "Surv(time, status) ~ grade",
            mentions: ["grade", "time", "status", "sex"])
    }

    @Test func missingFileIsADataError() throws {
        let r = try CommandRunner.spawn(["km", "/nonexistent/cohort.csv", "--formula", "Surv(t, s) ~ 1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/cohort.csv"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let r = try CommandRunner.spawn(["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ 1", "--bogus"])
        #expect(r.status == 2)
    }

    @Test func badConfidenceLevelIsAUsageError() throws {
        let r = try CommandRunner.spawn(["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ 1", "--conf-level", "1.5"])
        #expect(r.status == 2)
    }

    @Test func readsStandardInput() throws {
        let r = try CommandRunner.spawn(
            ["km", "-", "--formula", "Surv(time, status) ~ 1", "--format", "json"],
            stdin: "time,status\n1,1\n2,0\n3,1\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"analysis\" : \"kaplan-meier\""))
    }

    @Test func droppedRowsAreReportedAsAWarning() throws {
        let r = try CommandRunner.spawn(["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ ph.ecog"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("dropped"))
    }
}

/// Many continuous variables on the right of `~` form as many groups as rows;
/// the group key must not overflow (it used to trap with 20 covariates).
@Suite struct ManyGroupVariablesTests {
    @Test func twentyContinuousVariablesDoNotCrash() throws {
        var csv = "time,status," + (1...20).map { "x\($0)" }.joined(separator: ",") + "\n"
        for i in 0..<60 {
            let xs = (1...20).map { k in String(Double((i * 7919 + k * 104_729) % 1000) / 10) }
            csv += "\(i + 1),\(i % 3 == 0 ? 0 : 1)," + xs.joined(separator: ",") + "\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wide-\(UUID().uuidString).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let formula = "Surv(time, status) ~ " + (1...20).map { "x\($0)" }.joined(separator: " + ")
        let km = try CommandRunner.spawn(["km", url.path, "--formula", formula, "--format", "json"])
        #expect(km.status == 0, "\(km.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(km.stdout.utf8)) as? [String: Any]
        #expect((json?["strata"] as? [Any])?.count == 60)
    }

    @Test(arguments: ["km", "logrank", "cox", "survreg", "cif", "mcf", "recur"])
    func aFormulaThatDoesNotParseIsAUsageError(command: String) throws {
        let r = try CommandRunner.spawn([command, Repository.dataset("lung.csv"), "--formula", "Surv(time, status ~ sex"])
        #expect(r.status == 2, "\(command): \(r.stderr)")
        #expect(r.stderr.hasPrefix("Error: --formula: in formula \"Surv(time, status ~ sex\": expected \")\" to close"
            + " Surv( at position 19, found \"~\"\n"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
