import Foundation
import SurvivalTestSupport
import Testing

/// `survkit` on Stata, SPSS and SAS files (Tests/Fixtures/statfiles, written
/// by Tests/Reference/statfiles.R) gives the JSON it gives on the CSV that
/// holds the same data: value labels become the levels, every kind of
/// missing value is missing.
@Suite struct StatisticalFileCLITests {
    static let files = ["lung.dta", "lung.sav", "lung.zsav", "lung.xpt", "lung.sas7bdat"]
    static let commands: [[String]] = [
        ["cox", "--formula", "Surv(time, status) ~ age + sex + ph_ecog"],
        ["km", "--formula", "Surv(time, status) ~ sex"],
        ["logrank", "--formula", "Surv(time, status) ~ ph_ecog"],
        ["survreg", "--formula", "Surv(time, status) ~ age + sex + ph_ecog"],
        ["poisson", "--formula", "status ~ age + sex + offset(log(time))"],
        // Dates, derived terms and a subset read the same from every format.
        ["cox", "--formula", "Surv(time, status) ~ cut(age, breaks = c(38, 55, 65, 83)) + I(wt_loss > 5)",
         "--subset", "entry >= \"1970-01-01\" & sex == \"Male\""],
    ]

    static func path(_ file: String) -> String { Repository.url("Tests/Fixtures/statfiles/\(file)").path }

    /// The command's JSON on `file`, without the top-level `input` key (the one
    /// place where the formats may differ).
    static func json(_ command: [String], on file: String, _ extra: [String] = []) throws -> [String: Any] {
        let args = [command[0], path(file)] + command.dropFirst() + extra + ["--format", "json"]
        var object = try #require(try CommandRunner.runJSON(args) as? [String: Any])
        object["input"] = nil
        return object
    }

    @Test(arguments: files, commands)
    func sameJSONAsTheEquivalentCSV(file: String, command: [String]) throws {
        let expected = try Self.json(command, on: "lung.csv")
        let actual = try Self.json(command, on: file)
        let differences = JSONComparison(relative: 0, absolute: 0, requireAllActualKeys: true)
            .differences(expected: expected, actual: actual)
        #expect(differences.isEmpty, "\(file) \(command[0]): \(differences.prefix(10))")
    }

    @Test(arguments: ["lung.dta", "lung.sav"])
    func valueLabelsAreTheLevels(file: String) throws {
        let cox = try Self.json(Self.commands[0], on: file)
        let terms = (cox["coefficients"] as? [[String: Any]])?.compactMap { $0["term"] as? String }
        #expect(terms == ["age", "sex=Male", "ph_ecog=asymptomatic", "ph_ecog=in bed <50%", "ph_ecog=in bed >50%"])
        let km = try Self.json(Self.commands[1], on: file)
        let labels = (km["strata"] as? [[String: Any]])?.compactMap { $0["label"] as? String }
        #expect(labels == ["sex=Female", "sex=Male"])
    }

    @Test(arguments: ["lung.dta", "lung.sav"])
    func codesModeKeepsTheNumbers(file: String) throws {
        let cox = try Self.json(Self.commands[0], on: file, ["--value-labels", "codes"])
        let terms = (cox["coefficients"] as? [[String: Any]])?.compactMap { $0["term"] as? String }
        #expect(terms == ["age", "sex", "ph_ecog"])
        // Same model as R's coxph(Surv(time, status) ~ age + sex + ph.ecog, lung), on 227 rows.
        #expect(cox["n"] as? Int == 227)
    }

    @Test func variableLabelsNameTheRowsOfTable1() throws {
        let args = ["report", Self.path("lung.dta"), "--time", "time", "--status", "status", "--group", "sex",
                    "--covariates", "age,ph_ecog"]
        let json = try #require(try CommandRunner.runJSON(args + ["--format", "json"]) as? [String: Any])
        let variables = try #require((json["description"] as? [String: Any])?["variables"] as? [[String: Any]])
        // Labels as written by Tests/Reference/statfiles.R (haven's var_label); age has none.
        #expect(variables.map { $0["label"] as? String } == [nil, "ECOG performance score"])
        let text = try CommandRunner.run(args)
        #expect(text.contains("ECOG performance score (ph_ecog), n (%)"))
        // The CSV twin has no labels: the key is absent, not null.
        let csv = try #require(try CommandRunner.runJSON(
            ["report", Self.path("lung.csv")] + args.dropFirst(2) + ["--format", "json"]) as? [String: Any])
        let plain = try #require((csv["description"] as? [String: Any])?["variables"] as? [[String: Any]])
        #expect(plain.allSatisfy { $0["label"] == nil })
    }

    @Test func truncatedFileExitsOneNamingTheFile() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.path("lung.dta")))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("truncated-\(UUID().uuidString).dta")
        try bytes.prefix(3000).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try CommandRunner.spawn(["km", url.path, "--formula", "Surv(time, status) ~ sex"])
        #expect(r.status == 1, "exit status \(r.status), stderr: \(r.stderr)")
        #expect(r.stderr.contains(url.path), "\(r.stderr)")
        #expect(r.stderr.contains("Stata .dta"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func dataErrorsNameTheRow() throws {
        let r = try CommandRunner.spawn(["km", Self.path("lung.sav"), "--formula", "Surv(time, sex) ~ 1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("lung.sav: row 1, column \"sex\" (5)"), "\(r.stderr)")
    }

    @Test func badValueLabelsModeIsAUsageError() throws {
        let r = try CommandRunner.spawn(
            ["km", Self.path("lung.dta"), "--formula", "Surv(time, status) ~ sex", "--value-labels", "both"])
        #expect(r.status == 2)
    }
}
