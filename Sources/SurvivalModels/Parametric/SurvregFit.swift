import Foundation
import CohortData
import SurvivalNumerics

/// A fitted parametric survival model (``SurvregModel``): the estimates on
/// the original covariate scale and their variance, including the log-scales.
public struct SurvregFit: Sendable {
    /// The data the model was fitted to.
    public let frame: ModelFrame
    /// The options the model was fitted with.
    public let options: SurvregOptions
    /// `(β, log σ₁, …, log σ_K)`: the coefficients with `(Intercept)` first,
    /// then one log-scale per stratum (none when the scale is fixed).
    public let theta: [Double]
    /// Inverse information of `theta`, R's `fit$var` (zero rows and columns
    /// for aliased coefficients).
    public let variance: Matrix
    /// Number of regression coefficients, intercept included.
    public let nvar: Int
    /// `(Intercept)` followed by the frame's term names.
    public let termNames: [String]
    /// Log-likelihood of the intercept-only model (`fit$loglik[1]`), with
    /// R's Jacobian term included (as in `loglik`).
    public let loglikNull: Double
    /// Log-likelihood at the estimate (`fit$loglik[2]`).
    public let loglik: Double
    /// Newton–Raphson iterations (`fit$iter`).
    public let iterations: Int
    /// Whether the iteration converged within `SurvregOptions.maxIterations`.
    public let converged: Bool
    /// Number of events (unweighted).
    public let events: Int

    /// Coefficients; `nil` where the variance diagonal is 0 (aliased, R's `NA`).
    public var coefficients: [Double?] {
        (0..<nvar).map { variance[$0, $0] == 0 ? nil : theta[$0] }
    }

    /// The estimated log-scales, one per stratum; empty when the scale is fixed.
    public var logScales: [Double] { Array(theta[nvar...]) }

    /// The scale of each stratum (`fit$scale`); the fixed scale when it is fixed.
    public var scales: [Double] {
        logScales.isEmpty ? [options.distribution.fixedScale ?? 1] : logScales.map { exp($0) }
    }

    /// Names of the rows and columns of ``variance``: the terms, then
    /// `Log(scale)` (one per stratum, `Log(scale) sex=1` with strata).
    public var varianceTerms: [String] {
        let labels = frame.strata?.labels ?? []
        let scaleNames = logScales.count > 1 ? labels.map { "Log(scale) \($0)" } : logScales.map { _ in "Log(scale)" }
        return termNames + scaleNames
    }

    /// Warnings: the frame's, aliased terms, and non-convergence (R's wording).
    public var warnings: [String] {
        var out = frame.warnings
        let aliased = (0..<nvar).filter { variance[$0, $0] == 0 }.map { termNames[$0] }
        if !aliased.isEmpty {
            out.append("\(aliased.count) coefficient\(aliased.count == 1 ? "" : "s") not defined because of singularities: \(aliased.joined(separator: ", "))")
        }
        if !converged && options.maxIterations > 1 { out.append("Ran out of iterations and did not converge") }
        return out
    }
}
