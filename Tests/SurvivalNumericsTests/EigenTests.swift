import Testing
@testable import SurvivalNumerics

struct EigenTests {
    @Test func eigenvaluesAscendingForHandExample() throws {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3 (vectors (1, −1)/√2, (1, 1)/√2).
        let (values, vectors) = try Matrix([[2, 1], [1, 2]]).symmetricEigen()
        #expect(maxAbsDifference(values, [1, 3]) < 1e-15)
        #expect(abs(abs(vectors[0, 1]) - 0.5.squareRoot()) < 1e-15)
    }

    @Test func decompositionReconstructsMatrixAndIsOrthonormal() throws {
        let a = Matrix([[4, 1, -2, 0.5], [1, 3, 0, 1], [-2, 0, 5, 2], [0.5, 1, 2, 6]])
        let (values, v) = try a.symmetricEigen()
        var lambda = Matrix(rows: 4, columns: 4)
        for k in 0..<4 { lambda[k, k] = values[k] }
        #expect(maxAbsDifference(v * lambda * v.transposed, a) < 1e-13)
        #expect(maxAbsDifference(v.transposed * v, Matrix.identity(4)) < 1e-14)
        #expect(values == values.sorted())
    }

    @Test func rejectsNonFiniteAndNonSquare() {
        #expect(throws: LinearAlgebraError.nonFiniteInput) { try Matrix([[1, .infinity], [.infinity, 1]]).symmetricEigen() }
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 3).symmetricEigen() }
    }
}

struct GeneralizedInverseTests {
    @Test func singularMatrixOfOnesHandResult() throws {
        // [[1, 1], [1, 1]] = 2 u uᵀ with u = (1, 1)/√2, so A⁺ = u uᵀ / 2 = ¼ [[1, 1], [1, 1]], rank 1.
        let (inverse, rank) = try Matrix([[1, 1], [1, 1]]).generalizedInverse()
        #expect(rank == 1)
        #expect(maxAbsDifference(inverse, Matrix([[0.25, 0.25], [0.25, 0.25]])) < 1e-15)
    }

    @Test func satisfiesPenroseConditionsForSingularInformationMatrix() throws {
        // XᵀX of a design whose third column is the sum of the first two: rank 2.
        let x = Matrix([[1, 0, 1], [1, 1, 2], [1, 2, 3], [1, 5, 6], [1, 3, 4]])
        let a = x.gram()
        let (g, rank) = try a.generalizedInverse()
        #expect(rank == 2)
        #expect(maxAbsDifference(a * g * a, a) < 1e-10)  // A A⁺ A = A
        #expect(maxAbsDifference(g * a * g, g) < 1e-12)  // A⁺ A A⁺ = A⁺
    }

    @Test func equalsInverseForNonsingularMatrix() throws {
        let a = Matrix([[4, 2], [2, 3]])
        let (g, rank) = try a.generalizedInverse()
        #expect(rank == 2)
        #expect(maxAbsDifference(g, try a.cholesky().inverse()) < 1e-14)
    }
}
