import Foundation
import SurvivalNumerics
import SurvivalTestSupport
import Testing

/// `ns()` and `bs()` bases against R's splines package
/// (Tests/Reference/splines.R → Tests/Fixtures/splines/basis): knots placed
/// on the data, the basis at the data, and `predict()` at new values inside
/// and outside the boundary knots.
@Suite struct SplineBasisTests {
    static func numbers(_ any: Any?) -> [Double]? {
        if let v = any as? [Any] { return v.map { ($0 as? Double) ?? .nan } }
        if let v = any as? Double { return [v] }
        return nil
    }

    static func rows(_ any: Any?) -> [[Double]] {
        guard let v = any as? [Any] else { return [] }
        return v.map { r in (r as? [Any])?.map { ($0 as? Double) ?? .nan } ?? [] }
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        return abs(a - b) <= 1e-10 * max(1, abs(b))
    }

    @Test("the basis equals R's ns()/bs() at the data and at new values", arguments: Repository.fixtures("splines/basis"))
    func matchesR(caseName: String) throws {
        let f = try Repository.fixture("splines/basis", caseName)
        let kindName = try #require(f["kind"] as? String)
        let kind = try #require(SplineBasis.Kind(rawValue: kindName))
        let x = try #require(Self.numbers(f["x"]))
        let df = (f["df"] as? Double).map { Int($0) }
        let given = Self.numbers(f["given_knots"]).flatMap { $0.allSatisfy(\.isNaN) ? nil : $0 }
        let boundary = Self.numbers(f["given_boundary"]).flatMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
        let degree = try #require(f["degree"] as? Double)
        let intercept = try #require(f["intercept"] as? Bool)
        let (basis, _) = try SplineBasis.make(
            kind, x: x, df: df, knots: given, degree: Int(degree), intercept: intercept, boundary: boundary)
        let knots = Self.numbers(f["knots"]) ?? []
        #expect(basis.knots.count == knots.count)
        for (a, b) in zip(basis.knots, knots) { #expect(Self.close(a, b), "knot \(a) vs R \(b)") }
        let rb = try #require(Self.numbers(f["boundary"]))
        #expect(basis.boundary.0 == rb[0] && basis.boundary.1 == rb[1])
        let newX = try #require(Self.numbers(f["new_x"]))
        for (values, key) in [(x, "basis"), (newX, "new_basis")] {
            let expected = Self.rows(f[key])
            let got = basis.evaluate(values)
            #expect(got.count == expected.count)
            var worst = 0.0
            for (g, e) in zip(got, expected) {
                #expect(g.count == e.count, "\(key): \(g.count) columns, R \(e.count)")
                for (a, b) in zip(g, e) where !Self.close(a, b) { worst = max(worst, abs(a - b)) }
            }
            #expect(worst == 0, "\(caseName) \(key): largest difference \(worst)")
        }
    }

    @Test func tooSmallADegreeOfFreedomIsRaisedAsR() throws {
        // R: ns(x, df = 0) warns "'df' was too small; have used 1".
        let (basis, raised) = try SplineBasis.make(.natural, x: [1, 2, 3, 4, 5], df: 0)
        #expect(raised == 1 && basis.columns == 1)
        #expect(throws: SplineBasis.Failure.tooFewValues) { try SplineBasis.make(.bSpline, x: [2, 2, .nan], df: 4) }
    }
}
