import Foundation
import Testing
import SurvivalKit
@testable import survkit

/// Closed sets of values are typed options: anything else is a usage error
/// (exit 2) whose message lists the valid values. Runs the real executable.
@Suite struct TypedOptionsTests {
    static let cox = ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex"]

    func expectUsageError(_ arguments: [String], mentions: [String]) throws {
        let r = try CommandRunner.spawn(arguments)
        #expect(r.status == 2, "exit status \(r.status), stderr: \(r.stderr)")
        for m in mentions { #expect(r.stderr.contains(m), "stderr lacks \(m): \(r.stderr)") }
        #expect(r.stdout.isEmpty)
    }

    @Test func unknownTiesListsTheMethods() throws {
        try expectUsageError(Self.cox + ["--ties", "peto"], mentions: ["peto", "'efron'", "'breslow'", "'exact'"])
    }

    @Test func unknownZPHTransformListsTheTransforms() throws {
        try expectUsageError(
            Self.cox + ["--zph", "--zph-transform", "sqrt"], mentions: ["sqrt", "'km'", "'identity'", "'rank'", "'log'"])
    }

    @Test func unknownResidualKindIsNamedWithTheValidKinds() throws {
        try expectUsageError(
            Self.cox + ["--residuals", "martingale,pearson"],
            mentions: ["'pearson'", "martingale", "deviance", "score", "schoenfeld", "scaled-schoenfeld", "dfbeta"])
    }

    @Test func unknownPredictReferenceAndDelimiterListTheirValues() throws {
        try expectUsageError(Self.cox + ["--predict-reference", "mean"], mentions: ["'strata'", "'sample'", "'zero'"])
        try expectUsageError(Self.cox + ["--delimiter", ":"], mentions: ["':'", "'auto'", "','", "';'", "'tab'", "'|'"])
    }

    /// Every command with --conf-level validates it the same way (one option group).
    @Test(arguments: [
        ["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ 1"],
        ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age"],
        ["recur", "datasets/bladder2.csv", "--formula", "Surv(start, stop, event) ~ rx + cluster(id)"],
        ["mcf", "datasets/bladder2.csv", "--formula", "Surv(start, stop, event) ~ rx + cluster(id)"],
        ["poisson", "datasets/sarcoma_patients.csv", "--formula", "lr_count ~ margin + offset(log(os_years))"],
        ["negbin", "datasets/quine.csv", "--formula", "Days ~ Eth"],
        ["rates", "datasets/sarcoma_patients.csv", "--events", "lr_count", "--person-time", "os_years"],
    ])
    func confidenceLevelOutsideZeroOneIsAUsageError(_ command: [String]) throws {
        for level in ["1.5", "0", "1", "nan", "inf"] {
            try expectUsageError(
                command + ["--conf-level", level], mentions: ["--conf-level must lie strictly between 0 and 1."])
        }
    }

    @Test func residualListKeepsItsSpellingsAndIgnoresBlanks() throws {
        let list = try CommaSeparated<ResidualKind>(parsing: " martingale,, scaled-schoenfeld ,dfbeta")
        #expect(list.values == [.martingale, .scaledSchoenfeld, .dfbeta])
        #expect(try CommaSeparated<ResidualKind>(parsing: "").values.isEmpty)
        #expect(throws: (any Error).self) { try CommaSeparated<ResidualKind>(parsing: "martingale,scaled_schoenfeld") }
    }

    @Test func typedOptionsParseTheirSpellings() throws {
        let cox = try CoxCommand.parse(
            Array(Self.cox.dropFirst()) + [
                "--ties", "breslow", "--zph-transform", "rank", "--predict-reference", "zero",
                "--residuals", "deviance,schoenfeld", "--delimiter", "tab", "--na", "NULL", "--conf-level", "0.9",
            ])
        #expect(cox.ties == .breslow)
        #expect(cox.zphTransform == .rank)
        #expect(cox.predictReference == .zero)
        #expect(cox.requestedResiduals == [.deviance, .schoenfeld])
        #expect(cox.cohort.input.csvOptions == CSVOptions(delimiter: .tab, extraMissingTokens: ["NULL"]))
        #expect(cox.confLevel == 0.9)
        let defaults = try CoxCommand.parse(Array(Self.cox.dropFirst()))
        #expect(defaults.ties == .efron && defaults.zphTransform == .km && defaults.predictReference == .strata)
        #expect(defaults.requestedResiduals.isEmpty && defaults.confLevel == 0.95)
        #expect(defaults.cohort.input.csvOptions == CSVOptions())
    }
}

/// `survkit report --analysis`: the file is a `ReportSpecification`, whose
/// `time` and `status` may come from the command line instead.
@Suite struct AnalysisFileTests {
    func withFile<T>(_ json: String, _ body: (String) throws -> T) throws -> T {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("analysis-\(UUID().uuidString).json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try body(file.path)
    }

    @Test func timeAndStatusMayComeFromTheCommandLine() throws {
        let spec = try withFile(#"{"status": null, "group": "sex", "times": [0.5, 365.25], "rate_per": 10}"#) { path in
            try ReportCommand.parse(["datasets/lung.csv", "--analysis", path, "--time", "time", "--status", "status"])
                .specification()
        }
        #expect(spec == ReportSpecification(time: "time", status: "status", group: "sex", times: [0.5, 365.25], ratePer: 10))
    }

    @Test func commandLineWinsAndReferencesMerge() throws {
        let spec = try withFile(
            #"{"time": "t", "status": "s", "covariates": ["age"], "reference": {"sex": "1", "grade": "I"}}"#
        ) { path in
            try ReportCommand.parse([
                "datasets/lung.csv", "--analysis", path, "--time", "time", "--covariates", "age,factor(ph.ecog)",
                "--reference", "sex=2", "--recurrence-start", "entry",
            ]).specification()
        }
        #expect(spec.time == "time" && spec.status == "s")
        #expect(spec.covariates == ["age", "factor(ph.ecog)"])
        #expect(spec.reference == ["sex": "2", "grade": "I"])
        #expect(spec.recurrenceStart == "entry" && spec.recurrenceStop == "stop" && spec.ratePer == 100)
    }

    @Test func anUnknownKeyIsAUsageErrorWithASuggestion() throws {
        try withFile(#"{"time": "time", "status": "status", "grup": "sex"}"#) { path in
            let r = try CommandRunner.spawn(["report", "datasets/lung.csv", "--analysis", path])
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr.hasPrefix("Error: \(path): unknown key \"grup\" in the analysis file (did you mean \"group\"?);"
                + " the keys are \"time\", \"status\", \"group\","), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func missingTimeIsAUsageErrorAndABadKeyADataError() throws {
        try withFile(#"{"status": "status"}"#) { path in
            let r = try CommandRunner.spawn(["report", "datasets/lung.csv", "--analysis", path])
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr.contains("report needs --time and --status"))
        }
        try withFile(#"{"status": "status", "times": "1,2"}"#) { path in
            let r = try CommandRunner.spawn(["report", "datasets/lung.csv", "--analysis", path, "--time", "time"])
            #expect(r.status == 1, "\(r.stderr)")
            #expect(r.stderr.contains("not a valid analysis file (times:"))
        }
    }
}
