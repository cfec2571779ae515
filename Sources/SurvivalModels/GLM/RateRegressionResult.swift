import CohortData

/// One row of the coefficient table of a rate regression, as R's
/// `summary(glm)` plus Wald limits of the rate ratio. Every number is `nil`
/// (JSON `null`) for an aliased coefficient, as R reports `NA`.
public struct RateCoefficient: Sendable, Codable, Equatable {
    public var term: String
    public var coef: Double?
    /// Model-based standard error (dispersion 1).
    public var se: Double?
    /// Always `nil`: kept so the keys match the `cox` table.
    public var robustSE: Double?
    public var z: Double?
    public var p: Double?
    /// Rate ratio `exp(coef)` and its Wald limits `exp(coef ± z₁₋α/₂ se)`.
    public var rr: Double?
    public var rrLower: Double?
    public var rrUpper: Double?

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

    enum CodingKeys: String, CodingKey {
        case term, coef, se, robustSE = "robust_se", z, p, rr, rrLower = "rr_lower", rrUpper = "rr_upper"
    }

    // Written by hand so that a missing value is an explicit `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(term, forKey: .term)
        try c.encode(coef, forKey: .coef)
        try c.encode(se, forKey: .se)
        try c.encode(robustSE, forKey: .robustSE)
        try c.encode(z, forKey: .z)
        try c.encode(p, forKey: .p)
        try c.encode(rr, forKey: .rr)
        try c.encode(rrLower, forKey: .rrLower)
        try c.encode(rrUpper, forKey: .rrUpper)
    }
}

/// The result of `survkit poisson` / `survkit negbin` in the JSON contract's
/// shape (`spec/cli-json.md`, section *poisson, negbin*).
public struct RateRegressionResult: Sendable, Codable, Equatable {
    /// `"poisson"` or `"negative-binomial"`.
    public var analysis: String
    /// Rows used.
    public var n: Int
    /// Sum of the outcome (total events) over the used rows.
    public var events: Double
    public var nDroppedMissing: Int
    /// IRLS iterations of the final fit (`fit$iter`).
    public var iterations: Int
    public var converged: Bool
    /// `(Intercept)` first when the model has one.
    public var coefficients: [RateCoefficient]
    public var deviance: Double
    public var nullDeviance: Double
    public var dfResidual: Int
    public var dfNull: Int
    /// `AIC(fit)`; `nil` when the likelihood is not defined (non-integer counts).
    public var aic: Double?
    /// Log-likelihood, `logLik(fit)`; `nil` as `aic`.
    public var loglik: Double?
    /// Negative binomial only: θ and its standard error (`fit$theta`, `fit$SE.theta`).
    public var theta: Double?
    public var thetaSE: Double?
    /// Covariance of the estimates (`vcov(fit)`), aliased rows and columns 0.
    public var variance: [[Double]]
    public var warnings: [String]
    public var rows: RowAccounting

    public init(
        analysis: String, n: Int, events: Double, nDroppedMissing: Int, iterations: Int, converged: Bool,
        coefficients: [RateCoefficient], deviance: Double, nullDeviance: Double, dfResidual: Int, dfNull: Int,
        aic: Double?, loglik: Double?, theta: Double?, thetaSE: Double?, variance: [[Double]],
        warnings: [String], rows: RowAccounting
    ) {
        self.analysis = analysis
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

    enum CodingKeys: String, CodingKey {
        case analysis, n, events, nDroppedMissing = "n_dropped_missing", iterations, converged, coefficients
        case deviance, nullDeviance = "null_deviance", dfResidual = "df_residual", dfNull = "df_null", aic, loglik
        case theta, thetaSE = "theta_se", variance, warnings, rows
    }
}
