import Foundation
import Testing
@testable import SurvivalNumerics

/// `Beta.quantile` / `Beta.upperQuantile` against R `qbeta` on a grid of
/// probabilities and shapes (Tests/Reference/beta_quantile.R writes the fixture).
@Suite struct BetaQuantileTests {
    struct Row: Sendable, CustomStringConvertible {
        let p, a, b, expected: Double
        let lowerTail: Bool
        var description: String { "qbeta(\(p), \(a), \(b), lower.tail = \(lowerTail))" }
    }

    static func rows() -> [Row] {
        let url = repositoryRoot().appendingPathComponent("Tests/Fixtures/beta_quantile.json")
        guard let data = try? Data(contentsOf: url),
            let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return array.compactMap { r in
            guard let p = r["p"] as? Double, let a = r["a"] as? Double, let b = r["b"] as? Double,
                let e = r["expected"] as? Double, let lt = r["lower_tail"] as? Bool
            else { return nil }
            return Row(p: p, a: a, b: b, expected: e, lowerTail: lt)
        }
    }

    @Test("the fixture is present and complete")
    func fixtureLoads() {
        #expect(Self.rows().count == 240)
    }

    @Test("beta quantiles agree with R qbeta to 1e-10 relative", arguments: rows())
    func matchesR(row: Row) {
        let x = row.lowerTail
            ? Beta.quantile(row.p, a: row.a, b: row.b) : Beta.upperQuantile(row.p, a: row.a, b: row.b)
        #expect(abs(x - row.expected) <= 1e-10 * abs(row.expected), "\(row): got \(x)")
    }
}
