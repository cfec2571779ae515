import CohortData
import Foundation
import SurvivalModels
import SurvivalNumerics
import Testing

/// `ties = exact` on small hand-worked data; the R comparisons on real data are
/// the cox-cli and cox-predict fixtures of Tests/Reference/cox_exact.R.
@Suite struct CoxExactTiesTests {
    static func frame(
        time: [Double], status: [Int], x: [Double], start: [Double]? = nil,
        weights: [Double]? = nil, cluster: [Int]? = nil
    ) -> ModelFrame {
        let n = time.count
        return ModelFrame(
            response: SurvivalResponse(start: start, stop: time, status: status),
            design: Matrix(rows: n, columns: 1, columnMajor: x), termNames: ["x"], termOfColumn: ["x"],
            strata: nil, cluster: cluster, offset: nil, weights: weights,
            rowIndex: Array(0..<n), rows: RowAccounting(read: n, used: n), warnings: [])
    }

    /// Hand derivation. Times 1, 1, 2, 3 with deaths at rows 0, 1 and 3, x = 2, 0, 1, 0.
    /// At t = 1 all four rows are at risk and the deaths' Σx is 2; the pairs of
    /// x values are (2,0) twice, (2,1), (0,1) twice, (0,0), so with u = e^β the
    /// contribution is log u² − log(2u² + u³ + 2u + 1). At t = 3 row 3 is alone:
    /// contribution 0. The null log-likelihood is −log C(4,2) = −log 6; the score
    /// vanishes where 2(2u² + u³ + 2u + 1) = 4u² + 3u³ + 2u, i.e. u³ − 2u − 2 = 0,
    /// whose real root is Cardano's ∛(1 + √(19/27)) + ∛(1 − √(19/27)).
    @Test func tiedDeathsFollowTheHandDerivedExactLikelihood() throws {
        let fit = try CoxModel.fit(
            Self.frame(time: [1, 1, 2, 3], status: [1, 1, 0, 1], x: [2, 0, 1, 0]),
            options: CoxOptions(ties: .exact))
        let root = (19.0 / 27).squareRoot()
        let u = cbrt(1 + root) + cbrt(1 - root)
        let beta = log(u)
        #expect(abs(fit.loglik.initial + log(6)) < 1e-12)
        let b = try #require(fit.coefficients[0])
        #expect(abs(b - beta) < 1e-8)
        let expected = 2 * beta - log(2 * u * u + u * u * u + 2 * u + 1)
        #expect(abs(fit.loglik.final - expected) < 1e-12)
    }

    /// Without tied deaths every tie method has the same partial likelihood.
    @Test func withoutTiesExactEqualsBreslow() throws {
        let f = Self.frame(time: [1, 2, 3, 4, 5, 6, 7, 8], status: [1, 0, 1, 1, 0, 1, 1, 0],
                           x: [0.5, 1.2, -0.3, 2.0, 0.1, -1.0, 0.7, 0.4])
        let exact = try CoxModel.fit(f, options: CoxOptions(ties: .exact))
        let breslow = try CoxModel.fit(f, options: CoxOptions(ties: .breslow))
        let be = try #require(exact.coefficients[0]), bb = try #require(breslow.coefficients[0])
        #expect(abs(be - bb) < 1e-9 * abs(bb))
        #expect(abs(exact.loglik.final - breslow.loglik.final) < 1e-10)
        #expect(abs(exact.naiveVariance[0, 0] - breslow.naiveVariance[0, 0]) < 1e-8 * breslow.naiveVariance[0, 0])
    }

    @Test func countingProcessDataAreRefusedWithAMessage() {
        let f = Self.frame(time: [2, 3, 4], status: [1, 1, 0], x: [0, 1, 1], start: [0, 0, 1])
        #expect(throws: CoxError.self) { try CoxModel.fit(f, options: CoxOptions(ties: .exact)) }
        do {
            _ = try CoxModel.fit(f, options: CoxOptions(ties: .exact))
        } catch {
            #expect(error.description.contains("right-censored"))
        }
    }

    @Test func caseWeightsAndRobustVarianceAreRefused() {
        let time: [Double] = [1, 2, 3, 4], status = [1, 1, 0, 1], x: [Double] = [0, 1, 0, 1]
        let weighted = Self.frame(time: time, status: status, x: x, weights: [1, 2, 1, 1])
        #expect(throws: CoxError.exactTiesUnsupported("Case weights are not supported for the exact method")) {
            try CoxModel.fit(weighted, options: CoxOptions(ties: .exact))
        }
        let clustered = Self.frame(time: time, status: status, x: x, cluster: [0, 0, 1, 1])
        #expect(throws: CoxError.self) { try CoxModel.fit(clustered, options: CoxOptions(ties: .exact)) }
        #expect(throws: CoxError.self) {
            try CoxModel.fit(Self.frame(time: time, status: status, x: x), options: CoxOptions(ties: .exact, robust: true))
        }
        // Unit weights are accepted, as R.
        #expect((try? CoxModel.fit(Self.frame(time: time, status: status, x: x, weights: [1, 1, 1, 1]),
                                   options: CoxOptions(ties: .exact))) != nil)
    }
}
