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
    /// The iteration count R reports as `fit$iter` (see ``NewtonRaphsonRule``).
    var iterations: Int
    /// `false` when the iteration ran out (R's flag 1000), or `maxIterations` was 0.
    var converged: Bool
    /// The rank R's fitter reports (`flag`): of the last factorisation for
    /// `coxfit6`/`coxexact`, `p` when they ran out (R then reports no aliased
    /// column); `agfit4` always reports the rank at the initial values.
    var rank: Int
}

/// Which of survival's C fitters the iteration follows. They share the
/// Newton–Raphson method and the convergence test `|1 − L_best/L_new| ≤ ε`, but
/// differ in the details that decide *where* a fit on the edge stops (monotone
/// likelihood, maximum iterations):
///
/// | | `coxfit6` (right-censored) | `agfit4` (`(start, stop]`) | `coxexact` (exact ties) |
/// |---|---|---|---|
/// | converged while halving | yes | no | no |
/// | k-th successive halving | `β ← (β_new + k·β_best)/(k+1)` | same | `β ← (β_new + β_best)/2` |
/// | a failed step | non-finite L, U or I | non-finite L or diag(I), or the rank changed | non-finite L, U or I |
/// | out of iterations (`maxiter > 1`) | last accepted β, L there, variance `diag(1/diag(I))` | last tried β unless worse than the best by more than ε (then the best, full variance) | last accepted β, `diag(1/diag(I))` |
/// | `fit$iter` when out of iterations | `maxiter + 1` | `maxiter` | `maxiter` |
///
/// The `diag(1/diag(I))` variance is what R returns: its C code recomputes the
/// information at the last accepted β and calls `chinv2` on it without factoring
/// it first, which leaves only the reciprocals of the diagonal.
enum NewtonRaphsonRule {
    case coxfit6, agfit4, coxexact
}

