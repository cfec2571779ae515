import CohortData
import SurvivalNumerics

extension CoxModel {
    /// Fits a Cox model from per-time aggregate sums, as R's `coxph()` on the
    /// rows behind them (right-censored data, strata, Breslow or Efron ties;
    /// counts as replicated subjects).
    ///
    /// The steps are those of the row-level fit (``fit(_:options:)``):
    /// 1. centring and scaling as `coxph.fit`: the means Σc·x/Σc, and the scale
    ///    Σc / Σc·|x − m| (columns whose values all lie in
    ///    `options.noScaleValues` keep mean 0 and scale 1) — two queries of the
    ///    source;
    /// 2. `coxfit6`'s Newton–Raphson path (``newtonRaphson(_:initial:options:rule:)``),
    ///    each evaluation one `timeSums` query at the current β;
    /// 3. results on the original scale.
    ///
    /// A source that sums the same rows in another order gives the same fit up
    /// to rounding (about 1e-13 relative).
    ///
    /// - Throws: what the source throws, or ``CoxError`` (no events, exact ties,
    ///   a wrong initial length).
    public static func fitAggregates(
        _ source: any CoxAggregateSource, termNames: [String], options: CoxOptions = CoxOptions()
    ) throws -> CoxAggregateFit {
        let p = source.columnCount
        guard termNames.count == p else { throw CoxError.wrongInitialLength(expected: p, got: termNames.count) }
        guard options.ties != .exact else {
            throw CoxError.exactTiesUnsupported("fits from aggregate sums use Breslow or Efron ties")
        }
        if let initial = options.initial, initial.count != p {
            throw CoxError.wrongInitialLength(expected: p, got: initial.count)
        }
        let moments = try source.moments(noScaleValues: options.noScaleValues)
        guard moments.subjects > 0 else { throw CoxError.noRows }
        guard moments.events > 0 else { throw CoxError.noEvents }
        var means = [Double](repeating: 0, count: p)
        var scale = [Double](repeating: 1, count: p)
        for j in 0..<p where !moments.noScale[j] { means[j] = moments.sums[j] / moments.subjects }
        if moments.noScale.contains(false) {
            let dev = try source.absoluteDeviations(from: means)
            for j in 0..<p where !moments.noScale[j] {
                scale[j] = dev[j] > 0 ? moments.subjects / dev[j] : 1
            }
        }
        let lik = CoxAggregateLikelihood(source: source, means: means, scale: scale, efron: options.ties == .efron)
        let initial = options.initial ?? [Double](repeating: 0, count: p)
        let nr = newtonRaphson(lik, initial: (0..<p).map { initial[$0] / scale[$0] }, options: options, rule: .coxfit6)
        if let failure = lik.failure { throw failure }
        var v = nr.variance
        for j in 0..<p {
            for i in 0..<p { v[i, j] *= scale[i] * scale[j] }
        }
        let aliased = (0..<p).map { options.maxIterations > 0 && nr.rank < p && v[$0, $0] == 0 }
        return CoxAggregateFit(
            termNames: termNames, options: options, beta: (0..<p).map { nr.beta[$0] * scale[$0] },
            aliased: aliased, means: means, variance: v, loglikInitial: nr.loglikInitial, loglik: nr.loglik,
            scoreTest: nr.scoreTest, iterations: nr.iterations, converged: nr.converged,
            subjects: moments.subjects, events: moments.events)
    }
}
