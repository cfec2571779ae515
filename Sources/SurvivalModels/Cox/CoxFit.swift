import CohortData
import SurvivalNumerics

/// The iteration's results on the original covariate scale.
struct CoxFitState: Sendable {
    /// Coefficients; an aliased coefficient stays at its initial value (R's C code
    /// never moves it) and is given as missing.
    var beta: [Double]
    var aliased: [Bool]
    /// Centring of each column (0 for unscaled 0/1 columns), R's `fit$means`.
    var means: [Double]
    var scale: [Double]
    /// Inverse information, R's `fit$var` (`fit$naive.var` under robust variance).
    var naiveVariance: Matrix
    var loglikInitial: Double
    var loglik: Double
    var scoreTest: Double
    var iterations: Int
    var converged: Bool
    var rank: Int
    /// Score vector at the estimate (for the "may be infinite" check).
    var finalScore: [Double]
}

/// A fitted Cox model: the estimates plus what residuals, tests and
/// predictions need. ``result`` is the summary of the fit, as `summary(coxph)`.
public struct CoxFit: Sendable {
    /// The data the model was fitted to.
    public let frame: ModelFrame
    public let options: CoxOptions
    let index: RiskSetIndex
    let state: CoxFitState
    /// Number of events.
    public let events: Int
    /// Robust variance (`t(D) %*% D` of the weighted, cluster-collapsed dfbetas),
    /// when `options.robust` or the frame has a cluster.
    public private(set) var robustVariance: Matrix?
    /// Warnings of the fit (the frame's first), R's wording where R warns.
    public private(set) var warnings: [String]

    init(frame: ModelFrame, options: CoxOptions, index: RiskSetIndex, state: CoxFitState, events: Int) {
        self.frame = frame
        self.options = options
        self.index = index
        self.state = state
        self.events = events
        self.robustVariance = nil
        self.warnings = frame.warnings
        self.warnings += convergenceWarnings()
        if Self.wantsRobust(frame, options), !coefficients.isEmpty, coefficients.contains(where: { $0 != nil }) {
            robustVariance = robustSandwich()
        }
    }

    /// R's rule for a robust variance: asked for, or a cluster term, or (by
    /// default) non-integer case weights.
    static func wantsRobust(_ frame: ModelFrame, _ options: CoxOptions) -> Bool {
        if frame.cluster != nil { return true }
        if let r = options.robust { return r }
        return frame.weights?.contains { $0 != $0.rounded(.down) } ?? false
    }

    /// Coefficients on the original scale; `nil` for an aliased column (R's `NA`).
    public var coefficients: [Double?] {
        (0..<state.beta.count).map { state.aliased[$0] ? nil : state.beta[$0] }
    }

    /// Model-based variance (inverse information), zero rows and columns for aliased terms.
    public var naiveVariance: Matrix { state.naiveVariance }

    /// The variance R gives as `fit$var`: robust when computed, else model based.
    public var variance: Matrix { robustVariance ?? state.naiveVariance }

    /// Log partial likelihood at the initial values and at the estimate.
    public var loglik: (initial: Double, final: Double) { (state.loglikInitial, state.loglik) }

    /// Linear predictors `Xβ + offset − Σ β·means`, as `fit$linear.predictors`
    /// (aliased coefficients count as 0), in R's arithmetic so that the values
    /// R would tie are tied here: `Xβ` accumulated column by column for each row
    /// (reference BLAS `dgemv` order, no fused multiply–add), the offset added,
    /// then the constant `sum(coef * means)` (a long-double sum, as R's `sum`)
    /// subtracted. The means are R's: for right-censored data `coxfit6`'s weighted
    /// means (summed in time order), for `(start, stop]` data `agreg.fit`'s
    /// unweighted `colMeans`; 0 for columns left uncentred (0/1 columns).
    public var linearPredictors: [Double] {
        let p = state.beta.count
        var products: [Double] = []
        let means = rMeans
        for j in 0..<p where !state.aliased[j] { products.append(state.beta[j] * means[j]) }
        let shift = Self.longDoubleSum(products)
        var lp = unshiftedPredictors().values
        let n = lp.count
        let halves = n >= 200_000 ? 2 : 1
        lp.withUnsafeMutableBufferPointer { out in
            let shared = UncheckedSendable(out)
            ParallelLoop.run(halves, threads: halves) { half in
                let out = shared.value
                for i in ParallelLoop.half(half, of: halves, count: n) { out[i] -= shift }
            }
        }
        return lp
    }

