import Foundation
import SurvivalTestSupport
import Testing
@testable import survkit

/// `survkit relsurv` end to end: the JSON against the relsurv fixtures
/// (Tests/Reference/relsurv.R), the keys, the text report, and the located
/// errors on bad rate tables and cohorts.
@Suite struct RelSurvFixtureTests {
    @Test("survkit relsurv matches relsurv rs.surv and rs.diff", arguments: Repository.fixtures("relsurv"))
    func relsurvMatchesR(caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/relsurv/\(caseName).json")
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }
}

@Suite struct RelSurvBehaviourTests {
    static let rdata = [
        "relsurv", "Tests/Fixtures/relsurv/data/rdata.csv", "--formula", "Surv(time, cens) ~ sex",
        "--ratetable", "Tests/Fixtures/relsurv/data/slopop.csv", "--age", "age", "--year", "year", "--sex", "sex",
    ]
    static let sarcoma = [
        "relsurv", "datasets/sarcoma_patients.csv", "--formula", "Surv(os_years, os_status) ~ sex",
        "--ratetable", "datasets/lifetables/us_population_rates.csv", "--age", "age", "--year", "diagnosis_date",
        "--sex", "sex", "--time-unit", "years",
    ]

    /// A scratch folder of this test's own, removed afterwards.
    func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relsurv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir)
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let json = try #require(try CommandRunner.runJSON(Self.rdata + ["--times", "365,1826", "--format", "json"]) as? [String: Any])
        #expect(json["analysis"] as? String == "relative-survival")
        #expect(json["method"] as? String == "pohar-perme")
        #expect(json["conf_type"] as? String == "log")
        for key in ["n", "events", "n_dropped_missing", "conf_level", "strata", "test", "rows", "rate_table", "warnings"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let test = try #require(json["test"] as? [String: Any])
        #expect(Set(test.keys) == ["statistic", "df", "p"])
        let strata = try #require(json["strata"] as? [[String: Any]])
        #expect(strata.map { $0["label"] as? String } == ["sex=1", "sex=2"])
        let first = try #require(strata.first)
        #expect(Set(first.keys) == [
            "label", "n", "events", "time", "n_risk", "n_event", "survival", "std_err", "lower", "upper", "summary_at",
        ])
        let at = try #require(first["summary_at"] as? [String: Any])
        #expect(at["time"] as? [Double] == [365, 1826])
        // Without groups, no test; without --times, no summary_at.
        var single = Self.rdata
        single[3] = "Surv(time, cens) ~ 1"
        let plain = try #require(try CommandRunner.runJSON(single + ["--format", "json"]) as? [String: Any])
        #expect(plain["test"] == nil)
        #expect((plain["strata"] as? [[String: Any]])?.first?["summary_at"] == nil)
    }

    @Test func textReportsTheCurvesAndTheTest() throws {
        let text = try CommandRunner.run(Self.sarcoma + ["--times", "1,5,10"])
        #expect(text.contains("Relative survival"))
        #expect(text.contains("Method: Pohar Perme (net survival)"))
        #expect(text.contains("us_population_rates.csv (ages 0–109, years 1940–2014, sexes male, female)"))
        #expect(text.contains("sex=female") && text.contains("sex=male"))
        #expect(text.contains("Comparison of net survival (relsurv rs.diff)"))
        // Follow-up runs to 2024, past the table's last year: said so.
        #expect(text.contains("past 2014, the last year of the rate table"))
        let markdown = try CommandRunner.run(Self.sarcoma + ["--times", "5", "--format", "markdown", "--method", "ederer2"])
        #expect(markdown.contains("## Relative survival") && markdown.contains("Ederer II"))
    }

    @Test func timesInYearsWithoutTimeUnitAreWarnedAbout() throws {
        let r = try CommandRunner.spawn(Array(Self.sarcoma.dropLast(2)) + ["--format", "json"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("--time-unit years"))
    }

    @Test func aBadRateTableIsALocatedError() throws {
        try withTemporaryDirectory { dir in
            let table = dir.appendingPathComponent("rates.csv")
            try "age,year,sex,rate\n0,2000,male,0.001\n1,2000,male,x\n".write(to: table, atomically: true, encoding: .utf8)
            var args = Self.sarcoma
            args[5] = table.path
            let r = try CommandRunner.spawn(args)
            #expect(r.status == 1)
            #expect(r.stderr.contains("rates.csv: line 3, column \"rate\" (4): expected a number, found \"x\""), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func aSexTheTableLacksNamesTheDataLine() throws {
        try withTemporaryDirectory { dir in
            let table = dir.appendingPathComponent("rates.csv")
            try "age,year,sex,rate\n0,2000,M,0.001\n0,2000,F,0.001\n".write(to: table, atomically: true, encoding: .utf8)
            var args = Self.sarcoma
            args[5] = table.path
            let r = try CommandRunner.spawn(args)
            #expect(r.status == 1)
            #expect(r.stderr.contains("datasets/sarcoma_patients.csv: line 2, column \"sex\" (3)"), "\(r.stderr)")
            #expect(r.stderr.contains("\"female\" is not a sex of the rate table"), "\(r.stderr)")
        }
    }

    @Test func anUnknownAgeColumnIsAnError() throws {
        var args = Self.sarcoma
        args[7] = "agee"
        let r = try CommandRunner.spawn(args)
        #expect(r.status == 1)
        #expect(r.stderr.contains("agee"), "\(r.stderr)")
    }

    @Test func rowsMissingAnAgeAreDroppedAndCounted() throws {
        try withTemporaryDirectory { dir in
            let data = dir.appendingPathComponent("cohort.csv")
            try "time,cens,age,sex,year\n100,1,60,1,1990-05-01\n200,0,,2,1991-01-01\n300,1,70,2,1992-03-04\n400,0,65,1,1993-01-01\n"
                .write(to: data, atomically: true, encoding: .utf8)
            var args = Self.rdata
            args[1] = data.path
            let json = try #require(try CommandRunner.runJSON(args + ["--format", "json"]) as? [String: Any])
            #expect(json["n"] as? Int == 3)
            #expect(json["n_dropped_missing"] as? Int == 1)
            let rows = try #require(json["rows"] as? [String: Any])
            #expect((rows["dropped"] as? [String: Int]) == ["missing: age": 1])
        }
    }

    @Test func usageErrors() throws {
        let unknownMethod = try CommandRunner.spawn(Self.rdata + ["--method", "ederer3"])
        #expect(unknownMethod.status == 2)
        let badUnit = try CommandRunner.spawn(Self.rdata + ["--time-unit", "fortnights"])
        #expect(badUnit.status == 2)
        let extend = try CommandRunner.spawn(Self.rdata + ["--extend"])
        #expect(extend.status == 2)
    }
}
