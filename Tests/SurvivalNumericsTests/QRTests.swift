import Testing
@testable import SurvivalNumerics

struct QRTests {
    // Design [1, x] for x = 0, 1, 2, 3 and y = 1, 3, 4, 8.
    // Hand least squares: x̄ = 1.5, ȳ = 4, Sxy = 11, Sxx = 5 ⇒ slope 2.2, intercept 0.7.
    let x = Matrix([[1, 0], [1, 1], [1, 2], [1, 3]])
    let y: [Double] = [1, 3, 4, 8]

    @Test func leastSquaresMatchesHandComputation() throws {
        #expect(maxAbsDifference(try x.leastSquares(y), [0.7, 2.2]) < 1e-14)
    }

    @Test func leastSquaresAgreesWithNormalEquations() throws {
        let design = Matrix([[1, 0.5, 2], [1, -1, 0], [1, 2, 1], [1, 0, -1], [1, 3, 2], [1, -2, 1]])
        let response: [Double] = [1, -2, 4, 0.5, 6, -3]
        let viaQR = try design.leastSquares(response)
        let viaNormal = try design.gram().cholesky().solve(design.transposeMultiply(response))
        #expect(maxAbsDifference(viaQR, viaNormal) < 1e-12)
    }

    @Test func fullRankDesignHasFullRankAndValidPivot() throws {
        let qr = try QRFactorization(x)
        #expect(qr.rank == 2)
        #expect(qr.pivot.sorted() == [0, 1])
        // |R| diagonal non-increasing under column pivoting.
        #expect(abs(qr.r[0, 0]) >= abs(qr.r[1, 1]))
    }

    @Test func collinearColumnIsDetectedAndAliased() throws {
        // Third column = 2 × second: rank 2, as R qr(X)$rank.
        let design = Matrix([[1, 0, 0], [1, 1, 2], [1, 2, 4], [1, 3, 6]])
        let qr = try QRFactorization(design)
        #expect(qr.rank == 2)
        let beta = try qr.coefficients(y)
        #expect(beta.filter(\.isNaN).count == 1)
        // The fitted values equal the full-rank fit's (0.7 + 2.2 x).
        let b = beta.map { $0.isNaN ? 0 : $0 }
        #expect(maxAbsDifference(design.multiply(b), x.multiply([0.7, 2.2])) < 1e-12)
        #expect(throws: LinearAlgebraError.self) { try design.leastSquares(y) }
    }

    @Test func leastSquaresRejectsBadInput() {
        #expect(throws: LinearAlgebraError.nonFiniteInput) { try x.leastSquares([1, .nan, 2, 3]) }
        #expect(throws: LinearAlgebraError.self) { try x.leastSquares([1, 2]) }
    }
}
