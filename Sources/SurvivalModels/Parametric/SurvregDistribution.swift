import Foundation
import SurvivalNumerics

/// The distribution of survival times in a parametric accelerated-failure-time
/// model, as R `survreg(dist =)`.
///
/// Every one is a location–scale model for the log time:
/// `log T = Xβ + σ·ε`, where ε follows the standard *error distribution*
/// (``AFTErrorDistribution``): extreme value (minimum) for the Weibull and
/// exponential, normal for the log-normal, logistic for the log-logistic. The
/// exponential is the Weibull with the scale σ fixed at 1, as in R's
/// `survreg.distributions$exponential`.
public enum SurvregDistribution: String, Sendable, Codable, CaseIterable {
    case weibull, exponential, lognormal, loglogistic

    /// The standard distribution of ε on the log-time scale.
    public var errorDistribution: AFTErrorDistribution {
        switch self {
        case .weibull, .exponential: return .extremeValue
        case .lognormal: return .gaussian
        case .loglogistic: return .logistic
        }
    }

    /// The scale σ when it is fixed by the distribution (exponential: 1), else `nil`.
    public var fixedScale: Double? { self == .exponential ? 1 : nil }
}

/// The standard error distributions of R's `survreg` (`"extreme"`,
/// `"logistic"`, `"gaussian"` in `survreg.distributions`).
///
/// The likelihood needs, for an exact (event) time, the log density
/// `g(z) = log f(z)` and for a right-censored time the log survivor function
/// `g(z) = log S(z)`, each with its first two derivatives in `z`; these are
/// written out in closed form below, in forms that stay finite in the tails
/// (R's `survregc1` works from the same quantities, as the columns
/// `F, S, f, f'/f, f''/f` of the distribution's `density` function).
public enum AFTErrorDistribution: String, Sendable, Codable {
    /// Extreme value (minimum): `f(z) = exp(z − eᶻ)`, `S(z) = exp(−eᶻ)`.
    case extremeValue
    /// Standard logistic: `S(z) = 1 / (1 + eᶻ)`.
    case logistic
    /// Standard normal.
    case gaussian

    /// `(g, g′, g″)` with `g = log f`, the contribution of an exact time.
    func logDensity(_ z: Double) -> (g: Double, d1: Double, d2: Double) {
        switch self {
        case .extremeValue:
            let w = exp(z)
            return (z - w, 1 - w, -w)
        case .logistic:
            // log f = z − 2·log(1 + eᶻ); p = eᶻ/(1 + eᶻ) computed without overflow.
            let p = logisticCDF(z)
            return (z - 2 * log1pExp(z), 1 - 2 * p, -2 * p * (1 - p))
        case .gaussian:
            return (-0.5 * z * z - 0.5 * log(2 * Double.pi), -z, -1)
        }
    }

    /// `(g, g′, g″)` with `g = log S`, the contribution of a right-censored time.
    func logSurvival(_ z: Double) -> (g: Double, d1: Double, d2: Double) {
        switch self {
        case .extremeValue:
            let w = exp(z)
            return (-w, -w, -w)
        case .logistic:
            let p = logisticCDF(z)
            return (-log1pExp(z), -p, -p * (1 - p))
        case .gaussian:
            // h = f/S is the hazard of ε; (log S)' = −h, (log S)'' = h·(z − h).
            let s = Normal.upperTail(z)
            let h = Normal.density(z) / s
            return (log(s), -h, h * (z - h))
        }
    }

    /// `(g, g′, g″)` with `g = log F`, the contribution of a left-censored time.
    func logCDF(_ z: Double) -> (g: Double, d1: Double, d2: Double) {
        switch self {
        case .extremeValue:
            // F = 1 − exp(−eᶻ); f/F = eᶻ·exp(−eᶻ)/F, (f′/f) = 1 − eᶻ.
            let w = exp(z)
            let cdf = -expm1(-w)
            let h = !w.isFinite ? 0 : w > 1e-300 ? w * exp(-w) / cdf : 1
            return (log(cdf), h, h * (1 - w) - h * h)
        case .logistic:
            let p = logisticCDF(z)
            return (-log1pExp(-z), 1 - p, -p * (1 - p))
        case .gaussian:
            let cdf = Normal.upperTail(-z)
            let h = Normal.density(z) / cdf
            return (log(cdf), h, -h * (z + h))
        }
    }

    /// `(F, S, f, f′)` at `z`: what an interval-censored row needs at each
    /// end of its interval, with `F` and `S` each computed directly (not as
    /// `1 − ` the other) so that either stays accurate in its tail.
    func pieces(_ z: Double) -> (cdf: Double, survival: Double, density: Double, slope: Double) {
        switch self {
        case .extremeValue:
            let w = exp(z)
            let f = w.isFinite ? exp(z - w) : 0
            return (-expm1(-w), exp(-w), f, w.isFinite ? f * (1 - w) : 0)
        case .logistic:
            let p = logisticCDF(z), q = logisticCDF(-z)
            let f = p * q
            return (p, q, f, f * (q - p))
        case .gaussian:
            let f = Normal.density(z)
            return (Normal.upperTail(-z), Normal.upperTail(z), f, -z * f)
        }
    }

    /// R's `sd$init(y, weights)`: a location and a "variance" guess from the
    /// weighted mean and (divide-by-Σw) variance of the log times: extreme
    /// value `(m + 0.572, v / 1.64)`, logistic `(m, v / 3.2)`, normal `(m, v)`.
    func initialGuess(mean: Double, variance: Double) -> (location: Double, variance: Double) {
        switch self {
        case .extremeValue: return (mean + 0.572, variance / 1.64)
        case .logistic: return (mean, variance / 3.2)
        case .gaussian: return (mean, variance)
        }
    }

    private func logisticCDF(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    /// `log(1 + eᶻ)` without overflow.
    private func log1pExp(_ z: Double) -> Double {
        z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
    }
}
