import CohortData

/// One row of the coefficient table of R's `summary(survreg)`; every number
/// is `nil` (JSON `null`) for an aliased coefficient.
public struct SurvregCoefficient: Sendable, Codable, Equatable {
    public var term: String
    public var coef: Double?
    public var se: Double?
    /// `coef / se`.
    public var z: Double?
    /// Two-sided normal p-value.
    public var p: Double?

    public init(term: String, coef: Double?, se: Double?, z: Double?, p: Double?) {
        self.term = term
        self.coef = coef
        self.se = se
        self.z = z
        self.p = p
    }

    enum CodingKeys: String, CodingKey { case term, coef, se, z, p }

    // Written by hand so that a missing value is an explicit `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(term, forKey: .term)
        try c.encode(coef, forKey: .coef)
        try c.encode(se, forKey: .se)
        try c.encode(z, forKey: .z)
        try c.encode(p, forKey: .p)
    }
}

/// An estimated log-scale with its Wald statistics (the `Log(scale)` row of
/// `summary(survreg)`).
public struct SurvregLogScale: Sendable, Codable, Equatable {
    public var estimate: Double
    public var se: Double
    public var z: Double
    public var p: Double

    public init(estimate: Double, se: Double, z: Double, p: Double) {
        self.estimate = estimate
        self.se = se
        self.z = z
        self.p = p
    }
}

/// The scale of one stratum under `strata(...)`.
public struct SurvregStratumScale: Sendable, Codable, Equatable {
    public var label: String
    public var scale: Double
    public var logScale: SurvregLogScale

    public init(label: String, scale: Double, logScale: SurvregLogScale) {
        self.label = label
        self.scale = scale
        self.logScale = logScale
    }

    enum CodingKeys: String, CodingKey { case label, scale, logScale = "log_scale" }
}

/// The likelihood-ratio test against the intercept-only model (R's
/// `Chisq= … on … degrees of freedom` of `summary(survreg)`).
public struct SurvregTests: Sendable, Codable, Equatable {
    public var likelihoodRatio: CoxTest

    public init(likelihoodRatio: CoxTest) { self.likelihoodRatio = likelihoodRatio }

    enum CodingKeys: String, CodingKey { case likelihoodRatio = "likelihood_ratio" }
}

/// The result of a parametric survival fit in the JSON contract's shape
/// (`survkit survreg --format json`), see `spec/cli-json.md`, section *survreg*.
public struct SurvregResult: Sendable, Codable, Equatable {
    public var analysis: String = "survreg"
    public var dist: SurvregDistribution
    public var n: Int
    public var events: Int
    public var nDroppedMissing: Int
    public var iterations: Int
    public var converged: Bool
    /// `(Intercept)` first, then the terms.
    public var coefficients: [SurvregCoefficient]
    /// The scale σ (`fit$scale`; 1 for the exponential); `nil` with several strata.
    public var scale: Double?
    /// `log σ` with its standard error; `nil` when the scale is fixed or with several strata.
    public var logScale: SurvregLogScale?
    /// One scale per stratum with `strata(...)`; `nil` otherwise.
    public var strataScales: [SurvregStratumScale]?
    /// Log-likelihood of the model and of the intercept-only model (`fit$loglik`).
    public var loglik: Double
    public var loglikNull: Double
    public var tests: SurvregTests
    /// `−2·loglik + 2·(number of parameters)`, as R `AIC(fit)`.
    public var aic: Double
    /// Variance of `(coefficients, log-scales)`, R's `vcov(fit)`.
    public var variance: [[Double]]
    /// Row and column names of `variance`.
    public var varianceTerms: [String]
    public var warnings: [String]
    public var rows: RowAccounting

    enum CodingKeys: String, CodingKey {
        case analysis, dist, n, events, nDroppedMissing = "n_dropped_missing", iterations, converged
        case coefficients, scale, logScale = "log_scale", strataScales = "strata_scales", loglik
        case loglikNull = "loglik_null", tests, aic, variance, varianceTerms = "variance_terms", warnings, rows
    }

    // Written by hand so that absent values are explicit `null`s.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(analysis, forKey: .analysis)
        try c.encode(dist, forKey: .dist)
        try c.encode(n, forKey: .n)
        try c.encode(events, forKey: .events)
        try c.encode(nDroppedMissing, forKey: .nDroppedMissing)
        try c.encode(iterations, forKey: .iterations)
        try c.encode(converged, forKey: .converged)
        try c.encode(coefficients, forKey: .coefficients)
        try c.encode(scale, forKey: .scale)
        try c.encode(logScale, forKey: .logScale)
        try c.encode(strataScales, forKey: .strataScales)
        try c.encode(loglik, forKey: .loglik)
        try c.encode(loglikNull, forKey: .loglikNull)
        try c.encode(tests, forKey: .tests)
        try c.encode(aic, forKey: .aic)
        try c.encode(variance, forKey: .variance)
        try c.encode(varianceTerms, forKey: .varianceTerms)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(rows, forKey: .rows)
    }
}
