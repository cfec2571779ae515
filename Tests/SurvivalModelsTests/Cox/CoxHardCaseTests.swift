import Foundation
import CohortData
import SurvivalNumerics
import Testing

@testable import SurvivalModels

/// Degenerate data: errors with a clear message, or R's behaviour.
@Suite struct CoxHardCaseTests {
    func frame(time: [Double], status: [Int], x: [Double], strata: [Int]? = nil) -> ModelFrame {
        let n = time.count
        return ModelFrame(
            response: SurvivalResponse(stop: time, status: status),
            design: Matrix(rows: n, columns: 1, columnMajor: x), termNames: ["x"], termOfColumn: ["x"],
            strata: strata.map { Grouping(codes: $0, labels: ["s=1", "s=2"]) }, cluster: nil,
            offset: nil, weights: nil, rowIndex: Array(0..<n), rows: RowAccounting(read: n, used: n),
            warnings: [])
    }

    @Test("all-censored data is rejected with a message naming the problem")
    func allCensoredThrows() {
        let f = frame(time: [1, 2, 3], status: [0, 0, 0], x: [1, 0, 1])
        #expect(throws: CoxError.noEvents) { try CoxModel.fit(f) }
        #expect(CoxError.noEvents.description.contains("no events"))
    }

    @Test("a stratum with one censored row adds nothing to the fit")
    func censoredSingleRowStratumIsIgnored() throws {
        // Hand derivation: a stratum with no events contributes no risk set, so the
        // fit equals the fit without that row.
        let fixture = try CoxFixture.load("lung_efron")
        var base = fixture.frame
        let n = base.count
        base.strata = Grouping(codes: [Int](repeating: 0, count: n), labels: ["s=1", "s=2"])
        var extended = base
        extended.response.stop.append(100)
        extended.response.status.append(0)
        extended.strata?.codes.append(1)
        extended.rowIndex.append(n)
        var storage: [Double] = []
        for j in 0..<base.design.columns { storage += base.design.column(j) + [j == 0 ? 60 : 1] }
        extended.design = Matrix(rows: n + 1, columns: base.design.columns, columnMajor: storage)
        let a = try CoxModel.fit(base).coefficients
        let b = try CoxModel.fit(extended).coefficients
        #expect(allClose(a, b, 1e-9))
    }

    @Test("invalid weights and stop <= start are rejected")
    func invalidInputsThrow() {
        var f = frame(time: [1, 2, 3], status: [1, 0, 1], x: [1, 0, 1])
        f.weights = [1, 0, 1]
        #expect(throws: CoxError.invalidWeights(row: 1)) { try CoxModel.fit(f) }
        var g = frame(time: [1, 2, 3], status: [1, 0, 1], x: [1, 0, 1])
        g.response.start = [0, 2, 0]
        #expect(throws: CoxError.self) { try CoxModel.fit(g) }
    }

    @Test("an aliased coefficient has no estimate, as R's NA")
    func aliasedHasNoEstimate() throws {
        let f = try CoxFixture.load("lung_collinear")
        let r = try CoxModel.fit(f.frame).result
        let c = r.coefficients[2]
        #expect(c.coef == nil && c.se == nil && c.hr == nil && c.p == nil)
    }
}
