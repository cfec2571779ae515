import Foundation
import SurvivalKit
import SurvivalTestSupport
import Testing
@testable import survkit

/// `survkit report --continuous mean|median --p-values --smd` end to end: the
/// Table 1 numbers of the JSON, text and Markdown reports against the R
/// fixtures of Tests/Reference/table1.R (lung by sex, the sarcoma cohort by
/// grade), the analysis-file keys, and the unchanged report without them.
@Suite struct ReportTableOneCLITests {
    static let lung = [
        "report", "datasets/lung.csv", "--time", "time", "--status", "status", "--group", "sex",
        "--covariates", "age,factor(ph.ecog),ph.karno,wt.loss,meal.cal",
    ]
    static let sarcoma = [
        "report", "datasets/sarcoma_patients.csv", "--time", "os_years", "--status", "os_status", "--group", "grade",
        "--covariates", "age,sex,site,depth,margin,size_cm,ki67,radiotherapy,chemotherapy", "--no-rmst",
    ]

    func close(_ a: Any?, _ b: Any?) -> Bool {
        guard let a = a as? Double, let b = b as? Double else { return a == nil && (b == nil || b is NSNull) }
        return abs(a - b) <= 1e-6 * max(abs(b), 1e-300)
    }

    func variables(_ args: [String]) throws -> [[String: Any]] {
        let json = try #require(try CommandRunner.runJSON(args + ["--format", "json"]) as? [String: Any])
        let description = try #require(json["description"] as? [String: Any])
        return try #require(description["variables"] as? [[String: Any]])
    }

    @Test(arguments: [("lung_sex", lung), ("sarcoma_grade", sarcoma)], ["median", "mean"])
    func jsonMatchesR(_ c: (String, [String]), _ continuous: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/table1/\(c.0).json")
        let expected = try #require(fixture["variables"] as? [[String: Any]])
        let got = try variables(c.1 + ["--continuous", continuous, "--p-values", "--smd"])
        for e in expected {
            let name = try #require(e["name"] as? String)
            let v = try #require(got.first { $0["name"] as? String == name }, "\(name) in the report")
            #expect(close(v["smd"], e["smd"]), "\(name) smd")
            let isCategorical = e["kind"] as? String == "categorical"
            let t = try #require(isCategorical ? e : e[continuous == "median" ? "median_test" : "mean_test"] as? [String: Any])
            #expect(v["test"] as? String == t["test"] as? String, "\(name) test")
            #expect(close(v["p_value"], t["p_value"]), "\(name) p")
            let columns = try #require(e["columns"] as? [[String: Any]])
            let summaries = try #require(v["summaries"] as? [[String: Any]])
            for (s, ec) in zip(summaries, columns) {
                #expect(s["missing"] as? Int == ec["missing"] as? Int, "\(name) missing")
                for key in ["mean", "sd", "median", "q1", "q3"] where ec[key] != nil {
                    #expect(close(s[key], ec[key]), "\(name) \(key)")
                }
            }
        }
    }

    /// The text and Markdown tables show the numbers: mean (SD), the p-value and SMD columns, missing rows.
    @Test func textAndMarkdownShowTheColumns() throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/table1/lung_sex.json")
        let expected = try #require(fixture["variables"] as? [[String: Any]])
        let age = try #require(expected.first { $0["name"] as? String == "age" })
        let columns = try #require(age["columns"] as? [[String: Any]])
        let overallMean = try #require(columns[0]["mean"] as? Double)
        let overallSD = try #require(columns[0]["sd"] as? Double)
        let p = try #require((age["mean_test"] as? [String: Any])?["p_value"] as? Double)
        let smd = try #require(age["smd"] as? Double)
        for format in ["text", "markdown"] {
            let text = try CommandRunner.run(Self.lung + ["--continuous", "mean", "--p-values", "--smd", "--format", format])
            let row = try #require(text.split(separator: "\n").first { $0.contains("age, mean (SD)") }, "\(format)")
            // R: mean 62.4, sd 9.07 (3 significant digits), Welch p 0.0639, SMD 0.252.
            #expect(row.contains("\(NumberFormat.significant(overallMean, 3)) (\(NumberFormat.significant(overallSD, 3)))"))
            #expect(row.contains(NumberFormat.pValue(p)) && row.contains(NumberFormat.fixed(smd, 3)), "\(row)")
            #expect(text.contains("p-value") && text.contains("SMD"))
            #expect(text.contains("Welch's t-test") && text.contains("Fisher's exact test"))
            #expect(text.split(separator: "\n").contains { $0.contains("missing") && $0.contains("14") }, "wt.loss missing")
        }
        let text = try CommandRunner.run(Self.sarcoma + ["--p-values", "--smd"])
        for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line.count): \(line)") }
    }

    /// Without the options the report has none of the new keys (keys only grow).
    @Test func withoutOptionsNothingNew() throws {
        let json = try #require(try CommandRunner.runJSON(Self.lung + ["--format", "json"]) as? [String: Any])
        let spec = try #require(json["specification"] as? [String: Any])
        for key in ["continuous", "p_values", "smd"] { #expect(spec[key] == nil, "\(key)") }
        let vars = try #require((json["description"] as? [String: Any])?["variables"] as? [[String: Any]])
        for v in vars {
            for key in ["test", "statistic", "df", "df2", "p_value", "smd"] { #expect(v[key] == nil, "\(key)") }
        }
        let text = try CommandRunner.run(Self.lung)
        #expect(!text.contains("p-value") && text.contains("age, median [IQR]"))
    }

    @Test func analysisFileKeys() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("analysis-\(UUID().uuidString).json")
        try #"{"time": "time", "status": "status", "group": "sex", "covariates": ["age"], "continuous": "mean", "p_values": true, "smd": true}"#
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let json = try #require(
            try CommandRunner.runJSON(["report", "datasets/lung.csv", "--analysis", file.path, "--format", "json"]) as? [String: Any])
        let spec = try #require(json["specification"] as? [String: Any])
        #expect(spec["continuous"] as? String == "mean" && spec["p_values"] as? Bool == true && spec["smd"] as? Bool == true)
        let age = try #require(((json["description"] as? [String: Any])?["variables"] as? [[String: Any]])?.first)
        #expect(age["test"] as? String == "welch_t")
    }

    @Test func badContinuousIsAUsageError() throws {
        let run = try CommandRunner.spawn(Self.lung + ["--continuous", "average"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("mean") && run.stderr.contains("median"), "\(run.stderr)")
    }
}
