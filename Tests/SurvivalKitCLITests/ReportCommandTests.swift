import Foundation
import SurvivalKit
import SurvivalTestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import survkit

/// `survkit report`: JSON sections, text width, reproducing commands, exit statuses.
@Suite struct ReportCommandTests {
    static let lung = [
        "report", "datasets/lung.csv", "--time", "time", "--status", "status", "--group", "sex",
        "--covariates", "age,sex,ph.ecog", "--times", "180,365",
    ]

    @Test func jsonHasTheReportSectionsAndTheModelsOwnKeys() throws {
        let json = try #require(try CommandRunner.runJSON(Self.lung + ["--format", "json"]) as? [String: Any])
        #expect(json["analysis"] as? String == "report")
        for key in ["description", "kaplan_meier", "logrank", "cox", "rows", "warnings", "formulas"] {
            #expect(json.keys.contains(key), "missing \(key)")
        }
        let km = try #require(json["kaplan_meier"] as? [String: Any])
        #expect(km["analysis"] as? String == "kaplan-meier")
        let lr = try #require(json["logrank"] as? [String: Any])
        // R: survdiff(Surv(time, status) ~ sex, lung)$chisq = 10.3267...
        #expect(abs((lr["statistic"] as? Double ?? 0) - 10.3267) < 1e-3)
    }

