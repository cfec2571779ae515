import CohortData
import Foundation
import SurvivalTestSupport
import Testing

@testable import SurvivalModels

/// `pspline()` in Cox (R's coxpenal.fit, dense penalty) at the library
/// level: the fixtures of Tests/Reference/pspline.R, the penalty matrix and
/// the df search against R's, and the refusals.
@Suite struct PenalizedSplineCoxModelTests {
    static func fit(_ data: String, _ formula: String, ties: CoxTies = .efron) throws -> CoxResult {
        let cohort = try CSVReader().read(path: Repository.url(data).path)
        let f = try Formula(formula)
        let frame = try f.modelFrame(on: cohort)
        var options = CoxOptions()
        options.ties = ties
        return try PenalizedSplineCoxModel.fit(frame, formula: f, options: options)
    }

    static func close(_ a: Double?, _ b: Any?, _ tol: Double = 1e-5) -> Bool {
        guard let a, let b = b as? Double else { return false }
        return abs(a - b) <= tol * max(abs(b), 1e-4)
    }

    @Test("pspline fits match R coxph", arguments: ["pbc_age_bili", "pbc_two_splines", "colon_rx_nodes", "lung_age_theta_breslow"])
    func matchesR(_ name: String) throws {
        let fx = try Repository.loadJSON("Tests/Fixtures/pspline/\(name).json")
        let args = try #require(fx["args"] as? [String])
        let ties: CoxTies = args.contains("breslow") ? .breslow : .efron
        let r = try Self.fit(args[1], args[3], ties: ties)
        let coefs = try #require(fx["coefficients"] as? [[String: Any]])
        #expect(r.coefficients.count == coefs.count)
        for (c, e) in zip(r.coefficients, coefs) {
            #expect(c.term == e["term"] as? String)
            #expect(Self.close(c.coef, e["coef"]) && Self.close(c.se, e["se"]) && Self.close(c.se2, e["se2"]),
                    "\(name) \(c.term): \(c) vs \(e)")
        }
        let tests = try #require(fx["spline_tests"] as? [[String: Any]])
        let got = try #require(r.splineTests)
        #expect(got.count == tests.count)
        for (g, e) in zip(got, tests) {
            #expect(g.term == e["term"] as? String)
            #expect(Self.close(g.theta, e["theta"]) && Self.close(g.df, e["df"]), "\(name) \(g.term)")
            let l = try #require(e["linear"] as? [String: Any]), n = try #require(e["nonlinear"] as? [String: Any])
            for (v, key) in [(g.linear.coef, "coef"), (g.linear.se, "se"), (g.linear.se2, "se2"), (g.linear.chisq, "chisq"), (g.linear.p, "p")] {
                #expect(Self.close(v, l[key]), "\(name) linear \(key): \(v) vs \(l[key] ?? "nil")")
            }
            for (v, key) in [(g.nonlinear.chisq, "chisq"), (g.nonlinear.df, "df"), (g.nonlinear.p, "p")] {
                #expect(Self.close(v, n[key]), "\(name) nonlinear \(key): \(v) vs \(n[key] ?? "nil")")
            }
        }
        #expect(Self.close(r.loglik, fx["loglik"]) && Self.close(r.loglikNull, fx["loglik_null"]))
        #expect(r.iterations == fx["iterations"] as? Int)
    }

    @Test func aFixedThetaIsOneOuterIteration() throws {
        let r = try Self.fit("datasets/lung.csv", "Surv(time, status) ~ pspline(age, theta = 0.9) + sex", ties: .breslow)
        #expect(r.penalizedPrint?.outerIterations == 1)
        #expect(r.splineTests?.first?.theta == 0.9 && r.splineTests?.first?.printedTheta == 0.9)
    }

    @Test func thePenaltyIsTheSecondDifferenceMatrixWithoutItsFirstRowAndColumn() {
        // R: attr(pspline(x, df = 2, nterm = 4), "pparm") for the 6 kept columns of 7.
        let expected: [[Double]] = [
            [5, -4, 1, 0, 0, 0], [-4, 6, -4, 1, 0, 0], [1, -4, 6, -4, 1, 0],
            [0, 1, -4, 6, -4, 1], [0, 0, 1, -4, 5, -2], [0, 0, 0, 1, -2, 1],
        ]
        #expect(SplinePenalty.differenceMatrix(width: 7) == expected)
        #expect(SplinePenalty(columns: [0], matrix: [[1]], theta: 0.75).lambda == 3)
    }

    @Test func theDfSearchFollowsR_sHistory() {
        // R's history for pbc, Surv(time, status == 2) ~ pspline(age) + log(bili) (312 rows):
        // thetas 0.6, 0.675246, 0.7322301, 0.7548302 with dfs 4.689081, 4.395889, 4.158283, 4.057885.
        var s = SplineThetaSearch(PenalizedSplineSettings(df: 4, theta: nil, nterm: 10, eps: 0.1))
        #expect(abs(s.theta - 0.6) < 1e-15)
        let dfs = [4.689081, 4.395889, 4.158283, 4.057885]
        let thetas = [0.675246, 0.7322301, 0.7548302]
        for (k, df) in dfs.enumerated() {
            let done = s.record(iteration: k + 1, df: df)
            #expect(done == (k == 3), "iteration \(k + 1)")
            if k < 3 { #expect(abs(s.theta - thetas[k]) < 2e-6, "θ after \(k + 1): \(s.theta)") }
        }
        #expect(abs(s.theta - 0.764) < 5e-4)  // R prints Theta= 0.764
    }

    @Test func psplineWithFrailtyOrInAnInteractionIsRefused() throws {
        #expect(throws: FrailtyFitError.self) {
            try Self.fit("datasets/lung.csv", "Surv(time, status) ~ pspline(age):sex")
        }
        #expect(throws: FrailtyFitError.self) {
            try Self.fit("datasets/rats.csv", "Surv(time, status) ~ pspline(time) + frailty(litter)")
        }
        #expect(throws: FrailtyFitError.self) {
            try Self.fit("datasets/lung.csv", "Surv(time, status) ~ sex")
        }
    }
}
