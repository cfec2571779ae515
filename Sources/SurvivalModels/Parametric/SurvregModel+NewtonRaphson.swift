import SurvivalNumerics

/// The outcome of one Newton–Raphson maximisation.
struct SurvregIteration: Sendable {
    var theta: [Double]
    var loglik: Double
    /// Inverse information at `theta` (generalised: zero rows and columns for
    /// parameters the Cholesky judged redundant).
    var variance: Matrix
    var score: [Double]
    var iterations: Int
    var converged: Bool
}

extension SurvregModel {
    /// Maximises the log-likelihood from `initial` as R's C routine `survreg6`.
    ///
    /// Each step solves `I(θ)·step = U(θ)` with the generalised Cholesky of the
    /// information (tolerance `tolerChol`); when the information is not
    /// non-negative definite, the outer product of the scores stands in for it
    /// (a Fisher-scoring-like step). The first step is always taken. After
    /// that, at each iteration:
    ///
    /// * if the new log-likelihood is finite, `|1 − ℓ_old/ℓ_new| ≤ eps` and the
    ///   previous move was not a halving, the fit has converged; the variance is
    ///   the inverse information at the new point;
    /// * if it fell (or is not finite), step-halve towards the last good point
    ///   up to five times; on the first halving a log-scale is moreover kept
    ///   within 1.1 below its last good value (a scale that collapsed by a
    ///   factor above 3 is what usually derails the iteration, Therneau's note);
    /// * otherwise accept the point and take the next Newton step.
    ///
    /// Running out of iterations returns the last point with `converged = false`.
    /// Unlike the C code, a NaN log-likelihood also triggers the halving (there
    /// the comparison `newlk < loglik` is false for NaN and the loop would stall).
    static func newtonRaphson(
        _ problem: SurvregProblem, initial: [Double], maxIterations: Int, eps: Double, tolerChol: Double
    ) -> SurvregIteration {
        let p = problem.parameterCount
        let nvar = problem.nvar
        func step(_ ev: SurvregProblem.Evaluation) -> [Double] {
            let chol = Cholesky2(ev.information, toler: tolerChol)
            if chol.isNonNegativeDefinite { return chol.solve(ev.score) }
            return Cholesky2(ev.outer, toler: tolerChol).solve(ev.score)
        }
        func finish(_ theta: [Double], _ ev: SurvregProblem.Evaluation, _ iterations: Int, _ converged: Bool)
            -> SurvregIteration
        {
            SurvregIteration(
                theta: theta, loglik: ev.loglik,
                variance: Cholesky2(ev.information, toler: tolerChol).inverse(),
                score: ev.score, iterations: iterations, converged: converged)
        }

        var beta = initial
        let first = problem.evaluate(beta)
        if maxIterations == 0 { return finish(beta, first, 0, true) }
        var loglik = first.loglik
        let firstStep = step(first)
        var newBeta = (0..<p).map { beta[$0] + firstStep[$0] }
        var newEval = problem.evaluate(newBeta)
        var newLoglik = newEval.loglik
        var halving = 0
        for iteration in 1...maxIterations {
            if newLoglik.isFinite && abs(1 - loglik / newLoglik) <= eps && halving == 0 {
                return finish(newBeta, newEval, iteration, true)
            }
            if !(newLoglik >= loglik) {
                var tries = 0
                while tries < 5 && !(newLoglik >= loglik) {
                    halving += 1
                    for i in 0..<p { newBeta[i] = (newBeta[i] + beta[i]) / 2 }
                    if halving == 1 {
                        for i in nvar..<p where beta[i] - newBeta[i] > 1.1 { newBeta[i] = beta[i] - 1.1 }
                    }
                    newLoglik = problem.loglik(newBeta)
                    tries += 1
                }
            } else {
                halving = 0
                loglik = newLoglik
                let s = step(newEval)
                beta = newBeta
                for i in 0..<p { newBeta[i] += s[i] }
            }
            newEval = problem.evaluate(newBeta)
            newLoglik = newEval.loglik
        }
        return finish(newBeta, newEval, maxIterations, false)
    }
}
