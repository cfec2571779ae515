import CohortData
import Foundation
import SurvivalNumerics

/// Settings of a rate regression.
public struct RateRegressionOptions: Sendable, Equatable {
    /// Include `(Intercept)` (the formula's `- 1` / `+ 0` removes it).
    public var intercept: Bool
    /// IRLS convergence settings, as `glm.control()`.
    public var control: GLMControl
    /// Confidence level of the Wald rate-ratio limits.
    public var confLevel: Double

    /// Creates options; the defaults are R's (intercept, `glm.control()`, 95% limits).
    public init(intercept: Bool = true, control: GLMControl = GLMControl(), confLevel: Double = 0.95) {
        self.intercept = intercept
        self.control = control
        self.confLevel = confLevel
    }
}

/// Log-linear rate models for counts with person-time offsets:
/// Poisson regression as R's `glm(family = poisson)` and negative-binomial
/// regression as `MASS::glm.nb`.
///
/// The frame's plain outcome (`events ~ x + offset(log(person_years))`) is
/// the count; the design gets an intercept column in front unless removed.
/// Aliased (collinear) columns are detected by the QR with R's limited
/// pivoting and given with `coef: nil` and a warning, as R's `NA`.
public enum RateRegression {
    /// Poisson regression with log link by IRLS, as R `glm.fit` (convergence
    /// `|dev − dev_old|/(|dev| + 0.1) < 1e-8`, at most 25 iterations).
    /// Null deviance as `glm`: with an offset and an intercept, the deviance of
    /// the intercept-only fit (started from the fitted means); AIC
    /// `−2 Σ wt·log dpois(y, μ) + 2 rank` with wt the prior weights (R's `poisson()$aic`).
    public static func poisson(_ frame: CountModelFrame, options: RateRegressionOptions = .init()) throws(ModelError)
        -> RateRegressionResult
    {
        let data = try RateData(frame, intercept: options.intercept)
        var warnings = frame.warnings
        let fit = IRLS.fit(x: data.x, y: data.y, weights: data.weights, offset: data.offset, family: .poisson,
                           control: options.control)
        if !fit.converged { warnings.append("glm.fit: algorithm did not converge") }
        try checkFinite(fit, family: "Poisson")
        let nullDeviance: Double
        if options.intercept && frame.offset != nil {
            nullDeviance = IRLS.fit(
                x: data.interceptOnly, y: data.y, weights: data.weights, offset: data.offset, family: .poisson,
                etaStart: fit.mu.map { log($0) }, control: options.control
            ).deviance
        } else {
            nullDeviance = data.nullDeviance(.poisson)
        }
        var loglik: Double? = 0
        for i in data.y.indices where data.weights[i] > 0 {
            let y = data.y[i]
            if y != y.rounded() { loglik = nil; break }
            // Weighted by the prior weights, as R's poisson()$aic (−2 Σ wt·log dpois(y, μ));
            // with frequency counts (the weights) each subject's term once, as on the expanded rows.
            loglik? += data.weights[i] * ((y > 0 ? y * log(fit.mu[i]) : 0) - fit.mu[i] - lgamma(y + 1))
        }
        if loglik == nil { warnings.append("non-integer counts: the Poisson likelihood and AIC are not defined") }
        return data.result(
            family: .poisson, fit: fit, nullDeviance: nullDeviance, loglik: loglik,
            aic: loglik.map { -2 * $0 + 2 * Double(fit.rank) }, theta: nil, warnings: warnings, options: options)
    }

