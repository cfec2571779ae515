import Foundation
import SurvivalNumerics

/// Predicted survival curves and linear predictors, as R's `survfit.coxph`
/// (with its helpers `coxsurv.fit` and `agsurv`) and `predict.coxph`.
///
/// **Baseline hazard.** Within each stratum, at every distinct stop time t,
/// with the risk set `start < t ≤ stop` (all rows with `stop ≥ t` for
/// right-censored data), `r_i = exp(x_iβ + offset_i − c)` (c = `Σ means·β` +
/// the weighted mean offset, R's `xcenter`), `N = Σ w·r` over the risk set,
/// `E = Σ w·r` over the deaths at t, `dw` the weighted and `d` the plain
/// number of deaths:
///
/// * Breslow ties (R's `ctype = 1`): hazard increment `dw/N`, variance
///   increment `dw/N²`, and `x̄` increment `dw·X/N²` with `X = Σ w·r·x`;
/// * Efron ties (`ctype = 2`, survfit's default for an Efron fit): the deaths
///   leave the denominator a fraction at a time, `N_j = N − (j/d)·E`,
///   `j = 0…d−1`; increments `dw·Σ_j (1/d)/N_j`, `dw·Σ_j (1/d)/N_j²` and
///   `dw·Σ_j (X − (j/d)·X_E)/(d·N_j²)` (R's C routine `agsurv5`).
///
/// **Curve for a covariate row x₀** with `r₀ = exp(x₀β + offset₀ − c)`:
/// `Λ(t) = r₀·ΣΔΛ`, `S(t) = exp(−Λ)` (`stype = 2`), and the variance of Λ is
/// Tsiatis's `r₀²·(ΣΔvar + dᵀ V d)`, `d = x₀·ΣΔΛ − Σ Δx̄` — the second part
/// carries the uncertainty of β̂, with V the fit's variance (robust when
/// computed, as R's `object$var`). Limits by ``ConfidenceType`` on that
/// standard error, exactly as survival's `survfit_confint` (log: upper
/// limit capped at 1; log-log: none where S is 0 or 1).
extension CoxFit {
    /// The survival curve for one covariate row, as
    /// `survfit(fit, newdata = row, conf.type =, conf.int =)`.
    ///
    /// - Parameters:
    ///   - covariates: the design row (one value per design column, as the
    ///     frame's `termNames`); `nil` is R's default curve at the fit's means.
    ///   - offset: the row's offset (ignored when `covariates` is `nil`).
    ///   - stratum: the stratum code; `nil` gives a curve for every stratum (R
    ///     does so when `newdata` lacks the strata variables).
    public func survivalCurve(
        covariates: [Double]? = nil, offset: Double = 0, stratum: Int? = nil,
        confType: ConfidenceType = .log, confLevel: Double = 0.95
    ) -> CoxPrediction {
        let p = state.beta.count
        let beta = (0..<p).map { state.aliased[$0] ? 0 : state.beta[$0] }
        let x0 = covariates ?? state.means
        let center = zip(state.means, beta).reduce(0) { $0 + $1.0 * $1.1 } + offsetMean(weighted: true)
        let lp0 = covariates.map { row in
            zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 } + offset - center
        } ?? 0
        let r0 = exp(lp0)
        let labels = frame.strata?.labels ?? ["all"]
        let wanted = stratum.map { [$0] } ?? Array(0..<labels.count)
        let v = variance
        let z = Normal.quantile(1 - (1 - confLevel) / 2)
        var curves: [CoxPredictionCurve] = []
        for s in wanted where s >= 0 && s < labels.count {
            let base = baselineHazard(stratum: s, beta: beta, center: center)
            let m = base.time.count
            var cumhaz = [Double](repeating: 0, count: m)
            var surv = cumhaz, se = cumhaz, seS = cumhaz
            var lower = [Double?](repeating: nil, count: m), upper = lower
            var h = 0.0, vh = 0.0
            var xbar = [Double](repeating: 0, count: p)
            var d = xbar
            for k in 0..<m {
                h += base.hazard[k]
                vh += base.varHazard[k]
                for j in 0..<p { xbar[j] += base.xbar[k * p + j] }
                for j in 0..<p { d[j] = h * x0[j] - xbar[j] }
                var quad = 0.0
                for a in 0..<p {
                    for b in 0..<p { quad += d[a] * v[a, b] * d[b] }
                }
                cumhaz[k] = h * r0
                surv[k] = exp(-cumhaz[k])
                se[k] = ((vh + quad) * r0 * r0).squareRoot()
                seS[k] = se[k] * surv[k]
                (lower[k], upper[k]) = Self.limits(surv[k], se: se[k], z: z, type: confType)
            }
            curves.append(CoxPredictionCurve(
                label: labels[s], time: base.time, nRisk: base.nRisk, nEvent: base.nEvent,
                nCensor: base.nCensor, cumhaz: cumhaz, survival: surv, stdErr: seS, stdCumhaz: se,
                lower: lower, upper: upper))
        }
        return CoxPrediction(covariates: covariates, linearPredictor: lp0, confType: confType,
                             confLevel: confLevel, strata: curves)
    }

    /// `survfit_confint` with `logse = TRUE` (se is that of the cumulative hazard).
    static func limits(_ s: Double, se: Double, z: Double, type: ConfidenceType) -> (Double?, Double?) {
        switch type {
        case .log:
            guard s > 0 else { return (nil, nil) }
            return (exp(log(s) - z * se), min(exp(log(s) + z * se), 1))
        case .logLog:
            guard s > 0 && s < 1 else { return (nil, nil) }
            let w = z * se / log(s)
            return (exp(-exp(log(-log(s)) - w)), exp(-exp(log(-log(s)) + w)))
        case .plain:
            let w = se * s * z
            return (max(s - w, 0), min(s + w, 1))
        }
    }

    /// The offsets' mean: weighted (R's `offset.mean` in `survfit.coxph`) or plain
    /// (`mean(offset)` in `predict.coxph`); 0 without an offset.
    func offsetMean(weighted: Bool) -> Double {
        guard let off = frame.offset, !off.isEmpty else { return 0 }
        guard weighted, let w = frame.weights else { return off.reduce(0, +) / Double(off.count) }
        return zip(off, w).reduce(0) { $0 + $1.0 * $1.1 } / w.reduce(0, +)
    }

    /// Per-time increments of one stratum's baseline hazard, its variance and
    /// the hazard-weighted mean covariates (R's `agsurv`), at every distinct
    /// stop time, found by sweeping the times backwards: rows join when
    /// `stop ≥ t` and leave when `start ≥ t`.
    func baselineHazard(stratum s: Int, beta: [Double], center: Double) -> (
        time: [Double], nRisk: [Double], nEvent: [Double], nCensor: [Double],
        hazard: [Double], varHazard: [Double], xbar: [Double]
    ) {
        let p = beta.count
        let stop = frame.response.stop, start = frame.response.start, status = frame.response.status
        let rows = (0..<frame.count).filter { (frame.strata?.codes[$0] ?? 0) == s }
        let w = frame.weights ?? [Double](repeating: 1, count: frame.count)
        let design = frame.design
        func x(_ i: Int, _ j: Int) -> Double { design.storage[j * frame.count + i] }
        var risk = [Double](repeating: 0, count: frame.count)
        for i in rows {
            var eta = (frame.offset?[i] ?? 0) - center
            for j in 0..<p { eta += x(i, j) * beta[j] }
            risk[i] = exp(eta)
        }
        let byStop = rows.sorted { stop[$0] > stop[$1] }
        let byStart = start.map { st in rows.sorted { st[$0] > st[$1] } } ?? []
        var times: [Double] = []
        for i in byStop where times.last != stop[i] { times.append(stop[i]) }
        let m = times.count
        var nRisk = [Double](repeating: 0, count: m), nEvent = nRisk, nCensor = nRisk
        var hazard = nRisk, varHazard = nRisk
        var xbar = [Double](repeating: 0, count: m * p)
        var wr = 0.0, wsum = 0.0
        var xs = [Double](repeating: 0, count: p)
        var xd = xs
        var a = 0, b = 0
        for (k, t) in times.enumerated() {
            var er = 0.0, dw = 0.0, cw = 0.0, d = 0
            for j in 0..<p { xd[j] = 0 }
            while a < byStop.count && stop[byStop[a]] >= t {
                let i = byStop[a]
                let v = w[i] * risk[i]
                wr += v
                wsum += w[i]
                for j in 0..<p { xs[j] += v * x(i, j) }
                if stop[i] == t {
                    if status[i] == 1 {
                        dw += w[i]; d += 1; er += v
                        for j in 0..<p { xd[j] += v * x(i, j) }
                    } else {
                        cw += w[i]
                    }
                }
                a += 1
            }
            if let st = start {
                while b < byStart.count && st[byStart[b]] >= t {
                    let i = byStart[b]
                    let v = w[i] * risk[i]
                    wr -= v
                    wsum -= w[i]
                    for j in 0..<p { xs[j] -= v * x(i, j) }
                    b += 1
                }
            }
            let slot = m - 1 - k  // ascending position
            nRisk[slot] = wsum
            nEvent[slot] = dw
            nCensor[slot] = cw
            guard d > 0 else { continue }
            if options.ties == .efron && d > 1 {
                var s1 = 0.0, s2 = 0.0
                for q in 0..<d {
                    let f = Double(q) / Double(d)
                    let inv = 1 / (wr - f * er)
                    s1 += inv / Double(d)
                    s2 += inv * inv / Double(d)
                    for j in 0..<p { xbar[slot * p + j] += (xs[j] - f * xd[j]) * inv * inv / Double(d) }
                }
                hazard[slot] = dw * s1
                varHazard[slot] = dw * s2
                for j in 0..<p { xbar[slot * p + j] *= dw }
            } else {
                hazard[slot] = dw / wr
                varHazard[slot] = dw / (wr * wr)
                for j in 0..<p { xbar[slot * p + j] = dw * xs[j] / (wr * wr) }
            }
        }
        return (times.reversed(), nRisk, nEvent, nCensor, hazard, varHazard, xbar)
    }

    /// Linear predictors for new design rows, as `predict(fit, newdata, type = "lp")`:
    /// `(x − centre)·β + offset`, the centre chosen by `reference` (aliased
    /// coefficients count as 0); the mean training offset is subtracted where
    /// R does (see the comment in the body).
    ///
    /// - Parameters:
    ///   - newDesign: rows × design columns (as the frame's `termNames`).
    ///   - offset: the rows' offsets; 0 when `nil`.
    ///   - strata: the rows' stratum codes, used by `reference: .strata`.
    public func linearPredictors(
        newDesign: Matrix, offset: [Double]? = nil, strata: [Int]? = nil,
        reference: CoxPredictionReference = .strata
    ) -> [Double] {
        let p = state.beta.count, n = newDesign.rows
        let beta = (0..<p).map { state.aliased[$0] ? 0 : state.beta[$0] }
        // predict.coxph subtracts the mean training offset only on the code path
        // where it rebuilds the design (its `use.x`): for a stratified model with
        // reference "strata", or reference "zero" when some mean is non-zero;
        // otherwise the new offset is added as is (survival 3.5 behaviour).
        let rebuilds = (reference == .strata && frame.strata != nil)
            || (reference == .zero && state.means.contains { $0 != 0 })
        let offMean = rebuilds ? offsetMean(weighted: false) : 0
        let stratumMeans: [[Double]]? = {
            guard reference == .strata, let fs = frame.strata, strata != nil else { return nil }
            let k = fs.labels.count
            var sums = [[Double]](repeating: [Double](repeating: 0, count: p), count: k)
            var wsum = [Double](repeating: 0, count: k)
            for i in 0..<frame.count {
                let s = Int(fs.codes[i]), wi = frame.weights?[i] ?? 1
                wsum[s] += wi
                for j in 0..<p { sums[s][j] += wi * frame.design[i, j] }
            }
            return (0..<k).map { s in sums[s].map { wsum[s] > 0 ? $0 / wsum[s] : 0 } }
        }()
        return (0..<n).map { i in
            let centre: [Double]
            if let sm = stratumMeans, let code = strata?[i], code >= 0, code < sm.count {
                centre = sm[code]
            } else if reference == .zero {
                centre = [Double](repeating: 0, count: p)
            } else {
                centre = state.means
            }
            var lp = (offset?[i] ?? 0) - offMean
            for j in 0..<p { lp += (newDesign[i, j] - centre[j]) * beta[j] }
            return lp
        }
    }

    /// Relative risks `exp(lp)`, as `predict(fit, newdata, type = "risk")`.
    public func riskScores(
        newDesign: Matrix, offset: [Double]? = nil, strata: [Int]? = nil,
        reference: CoxPredictionReference = .strata
    ) -> [Double] {
        linearPredictors(newDesign: newDesign, offset: offset, strata: strata, reference: reference).map { exp($0) }
    }
}