    /// `Xβ + offset` in R's arithmetic (see ``linearPredictors``), before the
    /// constant is subtracted, and the largest magnitude among them. Each row
    /// on its own, in the same order of operations: the rows in two halves on
    /// both cores when there are many.
    func unshiftedPredictors() -> (values: [Double], largest: Double) {
        let n = frame.count, p = state.beta.count
        var lp = [Double](repeating: 0, count: n)
        let used = (0..<p).filter { !state.aliased[$0] }
        let beta = state.beta, x = frame.design.storage, offset = frame.offset
        let halves = n >= 200_000 ? 2 : 1
        var largest = [Double](repeating: 0, count: halves)
        lp.withUnsafeMutableBufferPointer { out in
        x.withUnsafeBufferPointer { xp in
        (offset ?? []).withUnsafeBufferPointer { op in
        largest.withUnsafeMutableBufferPointer { lg in
            let shared = UncheckedSendable((out, xp, op, lg))
            ParallelLoop.run(halves, threads: halves) { half in
                let (out, xp, op, lg) = shared.value
                let rows = ParallelLoop.half(half, of: halves, count: n)
                for j in used {
                    let b = beta[j]
                    let base = j * n
                    for i in rows { out[i] += b * xp[base + i] }
                }
                if offset != nil {
                    for i in rows { out[i] += op[i] }
                }
                // A NaN makes the largest magnitude NaN (so nothing is taken as safe).
                var m = 0.0
                for i in rows {
                    let v = abs(out[i])
                    m = v > m || v.isNaN ? v : m
                }
                lg[half] = m
            }
        }}}}
        let top = largest.contains { $0.isNaN } ? Double.nan : (largest.max() ?? 0)
        return (lp, top)
    }

    /// The column means R subtracts from its linear predictor (see
    /// ``linearPredictors``).
    var rMeans: [Double] {
        let n = frame.count, p = state.beta.count
        var means = [Double](repeating: 0, count: p)
        let x = frame.design.storage
        let noScale = Array(options.noScaleValues)  // a 3-element array beats hashing
        // A column left uncentred (all its values 0/1) has centring 0 and
        // scale 1 in the fit; only such columns are read again to be sure.
        let maybeUncentred = (0..<p).filter { state.means[$0] == 0 && state.scale[$0] == 1 }
        var uncentred = [Bool](repeating: false, count: p)
        uncentred.withUnsafeMutableBufferPointer { out in
            let shared = UncheckedSendable(out)
            ParallelLoop.run(maybeUncentred.count, threads: n >= 50_000 ? ParallelLoop.coreCount : 1) { c in
                let j = maybeUncentred[c]
                shared.value[j] = (0..<n).allSatisfy { noScale.contains(x[j * n + $0]) }
            }
        }
        if frame.response.start != nil && options.ties != .exact {
            // agreg.fit: colMeans(x) (a long-double sum divided by n), 0 for 0/1 columns.
            for j in 0..<p where !uncentred[j] {
                #if arch(x86_64) && !os(Windows)
                var s: Float80 = 0
                for i in 0..<n { s += Float80(x[j * n + i]) }
                means[j] = Double(s / Float80(n))
                #else
                var s = 0.0
                for i in 0..<n { s += x[j * n + i] }
                means[j] = s / Double(n)
                #endif
            }
            return means
        }
        // coxfit6: Σ w·x / Σ w in the order it walks the data (by stratum, then time).
        // The fit's own (stratum, time) order (the risk-set index sorted the rows once).
        let order = index.timeOrder
        let w = frame.weights
        var total = 0.0
        for i in order { total += w?[i] ?? 1 }
        // One column per task, each summed in that order (so the same sums
        // whatever the threads); the walk through a column in time order is
        // a cache miss per row, which the two cores share.
        let columns = (0..<p).filter { !uncentred[$0] }
        means.withUnsafeMutableBufferPointer { out in
            let shared = UncheckedSendable((out, x, order, w))
            ParallelLoop.run(columns.count, threads: n >= 50_000 ? ParallelLoop.coreCount : 1) { c in
                let (out, x, order, w) = shared.value
                let j = columns[c]
                var s = 0.0
                if let w {
                    for i in order { s += w[i] * x[j * n + i] }
                } else {
                    for i in order { s += x[j * n + i] }
                }
                out[j] = s / total
            }
        }
        return means
    }

