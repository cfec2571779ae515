import CohortData
import Foundation
import SurvivalTestSupport
import Testing

@testable import SurvivalModels

/// The curves of `survkit zph-plot` against R's plot(cox.zph(fit))
/// (Tests/Reference/zph_plot.R -> Tests/Fixtures/zph-plot/): the points
/// (transformed times and scaled Schoenfeld residuals) and the natural-spline
/// smooth with its ±2 se limits on the 40-point grid, to 1e-6 relative.
@Suite struct CoxZPHSmoothTests {
    static func fixture(_ name: String) throws -> [String: Any] {
        try Repository.loadJSON("Tests/Fixtures/zph-plot/\(name).json")
    }

    static func close(_ a: [Double], _ b: [Double], tolerance: Double = 1e-6) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    @Test("zph smooth, limits and points match R plot.cox.zph", arguments: ["lung_km", "veteran_identity"])
    func matchesR(_ name: String) throws {
        let f = try Self.fixture(name)
        let args = try #require(f["args"] as? [String])
        let transformName = try #require(f["transform"] as? String)
        let transform = try #require(ZPHTransform(rawValue: transformName))
        let cohort = try CSVReader().read(path: Repository.url(args[1]).path)
        let frame = try Formula(args[3]).modelFrame(on: cohort)
        let fit = try CoxModel.fit(frame)
        let smooths = try fit.zphSmooth(transform: transform)
        let terms = try #require(f["terms"] as? [[String: Any]])
        #expect(smooths.map(\.term) == terms.compactMap { $0["term"] as? String })
        for (got, want) in zip(smooths, terms) {
            func values(_ key: String) throws -> [Double] { try #require(want[key] as? [Double]) }
            #expect(Self.close(got.gridX, try values("grid_x")), "\(got.term) grid")
            let wantFit = try values("fit")
            #expect(Self.close(got.fit, wantFit), "\(got.term) fit \(got.fit.prefix(3)) vs \(wantFit.prefix(3))")
            #expect(Self.close(got.lower, try values("lower")), "\(got.term) lower")
            #expect(Self.close(got.upper, try values("upper")), "\(got.term) upper")
            // Points: R's order within tied times may differ; compare sorted by (x, y).
            let points = zip(got.x, got.y).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            #expect(Self.close(points.map(\.0), try values("x")), "\(got.term) x")
            #expect(Self.close(points.map(\.1), try values("y")), "\(got.term) y")
        }
    }

    @Test("stratified models and factor terms are refused with a message, not drawn differently from R")
    func refusals() throws {
        let cohort = try CSVReader().read(path: Repository.url("datasets/lung.csv").path)
        let stratified = try CoxModel.fit(try Formula("Surv(time, status) ~ age + strata(sex)").modelFrame(on: cohort))
        #expect(throws: CoxZPHSmoothError.self) { try stratified.zphSmooth() }
        let factor = try CoxModel.fit(try Formula("Surv(time, status) ~ age + factor(ph.ecog)").modelFrame(on: cohort))
        #expect(throws: CoxZPHSmoothError.self) { try factor.zphSmooth() }
    }
}
