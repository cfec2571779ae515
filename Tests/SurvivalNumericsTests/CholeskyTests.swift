import Testing
@testable import SurvivalNumerics

struct CholeskyTests {
    // A = [[4, 2], [2, 3]] = LLᵀ with L = [[2, 0], [1, √2]]: 2·2 = 4, 2·1 = 2, 1 + 2 = 3.
    let a = Matrix([[4, 2], [2, 3]])

    @Test func factorMatchesHandComputationWithZeroUpperTriangle() throws {
        let chol = try a.cholesky()
        let expected = Matrix([[2, 0], [1, 2.0.squareRoot()]])
        #expect(maxAbsDifference(chol.lower, expected) < 1e-15)
        #expect(chol.lower[0, 1] == 0)
    }

    @Test func logDeterminantIsLogOfDeterminant() throws {
        // det A = 4·3 − 2·2 = 8.
        let logDet = try a.cholesky().logDeterminant
        #expect(abs(logDet - 2.0794415416798357) < 1e-14)  // log(8)
    }

    @Test func inverseIsSymmetricAndMatchesAdjugate() throws {
        // A⁻¹ = (1/8)[[3, −2], [−2, 4]].
        let inv = try a.cholesky().inverse()
        #expect(maxAbsDifference(inv, Matrix([[0.375, -0.25], [-0.25, 0.5]])) < 1e-15)
        #expect(inv[0, 1] == inv[1, 0])
    }

    @Test func solveVectorAndMatrix() throws {
        // A x = [8, 7]: 4x + 2y = 8, 2x + 3y = 7 ⇒ x = 1.25, y = 1.5.
        let chol = try a.cholesky()
        #expect(maxAbsDifference(try chol.solve([8, 7]), [1.25, 1.5]) < 1e-14)
        let x = try chol.solve(Matrix.identity(2))
        #expect(maxAbsDifference(a * x, Matrix.identity(2)) < 1e-14)
    }

    @Test func productWithInverseIsIdentityForLargerMatrix() throws {
        // B = MᵀM + I is positive definite for any M.
        let m = Matrix([[1, 2, 0, 1], [0, 1, 3, 1], [2, 0, 1, 4], [1, 1, 1, 1], [0, 2, 1, 0]])
        let b = m.gram() + Matrix.identity(4)
        let inv = try b.cholesky().inverse()
        #expect(maxAbsDifference(b * inv, Matrix.identity(4)) < 1e-13)
    }

    @Test func indefiniteMatrixReportsFailingMinor() {
        // [[1, 2], [2, 1]] has det −3: the 2 × 2 leading minor fails.
        #expect(throws: LinearAlgebraError.notPositiveDefinite(minor: 2)) {
            try Matrix([[1, 2], [2, 1]]).cholesky()
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(minor: 1)) {
            try Matrix([[-1, 0], [0, 1]]).cholesky()
        }
    }

    @Test func nonFiniteInputIsReportedBeforeLAPACK() {
        #expect(throws: LinearAlgebraError.nonFiniteInput) {
            try Matrix([[1, .nan], [.nan, 1]]).cholesky()
        }
        #expect(throws: LinearAlgebraError.nonFiniteInput) {
            try a.cholesky().solve([1, .infinity])
        }
    }

    @Test func nonSquareAndMismatchedShapesThrow() throws {
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 3).cholesky() }
        let chol = try a.cholesky()
        #expect(throws: LinearAlgebraError.self) { try chol.solve([1, 2, 3]) }
    }

    @Test func errorsHaveReadableDescriptions() {
        #expect(LinearAlgebraError.notPositiveDefinite(minor: 3).description.contains("order 3"))
        #expect(LinearAlgebraError.nonFiniteInput.description.contains("NaN"))
    }
}
