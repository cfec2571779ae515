import CohortData
import Foundation
import SurvivalTestSupport
import Testing

@testable import SurvivalModels

/// Shared frailty in Cox (R's coxpenal.fit, sparse term) at the library
/// level: the fixtures of Tests/Reference/frailty.R, the gamma correction
/// and Brent step against hand values, and the refusals.
@Suite struct FrailtyCoxModelTests {
    static func fit(_ data: String, _ formula: String, ties: CoxTies = .efron) throws -> CoxResult {
        let cohort = try CSVReader().read(path: Repository.url(data).path)
        let f = try Formula(formula)
        let frame = try f.modelFrame(on: cohort)
        var options = CoxOptions()
        options.ties = ties
        return try FrailtyCoxModel.fit(frame, frailty: try #require(f.frailty), options: options)
    }

    static func close(_ a: Double?, _ b: Any?, _ tol: Double = 1e-5) -> Bool {
        guard let a, let b = b as? Double else { return false }
        return abs(a - b) <= tol * max(abs(b), 1e-4)
    }

    @Test("frailty fits match R coxph", arguments: ["rats_gamma", "rats_gaussian", "kidney_gamma", "kidney_gaussian"])
    func matchesR(_ name: String) throws {
        let fx = try Repository.loadJSON("Tests/Fixtures/frailty/\(name).json")
        let args = try #require(fx["args"] as? [String])
        let r = try Self.fit(args[1], args[3])
        let coefs = try #require(fx["coefficients"] as? [[String: Any]])
        #expect(r.coefficients.count == coefs.count)
        for (c, e) in zip(r.coefficients, coefs) {
            #expect(c.term == e["term"] as? String)
            #expect(Self.close(c.coef, e["coef"]) && Self.close(c.se, e["se"]) && Self.close(c.se2, e["se2"]),
                    "\(name) \(c.term): \(c) vs \(e)")
            #expect(Self.close(c.p, e["p"]))
        }
        let ef = try #require(fx["frailty"] as? [String: Any])
        let f = try #require(r.frailty)
        #expect(f.distribution == ef["distribution"] as? String)
        for (got, key) in [(f.variance, "variance"), (f.df, "df"), (f.chisq, "chisq"), (f.p, "p")] {
            #expect(Self.close(got, ef[key]), "\(name) frailty \(key): \(got) vs \(ef[key] ?? "nil")")
        }
        #expect(Self.close(r.loglik, fx["loglik"]) && Self.close(r.loglikNull, fx["loglik_null"]))
        if f.distribution == "gamma" {
            #expect(Self.close(r.loglikIntegrated, fx["loglik_integrated"]))
        } else {
            #expect(r.loglikIntegrated == nil)
        }
        #expect(r.iterations == fx["iterations"] as? Int)
    }

    @Test func theGammaCorrectionIsTheIntegratedLikelihoodsClosedForm() {
        // d = (0, 1, 2), nu = 2: term1 = Σ d + ν log(ν/(ν+d)); term2 = log(2/3) + log(2/4) + log(3/4).
        let nu = 2.0
        let term1 = 3 + nu * (log(1.0) + log(2.0 / 3) + log(2.0 / 4))
        let term2 = log(2.0 / 3) + log(2.0 / 4) + log(3.0 / 4)
        let got = FrailtyThetaSearch.gammaCorrection(events: [0, 1, 2], nu: nu)
        #expect(abs(got - (term1 + term2)) < 1e-12)
    }

    @Test func brentStepsToTheVertexOfTheParabolaThroughABracket() {
        // y = −(x − 1.3)², bracketed by 1 < 1.5 < 2 around the best point: the vertex exactly.
        let x = [1.0, 2.0, 1.5], y = x.map { -($0 - 1.3) * ($0 - 1.3) }
        #expect(abs(FrailtyThetaSearch.brent(x, y, lower: 0) - 1.3) < 1e-12)
        // The best point at the left end: a step out, kept above the lower bound.
        let left = FrailtyThetaSearch.brent([0.5, 1, 2], [-1, -2, -3], lower: 0)
        #expect(left > 0 && left < 0.5)
    }

    @Test func theSparseFactorisationSolvesTheFullSystem() {
        // H = [[2, 0, 1], [0, 3, 1], [1, 1, 4]] (two frailties, one covariate), H b = y.
        let chol = FrailtyCholesky(diagonal: [2, 3], cross: [[1, 1]], dense: [[4]], toler: 1e-12)
        let b = chol.solve([1, 2, 3])
        let h = [[2.0, 0, 1], [0, 3, 1], [1, 1, 4]]
        for i in 0..<3 {
            let hb = (0..<3).reduce(0) { $0 + h[i][$1] * b[$1] }
            #expect(abs(hb - [1.0, 2, 3][i]) < 1e-12)
        }
        // The covariate's variance: (H⁻¹)₃₃ = 1 / (4 − 1/2 − 1/3).
        let inv = chol.inverse()
        #expect(abs(inv.d2[0] - 1 / (4 - 0.5 - 1.0 / 3)) < 1e-12)
    }

    @Test func fewGroupsAreRefusedAsR_sDenseTerm() throws {
        #expect(throws: FrailtyFitError.self) {
            _ = try Self.fit("datasets/rats.csv", "Surv(time, status) ~ rx + frailty(sex)")
        }
    }

    @Test func exactTiesAreRefused() throws {
        #expect(throws: FrailtyFitError.self) {
            _ = try Self.fit("datasets/rats.csv", "Surv(time, status) ~ rx + frailty(litter)", ties: .exact)
        }
    }
}
