import CohortData
import SurvivalNumerics

/// Cox proportional-hazards regression, as R's `coxph()` (survival 3.5):
/// right-censored and counting-process `(start, stop]` data, strata, case
/// weights, offsets, Efron, Breslow or exact ties (exact: right-censored only), robust (sandwich) variance with
/// clusters, aliased (collinear) columns given as missing.
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
    /// `coxfit6`/`agfit4`; results are on the original scale.
    ///
    /// With frequency counts (`frame.counts`, `--counts`) the fit is R's on the
    /// expanded rows: the counts are the weights of every sum, and Efron's
    /// correction runs over the `D` subjects the tied death rows stand for
    /// (fractions `m/D`, `m = 0 … D−1`, of their `Σ c·w·e^η`: O(D) scalars per
    /// time, see ``TieWeights``), `n` and `events` count subjects, the robust
    /// variance and the concordance's standard error take each subject as its
    /// own cluster. Exact ties are refused with counts.
    ///
    /// - Throws: ``CoxError`` when the data cannot be used (no rows, no events,
    ///   invalid weights or times).
    public static func fit(_ frame: ModelFrame, options: CoxOptions = CoxOptions()) throws(CoxError) -> CoxFit {
        let n = frame.count
        let p = frame.design.columns
        guard n > 0 else { throw .noRows }
        guard frame.subjectCount > 1 else { throw .singleRow }
        try validate(frame)
        let exact = options.ties == .exact
        if exact, frame.counts != nil {
            throw .exactTiesUnsupported(
                "with frequency counts (--counts) the exact partial likelihood is not implemented; use --ties efron or breslow")
        }
        if exact { try validateExact(frame, options: options) }
        // Centring also finds a non-finite covariate (validation of the design).
        let (means, scale) = exact
            ? try exactCentring(frame, noScale: options.noScaleValues)
            : try centring(frame, weights: frame.weights, noScale: options.noScaleValues)
        // The engine's row-major copy of the design is made next: it is the
        // largest allocation of the fit, and memory freed just before (the
        // data's columns, once in the frame) is reused only by a block that
        // fits in it before smaller ones split it.
        let centred = exact ? nil : CoxLikelihood.centredRows(frame.design, means: means, scale: scale)
        let weights = frame.weights ?? [Double](repeating: 1, count: n)
        let offset = frame.offset ?? [Double](repeating: 0, count: n)
        if let initial = options.initial, initial.count != p {
            throw .wrongInitialLength(expected: p, got: initial.count)
        }
        // Events: rows with status 1, or with counts the subjects they stand for.
        var events = 0
        if let counts = frame.counts {
            for (i, s) in frame.response.status.enumerated() where s == 1 { events += Int(counts[i]) }
        } else {
            events = frame.response.status.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
        }
        guard events > 0 else { throw .noEvents }

        let index = RiskSetIndex(
            response: frame.response, strata: frame.strata?.codes,
            stratumCount: frame.strata?.labels.count ?? 1, weights: frame.weights, counts: frame.counts)
        let lik: any CoxObjective = exact
            ? ExactCoxLikelihood(
                design: frame.design, means: means, scale: scale, offset: offset,
                stop: frame.response.stop, status: frame.response.status, strata: frame.strata?.codes)
            : CoxLikelihood(
                design: frame.design, means: means, scale: scale, offset: offset, weights: weights,
                status: frame.response.status, index: index, ties: options.ties, centred: centred)
        let initial = options.initial ?? [Double](repeating: 0, count: p)
        var state = CoxFitState(
            beta: [], aliased: [], means: means, scale: scale, naiveVariance: Matrix(rows: p, columns: p),
            loglikInitial: 0, loglik: 0, scoreTest: 0, iterations: 0, converged: true, rank: p,
            finalScore: [])
        if p == 0 {
            let ll = (lik as? CoxLikelihood)?.scalarPass([]) ?? lik.evaluate([]).loglik
            state.loglikInitial = ll
            state.loglik = ll
        } else {
            let rule: NewtonRaphsonRule = exact ? .coxexact : (frame.response.start == nil ? .coxfit6 : .agfit4)
            // The row engine's passes run on all cores (`concurrentPerform`) and
            // call BLAS on small blocks; OpenBLAS's own threads would only wait
            // for work there, spinning on `sched_yield` for a while after every
            // threaded call and taking a core from those passes. One BLAS thread
            // while it iterates (as the bootstrap does); restored afterwards.
            let blasThreads = BLAS.threadCount
            if !exact { BLAS.setThreadCount(1) }
            let nr = newtonRaphson(
                lik, initial: (0..<p).map { initial[$0] / scale[$0] }, options: options, rule: rule)
            if !exact { BLAS.setThreadCount(blasThreads) }
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
            // With maxiter = 0 R leaves every coefficient at its initial value ("leave it
            // be if iter=0 is set"): nothing is reported as aliased.
            state.aliased = (0..<p).map { options.maxIterations > 0 && nr.rank < p && v[$0, $0] == 0 }
        }
        return CoxFit(frame: frame, options: options, index: index, state: state, events: events)
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
    }

    /// The centring and scaling `coxfit6` (survival ≥ 3.2) applies to each column:
    /// weighted mean removed and scale `Σw / Σw|x − mean|`, unless every value is in
    /// `noScale` (then mean 0, scale 1).
    ///
    /// Each sum runs with four accumulators (rows i, i+1, i+2, i+3 side by side),
    /// so the result differs from R's single running sum only by rounding. A
    /// non-finite mean reveals a non-finite covariate: the column is then searched
    /// for it, which is how the design is validated without a pass of its own.
    static func centring(
        _ frame: ModelFrame, weights: [Double]?, noScale: Set<Double>
    ) throws(CoxError) -> (means: [Double], scale: [Double]) {
        let design = frame.design
        let n = design.rows, p = design.columns
        var means = [Double](repeating: 0, count: p)
        var scale = [Double](repeating: 1, count: p)
        // Unweighted: Σ 1 = n and 1·x = x exactly, so no array of ones is needed.
        let totalWeight = weights?.reduce(0, +) ?? Double(n)
        let noScaleValues = Array(noScale)  // a 3-element array beats hashing
        // One column per task (a column's sums do not depend on the threads).
        var badRow = [Int](repeating: -1, count: p)
        design.storage.withUnsafeBufferPointer { xp in
        (weights ?? []).withUnsafeBufferPointer { wp in
        means.withUnsafeMutableBufferPointer { mp in
        scale.withUnsafeMutableBufferPointer { sp in
        badRow.withUnsafeMutableBufferPointer { bp in
            let shared = UncheckedSendable((xp, wp, mp, sp, bp))
            ParallelLoop.run(p, threads: n >= 50_000 ? ParallelLoop.coreCount : 1) { j in
                let (xp, wp, means, scale, badRow) = shared.value
                let col = xp.baseAddress! + j * n
                var skip = true
                for i in 0..<n where !noScaleValues.contains(col[i]) { skip = false; break }
                if skip { return }
                let weighted = !wp.isEmpty
                let mean = (weighted ? sum4(n) { wp[$0] * col[$0] } : sum4(n) { col[$0] }) / totalWeight
                guard mean.isFinite else {
                    if let i = (0..<n).first(where: { !col[$0].isFinite }) { badRow[j] = i }
                    return
                }
                means[j] = mean
                let absDev = weighted ? sum4(n) { wp[$0] * abs(col[$0] - mean) } : sum4(n) { abs(col[$0] - mean) }
                scale[j] = absDev > 0 ? totalWeight / absDev : 1
            }
        }}}}}
        let bad = (0..<p).first { badRow[$0] >= 0 }.map { (row: badRow[$0], column: $0) }
        if let bad {
            throw .nonFiniteCovariate(row: frame.rowIndex[bad.row], column: frame.termNames[bad.column])
        }
        return (means, scale)
    }

    /// `Σ_{i<n} term(i)` with four interleaved accumulators.
    @inline(__always)
    static func sum4(_ n: Int, _ term: (Int) -> Double) -> Double {
        var a = 0.0, b = 0.0, c = 0.0, d = 0.0
        var i = 0
        while i + 4 <= n {
            a += term(i)
            b += term(i + 1)
            c += term(i + 2)
            d += term(i + 3)
            i += 4
        }
        while i < n {
            a += term(i)
            i += 1
        }
        return (a + b) + (c + d)
    }
}

