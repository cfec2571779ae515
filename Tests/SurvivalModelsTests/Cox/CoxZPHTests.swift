import Foundation
import Testing

@testable import SurvivalModels

/// `cox.zph` against R (`Tests/Reference/cox.R`, field `zph` of each fixture).
@Suite struct CoxZPHTests {
    static let cases = [
        "lung_efron", "lung_breslow", "lung_strata", "lung_offset", "lung_interaction", "lung_weights",
        "veteran", "ovarian_robust", "bladder_wlw", "heart_cp", "cgd_cluster", "cgd_strata_breslow",
    ]

    func fit(_ f: CoxFixture) throws -> CoxFit {
        let ties: CoxTies = f.expected.ties == "breslow" ? .breslow : .efron
        let robust: Bool? = f.case.contains("robust") ? true : nil
        return try CoxModel.fit(f.frame, options: CoxOptions(ties: ties, robust: robust))
    }

    @Test("per-term and global cox.zph tests match R (km transform)", arguments: cases)
    func zphMatchesR(_ name: String) throws {
        let f = try CoxFixture.load(name)
        let want = try #require(f.expected.zph)
        let got = try fit(f).zph()
        #expect(got.terms.map(\.term) == want.terms)
        #expect(allClose(got.terms.map(\.chisq), want.chisq, 1e-6), "\(got.terms.map(\.chisq)) vs \(want.chisq)")
        #expect(got.terms.map(\.df) == want.df)
        #expect(allClose(got.terms.map(\.p), want.p, 1e-6))
        #expect(close(got.global.chisq, want.global[0], 1e-6), "\(got.global.chisq) vs \(want.global[0])")
        #expect(Double(got.global.df) == want.global[1])
        #expect(close(got.global.p, want.global[2], 1e-6))
    }

    @Test("cox.zph with the identity, rank and log time scales matches R",
          arguments: ["lung_efron", "lung_strata", "veteran", "heart_cp", "cgd_strata_breslow"])
    func zphTransformsMatchR(_ name: String) throws {
        let f = try CoxFixture.load(name)
        let all = try #require(CoxDiagnosticsFixture.load(name).expected.zph_transforms)
        let fit = try fit(f)
        for transform in [ZPHTransform.identity, .rank, .log] {
            let want = try #require(all[transform.rawValue])
            let got = fit.zph(transform: transform)
            #expect(got.transform == transform.rawValue)
            #expect(got.terms.map(\.term) == want.terms)
            #expect(allClose(got.terms.map(\.chisq), want.chisq, 1e-6), "\(transform) \(got.terms.map(\.chisq)) vs \(want.chisq)")
            #expect(got.terms.map(\.df) == want.df)
            #expect(close(got.global.chisq, want.global[0], 1e-6), "\(transform) \(got.global.chisq) vs \(want.global[0])")
            #expect(close(got.global.p, want.global[2], 1e-6))
        }
    }

    @Test("a fit with an aliased column drops it from the test, as R")
    func aliasedColumnIsDropped() throws {
        // lung_collinear: age2 = age is aliased; R's cox.zph then tests age and sex only
        // (1 df each, global 2 df); the statistic equals the fit without age2.
        let f = try CoxFixture.load("lung_collinear")
        let z = try fit(f).zph()
        #expect(z.terms.map(\.term) == ["age", "sex"])
        #expect(z.global.df == 2)
    }
}
