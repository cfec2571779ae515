import CohortData
import SurvivalNumerics

/// The fitted effect of one model term against its variable, as R's
/// `termplot(fit, se = TRUE, plot = FALSE)`: at each distinct value of the
/// variable (ascending), the term's contribution to the linear predictor and
/// its standard error.
public struct CoxTermEffect: Sendable, Equatable {
    public var term: String
    /// The column the term is a function of (R's carrier: `bili` for `ns(log(bili))`).
    public var variable: String
    /// The distinct values of the term's variable, ascending.
    public var x: [Double]
    /// The term's part of the linear predictor, `Σ_j (x_j − mean_j)·β_j`.
    public var fit: [Double]
    public var se: [Double]
}

extension CoxFit {
    /// `termplot` of a main-effect spline term: R's `predict(fit, type =
    /// "terms", se.fit = TRUE)` — the term's design columns centred at the
    /// fit's means (`fit$means`), times its coefficients, with
    /// `se = √(x_c V x_cᵀ)` from `fit$var` (robust when the fit is) — read
    /// at the first row of each distinct value of the variable (termplot's
    /// `match(sort(unique(x)), x)`). `nil` for a term that is not a spline
    /// main effect, or whose coefficients are all aliased.
    public func termEffect(_ term: String) -> CoxTermEffect? {
        guard let carrier = frame.splineCarriers[term], carrier.count == frame.count else { return nil }
        let columns = frame.termOfColumn.indices.filter { frame.termOfColumn[$0] == term && !state.aliased[$0] }
        guard !columns.isEmpty else { return nil }
        let n = frame.count
        let means = rMeans
        let v = variance
        var first: [Double: Int] = [:]
        for i in 0..<n where first[carrier[i]] == nil { first[carrier[i]] = i }
        let x = first.keys.sorted()
        var fit: [Double] = [], se: [Double] = []
        for value in x {
            guard let i = first[value] else { continue }
            let centred = columns.map { frame.design.storage[$0 * n + i] - means[$0] }
            var f = 0.0, q = 0.0
            for (a, j) in columns.enumerated() {
                f += centred[a] * state.beta[j]
                for (b, k) in columns.enumerated() { q += centred[a] * v[j, k] * centred[b] }
            }
            fit.append(f)
            se.append(max(q, 0).squareRoot())
        }
        return CoxTermEffect(term: term, variable: frame.splineCarrierNames[term] ?? term, x: x, fit: fit, se: se)
    }
}
