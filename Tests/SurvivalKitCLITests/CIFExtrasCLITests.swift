import Foundation
import SurvivalTestSupport
import Testing
@testable import survkit

/// `survkit cif --times`, `survkit rmst` and `survkit logrank --trend` end to
/// end: the JSON against the R fixtures (Tests/Reference/cif_times.R, rmst.R,
/// logrank_trend.R), the text reports, the keys that appear only when asked
/// for, and the usage errors.
@Suite struct CIFExtrasFixtureTests {
    @Test("survkit cif --times matches R summary(survfit, times =)", arguments: Repository.fixtures("cif-times"))
    func cifTimesMatchR(caseName: String) throws { try expectMatches(kind: "cif-times", caseName) }

    @Test("survkit rmst matches R print(survfit, rmean =) and rmst2's contrasts", arguments: Repository.fixtures("rmst"))
    func rmstMatchesR(caseName: String) throws { try expectMatches(kind: "rmst", caseName) }

    @Test("survkit logrank --trend matches the trend test from R survdiff", arguments: Repository.fixtures("logrank-trend"))
    func trendMatchesR(caseName: String) throws { try expectMatches(kind: "logrank-trend", caseName) }

    private func expectMatches(kind: String, _ caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/\(kind)/\(caseName).json")
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }
}

@Suite struct CIFExtrasBehaviourTests {
    static let mgus = ["cif", "datasets/mgus2_competing.csv", "--formula", "Surv(etime, event) ~ sex"]
    static let ecog = ["logrank", "datasets/lung.csv", "--formula", "Surv(time, status) ~ ph.ecog"]
    static let veteran = ["rmst", "datasets/veteran.csv", "--formula", "Surv(time, status) ~ trt", "--tau", "365"]

    func expectUsageError(_ arguments: [String], mentions: [String]) throws {
        let r = try CommandRunner.spawn(arguments)
        #expect(r.status == 2, "exit status \(r.status), stderr: \(r.stderr)")
        for m in mentions { #expect(r.stderr.contains(m), "stderr lacks \(m): \(r.stderr)") }
        #expect(r.stdout.isEmpty)
    }

    // MARK: cif --times

    @Test func summaryAtAppearsOnlyWithTimes() throws {
        let plain = try CommandRunner.runJSON(Self.mgus + ["--format", "json"]) as? [String: Any]
        let strata = try #require(plain?["strata"] as? [[String: Any]])
        #expect(strata.allSatisfy { $0["summary_at"] == nil })
        let timed = try CommandRunner.runJSON(Self.mgus + ["--times", "60,120", "--format", "json"]) as? [String: Any]
        let first = try #require((timed?["strata"] as? [[String: Any]])?.first?["summary_at"] as? [String: Any])
        #expect(Set(first.keys) == ["time", "n_risk", "cif", "std_err", "lower", "upper"])
        #expect((first["cif"] as? [String: Any])?.keys.sorted() == ["1", "2"])
    }

    @Test func textShowsIncidenceWithLimitsAtTheRequestedTimes() throws {
        let text = try CommandRunner.run(Self.mgus + ["--times", "60,120"])
        // R: summary(survfit(Surv(etime, factor(event)) ~ sex, mgus2_competing), times = 60):
        // sex=F cause 1 pstate 0.0397896, log limits 0.0270984, 0.0584246.
        #expect(text.contains("0.040 (0.027, 0.058)"), "\(text)")
        #expect(text.contains("Cause 1: cumulative incidence (95% CI)"))
        #expect(text.contains("Number at risk") && text.contains("Gray's test"))
        #expect(text.contains("At the requested times (--times)"))
    }

    @Test func defaultTextTimesAreRoundPointsUpToTheTenPercentHorizon() throws {
        let text = try CommandRunner.run(Self.mgus)
        // mgus2: 10% of the 1384 subjects are still at risk at 194 months;
        // the largest 1-2-5 step giving four points up to it is 20.
        #expect(text.contains("At round times up to 194, when 10% of the subjects are still at risk"), "\(text)")
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("  20 ") || $0.hasPrefix(" 180 ") }
        #expect(rows.count == 6)  // 20 and 180 in the two cause tables and the at-risk table
        #expect(!text.contains(" 200 "))
    }

