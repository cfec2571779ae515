import CohortData
import Foundation
import SurvivalNumerics
import Testing

@testable import SurvivalModels

/// Every case of `Tests/Reference/cox.R`, compared with R's `coxph`.
@Suite struct CoxReferenceTests {
    static let cases = [
        "lung_efron", "lung_breslow", "lung_strata", "lung_offset", "lung_interaction", "lung_weights",
        "lung_collinear", "veteran", "ovarian_robust", "bladder_wlw", "heart_cp", "cgd_cluster", "separation",
    ]

    func fit(_ f: CoxFixture) throws -> CoxFit {
        let ties: CoxTies = f.expected.ties == "breslow" ? .breslow : .efron
        let robust: Bool? = f.case.contains("robust") ? true : nil
        return try CoxModel.fit(f.frame, options: CoxOptions(ties: ties, robust: robust))
    }

    @Test("coefficients, standard errors and log-likelihoods match R's coxph", arguments: cases)
    func coefficientsMatchR(_ name: String) throws {
        let f = try CoxFixture.load(name)
        let r = try fit(f).result
        let e = f.expected
        let coefTol = name == "separation" ? 1e-6 : 1e-9
        #expect(allClose(r.coefficients.map(\.coef), e.coef, coefTol), "coef \(r.coefficients.map(\.coef)) vs \(e.coef)")
        #expect(allClose(r.coefficients.map(\.se), e.se, 1e-6), "se \(r.coefficients.map(\.se)) vs \(e.se)")
        #expect(allClose(r.coefficients.map(\.robustSE), e.robust_se, 1e-6), "robust se \(r.coefficients.map(\.robustSE)) vs \(e.robust_se)")
        #expect(allClose(r.coefficients.map(\.z), e.z, 1e-6))
        #expect(allClose(r.coefficients.map(\.p), e.p, 1e-6))
        #expect(allClose(r.coefficients.map(\.hrLower), e.hr_lower, 1e-6))
        #expect(allClose(r.coefficients.map(\.hrUpper), e.hr_upper, 1e-6))
        #expect(close(r.loglikNull, e.loglik[0], 1e-10))
        #expect(close(r.loglik, e.loglik[1], 1e-10))
        #expect(r.iterations == e.iterations)
        #expect(r.n == e.n)
        #expect(r.events == e.events)
    }

    @Test("likelihood-ratio, Wald and score tests match R", arguments: cases)
    func testsMatchR(_ name: String) throws {
        let f = try CoxFixture.load(name)
        let r = try fit(f).result
        let e = f.expected
        let score = try #require(r.tests.score)
        for (got, want) in [(r.tests.likelihoodRatio, e.lr), (r.tests.wald, e.wald), (score, e.score)] {
            #expect(close(got.statistic, want.statistic, 1e-6), "\(got.statistic) vs \(want.statistic)")
            #expect(got.df == want.df)
            #expect(close(got.p, want.p, 1e-6), "p \(got.p) vs \(want.p)")
        }
        let v = r.variance.flatMap { $0 }
        #expect(allClose(v, e.variance.flatMap { $0 }, 1e-6, floor: 1e-6))
        #expect(close(r.concordance?.c, e.concordance_tied.c, 1e-6), "c \(String(describing: r.concordance)) vs \(e.concordance_tied)")
        #expect(close(r.concordance?.se, e.concordance_tied.se, 1e-6))
    }

    @Test("R's warnings are reproduced", arguments: cases)
    func warningsMatchR(_ name: String) throws {
        let f = try CoxFixture.load(name)
        let r = try fit(f).result
        for w in f.expected.warnings {
            // R's text exactly, spaces included.
            #expect(r.warnings.contains(w), "missing warning \(w) in \(r.warnings)")
        }
        if name == "lung_collinear" {
            #expect(r.warnings.contains { $0.contains("singularities") && $0.contains("age2") })
        }
    }

    @Test("martingale and deviance residuals match R", arguments: cases)
    func residualsMatchR(_ name: String) throws {
        let f = try CoxFixture.load(name)
        let fit = try fit(f)
        let tol = name == "separation" ? 1e-5 : 1e-6
        #expect(allClose(fit.martingaleResiduals(), f.expected.martingale, tol, floor: 1e-4))
        #expect(allClose(fit.devianceResiduals(), f.expected.deviance, tol, floor: 1e-4))
    }

    @Test("score and dfbeta residuals match R", arguments: ["lung_efron", "ovarian_robust", "heart_cp"])
    func scoreResidualsMatchR(_ name: String) throws {
        let f = try CoxFixture.load(name)
        let fit = try fit(f)
        let s = fit.scoreResiduals().rowArrays.flatMap { $0 }
        #expect(allClose(s, (f.expected.score_resid ?? []).flatMap { $0 }, 1e-6, floor: 1e-4))
        let d = fit.dfbetaResiduals().rowArrays.flatMap { $0 }
        #expect(allClose(d, (f.expected.dfbeta ?? []).flatMap { $0 }, 1e-6, floor: 1e-6))
    }
}
