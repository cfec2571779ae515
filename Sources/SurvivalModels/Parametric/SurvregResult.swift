import CohortData

/// One row of the coefficient table of R's `summary(survreg)`; every number
/// is `nil` for an aliased coefficient.
public struct SurvregCoefficient: Sendable, Codable, Equatable {
    /// Term name (`(Intercept)`, `age`, `sex=2`), as R's row name.
    public var term: String
    /// Estimated coefficient on the log-time scale, `coef(fit)`.
    public var coef: Double?
    /// Standard error, `sqrt(diag(vcov(fit)))`.
    public var se: Double?
    /// `coef / se`.
    public var z: Double?
    /// Two-sided normal p-value.
    public var p: Double?
    /// Weibull (and exponential) fits only, non-intercept terms: the hazard
    /// ratio of the proportional-hazards metric, `exp(−β/σ)` (Stata `streg`'s
    /// `_t` table); `nil` otherwise.
    public var hr: Double?
    /// Lower 95% limit of `hr`: `exp(log hr − 1.96·se)`, with `se` of
    /// `log hr = −β/σ` by the delta method from the covariance of `(β, log σ)`.
    public var hrLower: Double?
    /// Upper 95% limit of `hr`.
    public var hrUpper: Double?

    /// Creates a coefficient row from its parts.
    public init(term: String, coef: Double?, se: Double?, z: Double?, p: Double?) {
        self.term = term
        self.coef = coef
        self.se = se
        self.z = z
        self.p = p
    }
}

/// An estimated log-scale with its Wald statistics (the `Log(scale)` row of
/// `summary(survreg)`).
public struct SurvregLogScale: Sendable, Codable, Equatable {
    /// `log σ`, as `log(fit$scale)`.
    public var estimate: Double
    /// Standard error of `log σ`, from `vcov(fit)`.
    public var se: Double
    /// `estimate / se`.
    public var z: Double
    /// Two-sided normal p-value.
    public var p: Double

    /// Creates a log-scale row from its parts.
    public init(estimate: Double, se: Double, z: Double, p: Double) {
        self.estimate = estimate
        self.se = se
        self.z = z
        self.p = p
    }
}

/// The scale of one stratum under `strata(...)`.
public struct SurvregStratumScale: Sendable, Codable, Equatable {
    /// Stratum label (`var=level`).
    public var label: String
    /// The stratum's scale σ, `fit$scale[k]`.
    public var scale: Double
    /// `log σ` of the stratum with its Wald statistics (`Log(scale)` rows of `summary(survreg)`).
    public var logScale: SurvregLogScale

    /// Creates a stratum scale from its parts.
    public init(label: String, scale: Double, logScale: SurvregLogScale) {
        self.label = label
        self.scale = scale
        self.logScale = logScale
    }
}

/// The likelihood-ratio test against the intercept-only model (R's
/// `Chisq= … on … degrees of freedom` of `summary(survreg)`).
public struct SurvregTests: Sendable, Codable, Equatable {
    /// `2·(loglik − loglik_null)` on (non-aliased coefficients − 1) degrees of freedom.
    public var likelihoodRatio: CoxTest

    /// Creates the tests from their parts.
    public init(likelihoodRatio: CoxTest) { self.likelihoodRatio = likelihoodRatio }
}

/// The result of a parametric survival fit, as R's `summary(survreg)`.
public struct SurvregResult: Sendable, Codable, Equatable {
    /// The error distribution, as `survreg(dist = )`.
    public var dist: SurvregDistribution
    /// Rows used.
    public var n: Int
    /// Number of events (unweighted).
    public var events: Int
    /// Rows dropped for a missing value in a variable the formula uses.
    public var nDroppedMissing: Int
    /// Newton–Raphson iterations (`fit$iter`).
    public var iterations: Int
    /// Whether the iteration converged within `SurvregOptions.maxIterations`.
    public var converged: Bool
    /// `(Intercept)` first, then the terms.
    public var coefficients: [SurvregCoefficient]
    /// The scale σ (`fit$scale`; 1 for the exponential); `nil` with several strata.
    public var scale: Double?
    /// `log σ` with its standard error; `nil` when the scale is fixed or with several strata.
    public var logScale: SurvregLogScale?
    /// One scale per stratum with `strata(...)`; `nil` otherwise.
    public var strataScales: [SurvregStratumScale]?
    /// Log-likelihood of the model at the estimate (`fit$loglik[2]`).
    public var loglik: Double
    /// Log-likelihood of the intercept-only model (`fit$loglik[1]`).
    public var loglikNull: Double
    /// The likelihood-ratio test against the intercept-only model.
    public var tests: SurvregTests
    /// `−2·loglik + 2·(number of parameters)`, as R `AIC(fit)`.
    public var aic: Double
    /// Schwarz's criterion, R's `BIC(fit)`: the parameters of `aic`, n = the rows.
    public var bic: Double? = nil
    /// The joint Wald test of each spline term (`ns(x)`, `bs(x)`), model-based variance; `nil` without splines.
    public var termTests: [TermWaldTest]? = nil
    /// The parameters R's `logLik(fit)` counts (coefficients + estimated log-scales),
    /// as `aic`. Not in the JSON (``ModelComparison`` reads it).
    public var loglikDF: Int = 0
    /// Variance of `(coefficients, log-scales)`, R's `vcov(fit)`.
    public var variance: [[Double]]
    /// Row and column names of `variance`.
    public var varianceTerms: [String]
    /// Warnings (dropped rows, non-convergence), also printed on stderr.
    public var warnings: [String]
    /// Rows read, used and dropped (with reasons).
    public var rows: RowAccounting
    /// How the data file was read (format, dialect); set by the caller that read it.
    public var input: InputDescription? = nil
}
