import CohortData
import SurvivalNumerics

/// Cox proportional-hazards regression, as R's `coxph()` (survival 3.5):
/// right-censored and counting-process `(start, stop]` data, strata, case
/// weights, offsets, Efron or Breslow ties, robust (sandwich) variance with
/// clusters, aliased (collinear) columns reported as missing.
///
/// ```swift
/// let fit = try CoxModel.fit(frame, options: CoxOptions(ties: .efron))
/// print(fit.result.coefficients)
/// ```
public enum CoxModel {
    /// Fits the model described by `frame`.
    ///
    /// The covariates are centred by their weighted means and scaled by the
    /// inverse of their weighted mean absolute deviation during the iteration,
    /// except columns whose values all lie in `options.noScaleValues` (R's
    /// `nocenter = c(-1, 0, 1)`), exactly as `coxph.fit`/`agreg.fit` prepare them for
    /// `coxfit6`/`agfit4`; results are reported on the original scale.
    ///
    /// - Throws: ``CoxError`` when the data cannot be used (no rows, no events,
    ///   invalid weights or times).
    public static func fit(_ frame: ModelFrame, options: CoxOptions = CoxOptions()) throws(CoxError) -> CoxFit {
        let n = frame.count
        let p = frame.design.columns
        profMark("start")
        guard n > 0 else { throw .noRows }
        try validate(frame)
        let weights = frame.weights ?? [Double](repeating: 1, count: n)
        let offset = frame.offset ?? [Double](repeating: 0, count: n)
        if let initial = options.initial, initial.count != p {
            throw .wrongInitialLength(expected: p, got: initial.count)
        }
        let events = frame.response.status.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
        guard events > 0 else { throw .noEvents }

        profMark("validate")
        let (means, scale) = centring(frame.design, weights: weights, noScale: options.noScaleValues)
        profMark("centring")
        let index = RiskSetIndex(
            response: frame.response, strata: frame.strata?.codes,
            stratumCount: frame.strata?.labels.count ?? 1, weights: frame.weights)
        profMark("index")
        let lik = CoxLikelihood(
            design: frame.design, means: means, scale: scale, offset: offset, weights: weights,
            status: frame.response.status, index: index, ties: options.ties)
        profMark("likinit")
        let initial = options.initial ?? [Double](repeating: 0, count: p)
        var state = CoxFitState(
            beta: [], aliased: [], means: means, scale: scale, naiveVariance: Matrix(rows: p, columns: p),
            loglikInitial: 0, loglik: 0, scoreTest: 0, iterations: 0, converged: true, rank: p,
            finalScore: [])
        if p == 0 {
            let ll = lik.scalarPass([])
            state.loglikInitial = ll
            state.loglik = ll
        } else {
            let nr = newtonRaphson(lik, initial: (0..<p).map { initial[$0] / scale[$0] }, options: options)
            var v = nr.variance
            for j in 0..<p {
                for i in 0..<p { v[i, j] *= scale[i] * scale[j] }
            }
            state.beta = (0..<p).map { nr.beta[$0] * scale[$0] }
            state.finalScore = (0..<p).map { nr.score[$0] / scale[$0] }
            state.naiveVariance = v
            state.loglikInitial = nr.loglikInitial
            state.loglik = nr.loglik
            state.scoreTest = nr.scoreTest
            state.iterations = nr.iterations
            state.converged = nr.converged
            state.rank = nr.rank
            state.aliased = (0..<p).map { nr.rank < p && v[$0, $0] == 0 }
        }
        profMark("newton")
        let f = CoxFit(frame: frame, options: options, index: index, state: state, events: events)
        profMark("coxfit")
        return f
    }

    /// R's checks on the response and weights (`coxph`, `agreg.fit`).
    static func validate(_ frame: ModelFrame) throws(CoxError) {
        let r = frame.response
        for i in 0..<frame.count {
            guard r.stop[i].isFinite else {
                throw .invalidResponse(row: frame.rowIndex[i], reason: "the time is not a finite number")
            }
            guard r.status[i] == 0 || r.status[i] == 1 else {
                throw .invalidResponse(row: frame.rowIndex[i], reason: "status must be 0 (censored) or 1 (event)")
            }
            if let start = r.start {
                guard start[i].isFinite else {
                    throw .invalidResponse(row: frame.rowIndex[i], reason: "the start time is not a finite number")
                }
                guard start[i] < r.stop[i] else {
                    throw .invalidResponse(row: frame.rowIndex[i], reason: "stop time must be > start time")
                }
            }
            if let w = frame.weights, !(w[i] > 0 && w[i].isFinite) {
                throw .invalidWeights(row: frame.rowIndex[i])
            }
        }
        let d = frame.design
        for j in 0..<d.columns {
            for i in 0..<d.rows where !d.storage[i + j * d.rows].isFinite {
                throw .nonFiniteCovariate(row: frame.rowIndex[i], column: frame.termNames[j])
            }
        }
    }

    /// The centring and scaling `coxfit6` (survival ≥ 3.2) applies to each column:
    /// weighted mean removed and scale `Σw / Σw|x − mean|`, unless every value is in
    /// `noScale` (then mean 0, scale 1).
    static func centring(
        _ design: Matrix, weights: [Double], noScale: Set<Double>
    ) -> (means: [Double], scale: [Double]) {
        let n = design.rows, p = design.columns
        var means = [Double](repeating: 0, count: p)
        var scale = [Double](repeating: 1, count: p)
        let totalWeight = weights.reduce(0, +)
        let noScaleValues = Array(noScale)  // a 3-element array beats hashing
        design.storage.withUnsafeBufferPointer { xp in
            for j in 0..<p {
                let col = xp.baseAddress! + j * n
                var skip = true
                for i in 0..<n where !noScaleValues.contains(col[i]) { skip = false; break }
                if skip { continue }
                var mean = 0.0
                for i in 0..<n { mean += weights[i] * col[i] }
                mean /= totalWeight
                means[j] = mean
                var absDev = 0.0
                for i in 0..<n { absDev += weights[i] * abs(col[i] - mean) }
                scale[j] = absDev > 0 ? totalWeight / absDev : 1
            }
        }
        return (means, scale)
    }
}

import Foundation
nonisolated(unsafe) var profLast = 0.0
func profMark(_ what: String) {
    guard ProcessInfo.processInfo.environment["COX_PROFILE"] != nil else { return }
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    let now = Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    if what != "start" { FileHandle.standardError.write(String(format: "%@ %.4f\n", what, now - profLast).data(using: .utf8)!) }
    profLast = now
}
