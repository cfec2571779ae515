import Foundation
import SurvivalNumerics
import Testing
@testable import SurvivalModels

/// The analytic score and information of the survreg log-likelihood against
/// central finite differences (step 1e-6: truncation error O(h²) ≈ 1e-12, so
/// agreement to ~1e-6 relative checks the derivative formulas, not rounding).
@Suite struct SurvregLikelihoodTests {
    /// Ten rows, intercept + two covariates, exact, right-, left- and
    /// interval-censored rows mixed, two strata (a scale each), unequal
    /// weights and an offset: every branch of the likelihood is exercised.
    /// Values are arbitrary but fixed.
    static func problem(_ dist: AFTErrorDistribution, strata: Bool) -> SurvregProblem {
        let t: [Double] = [5, 12, 3.5, 40, 22, 8, 15, 60, 2, 30]
        let observation: [SurvregObservation] = [
            .exact, .rightCensored, .leftCensored, .exact, .rightCensored, .interval, .exact, .rightCensored, .exact,
            .interval,
        ]
        // Upper ends of the two intervals, (8, 11] and (30, 45].
        let t2: [Double] = [1, 1, 1, 1, 1, 11, 1, 1, 1, 45]
        let x1: [Double] = [1.2, -0.5, 0.3, 2.0, -1.1, 0.7, 0.0, 1.5, -0.2, 0.9]
        let x2: [Double] = [0, 1, 1, 0, 1, 0, 1, 0, 1, 1]
        let n = t.count
        var x = Matrix(rows: n, columns: 3)
        for i in 0..<n { x[i, 0] = 1; x[i, 1] = x1[i]; x[i, 2] = x2[i] }
        return SurvregProblem(
            y: t.map { log($0) }, y2: t2.map { log($0) }, observation: observation, weights: [1, 2, 0.5, 1, 1.5, 1, 1, 3, 1, 0.7],
            offset: [0, 0.1, 0, -0.2, 0, 0, 0.3, 0, 0, 0.05], x: x,
            strata: strata ? [0, 1, 0, 1, 0, 1, 0, 1, 0, 1] : [Int](repeating: 0, count: n),
            scaleCount: strata ? 2 : 1, fixedLogScale: 0, distribution: dist)
    }

    static let theta: [Double] = [2.1, -0.3, 0.4, -0.2, 0.25]

    @Test("score equals the finite-difference gradient of the log-likelihood",
          arguments: [AFTErrorDistribution.extremeValue, .logistic, .gaussian])
    func scoreMatchesFiniteDifferences(dist: AFTErrorDistribution) {
        for strata in [false, true] {
            let p = Self.problem(dist, strata: strata)
            let theta = Array(Self.theta.prefix(p.parameterCount))
            let ev = p.evaluate(theta)
            #expect(abs(ev.loglik - p.loglik(theta)) <= 1e-12 * abs(ev.loglik))
            let h = 1e-6
            for j in 0..<p.parameterCount {
                var up = theta, down = theta
                up[j] += h
                down[j] -= h
                let numeric = (p.loglik(up) - p.loglik(down)) / (2 * h)
                #expect(abs(ev.score[j] - numeric) <= 1e-6 * max(1, abs(numeric)), "\(dist) strata=\(strata) θ[\(j)]")
            }
        }
    }

    @Test("information equals minus the finite-difference Jacobian of the score",
          arguments: [AFTErrorDistribution.extremeValue, .logistic, .gaussian])
    func informationMatchesFiniteDifferences(dist: AFTErrorDistribution) {
        for strata in [false, true] {
            let p = Self.problem(dist, strata: strata)
            let theta = Array(Self.theta.prefix(p.parameterCount))
            let info = p.evaluate(theta).information
            let h = 1e-6
            for j in 0..<p.parameterCount {
                var up = theta, down = theta
                up[j] += h
                down[j] -= h
                let su = p.evaluate(up).score, sd = p.evaluate(down).score
                for i in 0..<p.parameterCount {
                    let numeric = -(su[i] - sd[i]) / (2 * h)
                    #expect(abs(info[i, j] - numeric) <= 1e-6 * max(1, abs(numeric)), "\(dist) strata=\(strata) I[\(i),\(j)]")
                }
            }
        }
    }

    @Test("a fixed scale leaves only the regression coefficients as parameters")
    func fixedScaleHasNoLogScaleParameter() {
        var p = Self.problem(.extremeValue, strata: false)
        p = SurvregProblem(
            y: p.y, y2: p.y2, observation: p.observation, weights: p.weights, offset: p.offset, x: p.x, strata: p.strata,
            scaleCount: 0, fixedLogScale: 0, distribution: .extremeValue)
        let theta = Array(Self.theta.prefix(3))
        let ev = p.evaluate(theta)
        #expect(ev.score.count == 3)
        // With σ = 1 fixed, the log-scale version at log σ = 0 has the same loglik.
        let free = Self.problem(.extremeValue, strata: false)
        #expect(abs(free.loglik(theta + [0]) - ev.loglik) <= 1e-12 * abs(ev.loglik))
    }
}
