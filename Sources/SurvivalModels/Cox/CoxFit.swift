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
    /// (aliased coefficients count as 0).
    public var linearPredictors: [Double] {
        let n = frame.count, p = state.beta.count
        var lp = frame.offset ?? [Double](repeating: 0, count: n)
        var shift = 0.0
        for j in 0..<p where !state.aliased[j] {
            let b = state.beta[j]
            shift += b * state.means[j]
            let base = j * n
            for i in 0..<n { lp[i] += b * frame.design.storage[base + i] }
        }
        for i in 0..<n { lp[i] -= shift }
        return lp
    }

    /// R's warnings after the iteration (`coxph.fit`): non-convergence, or
    /// "Loglik converged before variable …" when the last Newton step
    /// `|U·V|` is still large relative to the coefficient (monotone likelihood).
    func convergenceWarnings() -> [String] {
        var out: [String] = []
        let p = state.beta.count
        guard p > 0 else { return out }
        let aliasedNames = (0..<p).filter { state.aliased[$0] }.map { frame.termNames[$0] }
        if !aliasedNames.isEmpty {
            out.append("\(aliasedNames.count) coefficient\(aliasedNames.count == 1 ? "" : "s") not defined because of singularities: \(aliasedNames.joined(separator: ", "))")
        }
        guard options.maxIterations > 1 else { return out }
        if !state.converged {
            out.append("Ran out of iterations and did not converge")
            return out
        }
        var infinite: [Int] = []
        for j in 0..<p {
            var step = 0.0
            for i in 0..<p { step += state.finalScore[i] * state.naiveVariance[i, j] }
            step = abs(step)
            if !state.finalScore[j].isFinite
                || (step > options.epsilon && step > options.tolerInfinite * abs(state.beta[j])) {
                infinite.append(j + 1)
            }
        }
        if !infinite.isEmpty {
            let list = infinite.map(String.init).joined(separator: ",")
            out.append("Loglik converged before variable  \(list) ; coefficient may be infinite.")
        }
        return out
    }
}
