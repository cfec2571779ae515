import Foundation

/// The result of one inner fit (R's `coxfit5_b`) at a fixed θ.
struct FrailtyInnerFit: Sendable {
    var beta: [Double]
    var frail: [Double]
    /// The penalised log partial likelihood at the end (the penalty added).
    var penalizedLoglik: Double
    /// The log-penalty at the end (so `penalizedLoglik − logPenalty` is the partial likelihood).
    var logPenalty: Double
    /// Newton–Raphson iterations, as R counts them (`iter.max` when not converged).
    var iterations: Int
    var converged: Bool
    /// The penalty's information diagonal at the end (R's `coxlist1$second`).
    var penaltySecond: [Double]
    var forcedZero: Bool
    /// Pieces of the inverse of the information matrix (see ``FrailtyCholesky``).
    var inverse: FrailtyCholesky.Inverse
}

extension FrailtyCoxData {
    /// Penalised Newton–Raphson at θ from (`beta`, `frail`), as `coxfit5_b`:
    /// the frailty block of the information kept diagonal, convergence when the
    /// relative change of the penalised likelihood is at most `eps` (not while
    /// halving), step halving when it decreases, at most `maxIterations` steps.
    func fit(
        penalty: FrailtyPenalty, beta start: [Double], frail fstart: [Double],
        maxIterations: Int, eps: Double, tolerCholesky: Double
    ) -> FrailtyInnerFit {
        let nf = nfrail, p = nvar
        var beta = start, fbeta = fstart
        var oldBeta = beta, oldFrail = fbeta
        var loglik = 0.0
        var halving = false
        var iteration = 0
        while true {
            var step = accumulate(beta: beta, frail: fbeta)
            let pen = penalty.evaluate(fbeta)
            fbeta = pen.recentred
            if pen.forcedZero {
                for g in 0..<nf {
                    step.u[g] = 0
                    step.fdiag[g] = 1
                    for i in 0..<p { step.cross[i][g] = 0 }
                }
            } else {
                for g in 0..<nf {
                    step.u[g] += pen.score[g]
                    step.fdiag[g] += pen.information[g]
                }
                step.loglik += pen.logPenalty
            }
            let newlk = step.loglik
            let chol = FrailtyCholesky(diagonal: step.fdiag, cross: step.cross, dense: step.dense, toler: tolerCholesky)
            let done = abs(newlk) < eps || (abs(1 - loglik / newlk) <= eps && !halving)
            if done || iteration == maxIterations {
                return FrailtyInnerFit(
                    beta: beta, frail: fbeta, penalizedLoglik: newlk, logPenalty: pen.forcedZero ? 0 : pen.logPenalty,
                    iterations: done ? iteration : maxIterations, converged: done,
                    penaltySecond: pen.information, forcedZero: pen.forcedZero, inverse: chol.inverse())
            }
            if iteration > 0 && newlk < loglik {
                halving = true
                for i in 0..<p { beta[i] = (oldBeta[i] + beta[i]) / 2 }
                for g in 0..<nf { fbeta[g] = (oldFrail[g] + fbeta[g]) / 2 }
            } else {
                halving = false
                loglik = newlk
                let delta = chol.solve(step.u)
                oldBeta = beta
                oldFrail = fbeta
                for i in 0..<p { beta[i] += delta[nf + i] }
                for g in 0..<nf { fbeta[g] += delta[g] }
            }
            iteration += 1
        }
    }

    /// The log partial likelihood, score and information (frailty block
    /// diagonal only) at (`beta`, `frail`), Breslow or Efron, as `coxfit5_b`'s
    /// accumulation loop.
    struct Accumulation {
        var loglik: Double
        /// Score, frailties first then covariates.
        var u: [Double]
        /// Diagonal of the frailty block.
        var fdiag: [Double]
        /// `cross[i][g]`: covariate i × frailty g.
        var cross: [[Double]]
        /// `dense[i][j]`, j ≤ i: covariate block (lower triangle).
        var dense: [[Double]]
    }

