import Foundation
import SurvivalNumerics
import Testing

/// `Gamma.digamma` / `Gamma.trigamma` against R's values over 1e-6 … 1e8
/// (Tests/Reference/digamma.R → Tests/Fixtures/digamma.json).
@Suite struct DigammaTests {
    struct Values: Decodable {
        let x: [Double]
        let digamma: [Double]
        let trigamma: [Double]
    }

    @Test("digamma and trigamma agree with R to 1e-13 relative")
    func matchesR() throws {
        let url = repositoryRoot().appendingPathComponent("Tests/Fixtures/digamma.json")
        let v = try JSONDecoder().decode(Values.self, from: Data(contentsOf: url))
        for (i, x) in v.x.enumerated() {
            let d = Gamma.digamma(x), t = Gamma.trigamma(x)
            #expect(abs(d - v.digamma[i]) <= 1e-13 * max(1, abs(v.digamma[i])), "digamma(\(x)) = \(d), R \(v.digamma[i])")
            #expect(abs(t - v.trigamma[i]) <= 1e-13 * abs(v.trigamma[i]), "trigamma(\(x)) = \(t), R \(v.trigamma[i])")
        }
    }

    @Test("digamma and trigamma give NaN for arguments ≤ 0 (R reflects there; θ and θ + y are always > 0 here)")
    func nonPositive() {
        #expect(Gamma.digamma(0).isNaN)
        #expect(Gamma.trigamma(-1).isNaN)
    }
}
