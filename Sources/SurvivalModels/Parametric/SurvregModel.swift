import Foundation
import CohortData
import SurvivalNumerics

/// Parametric accelerated-failure-time regression for right-censored and
/// interval-censored (`Surv(left, right, type = "interval2")`) data, as R
/// `survreg` (survival 3.5).
///
/// The model is `log T = Xβ + σ·ε` with ε from the distribution's standard
/// error law (see ``SurvregDistribution``); `strata(g)` gives each stratum its
/// own scale σ_k, as R's survreg (the strata do not enter Xβ). Case weights
/// multiply each row's log-likelihood; `offset(z)` is added to Xβ.
///
/// The fit follows `survreg.fit` step by step so that the estimates, the
/// iteration count and the log-likelihoods agree with R:
///
/// 1. Covariates that are not 0/1 are centred and scaled (mean, sample SD) for
///    the iteration, and the coefficients and variance are transformed back at
///    the end (R's `rescaled`).
/// 2. Starting values: from the weighted mean `m` and variance `v` of the log
///    times the distribution gives a location and a variance guess
///    (``AFTErrorDistribution/initialGuess(mean:variance:)``); log σ starts at
///    `log(4·v′)/2`. One scoring step for the intercept is taken with every
///    row's derivatives evaluated at z = 0 (R's `derfun` at `eta = y`), and
///    the intercept-only model is fitted by Newton–Raphson (≤ 20 iterations):
///    its log-likelihood is `loglik_null`.
/// 3. The full model starts from the weighted least-squares solution
///    `(XᵀWX)⁻¹Xᵀ(W·(y − offset) + w·dg)` with the same z = 0 derivatives and
///    the null model's log-scales, and is iterated as `survreg6`
///    (``newtonRaphson(_:initial:maxIterations:eps:tolerChol:)``).
/// 4. Both log-likelihoods get R's Jacobian term `−Σ_exact w·log t`, so they
///    are log-likelihoods of the times themselves, as `fit$loglik`.
///
/// Interval-censored rows enter with `log(F(z₂) − F(z))`, left-censored ones
/// with `log F(z)` (``SurvregProblem``); in the starting values an interval
/// stands at the midpoint of its log times, as R's `yy`.
///
/// Without covariates (`~ 1`) there is one fit, with `iter.max` iterations, and
/// `loglik_null` equals `loglik`, as in R.
public enum SurvregModel {
    /// Fits the model to `frame`.
    ///
    /// - Throws: `ModelError` for data the model cannot use: counting-process
    ///   responses, status other than 0/1, non-positive or non-finite times, no
    ///   events, strata with a fixed scale, `cluster()` (robust variance is not
    ///   implemented).
    public static func fit(_ frame: ModelFrame, options: SurvregOptions = .init()) throws(ModelError) -> SurvregFit {
        let n = frame.count
        guard n > 0 else { throw ModelError("The survreg model has no rows to fit (every row was dropped or the data are empty).") }
        guard frame.response.start == nil else {
            throw ModelError("survreg does not support Surv(start, stop, status) data (as R: start-stop type Surv objects are not supported).")
        }
        guard frame.cluster == nil else {
            throw ModelError("cluster() (robust variance) is not supported by the parametric survival model yet.")
        }
        let dist = options.distribution
        let weights = frame.weights ?? [Double](repeating: 1, count: n)
        let interval = frame.response.intervalUpper
        var y = [Double](repeating: 0, count: n)
        var y2 = [Double](repeating: 0, count: n)
        var observation = [SurvregObservation](repeating: .rightCensored, count: n)
        var logcorrect = 0.0
        func checkedLog(_ t: Double, _ i: Int, column: String?) throws(ModelError) -> Double {
            guard t.isFinite, t > 0 else {
                throw ModelError(
                    "expected a time > 0, found \(NumberFormatting.label(t)): the \(dist.rawValue) distribution needs"
                        + " times > 0 (R: invalid survival times for this distribution)",
                    row: frame.rowIndex[i], column: column)
            }
            return log(t)
        }
        for i in 0..<n {
            let t = frame.response.stop[i], s = frame.response.status[i]
            let kind = SurvregObservation(rawValue: UInt8(truncatingIfNeeded: max(0, min(Int(s), 255))))
            guard let kind, s >= 0, interval != nil || s <= 1 else {
                throw ModelError(
                    "invalid status \(s): survreg needs 0/1 (or 1/2) right-censored data",
                    row: frame.rowIndex[i], column: frame.statusColumn)
            }
            // A left-censored row's time is the right end of its interval.
            let column = interval != nil && kind == .leftCensored ? frame.upperTimeColumn : frame.timeColumn
            y[i] = try checkedLog(t, i, column: column)
            if kind == .interval, let interval {
                y2[i] = try checkedLog(interval[i], i, column: frame.upperTimeColumn)
            }
            guard weights[i].isFinite, weights[i] > 0 else {
                throw ModelError("invalid weight, must be > 0", row: frame.rowIndex[i])
            }
            observation[i] = kind
            // R's logcorrect: log of d(log t)/dt = 1/t at each exact time.
            if kind == .exact { logcorrect -= weights[i] * log(t) }
        }
        // Events: rows whose event was seen (exact, left- or interval-censored).
        let events = observation.filter { $0 != .rightCensored }.count
        guard events > 0 else {
            throw ModelError("The survreg model cannot be fitted: there are no events (every observation is censored).")
        }
        let strataCount = frame.strata?.labels.count ?? 1
        let strata = frame.strata?.intCodes ?? [Int](repeating: 0, count: n)
        if dist.fixedScale != nil && strataCount > 1 {
            throw ModelError("The \(dist.rawValue) distribution has a fixed scale, so strata(...) (a scale per stratum) cannot be used (as R).")
        }
        let offset = frame.offset ?? [Double](repeating: 0, count: n)

        // Design with intercept, rescaled as survreg.fit does.
        let covariates = frame.design.columns
        let nvar = covariates + 1
        var x = Matrix(rows: n, columns: nvar)
        for i in 0..<n { x[i, 0] = 1 }
        for j in 0..<covariates { for i in 0..<n { x[i, j + 1] = frame.design[i, j] } }
        var center = [Double](repeating: 0, count: nvar)
        var stdev = [Double](repeating: 1, count: nvar)
        let binary = (0..<nvar).map { j in (0..<n).allSatisfy { x[$0, j] == 0 || x[$0, j] == 1 } }
        // A constant 0/1 column is a copy of the intercept (or zero) and comes
        // out aliased (NA), as R. Any other constant column R's survreg.fit
        // rescales by its standard deviation, 0, and then fails; so do we,
        // with a message that says why.
        for j in 1..<max(nvar, 1) where !binary[j] && n > 0 && (0..<n).allSatisfy({ x[$0, j] == x[0, j] }) {
            throw ModelError(
                "The survreg model cannot be fitted: \(frame.termNames[j - 1]) is constant"
                    + " (\(NumberFormatting.label(x[0, j])) in every row used), so its effect cannot be estimated;"
                    + " R's survreg fails on such a column too (it divides the column by its standard deviation, 0)."
                    + " Leave the term out of the formula.")
        }
        let rescaled = nvar > 1 && !binary.allSatisfy { $0 }
        if rescaled {
            for j in 1..<nvar where !binary[j] {
                var mean = 0.0
                for i in 0..<n { mean += x[i, j] }
                mean /= Double(n)
                var ss = 0.0
                for i in 0..<n { ss += (x[i, j] - mean) * (x[i, j] - mean) }
                let sd = sqrt(ss / Double(n - 1))
                center[j] = mean
                stdev[j] = sd
                for i in 0..<n { x[i, j] = (x[i, j] - mean) / sd }
            }
        }

        let scaleCount = dist.fixedScale == nil ? strataCount : 0
        let fixedLogScale = log(dist.fixedScale ?? 1)
        func problem(_ design: Matrix) -> SurvregProblem {
            SurvregProblem(
                y: y, y2: y2, observation: observation, weights: weights, offset: offset, x: design, strata: strata,
                scaleCount: scaleCount, fixedLogScale: fixedLogScale, distribution: dist.errorDistribution)
        }
        let full = problem(x)
        let meanOnly = nvar == 1

        // sd$init on the log times, an interval's by its midpoint (R's yy).
        let yy = (0..<n).map { observation[$0] == .interval ? (y[$0] + y2[$0]) / 2 : y[$0] }
        let sumW = weights.reduce(0, +)
        var mean = 0.0
        for i in 0..<n { mean += weights[i] * yy[i] }
        mean /= sumW
        var variance = 0.0
        for i in 0..<n { variance += weights[i] * (yy[i] - mean) * (yy[i] - mean) }
        variance /= sumW
        let guess = dist.errorDistribution.initialGuess(mean: mean, variance: variance)
        let startLogScale = dist.fixedScale == nil ? log(4 * guess.variance) / 2 : fixedLogScale
        let logScales0 = [Double](repeating: startLogScale, count: scaleCount)

        // derfun at eta = yy (z = 0 but for intervals): dg = ∂ℓ/∂η and
        // wt = −w·∂²ℓ/∂η² of each row.
        func derivativesAtZero(_ logScales: [Double]) -> (dg: [Double], wt: [Double]) {
            var dg = [Double](repeating: 0, count: n), wt = dg
            for i in 0..<n {
                let s = scaleCount == 0 ? fixedLogScale : logScales[strata[i]]
                let d = full.row(i, eta: yy[i], s: s)
                dg[i] = d.eta
                wt[i] = -weights[i] * d.etaEta
            }
            return (dg, wt)
        }

        // The intercept-only model (R's fit0; the only fit when there are no covariates).
        let ones = Matrix(rows: n, columns: 1, repeating: 1)
        let nullProblem = problem(ones)
        let d0 = derivativesAtZero(logScales0)
        var num = 0.0, den = 0.0
        for i in 0..<n {
            num += weights[i] * d0.dg[i] + d0.wt[i] * (yy[i] - offset[i])
            den += d0.wt[i]
        }
        let nullFit = newtonRaphson(
            nullProblem, initial: [num / den] + logScales0,
            maxIterations: meanOnly ? options.maxIterations : 20, eps: options.relTolerance,
            tolerChol: options.tolerChol)

        let fit: SurvregIteration
        if meanOnly {
            fit = nullFit
        } else {
            let logScales = Array(nullFit.theta.dropFirst())
            let d = derivativesAtZero(logScales)
            var xtwx = Matrix(rows: nvar, columns: nvar)
            var rhs = [Double](repeating: 0, count: nvar)
            for i in 0..<n {
                let r = d.wt[i] * (yy[i] - offset[i]) + weights[i] * d.dg[i]
                for j in 0..<nvar {
                    let xij = x.storage[j * n + i]
                    rhs[j] += r * xij
                    for l in 0...j { xtwx[j, l] += d.wt[i] * xij * x.storage[l * n + i] }
                }
            }
            for j in 0..<nvar { for l in 0..<j { xtwx[l, j] = xtwx[j, l] } }
            let beta0 = Cholesky2(xtwx, toler: options.tolerChol).solve(rhs)
            fit = newtonRaphson(
                full, initial: beta0 + logScales, maxIterations: options.maxIterations,
                eps: options.relTolerance, tolerChol: options.tolerChol)
        }

        // Back to the original covariate scale: β = T·b, V = T·V_b·Tᵀ.
        let p = fit.theta.count
        var transform = Matrix(rows: p, columns: p)
        for j in 0..<p { transform[j, j] = j < nvar ? 1 / stdev[j] : 1 }
        for j in 1..<max(nvar, 1) { transform[0, j] = -center[j] / stdev[j] }
        var theta = [Double](repeating: 0, count: p)
        for r in 0..<p { for c in 0..<p { theta[r] += transform[r, c] * fit.theta[c] } }
        let v = transform * fit.variance * transform.transposed

        // A scale that collapses towards 0 means the likelihood has no maximum
        // (one observation, every event at one time, a covariate that
        // separates the events perfectly): Newton–Raphson then ends with a
        // log-scale whose variance is 0 (singular) or with values that are not
        // finite. R returns NA coefficients with scale 0, or a fit that did not
        // converge; survkit reports no numbers for it.
        let degenerate = (nvar..<p).contains { v[$0, $0] == 0 }
            || !theta.allSatisfy(\.isFinite) || !fit.loglik.isFinite || !nullFit.loglik.isFinite
            || (0..<p).contains { !v[$0, $0].isFinite }
        if degenerate {
            throw ModelError(
                "The survreg model cannot be fitted: the scale estimate collapses towards 0 and the likelihood has"
                    + " no maximum (\(n) observation\(n == 1 ? "" : "s"), \(events) event\(events == 1 ? "" : "s")"
                    + "\(Set(zip(y, observation).filter { $0.1 == .exact }.map(\.0)).count == 1 && events == observation.filter { $0 == .exact }.count ? ", every event at the same time" : ""))."
                    + " R's survreg gives NA coefficients with scale 0, or does not converge, on such data.")
        }
        return SurvregFit(
            frame: frame, options: options, theta: theta, variance: v, nvar: nvar,
            termNames: ["(Intercept)"] + frame.termNames,
            loglikNull: nullFit.loglik + logcorrect, loglik: fit.loglik + logcorrect,
            iterations: fit.iterations, converged: fit.converged, events: events)
    }
}
