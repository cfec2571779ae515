import Foundation
import Testing

@testable import SurvivalModels

/// Schoenfeld and scaled Schoenfeld residuals against R's
/// `residuals(fit, "schoenfeld")` and `residuals(fit, "scaledsch")`
/// (`Tests/Reference/cox.R`), rows in R's order (stratum, then time).
@Suite struct CoxSchoenfeldTests {
    static let cases = [
        "lung_efron", "lung_breslow", "lung_strata", "veteran", "ovarian_robust", "heart_cp", "cgd_strata_breslow",
    ]

    func fit(_ f: CoxFixture) throws -> CoxFit {
        let ties: CoxTies = f.expected.ties == "breslow" ? .breslow : .efron
        let robust: Bool? = f.case.contains("robust") ? true : nil
        return try CoxModel.fit(f.frame, options: CoxOptions(ties: ties, robust: robust))
    }

    @Test("Schoenfeld residuals match R, in R's row order", arguments: cases)
    func schoenfeldMatchesR(_ name: String) throws {
        let f = try CoxFixture.load(name)
        let want = try #require(CoxDiagnosticsFixture.load(name).expected.schoenfeld)
        let got = try fit(f).schoenfeldResidualsInTimeOrder()
        #expect(got.residuals.rows == want.count)
        #expect(allClose(got.residuals.rowArrays.flatMap { $0 }, want.flatMap { $0 }, 1e-6, floor: 1e-6))
    }

    @Test("scaled Schoenfeld residuals match R", arguments: cases)
    func scaledSchoenfeldMatchesR(_ name: String) throws {
        let f = try CoxFixture.load(name)
        let want = try #require(CoxDiagnosticsFixture.load(name).expected.scaled_schoenfeld)
        let got = try fit(f).scaledSchoenfeldResiduals()
        #expect(got.residuals.rows == want.count)
        #expect(allClose(got.residuals.rowArrays.flatMap { $0 }, want.flatMap { $0 }, 1e-6, floor: 1e-6))
    }

    @Test("R's order runs forward in time within each stratum")
    func orderIsByStratumThenTime() throws {
        let f = try CoxFixture.load("lung_strata")
        let fit = try fit(f)
        let rows = fit.schoenfeldRowOrder
        let key = rows.map { (f.input.strata_codes?[$0] ?? 0, f.input.stop[$0]) }
        #expect(zip(key, key.dropFirst()).allSatisfy { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 <= $1.1) })
    }
}
