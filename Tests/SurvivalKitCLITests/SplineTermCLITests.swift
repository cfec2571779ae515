import Foundation
import SurvivalTestSupport
import Testing

/// `ns()` and `bs()` in model formulas end to end: the fixtures of
/// Tests/Reference/splines.R (cox, survreg, poisson, finegray and cox
/// predictions for new data outside the boundary knots) through the
/// executable, the text output's joint tests, and the refusals.
@Suite struct SplineTermCLITests {
    @Test("survkit matches R's models with ns()/bs() terms and their joint Wald tests",
          arguments: Repository.fixtures("splines"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.fixture("splines", caseName)
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
        if fixture["predictions"] == nil {
            let tests = try #require((actual as? [String: Any])?["term_tests"] as? [[String: Any]])
            #expect(!tests.isEmpty)
        }
    }

    @Test func theTextReportListsTheJointTests() throws {
        let text = try CommandRunner.run([
            "cox", "datasets/pbc.csv", "--formula", "Surv(time, status == 2) ~ ns(age, df = 3) + log(bili) + edema",
        ])
        // R: chisq 20.67 on 3 df, p 0.000123 (Tests/Fixtures/splines/cox_pbc_ns_age.json).
        #expect(text.contains("ns(age)1") && text.contains("Spline terms"), "\(text)")
        #expect(text.contains("20.67") && text.contains("0.000123"), "\(text)")
    }

    @Test func aModelWithoutSplinesHasNoTermTests() throws {
        let json = try #require(try CommandRunner.runJSON([
            "cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex", "--format", "json",
        ]) as? [String: Any])
        #expect(json["term_tests"] == nil)
    }

    @Test("malformed spline calls fail with what to write", arguments: [
        ("ns(age)", "needs df or knots"),
        ("ns(age, df = 2.5)", "df must be a whole number"),
        ("ns(age, degree = 2, df = 3)", "has no argument degree"),
        ("bs(age, knots = c(30, \"a\"))", "knots must be numbers"),
        ("ns(age, knots = c(10, 60))", "interior knots must lie between the boundary knots"),
        ("pspline(age, df = 2.5, nterm = 2)", "too small for df=2.5"),
    ])
    func refusals(term: String, message: String) throws {
        let run = try CommandRunner.spawn([
            "cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ \(term) + sex",
        ])
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func aGroupingAnalysisRefusesASpline() throws {
        let run = try CommandRunner.spawn(["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ ns(age, df = 2)"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("spline basis of several columns"), "\(run.stderr)")
    }
}