    /// `sum()` as R computes it for doubles: accumulated in long double.
    static func longDoubleSum(_ v: [Double]) -> Double {
        #if arch(x86_64) && !os(Windows)
        var s: Float80 = 0
        for x in v { s += Float80(x) }
        return Double(s)
        #else
        var s = 0.0
        for x in v { s += x }
        return s
        #endif
    }

    /// Which of survival's fitters `coxph` would call for these data and ties.
    var rule: NewtonRaphsonRule {
        options.ties == .exact ? .coxexact : (frame.response.start == nil ? .coxfit6 : .agfit4)
    }

    /// R's warnings after the iteration, word for word (`coxph.fit`, `agreg.fit`,
    /// `coxexact.fit`), all only when `iter.max > 1`:
    ///
    /// * out of iterations: "Ran out of iterations and did not converge", and for
    ///   right-censored data also "one or more coefficients may be infinite" when
    ///   the largest linear predictor exceeds 500 or the last step `|U·V|` is not
    ///   finite;
    /// * converged with the last Newton step `|U·V|_j` still large — monotone
    ///   likelihood, the coefficient heading for ±∞: "Loglik converged before
    ///   variable  j ; coefficient may be infinite. " (`coxph.fit`: step > ε and
    ///   > `toler.inf·|β_j|`), or "… ; beta may be infinite. " (`agreg.fit`: step >
    ///   `toler.inf·(1 + |β_j|)`; `coxexact.fit`: the `coxph.fit` rule). `j` lists
    ///   the 1-based column numbers joined by commas, as R; the spaces (two after
    ///   "variable", one before ";" and a trailing one) are R's `paste`.
    func convergenceWarnings() -> [String] {
        var out: [String] = []
        let p = state.beta.count
        guard p > 0 else { return out }
        let aliasedNames = (0..<p).filter { state.aliased[$0] }.map { frame.termNames[$0] }
        if !aliasedNames.isEmpty {
            out.append("\(aliasedNames.count) coefficient\(aliasedNames.count == 1 ? "" : "s") not defined because of singularities: \(aliasedNames.joined(separator: ", "))")
        }
        guard options.maxIterations > 1 else { return out }
        var steps = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var step = 0.0
            for i in 0..<p { step += state.finalScore[i] * state.naiveVariance[i, j] }
            steps[j] = abs(step)
        }
        if !state.converged {
            out.append("Ran out of iterations and did not converge")
            if rule == .coxfit6, (linearPredictors.max() ?? 0) > 500 || steps.contains(where: { !$0.isFinite }) {
                out.append("one or more coefficients may be infinite")
            }
            return out
        }
        var infinite: [Int] = []
        for j in 0..<p {
            let b = abs(state.beta[j]), u = state.finalScore[j], step = steps[j]
            let flagged: Bool
            switch rule {
            case .coxfit6, .coxexact:
                flagged = !u.isFinite || (step > options.epsilon && step > options.tolerInfinite * b)
            case .agfit4:
                flagged = !u.isFinite || step > options.tolerInfinite * (1 + b)
            }
            if flagged { infinite.append(j + 1) }
        }
        if !infinite.isEmpty {
            let list = infinite.map(String.init).joined(separator: ",")
            let what = rule == .coxfit6 ? "coefficient" : "beta"
            out.append("Loglik converged before variable  \(list) ; \(what) may be infinite. ")
        }
        return out
    }
}
