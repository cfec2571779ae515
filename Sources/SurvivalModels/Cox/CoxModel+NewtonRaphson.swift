import SurvivalNumerics

/// The outcome of the Newton–Raphson iteration, on the scaled covariates.
struct NewtonRaphsonOutcome {
    var beta: [Double]
    var loglikInitial: Double
    var loglik: Double
    /// Score at the final β.
    var score: [Double]
    /// Inverse information at the final β (generalised inverse, zero rows for aliased columns).
    var variance: Matrix
    /// Score test at the initial β, `U₀ᵀ I₀⁻¹ U₀`.
    var scoreTest: Double
    var iterations: Int
    var converged: Bool
    /// Rank found by the last Cholesky factorisation.
    var rank: Int
}

extension CoxModel {
    /// Newton–Raphson as survival's `coxfit6`/`agfit4`, step for step:
    ///
    /// * evaluate at the initial β; the score test is `U₀ᵀ I₀⁻¹ U₀` and the first
    ///   step is always taken ("Never, never complain about convergence on the
    ///   first step");
    /// * at each new β the information is factored (``Cholesky2``, which also finds
    ///   the rank); the fit has converged when `|1 − L_old/L_new| ≤ ε` and we are not
    ///   in the middle of step halving;
    /// * if the log-likelihood got worse, halve the step (`β_new = (β_new + β)/2`),
    ///   otherwise accept and take the next Newton step;
    /// * after `maxIterations` iterations stop without convergence (R's flag 1000).
    static func newtonRaphson(
        _ lik: any CoxObjective, initial: [Double], options: CoxOptions
    ) -> NewtonRaphsonOutcome {
        let p = lik.p
        var beta = initial
        var ev = lik.evaluate(beta)
        let loglik0 = ev.loglik
        var chol = Cholesky2(Matrix(rows: p, columns: p, columnMajor: ev.information),
                             toler: options.tolerCholesky)
        let step0 = chol.solve(ev.score)
        var scoreTest = 0.0
        for i in 0..<p { scoreTest += ev.score[i] * step0[i] }
        var newBeta = (0..<p).map { beta[$0] + step0[$0] }
        if options.maxIterations == 0 {
            return NewtonRaphsonOutcome(
                beta: beta, loglikInitial: loglik0, loglik: loglik0, score: ev.score,
                variance: chol.inverse(), scoreTest: scoreTest, iterations: 0, converged: true,
                rank: chol.rank)
        }
        var loglikOld = loglik0
        var halving = false
        var iter = 1
        while iter <= options.maxIterations {
            ev = lik.evaluate(newBeta)
            chol = Cholesky2(Matrix(rows: p, columns: p, columnMajor: ev.information),
                             toler: options.tolerCholesky)
            if abs(1 - loglikOld / ev.loglik) <= options.epsilon && !halving {
                return NewtonRaphsonOutcome(
                    beta: newBeta, loglikInitial: loglik0, loglik: ev.loglik, score: ev.score,
                    variance: chol.inverse(), scoreTest: scoreTest, iterations: iter,
                    converged: true, rank: chol.rank)
            }
            if iter == options.maxIterations { break }
            if ev.loglik < loglikOld {
                halving = true
                for i in 0..<p { newBeta[i] = (newBeta[i] + beta[i]) / 2 }
            } else {
                halving = false
                loglikOld = ev.loglik
                let step = chol.solve(ev.score)
                for i in 0..<p {
                    beta[i] = newBeta[i]
                    newBeta[i] += step[i]
                }
            }
            iter += 1
        }
        return NewtonRaphsonOutcome(
            beta: newBeta, loglikInitial: loglik0, loglik: ev.loglik, score: ev.score,
            variance: chol.inverse(), scoreTest: scoreTest, iterations: Swift.min(iter, options.maxIterations),
            converged: false, rank: chol.rank)
    }
}
