import Foundation
import SurvivalKit
import SurvivalTestSupport
import Testing
@testable import survkit

/// The model sections of `survkit report` added with issue 11 (item 8): the
/// Fine–Gray model, the cumulative incidence with limits at `cif_times`, the
/// restricted mean by group and the log-rank test for trend, plus AIC/BIC in
/// the Cox section. Each embedded result is checked against the R fixture of
/// its standalone command (Tests/Reference/finegray.R, cif_times.R, rmst.R,
/// logrank_trend.R, on the same sarcoma columns) and against that command
/// itself, as the report names it among its reproducing steps.
extension ReportCommandTests {
    /// The main job's report (scripts/sarcoma-report-args.sh) without its title.
    static let sarcomaModels = sarcoma + [
        "--covariates", "age,sex,factor(grade),size_cm,depth,margin,site",
        "--fine-gray-covariates", "margin,factor(grade),size_cm,depth,radiotherapy", "--rmst-group", "margin",
    ]

    static func reportJSON(_ args: [String]) throws -> [String: Any] {
        try #require(try CommandRunner.runJSON(args + ["--format", "json"]) as? [String: Any])
    }

    /// `fixture` without the keys the report's section does not have (`predictions`: no --predict).
    static func fixture(_ path: String, dropping keys: [String] = []) throws -> [String: Any] {
        var f = try Repository.loadJSON(path)
        for k in keys { f.removeValue(forKey: k) }
        return f
    }

    @Test("report's fine_gray, rmst, logrank trend and cif summary_at match the R fixtures")
    func modelSectionsMatchR() throws {
        let json = try Self.reportJSON(Self.sarcomaModels)
        let compare = JSONComparison()
        // cmprsk::crr(lr_first_years, status 0/1/2, cov1 = margin + factor(grade) + size_cm + depth + radiotherapy).
        let fg = try Self.fixture("Tests/Fixtures/finegray/sarcoma_lr.json", dropping: ["predictions"])
        let fgDiffs = compare.differences(expected: fg, actual: json["fine_gray"])
        #expect(fgDiffs.isEmpty, "fine_gray: \(fgDiffs.prefix(10).joined(separator: "\n"))")
        // print(survfit(Surv(os_years, os_status) ~ margin), rmean = 5) and survRM2-style contrasts.
        let rm = try Self.fixture("Tests/Fixtures/rmst/sarcoma_margin_5y.json")
        let rmDiffs = compare.differences(expected: rm, actual: json["rmst"])
        #expect(rmDiffs.isEmpty, "rmst: \(rmDiffs.prefix(10).joined(separator: "\n"))")
        // survdiff(Surv(os_years, os_status) ~ grade) with scores 1, 2, 3.
        let trend = try #require(try Self.fixture("Tests/Fixtures/logrank-trend/sarcoma_grade.json")["trend"])
        let logrank = try #require(json["logrank"] as? [String: Any])
        let trendDiffs = compare.differences(expected: trend, actual: logrank["trend"])
        #expect(trendDiffs.isEmpty, "logrank.trend: \(trendDiffs.prefix(10).joined(separator: "\n"))")
        // summary(survfit(Surv(lr_first_years, factor(ev)) ~ margin), times = c(1, 2, 5)).
        let cifFixture = try Self.fixture("Tests/Fixtures/cif-times/sarcoma_lr_margin.json")
        let cif = try #require(json["cumulative_incidence"] as? [String: Any])
        let cifDiffs = compare.differences(expected: cifFixture["strata"] as Any, actual: cif["strata"])
        #expect(cifDiffs.isEmpty, "cumulative_incidence.strata: \(cifDiffs.prefix(10).joined(separator: "\n"))")
        // AIC(fit) = -2 loglik + 2 p with p = 12 coefficients; BIC with n = 943 events.
        let cox = try #require(json["cox"] as? [String: Any])
        let loglik = try #require(cox["loglik"] as? Double)
        let aic = try #require(cox["aic"] as? Double), bic = try #require(cox["bic"] as? Double)
        #expect(abs(aic - (-2 * loglik + 24)) < 1e-6)
        #expect(abs(bic - (-2 * loglik + 12 * Foundation.log(943))) < 1e-6)
        #expect(json["notes"] == nil)
    }