    @Test func timesPastEveryCurveEndNeedExtend() throws {
        let r = try CommandRunner.spawn(Self.mgus + ["--times", "500"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("No requested time (--times) is within the follow-up of sex=F"), "\(r.stderr)")
        #expect(r.stderr.contains("--extend"))
        let json = try CommandRunner.runJSON(Self.mgus + ["--times", "500", "--extend", "--format", "json"]) as? [String: Any]
        let at = try #require((json?["strata"] as? [[String: Any]])?.first?["summary_at"] as? [String: Any])
        #expect(at["time"] as? [Double] == [500] && at["n_risk"] as? [Double] == [0])
    }

    @Test func cifTimesUsageErrors() throws {
        try expectUsageError(Self.mgus + ["--times", "12,abc"], mentions: ["--times must be comma-separated finite numbers"])
        try expectUsageError(Self.mgus + ["--extend"], mentions: ["--extend applies to --times"])
    }

    // MARK: rmst

    @Test func rmstJSONHasTheContractKeys() throws {
        let json = try #require(try CommandRunner.runJSON(Self.veteran + ["--format", "json"]) as? [String: Any])
        #expect(json["analysis"] as? String == "rmst" && json["tau"] as? Double == 365)
        let group = try #require((json["groups"] as? [[String: Any]])?.first)
        for key in ["label", "rmst", "std_err", "lower", "upper"] { #expect(group[key] != nil, "groups lack \(key)") }
        let contrast = try #require((json["contrasts"] as? [[String: Any]])?.first)
        #expect(contrast["label"] as? String == "trt=2 vs trt=1")
        for key in ["difference", "diff_lower", "diff_upper", "diff_p", "ratio", "ratio_lower", "ratio_upper", "ratio_p"] {
            #expect(contrast[key] != nil, "contrasts lack \(key)")
        }
    }

    @Test func rmstTextHasGroupsAndContrasts() throws {
        let text = try CommandRunner.run(Self.veteran)
        #expect(text.contains("Restricted mean survival time"))
        #expect(text.contains("trt=2 vs trt=1: difference") && text.contains("trt=2 vs trt=1: ratio"))
        let md = try CommandRunner.run(Self.veteran + ["--format", "markdown"])
        #expect(md.contains("## Restricted mean survival time") && md.contains("### Against trt=1"))
    }

    @Test func rmstTauPastFollowUpWarnsAndFollowsSurvfit() throws {
        let r = try CommandRunner.spawn(["rmst", "datasets/aml.csv", "--formula", "Surv(time, status) ~ x", "--tau", "100"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("tau = 100 is past the last observed time of x=Nonmaintained (45)"), "\(r.stderr)")
    }

    @Test func rmstGroupWithNoEventsHasTheWholeAreaAndNoError() throws {
        let json = try #require(try CommandRunner.runJSON([
            "rmst", "Tests/Fixtures/rmst/data/no_events.csv", "--formula", "Surv(time, status) ~ g", "--tau", "10",
            "--format", "json",
        ]) as? [String: Any])
        let b = try #require((json["groups"] as? [[String: Any]])?.last)
        // No events: S(t) = 1 up to tau, so the area is tau itself, with no variance.
        #expect(b["rmst"] as? Double == 10 && b["std_err"] as? Double == 0)
    }

    @Test func rmstUsageAndDataErrors() throws {
        let base = ["rmst", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex"]
        try expectUsageError(base, mentions: ["--tau"])
        try expectUsageError(base + ["--tau", "0"], mentions: ["--tau must be a finite number > 0"])
        let strata = try CommandRunner.spawn(
            ["rmst", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex + strata(inst)", "--tau", "300"])
        #expect(strata.status == 1 && strata.stderr.contains("strata(...) is not supported by rmst"))
    }

    // MARK: logrank --trend

    @Test func trendAppearsOnlyWithTheFlag() throws {
        let plain = try #require(try CommandRunner.runJSON(Self.ecog + ["--format", "json"]) as? [String: Any])
        #expect(plain["trend"] == nil)
        let json = try #require(try CommandRunner.runJSON(Self.ecog + ["--trend", "--format", "json"]) as? [String: Any])
        let trend = try #require(json["trend"] as? [String: Any])
        #expect(trend["scores"] as? [Double] == [0, 1, 2, 3] && trend["df"] as? Int == 1)
        let text = try CommandRunner.run(Self.ecog + ["--trend"])
        #expect(text.contains("Test for trend (scores 0, 1, 2, 3): Chisq = "), "\(text)")
    }

    @Test func trendUsageErrors() throws {
        try expectUsageError(
            ["logrank", "datasets/lung.csv", "--formula", "Surv(time, status) ~ ph.ecog + sex", "--trend"],
            mentions: ["--trend needs exactly one grouping variable", "ph.ecog, sex"])
        try expectUsageError(
            ["logrank", "datasets/lung.csv", "--formula", "Surv(time, status) ~ ph.ecog:sex", "--trend"],
            mentions: ["--trend needs exactly one grouping variable"])
        try expectUsageError(Self.ecog + ["--trend-scores", "1,2,3,4"], mentions: ["--trend-scores applies to --trend"])
        try expectUsageError(Self.ecog + ["--trend", "--trend-scores", "1,2"], mentions: ["gives 2 scores but there are 4 levels"])
        try expectUsageError(Self.ecog + ["--trend", "--trend-scores", "1,x,3,4"], mentions: ["--trend-scores must be"])
    }
}