extension CoxModel {
    /// Newton–Raphson as survival's `coxfit6`, `agfit4` or `coxexact` (by
    /// `rule`), step for step:
    ///
    /// * evaluate at the initial β; the score test is `U₀ᵀ I₀⁻¹ U₀`. With
    ///   `maxIterations == 0` (or a non-finite initial log-likelihood) the initial
    ///   values are returned, `fit$iter = 0`. The first step is always taken
    ///   ("Never, never complain about convergence on the first step");
    /// * at each new β the information is factored (``Cholesky2``, which also finds
    ///   the rank); the fit has converged when `|1 − L_best/L_new| ≤ ε` (and, but
    ///   for `coxfit6`, not in the middle of step halving);
    /// * a step that made the log-likelihood worse, or non-finite, is shrunk
    ///   towards the best β (step halving); otherwise it is accepted and the next
    ///   Newton step taken;
    /// * after `maxIterations` iterations stop without convergence, as R (table at
    ///   ``NewtonRaphsonRule``).
    static func newtonRaphson(
        _ lik: any CoxObjective, initial: [Double], options: CoxOptions, rule: NewtonRaphsonRule
    ) -> NewtonRaphsonOutcome {
        let p = lik.p
        let maxIter = options.maxIterations
        var best = initial  // R's beta (coxfit6) / oldbeta (agfit4, coxexact): last accepted β
        var ev = lik.evaluate(best)
        let loglik0 = ev.loglik
        var chol = factor(ev.information, p, options)
        let rank0 = chol.rank
        let step0 = chol.solve(ev.score)
        var scoreTest = 0.0
        for i in 0..<p { scoreTest += ev.score[i] * step0[i] }
        func outcome(_ beta: [Double], _ ll: Double, _ score: [Double], _ v: Matrix, iter: Int,
                     converged: Bool, rank: Int) -> NewtonRaphsonOutcome {
            NewtonRaphsonOutcome(beta: beta, loglikInitial: loglik0, loglik: ll, score: score, variance: v,
                                 scoreTest: scoreTest, iterations: iter, converged: converged, rank: rank)
        }
        if maxIter == 0 || !loglik0.isFinite {
            return outcome(best, loglik0, ev.score, chol.inverse(), iter: 0, converged: false, rank: chol.rank)
        }
        var bestLoglik = loglik0
        var trial = (0..<p).map { best[$0] + step0[$0] }
        var halving = 0
        for iter in 1...maxIter {
            ev = lik.evaluate(trial)
            chol = factor(ev.information, p, options)
            let failed: Bool
            switch rule {
            case .coxfit6, .coxexact:
                failed = !ev.loglik.isFinite || ev.score.contains { !$0.isFinite }
                    || ev.information.contains { !$0.isFinite }
            case .agfit4:
                failed = !ev.loglik.isFinite || (0..<p).contains { !ev.information[$0 * p + $0].isFinite }
                    || chol.rank != rank0
            }
            let small = abs(1 - bestLoglik / ev.loglik) <= options.epsilon
            if !failed && small && (rule == .coxfit6 || halving == 0) {
                return outcome(trial, ev.loglik, ev.score, chol.inverse(), iter: iter, converged: true,
                               rank: chol.rank)
            }
            if iter == maxIter && rule != .coxfit6 {
                // agfit4 and coxexact stop here, before halving or stepping again.
                if rule == .agfit4 {
                    if maxIter > 1 && (ev.loglik - bestLoglik) / abs(bestLoglik) < -options.epsilon {
                        let back = lik.evaluate(best)
                        let c = factor(back.information, p, options)
                        return outcome(best, back.loglik, back.score, c.inverse(), iter: iter, converged: false,
                                       rank: rank0)
                    }
                    return outcome(trial, ev.loglik, ev.score, chol.inverse(), iter: iter, converged: false,
                                   rank: rank0)
                }
                if maxIter > 1 {
                    let back = lik.evaluate(best)
                    return outcome(best, back.loglik, back.score, diagonalInverse(back.information, p),
                                   iter: iter, converged: false, rank: p)
                }
                return outcome(trial, ev.loglik, ev.score, chol.inverse(), iter: iter, converged: false, rank: p)
            }
            if failed || ev.loglik < bestLoglik {
                halving = rule == .coxexact ? 1 : halving + 1
                let k = Double(halving)
                for i in 0..<p { trial[i] = (trial[i] + k * best[i]) / (k + 1) }
            } else {
                halving = 0
                bestLoglik = ev.loglik
                let step = chol.solve(ev.score)
                for i in 0..<p {
                    best[i] = trial[i]
                    trial[i] += step[i]
                }
            }
        }
        // coxfit6 out of iterations: R returns the last accepted β. With
        // maxiter > 1 it recomputes L and I there and inverts I unfactored (its
        // diagonal only); with maxiter = 1 it leaves the last factorisation and L
        // as they are. `fit$iter` is then maxiter + 1 (the C loop's counter).
        if maxIter > 1 {
            let back = lik.evaluate(best)
            return outcome(best, back.loglik, back.score, diagonalInverse(back.information, p),
                           iter: maxIter + 1, converged: false, rank: p)
        }
        return outcome(best, bestLoglik, ev.score, chol.inverse(), iter: maxIter + 1, converged: false, rank: p)
    }

    private static func factor(_ information: [Double], _ p: Int, _ options: CoxOptions) -> Cholesky2 {
        Cholesky2(Matrix(rows: p, columns: p, columnMajor: information), toler: options.tolerCholesky)
    }

    /// `chinv2` applied to an unfactored information matrix, as R's fitters do
    /// when they run out of iterations: the strict lower triangle (where the
    /// factor would be) is zero, so the result is `1/I_ii` on the diagonal (0
    /// where `I_ii ≤ 0`) and zero elsewhere.
    static func diagonalInverse(_ information: [Double], _ p: Int) -> Matrix {
        var v = Matrix(rows: p, columns: p)
        for i in 0..<p {
            let d = information[i * p + i]
            v[i, i] = d > 0 ? 1 / d : 0
        }
        return v
    }
}