    /// The report's sections are the JSON of the commands it prints to reproduce them
    /// (finegray, rmst, logrank --trend, cif --times).
    @Test("each model section equals its reproducing command")
    func modelSectionsEqualTheStandaloneCommands() throws {
        let json = try Self.reportJSON(Self.sarcomaModels)
        let command = try ReportCommand.parse(Array(Self.sarcomaModels.dropFirst()))
        let spec = try command.specification()
        let steps = command.commands(spec, formulas: try ReportFormulas(spec), trendShown: true).steps
        for (section, key, analysis, option) in [
            ("fine-gray", "fine_gray", "finegray", "--competing-status"), ("rmst", "rmst", "rmst", "--tau"),
            ("logrank", "logrank", "logrank", "--trend"), ("cumulative-incidence", "cumulative_incidence", "cif", "--times"),
        ] {
            let step = try #require(steps[section], "no reproducing command for \(section)")
            let words = NotebookExportTests.shellWords(step)
            #expect(Array(words.prefix(2)) == ["survkit", analysis])
            #expect(words.contains(option), "\(step)")
            let standalone = try #require(
                try CommandRunner.runJSON(Array(words.dropFirst()) + ["--format", "json"]) as? [String: Any])
            let embedded = try #require(json[key] as? [String: Any], "missing \(key)")
            // Exactly equal, every key both ways (NSDictionary's isEqual does not see into arrays of arrays).
            let exact = JSONComparison(relative: 0, absolute: 0, requireAllActualKeys: true)
            let diffs = exact.differences(expected: standalone, actual: embedded)
                + exact.differences(expected: embedded, actual: standalone)
            #expect(diffs.isEmpty, "\(key) differs from `\(step)`: \(diffs.prefix(5))")
        }
        #expect(steps["cumulative-incidence"]?.hasSuffix("--competing-status os_status --times 1,2,5") == true)
        #expect(steps["rmst"]?.contains("--formula \"Surv(os_years, os_status) ~ margin\" --tau 5") == true)
        let formulas = try #require(json["formulas"] as? [String: Any])
        #expect(
            formulas["fine_gray"] as? String
                == "Surv(lr_first_years, lr_status) ~ margin + factor(grade) + size_cm + depth + radiotherapy")
        #expect(formulas["rmst"] as? String == "Surv(os_years, os_status) ~ margin")
        // The whole report's command gives the new options back.
        let report = NotebookExportTests.shellWords(command.commands(spec, formulas: try ReportFormulas(spec)).report)
        let reparsed = try ReportCommand.parse(Array(report.dropFirst(2)))
        #expect(try reparsed.specification() == spec)
    }

    @Test("text and Markdown show the new sections in their places, within 100 columns")
    func modelSectionsInTheText() throws {
        let text = try CommandRunner.run(Self.sarcomaModels)
        for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line.count): \(line)") }
        let order = ["Kaplan–Meier survival", "Restricted mean survival time", "Log-rank test",
                     "Cox proportional hazards model", "Cumulative incidence with death as a competing risk",
                     "Fine–Gray model of lr_status with death as a competing risk", "Mean cumulative function of recurrences"]
        let positions = order.map { text.range(of: "\n\($0)\n")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(zip(order, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(zip(positions, positions.dropFirst()).allSatisfy { ($0 ?? text.endIndex) < ($1 ?? text.startIndex) })
        // R: summary(crr(...)) margin=R1 exp(coef) 2.78 (2.27, 3.40); rmst difference R1 - R0 = -0.348 (fixture);
        // cuminc R0 at 5 years 0.185 (0.166-0.205).
        // The Fine–Gray section is the publication table of survkit finegray (sHR 2.78, limits 2.27–3.40).
        #expect(text.contains("\n  R1           376     157  2.78 (2.27–3.40)  <0.001\n"))
        #expect(text.contains("517 events, 689 competing events"))
        #expect(text.contains("margin=R1 vs margin=R0      -0.348  -0.527 to -0.170"))
        #expect(text.contains("    5  0.185 (0.166–0.205)  0.397 (0.351–0.451)  0.528 (0.435–0.642)"))
        #expect(text.contains("Test for trend across grade (scores 1 < 2 < 3"))
        #expect(text.contains("AIC = 12773.01, BIC = 12831.2"))
        let md = try CommandRunner.run(Self.sarcomaModels + ["--format", "markdown"])
        #expect(md.contains("## Fine–Gray model of lr_status with death as a competing risk"))
        #expect(md.contains("## Restricted mean survival time"))
    }

    @Test("a report on lung gets no model section it cannot have, and only the AIC line in its text")
    func lungHasNoModelSections() throws {
        let json = try Self.reportJSON(Self.lung)
        for key in ["fine_gray", "rmst", "notes"] { #expect(json[key] == nil, "\(key)") }
        let logrank = try #require(json["logrank"] as? [String: Any])
        #expect(logrank["trend"] == nil)  // two levels of sex: the trend test is the log-rank test
        let formulas = try #require(json["formulas"] as? [String: Any])
        #expect(formulas["fine_gray"] == nil && formulas["rmst"] == nil)
        let spec = try #require(json["specification"] as? [String: Any])
        for key in ["fine_gray", "cif_times", "rmst", "rmst_tau", "rmst_group", "logrank_trend"] {
            #expect(spec[key] == nil, "\(key)")
        }
        let text = try CommandRunner.run(Self.lung)
        // R: AIC(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung)) = 1464.458, BIC = 1473.758.
        #expect(text.contains("AIC = 1464.46, BIC = 1473.76 (R AIC(), BIC() with n = 164 events)."))
        #expect(!text.contains("Restricted mean survival time"))
    }

    @Test("a section that does not apply is left out with a note saying why")
    func sectionsThatDoNotApplyAreNoted() throws {
        // Margins R0/R1/R2 are not numbers: no trend test, asked for or not.
        let byMargin = ["report", "datasets/sarcoma_patients.csv", "--time", "os_years", "--status", "os_status",
                        "--group", "margin", "--time-unit", "years"]
        let json = try Self.reportJSON(byMargin + ["--trend", "--rmst-tau", "30"])
        let notes = try #require(json["notes"] as? [String: String])
        #expect(notes["logrank_trend"]?.contains("(R0, R1, R2) are not numbers") == true)
        #expect(notes["rmst"]?.contains("tau is past the last observed time") == true)
        #expect(json["rmst"] == nil)
        #expect((json["logrank"] as? [String: Any])?["trend"] == nil)
        let text = try CommandRunner.run(byMargin + ["--rmst-tau", "30"])
        #expect(text.contains("Not shown: the restricted mean up to tau = 30 years was not computed"))
        // cif_times past every follow-up, and a Fine–Gray model under a landmark.
        let cifLate = try Self.reportJSON(
            byMargin + ["--event-time", "lr_first_years", "--event-status", "lr_status", "--cif-times", "40",
                        "--fine-gray-covariates", "margin", "--landmark", "1"])
        let lateNotes = try #require(cifLate["notes"] as? [String: String])
        #expect(lateNotes["cif_times"]?.contains("choose earlier cif_times") == true)
        #expect(lateNotes["fine_gray"]?.contains("no landmark") == true)
        #expect(cifLate["fine_gray"] == nil)
        let strata = try #require((cifLate["cumulative_incidence"] as? [String: Any])?["strata"] as? [[String: Any]])
        #expect(strata.allSatisfy { $0["summary_at"] == nil })
    }

    @Test("the sections' analysis-file keys are read, checked and suggested")
    func modelKeysInTheAnalysisFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.json")
        try #"{"time": "os_years", "status": "os_status", "group": "grade", "event_time": "lr_first_years", "event_status": "lr_status", "fine_gray_covariates": ["margin", "radiotherapy"], "cif_times": [3], "rmst_tau": 2, "rmst_group": "margin", "logrank_trend": false}"#
            .write(to: good, atomically: true, encoding: .utf8)
        let json = try Self.reportJSON(["report", "datasets/sarcoma_patients.csv", "--analysis", good.path])
        let fg = try #require(json["fine_gray"] as? [String: Any])
        #expect((fg["coefficients"] as? [[String: Any]])?.map { $0["term"] as? String } == ["margin=R1", "margin=R2", "radiotherapy"])
        #expect((json["rmst"] as? [String: Any])?["tau"] as? Double == 2)
        #expect((json["logrank"] as? [String: Any])?["trend"] == nil)
        let strata = try #require((json["cumulative_incidence"] as? [String: Any])?["strata"] as? [[String: Any]])
        #expect(strata.allSatisfy { ($0["summary_at"] as? [String: Any])?["time"] as? [Double] == [3] })
        // The command line wins over the file.
        let off = try Self.reportJSON(["report", "datasets/sarcoma_patients.csv", "--analysis", good.path, "--no-fine-gray"])
        #expect(off["fine_gray"] == nil)

        let typo = dir.appendingPathComponent("typo.json")
        try #"{"time": "os_years", "status": "os_status", "rmst_tua": 5}"#.write(to: typo, atomically: true, encoding: .utf8)
        let r = try CommandRunner.spawn(["report", "datasets/sarcoma_patients.csv", "--analysis", typo.path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("\"rmst_tua\"") && r.stderr.contains("rmst_tau"), "\(r.stderr)")
        let bad = dir.appendingPathComponent("bad.json")
        try #"{"time": "os_years", "status": "os_status", "rmst_tau": -1}"#.write(to: bad, atomically: true, encoding: .utf8)
        let b = try CommandRunner.spawn(["report", "datasets/sarcoma_patients.csv", "--analysis", bad.path])
        #expect(b.status == 2 && b.stderr.contains("rmst_tau must be a finite number > 0"), "\(b.stderr)")
        let badOption = try CommandRunner.spawn(
            ["report", "datasets/sarcoma_patients.csv", "--time", "os_years", "--status", "os_status", "--cif-times", "1,x"])
        #expect(badOption.status == 2 && badOption.stderr.contains("--cif-times"), "\(badOption.stderr)")
    }
}
