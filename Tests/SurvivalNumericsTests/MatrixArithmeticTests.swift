import Testing
@testable import SurvivalNumerics

/// Expected values are hand-computed in the comments.
struct MatrixArithmeticTests {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])  // 2 × 3

    @Test func transposeSwapsRowsAndColumns() {
        #expect(a.transposed == Matrix([[1, 4], [2, 5], [3, 6]]))
    }

    @Test func productMatchesHandComputation() {
        // [[1,2,3],[4,5,6]] · [[1,0],[0,1],[1,1]] = [[1+3, 2+3], [4+6, 5+6]]
        let b = Matrix([[1, 0], [0, 1], [1, 1]])
        #expect(a * b == Matrix([[4, 5], [10, 11]]))
    }

    @Test func matrixVectorProducts() {
        #expect(a.multiply([1, 1, 1]) == [6, 15])  // row sums
        #expect(a.transposeMultiply([1, 1]) == [5, 7, 9])  // column sums
    }

    @Test func gramWithoutWeightsIsCrossProduct() {
        // XᵀX for X = a: [[1+16, 2+20, 3+24], [., 4+25, 6+30], [., ., 9+36]]
        #expect(a.gram() == Matrix([[17, 22, 27], [22, 29, 36], [27, 36, 45]]))
    }

    @Test func weightedGramEqualsExplicitProduct() {
        let w = [2.0, 0.5]
        // XᵀWX by hand: Σ_i w_i x_ij x_ik; e.g. (0,0): 2·1 + 0.5·16 = 10.
        let expected = Matrix([[10, 14, 18], [14, 20.5, 27], [18, 27, 36]])
        #expect(maxAbsDifference(a.gram(weights: w), expected) < 1e-13)
        // Negative weights take the dgemm path and still give XᵀWX.
        let wn = [-1.0, 1.0]  // (0,0): −1 + 16 = 15, (0,1): −2 + 20 = 18, ...
        let expectedN = Matrix([[15, 18, 21], [18, 21, 24], [21, 24, 27]])
        #expect(maxAbsDifference(a.gram(weights: wn), expectedN) < 1e-13)
    }

    @Test func elementwiseAndScalarOperations() {
        let b = Matrix([[1, 1, 1], [1, 1, 1]])
        #expect(a + b == Matrix([[2, 3, 4], [5, 6, 7]]))
        #expect(a - b == Matrix([[0, 1, 2], [3, 4, 5]]))
        #expect(2 * a == Matrix([[2, 4, 6], [8, 10, 12]]))
        #expect(a * 0.5 == Matrix([[0.5, 1, 1.5], [2, 2.5, 3]]))
    }
}