    func accumulate(beta: [Double], frail fbeta: [Double]) -> Accumulation {
        let nf = nfrail, p = nvar, nv2 = nf + p
        let method = efron ? 1.0 : 0.0
        var out = Accumulation(
            loglik: 0, u: [Double](repeating: 0, count: nv2), fdiag: [Double](repeating: 0, count: nf),
            cross: [[Double]](repeating: [Double](repeating: 0, count: nf), count: p),
            dense: [[Double]](repeating: [Double](repeating: 0, count: p), count: p))
        var a = [Double](repeating: 0, count: nv2), a2 = a, tmean = a
        // cmat[i]: covariate i times (frailty indicators, covariates) at risk.
        var cmat = [[Double]](repeating: [Double](repeating: 0, count: nv2), count: p)
        var cmat2 = cmat
        var denom = 0.0, efronWt = 0.0
        var s = 0
        for ip in 0..<n {
            let r = order[ip]
            if ip == 0 || (s < strataEnds.count && ip == strataEnds[s]) {
                efronWt = 0
                denom = 0
                for i in 0..<nv2 { a[i] = 0; a2[i] = 0 }
                for i in 0..<p { for j in 0..<nv2 { cmat[i][j] = 0; cmat2[i][j] = 0 } }
            }
            if s < strataEnds.count && ip == strataEnds[s] { s += 1 }
            let g = nf > 0 ? group[r] : 0
            var zbeta = offset[r] + (nf > 0 ? fbeta[g] : 0)
            for i in 0..<p { zbeta += beta[i] * x[i][r] }
            zbeta = Self.coxsafe(zbeta)
            let risk = exp(zbeta) * weights[r]
            denom += risk
            if nf > 0 { a[g] += risk }
            for i in 0..<p {
                let xi = x[i][r]
                a[i + nf] += risk * xi
                if nf > 0 { cmat[i][g] += risk * xi }
                for j in 0...i { cmat[i][j + nf] += risk * xi * x[j][r] }
            }
            if status[r] {
                efronWt += risk
                out.loglik += weights[r] * zbeta
                if nf > 0 {
                    out.u[g] += weights[r]
                    a2[g] += risk
                }
                for i in 0..<p {
                    let xi = x[i][r]
                    out.u[i + nf] += weights[r] * xi
                    a2[i + nf] += risk * xi
                    if nf > 0 { cmat2[i][g] += risk * xi }
                    for j in 0...i { cmat2[i][j + nf] += risk * xi * x[j][r] }
                }
            }
            let ndead = mark[r]
            guard ndead > 0 else { continue }
            let wt = wtave[r]
            for k in 0..<ndead {
                let temp = Double(k) * method / Double(ndead)
                let d2 = denom - temp * efronWt
                out.loglik -= wt * log(d2)
                for i in 0..<nv2 {
                    let t2 = (a[i] - temp * a2[i]) / d2
                    tmean[i] = t2
                    out.u[i] -= wt * t2
                    if i < nf {
                        // As coxfit5: the frailty diagonal without the death weight.
                        out.fdiag[i] += t2 * (1 - t2)
                    } else {
                        let ii = i - nf
                        for j in 0...i {
                            let v = wt * ((cmat[ii][j] - temp * cmat2[ii][j]) / d2 - t2 * tmean[j])
                            if j < nf { out.cross[ii][j] += v } else { out.dense[ii][j - nf] += v }
                        }
                    }
                }
            }
            efronWt = 0
            for i in 0..<nv2 { a2[i] = 0 }
            for i in 0..<p { for j in 0..<nv2 { cmat2[i][j] = 0 } }
        }
        return out
    }

    /// survival's `coxsafe`: the linear predictor kept within [−200, 22].
    static func coxsafe(_ x: Double) -> Double { min(max(x, -200), 22) }
}
