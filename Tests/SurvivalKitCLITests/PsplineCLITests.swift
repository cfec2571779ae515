import Foundation
import SurvivalTestSupport
import Testing

/// `pspline(x)` in `survkit cox` end to end: the fixtures of
/// Tests/Reference/pspline.R (pbc, colon, lung; df search and fixed θ;
/// Efron and Breslow; one and two spline terms) to 1e-5, the text output in
/// R's print.coxph.penal layout, and the refusals.
@Suite struct PsplineCLITests {
    @Test("survkit cox matches R's coxph with pspline()", arguments: Repository.fixtures("pspline"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.fixture("pspline", caseName)
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison(relative: 1e-5, absolute: 1e-9).differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }

    @Test func theTextReportIsR_sPenalizedPrint() throws {
        let text = try CommandRunner.run([
            "cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ pspline(age, df = 3) + sex",
        ])
        // R: linear 0.01713 0.00903 0.00903 3.59732 1.00 0.0579; nonlin 2.00945 2.09 0.3862;
        // 4 outer, 12 Newton-Raphson; Theta= 0.87; df 3.1 1.0; LR 16.9 on 4.09 df.
        for piece in ["pspline(age, df = 3), linear ", "pspline(age, df = 3), nonlin ", "0.01713", "3.597", "2.009", "2.09",
                      "Iterations: 4 outer, 12 Newton-Raphson", "Theta= 0.87", "Degrees of freedom for terms= 3.1 1.0",
                      "on 4.09 df"] {
            #expect(text.contains(piece), "missing \(piece) in\n\(text)")
        }
        #expect(!text.contains("ps(age)3"), "the basis coefficients are not printed, as R")
    }

    @Test func theJSONKeepsR_sBasisNames() throws {
        let json = try #require(try CommandRunner.runJSON([
            "cox", "datasets/pbc.csv", "--formula", "Surv(time, status == 2) ~ pspline(age) + log(bili)", "--format", "json",
        ]) as? [String: Any])
        let terms = try #require(json["coefficients"] as? [[String: Any]]).compactMap { $0["term"] as? String }
        #expect(terms == (3...14).map { "ps(age)\($0)" } + ["log(bili)"])
        let tests = try #require(json["spline_tests"] as? [[String: Any]])
        #expect(tests.count == 1 && tests.first?["term"] as? String == "pspline(age)")
        #expect(json["frailty"] == nil && json["printed_theta"] == nil)
        #expect(tests.first?["printed_theta"] == nil && tests.first?["coefficient_indices"] == nil)
    }

    @Test("pspline() is refused where it is not fitted", arguments: [
        (["survreg", "datasets/lung.csv", "--formula", "Surv(time, status) ~ pspline(age)"], "only `survkit cox` fits"),
        (["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ pspline(age)", "--zph"], "--zph is not available with pspline()"),
        (["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ pspline(age) * sex"], "interaction"),
        (["cox", "datasets/rats.csv", "--formula", "Surv(time, status) ~ pspline(time) + frailty(litter)"], "together with frailty()"),
        (["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ pspline(age, theta = 1)"], "Invalid value for theta"),
        (["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ pspline(age, df = 1)"], "Too few degrees of freedom"),
        (["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ pspline(age, df = 6, nterm = 5)"], "too small for df=6"),
        (["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ pspline(age, method = \"aic\")"], "not supported"),
        (["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ pspline(age, intercept = TRUE)"], "intercept is not supported"),
        (["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ pspline(age, knots = 3)"], "no argument knots"),
        (["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ pspline(age)", "--ties", "exact"], "--ties efron or breslow"),
    ])
    func refusals(args: [String], message: String) throws {
        let run = try CommandRunner.spawn(args)
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
