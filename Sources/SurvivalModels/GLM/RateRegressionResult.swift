import CohortData

/// One row of the coefficient table of a rate regression, as R's
/// `summary(glm)` plus Wald limits of the rate ratio. Every number is `nil`
/// for an aliased coefficient, where R gives `NA`.
public struct RateCoefficient: Sendable, Codable, Equatable {
    /// Term name (`(Intercept)`, `age`, `sex=2`), as R's row name.
    public var term: String
    /// Estimated coefficient (log rate ratio), `coef(fit)`.
    public var coef: Double?
    /// Model-based standard error (dispersion 1).
    public var se: Double?
    /// Always `nil`: kept so the keys match the `cox` table.
    public var robustSE: Double?
    /// Wald statistic `coef / se`.
    public var z: Double?
    /// Two-sided normal p-value of `z`.
    public var p: Double?
    /// Rate ratio `exp(coef)`.
    public var rr: Double?
    /// Lower Wald limit of the rate ratio, `exp(coef − z·se)` at `RateRegressionOptions.confLevel`.
    public var rrLower: Double?
    /// Upper Wald limit of the rate ratio, `exp(coef + z·se)`.
    public var rrUpper: Double?

    /// Creates a coefficient row from its parts (`robustSE` is always `nil`).
    public init(
        term: String, coef: Double?, se: Double?, z: Double?, p: Double?, rr: Double?, rrLower: Double?,
        rrUpper: Double?
    ) {
        self.term = term
        self.coef = coef
        self.se = se
        self.robustSE = nil
        self.z = z
        self.p = p
        self.rr = rr
        self.rrLower = rrLower
        self.rrUpper = rrUpper
    }
}

/// The count family of a rate regression.
public enum RateRegressionFamily: String, Sendable, Codable, Equatable {
    /// Poisson, as R `glm(family = poisson)`.
    case poisson
    /// Negative binomial with θ estimated, as `MASS::glm.nb`.
    case negativeBinomial = "negative-binomial"
}

/// The result of a Poisson or negative-binomial rate regression, as R's
/// `summary(glm)` / `summary(glm.nb)` with rate ratios.
public struct RateRegressionResult: Sendable, Codable, Equatable {
    /// The count family fitted.
    public var family: RateRegressionFamily
    /// Confidence level of the rate-ratio limits.
    public var confLevel: Double
    /// Rows used.
    public var n: Int
    /// Sum of the outcome (total events) over the used rows.
    public var events: Double
    /// Rows dropped for a missing value in a variable the formula uses.
    public var nDroppedMissing: Int
    /// IRLS iterations of the final fit (`fit$iter`).
    public var iterations: Int
    /// Whether IRLS converged (`fit$converged`).
    public var converged: Bool
    /// `(Intercept)` first when the model has one.
    public var coefficients: [RateCoefficient]
    /// Residual deviance (`fit$deviance`).
    public var deviance: Double
    /// Deviance of the intercept-only (or empty) model (`fit$null.deviance`).
    public var nullDeviance: Double
    /// Residual degrees of freedom: rows used minus the rank (`fit$df.residual`).
    public var dfResidual: Int
    /// Null degrees of freedom (`fit$df.null`).
    public var dfNull: Int
    /// `AIC(fit)`; `nil` when the likelihood is not defined (non-integer counts).
    public var aic: Double?
    /// Log-likelihood, `logLik(fit)`; `nil` as `aic`.
    public var loglik: Double?
    /// Schwarz's criterion, R's `BIC(fit)` with n = the rows; `nil` as `aic`.
    public var bic: Double? = nil
    /// The joint Wald test of each spline term (`ns(x)`, `bs(x)`), model-based variance; `nil` without splines.
    public var termTests: [TermWaldTest]? = nil
    /// The parameters R's `logLik(fit)` counts: the rank (Poisson), the rank + 1
    /// (negative binomial, θ). Not in the JSON (``ModelComparison`` reads it).
    public var loglikDF: Int = 0
    /// Negative binomial only: θ (`fit$theta`); `nil` for Poisson.
    public var theta: Double?
    /// Negative binomial only: standard error of θ (`fit$SE.theta`); `nil` for Poisson.
    public var thetaSE: Double?
    /// Covariance of the estimates (`vcov(fit)`), aliased rows and columns 0.
    public var variance: [[Double]]
    /// Warnings (dropped rows, aliased coefficients, non-convergence), also printed on stderr.
    public var warnings: [String]
    /// Rows read, used and dropped (with reasons).
    public var rows: RowAccounting
    /// How the data file was read (format, dialect); set by the caller that read it.
    public var input: InputDescription? = nil

    /// Creates a result from its parts.
    public init(
        family: RateRegressionFamily, confLevel: Double, n: Int, events: Double, nDroppedMissing: Int, iterations: Int, converged: Bool,
        coefficients: [RateCoefficient], deviance: Double, nullDeviance: Double, dfResidual: Int, dfNull: Int,
        aic: Double?, loglik: Double?, theta: Double?, thetaSE: Double?, variance: [[Double]],
        warnings: [String], rows: RowAccounting
    ) {
        self.family = family
        self.confLevel = confLevel
        self.n = n
        self.events = events
        self.nDroppedMissing = nDroppedMissing
        self.iterations = iterations
        self.converged = converged
        self.coefficients = coefficients
        self.deviance = deviance
        self.nullDeviance = nullDeviance
        self.dfResidual = dfResidual
        self.dfNull = dfNull
        self.aic = aic
        self.loglik = loglik
        self.theta = theta
        self.thetaSE = thetaSE
        self.variance = variance
        self.warnings = warnings
        self.rows = rows
    }
}
