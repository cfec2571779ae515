import Foundation
import SurvivalTestSupport
import Testing

/// `frailty(g)` in `survkit cox` end to end: the fixtures of
/// Tests/Reference/frailty.R (rats and kidney; gamma and gaussian; Efron and
/// Breslow) to 1e-5, the text output in R's print.coxph.penal layout, and
/// the refusals.
@Suite struct FrailtyCLITests {
    @Test("survkit cox matches R's shared-frailty coxph", arguments: Repository.fixtures("frailty"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.fixture("frailty", caseName)
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison(relative: 1e-5, absolute: 1e-9).differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }

    @Test func theTextReportIsR_sPenalizedPrint() throws {
        let text = try CommandRunner.run([
            "cox", "datasets/rats.csv", "--formula", "Surv(time, status) ~ rx + frailty(litter)",
        ])
        // R: rx 0.727 0.318 0.313 5.219; frailty(litter) 63.046 on 47.7 df; 6 outer, 23 Newton-Raphson.
        for piece in ["se2", "frailty(litter)", "63.05", "47.7", "Iterations: 6 outer, 23 Newton-Raphson",
                      "Variance of random effect= 2.0212", "I-likelihood = -217.5",
                      "Degrees of freedom for terms= 1.0 47.7", "Likelihood ratio test=88.54"] {
            #expect(text.contains(piece), "missing \(piece) in\n\(text)")
        }
    }

    @Test func anOrdinaryCoxFitHasNoFrailtyKeys() throws {
        let json = try #require(try CommandRunner.runJSON([
            "cox", "datasets/rats.csv", "--formula", "Surv(time, status) ~ rx", "--format", "json",
        ]) as? [String: Any])
        #expect(json["frailty"] == nil && json["loglik_integrated"] == nil)
        let first = try #require((json["coefficients"] as? [[String: Any]])?.first)
        #expect(first["se2"] == nil)
    }

    @Test("frailty() is refused where it is not fitted", arguments: [
        (["survreg", "datasets/rats.csv", "--formula", "Surv(time, status) ~ rx + frailty(litter)"], "only `survkit cox` fits"),
        (["km", "datasets/rats.csv", "--formula", "Surv(time, status) ~ frailty(litter)"], "only `survkit cox` fits"),
        (["cox", "datasets/rats.csv", "--formula", "Surv(time, status) ~ rx + frailty(litter)", "--zph"], "--zph is not available with frailty()"),
        (["cox", "datasets/rats.csv", "--formula", "Surv(time, status) ~ rx + frailty(sex)"], "2 groups"),
        (["cox", "datasets/rats.csv", "--formula", "Surv(time, status) ~ rx + frailty(litter, theta = 1)"], "no argument theta"),
        (["cox", "datasets/rats.csv", "--formula", "Surv(time, status) ~ rx + frailty(litter, \"t\")"], "t frailty distribution is not supported"),
    ])
    func refusals(args: [String], message: String) throws {
        let run = try CommandRunner.spawn(args)
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