    @Test func textLinesAreAtMostOneHundredColumns() throws {
        let text = try CommandRunner.run(Self.lung)
        for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line.count): \(line)") }
        #expect(text.contains("Cohort description (Table 1)"))
        #expect(text.contains("Log-rank test"))
    }

    @Test func analysisFileIsReadAndCommandLineWins() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("analysis-\(UUID().uuidString).json")
        try #"{"time": "time", "status": "status", "group": "ph.ecog", "times": [365]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let json = try #require(
            try CommandRunner.runJSON(["report", "datasets/lung.csv", "--analysis", file.path, "--group", "sex", "--format", "json"])
                as? [String: Any])
        let spec = try #require(json["specification"] as? [String: Any])
        #expect(spec["group"] as? String == "sex")
        #expect(spec["times"] as? [Double] == [365])
    }

    @Test func shellQuotingKeepsFormulasOneWord() {
        #expect(ReportCommand.shell(["survkit", "km", "a b.csv", "Surv(t, s) ~ x"]) == #"survkit km "a b.csv" "Surv(t, s) ~ x""#)
        #expect(ReportCommand.shell(["it's $x"]) == #"'it'\''s $x'"#)
    }

    @Test func figureLinksAreRelativeToTheMarkdownFile() {
        #expect(ReportCommand.relativePath(from: "out", to: "out/figs/km.svg") == "figs/km.svg")
        #expect(ReportCommand.relativePath(from: "docs", to: "figs/km.svg") == "../figs/km.svg")
        #expect(ReportCommand.relativePath(from: "", to: "figs/km.svg") == "figs/km.svg")
    }

    @Test func covariatesSplitOutsideParentheses() {
        #expect(ReportCommand.splitTerms("age, factor(grade),I(age^2)") == ["age", "factor(grade)", "I(age^2)"])
    }

    @Test func missingTimeIsAUsageErrorAndUnknownColumnADataError() throws {
        let usage = try CommandRunner.spawn(["report", "datasets/lung.csv", "--status", "status"])
        #expect(usage.status == 2, "\(usage.stderr)")
        let data = try CommandRunner.spawn(["report", "datasets/lung.csv", "--time", "tiem", "--status", "status"])
        #expect(data.status == 1, "\(data.stderr)")
        #expect(data.stderr.contains("tiem"))
    }

    @Test func committedFiguresAreWellFormedXML() throws {
        let figures = ["sarcoma-figures/km.svg", "lung-figures/km.svg", "veteran-figures/km.svg",
                       "sarcoma-figures/cif.svg", "sarcoma-figures/mcf.svg"]
        for name in figures {
            let url = Repository.url("notebooks-export/\(name)")
            let parser = try #require(XMLParser(contentsOf: url) as XMLParser?)
            #expect(parser.parse(), "\(name): \(String(describing: parser.parserError))")
        }
    }

    // MARK: Recurrence sections (issue #4 item 3)

    /// Overall survival plus the three recurrence sections on the synthetic
    /// sarcoma cohort, recurrence sections by margin.
    static let sarcoma = [
        "report", "datasets/sarcoma_patients.csv", "--time", "os_years", "--status", "os_status",
        "--group", "grade", "--time-unit", "years", "--times", "1,2,5,10",
        "--event-time", "lr_first_years", "--event-status", "lr_status",
        "--recurrences", "datasets/sarcoma_recurrences.csv", "--recurrence-id", "id",
        "--rate-events", "lr_count", "--rate-person-time", "os_years", "--recurrence-group", "margin",
    ]

    /// The report's `cumulative_incidence`, `mcf` and `rates` objects are exactly
    /// the JSON of the standalone commands the report names as its reproducing
    /// steps (`survkit cif|mcf|rates`, themselves checked against R in
    /// RecurrenceFixtureTests), run on the same files.
    @Test func recurrenceSectionsEqualTheStandaloneCommands() throws {
        let json = try #require(try CommandRunner.runJSON(Self.sarcoma + ["--format", "json"]) as? [String: Any])
        let formulas = try #require(json["formulas"] as? [String: Any])
        #expect(formulas["cumulative_incidence"] as? String == "Surv(lr_first_years, lr_status) ~ margin")
        #expect(formulas["mcf"] as? String == "Surv(start, stop, event) ~ margin + cluster(id)")
        #expect(formulas["rates"] as? String == "lr_count ~ margin + offset(os_years)")

        let command = try ReportCommand.parse(Array(Self.sarcoma.dropFirst()))
        let spec = try command.specification()
        let steps = command.commands(spec, formulas: try ReportFormulas(spec)).steps
        for (section, key, analysis) in [
            ("cumulative-incidence", "cumulative_incidence", "cif"), ("mcf", "mcf", "mcf"), ("rates", "rates", "rates"),
        ] {
            let step = try #require(steps[section], "no reproducing command for \(section)")
            let words = NotebookExportTests.shellWords(step)
            #expect(Array(words.prefix(2)) == ["survkit", analysis])
            let standalone = try #require(
                try CommandRunner.runJSON(Array(words.dropFirst()) + ["--format", "json"]) as? [String: Any])
            let embedded = try #require(json[key] as? [String: Any], "missing \(key)")
            #expect(NSDictionary(dictionary: embedded).isEqual(to: standalone), "\(key) differs from `\(step)`")
        }
        // Hand check of one number: 3 margin groups → Gray's test on 2 df.
        let cif = try #require(json["cumulative_incidence"] as? [String: Any])
        let gray = try #require((cif["gray_test"] as? [String: Any])?["1"] as? [String: Any])
        #expect(gray["df"] as? Int == 2)
    }

    /// The tables at --times read the step functions as R `summary(fit, times = c(1, 2, 5, 10))`:
    /// d$ev <- ifelse(d$lr_status == 1, 1, ifelse(d$os_status == 1, 2, 0));
    /// summary(survfit(Surv(lr_first_years, factor(ev)) ~ margin, d), times = 1)
    /// gives pstate 0.07662768 (se 0.006807664) for R0 and 0.32608696 (0.048873645) for R2
    /// at 1 year; summary(survfit(Surv(start, stop, event) ~ margin, r, id = id), times = 10)
    /// gives cumhaz 1.49519661 for R2. The text shows them at 3 decimals.
    @Test func recurrenceTablesAtTimesMatchRSummary() throws {
        let text = try CommandRunner.run(Self.sarcoma)
        for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line.count): \(line)") }
        #expect(text.contains("Cumulative incidence with death as a competing risk"))
        #expect(text.contains("    1  0.077 (0.007)  0.212 (0.021)  0.326 (0.049)"))
        #expect(text.contains("1.495 ("))
        #expect(text.contains("Mean cumulative function of recurrences"))
        #expect(text.contains("Event rates"))
    }

    @Test func recurrenceFiguresAreWrittenAndParseAsXML() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report2-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try CommandRunner.run(Self.sarcoma + ["--figures", dir.path])
        for name in ["km.svg", "cif.svg", "mcf.svg"] {
            let parser = try #require(XMLParser(contentsOf: dir.appendingPathComponent(name)) as XMLParser?)
            #expect(parser.parse(), "\(name): \(String(describing: parser.parserError))")
        }
    }

    @Test func recurrenceKeysAreReadFromTheAnalysisFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("analysis-\(UUID().uuidString).json")
        try #"{"time": "os_years", "status": "os_status", "rate_events": "lr_count", "rate_person_time": "os_years", "rate_per": 1000, "recurrence_group": "margin"}"#
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let json = try #require(
            try CommandRunner.runJSON(["report", "datasets/sarcoma_patients.csv", "--analysis", file.path, "--format", "json"])
                as? [String: Any])
        let rates = try #require(json["rates"] as? [String: Any])
        #expect(rates["per"] as? Double == 1000)
        #expect((rates["groups"] as? [Any])?.count == 3)
        #expect(json["cumulative_incidence"] is NSNull)
        #expect(json["mcf"] is NSNull)
    }

    @Test func halfARecurrenceOptionPairIsAUsageError() throws {
        let base = ["report", "datasets/sarcoma_patients.csv", "--time", "os_years", "--status", "os_status"]
        for extra in [["--event-time", "lr_first_years"], ["--recurrences", "datasets/sarcoma_recurrences.csv"],
                      ["--rate-person-time", "os_years"]] {
            let result = try CommandRunner.spawn(base + extra)
            #expect(result.status == 2, "\(extra): \(result.stderr)")
        }
    }
}
