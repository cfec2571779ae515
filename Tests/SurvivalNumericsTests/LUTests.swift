import Testing
@testable import SurvivalNumerics

struct LUTests {
    @Test func solvesHandComputedSystem() throws {
        // 2x + y = 3, x + 3y = 5 ⇒ x = 4/5, y = 7/5.
        let x = try Matrix([[2, 1], [1, 3]]).solve([3, 5])
        #expect(maxAbsDifference(x, [0.8, 1.4]) < 1e-15)
    }

    @Test func needsPivotingAndInvertsNonSymmetricMatrix() throws {
        // Zero leading element forces a row interchange.
        let a = Matrix([[0, 2, 1], [1, 1, 0], [3, 0, 1]])
        let inv = try a.inverse()
        #expect(maxAbsDifference(a * inv, Matrix.identity(3)) < 1e-14)
        #expect(maxAbsDifference(inv * a, Matrix.identity(3)) < 1e-14)
    }

    @Test func exactlySingularMatrixThrowsSingular() {
        // Second row is twice the first: U[2,2] = 0 after elimination.
        #expect(throws: LinearAlgebraError.singular(column: 2)) {
            try Matrix([[1, 2], [2, 4]]).solve([1, 2])
        }
    }

    @Test func badInputsThrowInsteadOfCrashing() {
        #expect(throws: LinearAlgebraError.nonFiniteInput) { try Matrix([[1, 0], [0, .nan]]).solve([1, 1]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 0], [0, 1]]).solve([1, 1, 1]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 3).solve([1, 1]) }
    }
}
