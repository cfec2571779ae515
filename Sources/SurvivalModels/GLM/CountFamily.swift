import Foundation

/// The two count families of rate regression, both with the log link: R's
/// `poisson()` and MASS's `negative.binomial(theta)`. Each function is the
/// corresponding element of the R family object.
public enum CountFamily: Sendable, Equatable {
    case poisson
    /// Negative binomial with fixed shape θ: Var = μ + μ²/θ.
    case negativeBinomial(theta: Double)

    /// `family$variance(mu)`.
    func variance(_ mu: Double) -> Double {
        switch self {
        case .poisson: return mu
        case .negativeBinomial(let theta): return mu + mu * mu / theta
        }
    }

    /// `family$initialize`: poisson `y + 0.1`, negative binomial `y + (y == 0)/6`.
    func initialMean(_ y: Double) -> Double {
        switch self {
        case .poisson: return y + 0.1
        case .negativeBinomial: return y + (y == 0 ? 1.0 / 6 : 0)
        }
    }

    /// `sum(family$dev.resids(y, mu, wt))`: poisson `2 wt (y log(y/μ) − (y − μ))`
    /// (`2 wt μ` at y = 0); negative binomial
    /// `2 wt (y log(max(1, y)/μ) − (y + θ) log((y + θ)/(μ + θ)))`.
    func deviance(y: [Double], mu: [Double], weights: [Double]) -> Double {
        var total = 0.0
        for i in y.indices {
            let yi = y[i], m = mu[i], w = weights[i]
            switch self {
            case .poisson:
                total += yi > 0 ? 2 * w * (yi * log(yi / m) - (yi - m)) : 2 * w * m
            case .negativeBinomial(let th):
                total += 2 * w * (yi * log(max(1, yi) / m) - (yi + th) * log((yi + th) / (m + th)))
            }
        }
        return total
    }
}

/// Log link: `linkinv` and `mu.eta` of `make.link("log")` (both `pmax(exp(eta), .Machine$double.eps)`).
enum LogLink {
    static func inverse(_ eta: Double) -> Double { max(exp(eta), Double.ulpOfOne) }
}
