import Foundation
import SurvivalNumerics

/// Where crr's iteration ended.
struct FineGrayIteration {
    var beta: [Double]
    /// The evaluation at `beta` (crr reports its loglik and score).
    var evaluation: FineGrayEvaluation
    /// Newton steps taken.
    var iterations: Int
    var converged: Bool
}

extension FineGrayModel {
    /// Newton–Raphson with a backtracking line search, exactly as the R loop
    /// of `cmprsk::crr` (it minimises `f = −loglik`):
    ///
    /// for `ll` in 0…maxiter: evaluate `f`, its gradient `s = −U` and Hessian
    /// `h = I` at β. Converged when `max_j |s_j|·max(|β_j|, 1) <
    /// max(|f|, 1)·gtol` — a gradient test, not crr's or coxph's change in the
    /// likelihood. Out of steps when `ll == maxiter` (then `converged` is
    /// false: a coefficient running off to infinity ends here). Otherwise
    /// the Newton step `sc = −h⁻¹s` (R's `solve`, LU) is tried, and halved
    /// while the new `f` is not finite or fails the Armijo condition
    /// `f_new ≤ f + 10⁻⁴·scᵀs`; after 20 halvings crr gives up (not
    /// converged, β unchanged).
    ///
    /// - Throws: `ModelError` when the information is singular (R's `solve`
    ///   fails: collinear covariates, or a covariate constant over the risk
    ///   sets) or the score is not finite.
    static func iterate(_ data: FineGrayData, options: FineGrayOptions, termNames: [String]) throws
        -> FineGrayIteration
    {
        var beta = [Double](repeating: 0, count: data.p)
        var ev = evaluate(data, beta: beta)
        var ll = 0
        var converged = false
        while true {
            guard ev.loglik.isFinite, ev.score.allSatisfy(\.isFinite) else {
                throw ModelError(
                    "The Fine–Gray pseudo log-likelihood is not finite at the current coefficients"
                        + " (a covariate with extreme values?); rescale the covariates.")
            }
            var gradient = 0.0
            for j in 0..<data.p { gradient = max(gradient, abs(ev.score[j]) * max(abs(beta[j]), 1)) }
            if gradient < max(abs(ev.loglik), 1) * options.gradientTolerance {
                converged = true
                break
            }
            if ll == options.maxIterations { break }
            var step: [Double]
            do { step = try ev.information.solve(ev.score) } catch {
                throw singular(termNames)
            }
            // Armijo bound on f = −loglik: f_new > f + 1e-4·Σ sc·s with s = −U.
            var decrease = 0.0
            for j in 0..<data.p { decrease += step[j] * ev.score[j] }
            var trial = zip(beta, step).map { $0 + $1 }
            var fNew = -evaluate(data, beta: trial, derivatives: false).loglik
            var halvings = 0
            while fNew.isNaN || fNew > -ev.loglik - 1e-4 * decrease {
                halvings += 1
                step = step.map { $0 * 0.5 }
                decrease *= 0.5
                trial = zip(beta, step).map { $0 + $1 }
                fNew = -evaluate(data, beta: trial, derivatives: false).loglik
                if halvings > 20 { break }
            }
            if halvings > 20 { break }
            beta = trial
            ev = evaluate(data, beta: beta)
            ll += 1
        }
        return FineGrayIteration(beta: beta, evaluation: ev, iterations: ll, converged: converged)
    }

    static func singular(_ termNames: [String]) -> ModelError {
        ModelError(
            "The Fine–Gray information matrix is singular (as R's crr, whose solve() fails): two or more of the terms "
                + termNames.joined(separator: ", ")
                + " are collinear, or a term does not vary among the rows at risk of the cause; drop or merge terms.")
    }
}