    /// Negative-binomial regression with log link, as `MASS::glm.nb`:
    /// a Poisson fit, then alternation of an IRLS fit of β at fixed θ
    /// (started from the previous means) and ``ThetaML`` for θ at the
    /// previous means, until `|Lm₀ − Lm|/d₁ + |Δθ| ≤ 1e-8` with
    /// `d₁ = √(2 max(1, df_residual))` and `Lm` the log-likelihood
    /// `Σ w (lgamma(θ + y) − lgamma(θ) − lgamma(y + 1) + θ log θ + y log(μ + [y = 0]) − (θ + y) log(θ + μ))`.
    /// As in MASS the returned deviance and covariance are those of the last β
    /// fit (at the θ before the last update) and θ is the last update;
    /// AIC = `−2 Lm + 2 rank + 2`.
    public static func negativeBinomial(_ frame: CountModelFrame, options: RateRegressionOptions = .init())
        throws(ModelError) -> RateRegressionResult
    {
        let data = try RateData(frame, intercept: options.intercept)
        let control = options.control
        var warnings = frame.warnings
        var fit = IRLS.fit(x: data.x, y: data.y, weights: data.weights, offset: data.offset, family: .poisson,
                           control: control)
        var mu = fit.mu
        var ml = ThetaML(y: data.y, mu: mu, weights: data.weights, limit: control.maxIterations)
        try checkTheta(ml, n: data.nUsed)
        var family = CountFamily.negativeBinomial(theta: ml.theta)
        var fitFamily = CountFamily.poisson
        let d1 = (2 * Double(max(1, data.nUsed - fit.rank))).squareRoot()
        let d2 = 1.0
        var del = 1.0
        var lm = data.negbinLoglik(theta: ml.theta, mu: mu)
        var lm0 = lm + 2 * d1
        var iter = 0
        while true {
            iter += 1
            guard iter <= control.maxIterations, abs(lm0 - lm) / d1 + abs(del) / d2 > control.epsilon else { break }
            fit = IRLS.fit(x: data.x, y: data.y, weights: data.weights, offset: data.offset, family: family,
                           etaStart: mu.map { log($0) }, control: control)
            fitFamily = family
            let t0 = ml.theta
            ml = ThetaML(y: data.y, mu: mu, weights: data.weights, limit: control.maxIterations)
            try checkTheta(ml, n: data.nUsed)
            family = .negativeBinomial(theta: ml.theta)
            mu = fit.mu
            del = t0 - ml.theta
            lm0 = lm
            lm = data.negbinLoglik(theta: ml.theta, mu: mu)
        }
        if !fit.converged { warnings.append("glm.fit: algorithm did not converge") }
        try checkFinite(fit, family: "negative-binomial")
        if let w = ml.warning { warnings.append(w) }
        if iter > control.maxIterations { warnings.append("alternation limit reached") }
        let nullDeviance: Double
        if options.intercept && frame.offset != nil {
            nullDeviance = data.x.columns > 1
                ? IRLS.fit(x: data.interceptOnly, y: data.y, weights: data.weights, offset: data.offset,
                           family: family, control: control).deviance
                : fit.deviance
        } else {
            nullDeviance = data.nullDeviance(fitFamily)
        }
        return data.result(
            family: .negativeBinomial, fit: fit, nullDeviance: nullDeviance, loglik: lm,
            aic: -2 * lm + 2 * Double(fit.rank) + 2, theta: (ml.theta, ml.se), warnings: warnings, options: options)
    }

    /// θ must be a number: with no spread of the counts about the fitted
    /// means (a single row, or a fit that reproduces every count) its moment
    /// start `Σw / Σw(y/μ − 1)²` is infinite and MASS's `theta.ml` fails
    /// ("missing value where TRUE/FALSE needed"); survkit says why instead.
    static func checkTheta(_ ml: ThetaML, n: Int) throws(ModelError) {
        guard !(ml.theta.isFinite && ml.se.isFinite) else { return }
        throw ModelError(
            "The negative-binomial model cannot be fitted: theta (the dispersion) cannot be estimated,"
                + " because the fitted means reproduce the counts exactly (\(n) row\(n == 1 ? "" : "s") used)"
                + " and leave no overdispersion to estimate; R's MASS::glm.nb fails on these data too."
                + " Fit a Poisson model (survkit poisson) instead.")
    }

    /// A fit whose deviance or estimates are not finite numbers is reported
    /// as a failure, never printed as NaN.
    static func checkFinite(_ fit: IRLSFit, family: String) throws(ModelError) {
        let finite = fit.deviance.isFinite && fit.coefficients.allSatisfy { $0?.isFinite ?? true }
            && (0..<fit.covariance.rows).allSatisfy { fit.covariance[$0, $0].isFinite }
        guard !finite else { return }
        throw ModelError(
            "The \(family) model cannot be fitted: the iterations did not converge to finite estimates"
                + " (the deviance or a coefficient is not a number), as with counts too large for the log link"
                + " (e.g. 1e21). R's glm warns that the algorithm did not converge on such data.")
    }
}
