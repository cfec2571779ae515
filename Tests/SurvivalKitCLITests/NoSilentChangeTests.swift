import Foundation
import Testing
import SurvivalTestSupport

/// A file that would silently change meaning — a number column with a stray
/// token, a date used as a number, a 1/2 status with a stray 0, an infinite
/// time — is exit 1 with a located message naming the ways out. Runs the
/// real executable on copies of `datasets/lung.csv` with one value changed.
@Suite struct NoSilentChangeTests {
    /// `datasets/lung.csv` with `column` of data row `row` (1-based, line `row + 1`) set to `value`,
    /// written to a temporary file named `name`.
    func lung(setting column: String, row: Int, to value: String, name: String) throws -> URL {
        let text = try String(contentsOfFile: Repository.dataset("lung.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map { $0.replacingOccurrences(of: "\"", with: "") }
        let k = try #require(header.firstIndex(of: column))
        var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[k] = value.contains(",") ? "\"\(value)\"" : value
        lines[row] = fields.joined(separator: ",")
        return try write(lines.joined(separator: "\n"), name: name)
    }

    /// `text` written to a file called `name` in a new temporary folder.
    func write(_ text: String, name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("silent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Removes the temporary folder of a file made by `write` or `lung`.
    func remove(_ url: URL) { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }

    @Test(arguments: [
        ("unknown", "If it means a missing value, add --na=unknown"),
        ("#N/A", "If it means a missing value, add --na='#N/A'"),
        ("-", "If it means a missing value, add --na=-"),
        ("n/a", "If it means a missing value, add --na=n/a"),
        ("74,5", "They look like numbers with a decimal comma: read the file with --decimal ,"),
    ])
    func strayTokenInANumberColumnIsALocatedError(token: String, hint: String) throws {
        let file = try lung(setting: "age", row: 16, to: token, name: "lung.csv")
        defer { remove(file) }
        let expected = "\(file.path): line 17, column \"age\" (4): \"age\" is used as a covariate, but 1 of its 228"
            + " values is not a number: line 17 \"\(token)\". \(hint); to use \"age\" as a categorical variable"
            + " on purpose, write factor(age).\n"
        for command in [
            ["cox", file.path, "--formula", "Surv(time, status) ~ age + sex"],
            ["survreg", file.path, "--formula", "Surv(time, status) ~ age + sex"],
            ["poisson", file.path, "--formula", "status ~ age + sex"],
        ] {
            let r = try CommandRunner.spawn(command)
            #expect(r.status == 1, "\(command[0]): \(r.stderr)")
            #expect(r.stderr == expected, "\(command[0])")
            #expect(r.stdout.isEmpty)
        }
        let report = try CommandRunner.spawn(
            ["report", file.path, "--time", "time", "--status", "status", "--group", "sex", "--covariates", "age"])
        #expect(report.status == 1)
        #expect(report.stderr.contains("line 17, column \"age\" (4)") && report.stderr.contains(hint), "\(report.stderr)")
    }

    @Test func theNAOptionNamedInTheMessageFixesIt() throws {
        let file = try lung(setting: "age", row: 16, to: "unknown", name: "lung.csv")
        defer { remove(file) }
        let r = try CommandRunner.spawn(
            ["cox", file.path, "--formula", "Surv(time, status) ~ age + sex", "--na=unknown", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [String: Any])
        #expect(rows["used"] as? Int == 227)
        #expect((rows["dropped"] as? [String: Int]) == ["missing: age": 1])
    }

    @Test func factorSaysACategoricalVariableOnPurpose() throws {
        let file = try lung(setting: "age", row: 16, to: "unknown", name: "lung.csv")
        defer { remove(file) }
        // 42 distinct ages in lung plus "unknown": 43 levels, as R's nlevels(factor(age)).
        let r = try CommandRunner.spawn(["cox", file.path, "--formula", "Surv(time, status) ~ factor(age)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("factor(age) is categorical with 43 levels for 228 rows"), "\(r.stderr)")
    }

    @Test func aStrayTokenInTheTimeNamesTheLineWithoutSuggestingFactor() throws {
        let file = try lung(setting: "time", row: 30, to: "n/a", name: "lung.csv")
        defer { remove(file) }
        let r = try CommandRunner.spawn(["km", file.path, "--formula", "Surv(time, status) ~ sex"])
        #expect(r.status == 1)
        #expect(r.stderr == "\(file.path): line 31, column \"time\" (2): \"time\" is used as a time, but 1 of its 228"
            + " values is not a number: line 31 \"n/a\". If it means a missing value, add --na=n/a.\n")
    }

    @Test func aDateColumnIsNotANumberOfDays() throws {
        let file = try write("time,status,dx\n5,1,2010-01-04\n8,0,2011-03-02\n9,1,2012-07-30\n", name: "dates.csv")
        defer { remove(file) }
        let hint = "a date is not a number of days. For follow-up time derive it from two dates with --duration"
            + " NAME=FROM:TO[:days|months|years]; for days since 1970-01-01 as R counts them, write as.numeric(dx).\n"
        let cox = try CommandRunner.spawn(["cox", file.path, "--formula", "Surv(time, status) ~ dx"])
        #expect(cox.status == 1)
        #expect(cox.stderr == "\(file.path): column \"dx\" (3): \"dx\" holds dates and is used as a covariate: " + hint)
        let km = try CommandRunner.spawn(["km", file.path, "--formula", "Surv(dx, status) ~ 1"])
        #expect(km.status == 1)
        #expect(km.stderr == "\(file.path): column \"dx\" (3): \"dx\" holds dates and is used as a time: " + hint)
    }

    @Test(arguments: ["km", "logrank", "cox", "survreg"])
    func anInfiniteTimeIsInvalidData(command: String) throws {
        let file = try lung(setting: "time", row: 5, to: "Inf", name: "lung.csv")
        defer { remove(file) }
        let r = try CommandRunner.spawn([command, file.path, "--formula", "Surv(time, status) ~ sex", "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stderr == "\(file.path): line 6, column \"time\" (2): expected a finite number (a time), found Inf\n")
        #expect(r.stdout.isEmpty)
    }

    @Test(arguments: ["km", "logrank", "cox"])
    func aLiteralNaNIsInvalidDataUnlessDeclaredMissing(command: String) throws {
        let file = try lung(setting: "time", row: 12, to: "NaN", name: "lung.csv")
        defer { remove(file) }
        let r = try CommandRunner.spawn([command, file.path, "--formula", "Surv(time, status) ~ sex", "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stderr == "\(file.path): line 13, column \"time\" (2): expected a number, found NaN (not a number);"
            + " if it means a missing value, add --na NaN\n")
        let declared = try CommandRunner.spawn(
            [command, file.path, "--formula", "Surv(time, status) ~ sex", "--format", "json", "--na", "NaN"])
        #expect(declared.status == 0, "\(declared.stderr)")
        #expect(declared.stdout.contains("\"missing: time\" : 1"))
    }

    @Test func anInfiniteWeightIsInvalidData() throws {
        let file = try lung(setting: "ph.karno", row: 9, to: "Inf", name: "lung.csv")
        defer { remove(file) }
        let r = try CommandRunner.spawn(["km", file.path, "--formula", "Surv(time, status) ~ sex", "--weights", "ph.karno"])
        #expect(r.status == 1)
        #expect(r.stderr == "\(file.path): line 10, column \"ph.karno\" (7): expected a positive case weight, found Inf\n")
    }

    @Test func aStrayZeroInAOneTwoStatusBlamesTheZero() throws {
        let file = try lung(setting: "status", row: 40, to: "0", name: "lung.csv")
        defer { remove(file) }
        let r = try CommandRunner.spawn(["cox", file.path, "--formula", "Surv(time, status) ~ sex"])
        #expect(r.status == 1)
        #expect(r.stderr == "\(file.path): line 41, column \"status\" (3): status 0 in a 1/2 column (expected 0/1,"
            + " 1/2 or FALSE/TRUE; competing risks need the cif analysis)\n")
    }

    @Test func aZeroTimeInSurvregNamesTheLineAndColumn() throws {
        let file = try lung(setting: "time", row: 7, to: "0", name: "lung.csv")
        defer { remove(file) }
        let r = try CommandRunner.spawn(["survreg", file.path, "--formula", "Surv(time, status) ~ sex"])
        #expect(r.status == 1)
        #expect(r.stderr == "\(file.path): line 8, column \"time\" (2): expected a time > 0, found 0: the weibull"
            + " distribution needs times > 0 (R: invalid survival times for this distribution)\n")
    }

    @Test func aFractionalEventCountInRatesNamesTheLineAndColumn() throws {
        let file = try write("x,t\n1,10\n\n1.5,10\n", name: "rates.csv")
        defer { remove(file) }
        let r = try CommandRunner.spawn(["rates", file.path, "--events", "x", "--person-time", "t"])
        #expect(r.status == 1)
        #expect(r.stderr == "\(file.path): line 4, column \"x\" (1): expected an event count (counts are whole numbers ≥ 0), found 1.5\n")
    }

    @Test func aCollapsedIntervalAfterMergingNearTiesIsLocated() throws {
        let file = try write("a,b,s\n0,5,1\n5,5.00000000001,1\n0,7,0\n", name: "intervals.csv")
        defer { remove(file) }
        let r = try CommandRunner.spawn(["cox", file.path, "--formula", "Surv(a, b, s) ~ 1"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(file.path): line 3, column \"b\" (2): the interval (start, stop] (start a = 5, stop b ="), "\(r.stderr)")
    }

    @Test func missingCountsPerColumnAreExactAndStrictRefusesToDrop() throws {
        let lung = Repository.dataset("lung.csv")
        let formula = "Surv(time, status) ~ age + meal.cal + wt.loss"
        let r = try CommandRunner.spawn(["cox", lung, "--formula", formula, "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [String: Any])
        // R: colSums(is.na(lung[c("meal.cal", "wt.loss")])) = 47, 14; 57 incomplete rows.
        #expect((rows["missing_by_column"] as? [String: Int]) == ["meal.cal": 47, "wt.loss": 14])
        #expect((rows["dropped"] as? [String: Int]) == ["missing: meal.cal": 47, "missing: wt.loss": 10])
        #expect(rows["used"] as? Int == 171)
        let text = try CommandRunner.spawn(["cox", lung, "--formula", formula])
        #expect(text.stdout.contains("Rows: 228 read, 57 dropped (missing: meal.cal 47, missing: wt.loss 10), 171 used.\n"))
        #expect(text.stderr.contains("rows missing each column: meal.cal 47, wt.loss 14"))
        let strict = try CommandRunner.spawn(["cox", lung, "--formula", formula, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr == "\(lung): --strict: 57 rows would be dropped for missing values (the first on line 2):"
            + " meal.cal 47, wt.loss 14 missing. Fill them in, exclude them on purpose with --subset \"!is.na(x)\","
            + " or leave out --strict\n")
        #expect(strict.stdout.isEmpty)
    }

    @Test func anAllMissingCovariateInTheReportNamesTheColumn() throws {
        let file = try write("time,status,sex,biomarker\n5,1,1,NA\n8,0,2,\n9,1,1,NA\n4,1,2,.\n", name: "d.csv")
        defer { remove(file) }
        let r = try CommandRunner.spawn(
            ["report", file.path, "--time", "time", "--status", "status", "--group", "sex", "--covariates", "biomarker"])
        #expect(r.status == 1)
        #expect(r.stderr == "\(file.path): column \"biomarker\" (4): every one of the 4 rows is missing \"biomarker\", so no"
            + " rows are left: leave it out of the formula, or check how the file was read with survkit describe\n")
    }

    @Test func aSemicolonFileWithDecimalCommasNamesTheDecimalOption() throws {
        // lung.csv with ; between fields and every wt.loss written "x,5": without
        // --decimal , the column would be a 53-level factor; it is an error instead.
        let text = try String(contentsOfFile: Repository.dataset("lung.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        for k in 1..<lines.count where lines[k][9] != "NA" { lines[k][9] += ",5" }
        let file = try write((lines.map { $0.joined(separator: ";") }.joined(separator: "\n") + "\n"), name: "lung-eu.csv")
        defer { remove(file) }
        let r = try CommandRunner.spawn(["cox", file.path, "--formula", "Surv(time, status) ~ age + wt.loss"])
        #expect(r.status == 1)
        #expect(r.stderr == "reading \(file.path): delimiter \";\" detected\n"
            + "\(file.path): line 3, column \"wt.loss\" (10): \"wt.loss\" is used as a covariate, but 214 of its 214 values"
            + " are not numbers: line 3 \"15,5\", line 4 \"15,5\", line 5 \"11,5\" and 211 more. They look like numbers"
            + " with a decimal comma: read the file with --decimal ,; to use \"wt.loss\" as a categorical variable on"
            + " purpose, write factor(wt.loss).\n")
        let fixed = try CommandRunner.spawn(["cox", file.path, "--formula", "Surv(time, status) ~ age + wt.loss", "--decimal", ","])
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }

    @Test func strictAppliesToTheReportAndIsReproduced() throws {
        let lung = Repository.dataset("lung.csv")
        let args = ["report", lung, "--time", "time", "--status", "status", "--group", "sex", "--covariates", "age,ph.ecog"]
        let strict = try CommandRunner.spawn(args + ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr == "\(lung): --strict: 1 row would be dropped for missing values (the first on line 15):"
            + " ph.ecog 1 missing. Fill them in, exclude them on purpose with --subset \"!is.na(x)\", or leave out --strict\n")
        // With the row excluded on purpose, nothing is dropped and the report runs.
        let subset = try CommandRunner.spawn(args + ["--strict", "--subset", "!is.na(ph.ecog)", "--format", "json"])
        #expect(subset.status == 0, "\(subset.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(subset.stdout.utf8)) as? [String: Any])
        #expect((json["specification"] as? [String: Any])?["strict"] as? Bool == true)
        let rows = try #require(json["rows"] as? [String: Any])
        #expect(rows["excluded_by_subset"] as? Int == 1)
        #expect(rows["used"] as? Int == 227)
    }
}
