import SurvivalNumerics
import Testing

/// The basis of R's `pspline()` (survival), against values printed by R:
/// `pspline(c(0, 1.3, 4, 10), df = 2, nterm = 4)` and the same with
/// `Boundary.knots = c(0, 10)` at points outside (linear continuation).
@Suite struct PenalizedSplineBasisTests {
    static func close(_ a: [[Double]], _ b: [[Double]]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { r, s in
            r.count == s.count && zip(r, s).allSatisfy { abs($0 - $1) <= 1e-14 }
        }
    }

    @Test func theBasisIsR_sAtTheData() throws {
        let basis = try SplineBasis.penalized(x: [0, 1.3, 4, 10], nterm: 4)
        #expect(basis.columns == 6)
        #expect(basis.knots == [-7.5, -5, -2.5, 0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5])
        let r = basis.evaluate([0, 1.3, 4, 10])
        let expected: [[Double]] = [
            [0.666666666666666630, 0.16666666666666666, 0, 0, 0, 0],
            [0.466570666666666689, 0.49156266666666670, 0.023434666666666673, 0, 0, 0],
            [0.010666666666666666, 0.41466666666666674, 0.538666666666666738, 0.036000000000000011, 0, 0],
            [0, 0, 0, 0.166666666666666657, 0.66666666666666663, 0.16666666666666666],
        ]
        #expect(Self.close(r, expected), "\(r)")
    }

    @Test func outsideTheBoundaryKnotsTheBasisContinuesLinearly() throws {
        let basis = try SplineBasis.penalized(x: [-1, 2, 11], nterm: 4, boundary: (0, 10))
        let r = basis.evaluate([-1, 2, 11])
        let expected: [[Double]] = [
            [0.66666666666666663, -0.033333333333333354, 0, 0, 0, 0],
            [0.28266666666666668, 0.630666666666666598, 0.08533333333333333, 0, 0, 0],
            [0, 0, 0, -0.033333333333333354, 0.66666666666666663, 0.3666666666666667],
        ]
        #expect(Self.close(r, expected), "\(r)")
    }

    @Test func theLinearTestCentresAreR_sCbase() throws {
        // R: formals(attr(p, "printfun"))$cbase = 2.5 5.0 7.5 10.0 12.5 15.0
        let basis = try SplineBasis.penalized(x: [0, 10], nterm: 4)
        #expect(basis.penalizedCentres == [2.5, 5, 7.5, 10, 12.5, 15])
    }

    @Test func aConstantVariableHasNoBasis() {
        #expect(throws: SplineBasis.Failure.tooFewValues) { try SplineBasis.penalized(x: [3, 3, .nan], nterm: 4) }
        #expect(throws: SplineBasis.Failure.self) { try SplineBasis.penalized(x: [1, 2], nterm: 4, boundary: (2, 1)) }
    }
}
