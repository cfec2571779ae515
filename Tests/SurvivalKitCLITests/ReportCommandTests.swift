import Foundation
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
        for name in ["sarcoma", "lung", "veteran"] {
            let url = Repository.url("notebooks-export/\(name)-figures/km.svg")
            let parser = try #require(XMLParser(contentsOf: url) as XMLParser?)
            #expect(parser.parse(), "\(name) km.svg: \(String(describing: parser.parserError))")
        }
    }
}
