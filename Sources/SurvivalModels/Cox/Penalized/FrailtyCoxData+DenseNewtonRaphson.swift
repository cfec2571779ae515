import Foundation

/// The result of one inner fit with dense (`pspline()`) penalties at fixed θs.
struct DensePenaltyInnerFit: Sendable {
    var beta: [Double]
    /// The penalised log partial likelihood at the end (the penalty added).
    var penalizedLoglik: Double
    /// The log-penalty at the end (so `penalizedLoglik − logPenalty` is the partial likelihood).
    var logPenalty: Double
    var iterations: Int
    var converged: Bool
    /// The factored penalised information at the end.
    var cholesky: FrailtyCholesky
    /// The penalty's information over all columns (R's `coxlist2$second`), p × p.
    var penaltySecond: [[Double]]
    /// Columns whose coefficients a θ ≥ 1 forces to zero.
    var forcedZero: [Bool]
}

extension FrailtyCoxData {
    /// Penalised Newton–Raphson with dense penalties on column blocks (R's
    /// `coxfit5_b` with non-sparse terms and a full penalty matrix, no
    /// frailty): the penalty's score, information and value are added at
    /// every step, convergence when the relative change of the penalised
    /// likelihood is at most `eps` (not while halving), step halving when it
    /// decreases, at most `maxIterations` steps.
    func fitDense(
        penalties: [SplinePenalty], beta start: [Double], maxIterations: Int, eps: Double, tolerCholesky: Double
    ) -> DensePenaltyInnerFit {
        let p = nvar
        var beta = start, oldBeta = beta
        var loglik = 0.0
        var halving = false
        var iteration = 0
        var second = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var forced = [Bool](repeating: false, count: p)
        for pen in penalties {
            let lambda = pen.forcesZero ? 0 : pen.lambda
            for (a, i) in pen.columns.enumerated() {
                forced[i] = pen.forcesZero
                for (b, j) in pen.columns.enumerated() { second[i][j] = lambda * pen.matrix[a][b] }
            }
        }
        while true {
            var step = accumulate(beta: beta, frail: [])
            var logPenalty = 0.0
            for pen in penalties {
                if pen.forcesZero {
                    logPenalty -= 100 * (1 - pen.theta)
                    continue
                }
                let pb = pen.times(beta)
                let lambda = pen.lambda
                var quad = 0.0
                for (a, i) in pen.columns.enumerated() {
                    quad += beta[i] * pb[a]
                    step.u[i] -= lambda * pb[a]
                    for (b, j) in pen.columns.enumerated() where j <= i { step.dense[i][j] += lambda * pen.matrix[a][b] }
                }
                logPenalty -= quad * lambda / 2
            }
            for i in 0..<p where forced[i] {
                step.u[i] = 0
                for j in 0..<i { step.dense[i][j] = 0 }
                step.dense[i][i] = 1
            }
            let newlk = step.loglik + logPenalty
            let chol = FrailtyCholesky(
                diagonal: [], cross: [[Double]](repeating: [], count: p), dense: step.dense, toler: tolerCholesky)
            let done = abs(newlk) < eps || (abs(1 - loglik / newlk) <= eps && !halving)
            if done || iteration == maxIterations {
                return DensePenaltyInnerFit(
                    beta: beta, penalizedLoglik: newlk, logPenalty: logPenalty,
                    iterations: done ? iteration : maxIterations, converged: done, cholesky: chol,
                    penaltySecond: second, forcedZero: forced)
            }
            if iteration > 0 && newlk < loglik {
                halving = true
                for i in 0..<p { beta[i] = (oldBeta[i] + beta[i]) / 2 }
            } else {
                halving = false
                loglik = newlk
                let delta = chol.solve(step.u)
                oldBeta = beta
                for i in 0..<p { beta[i] += delta[i] }
            }
            iteration += 1
        }
    }
}
