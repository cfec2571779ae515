import CohortData

/// One row of the coefficient table, as R's `summary(coxph)`. Every number is
/// `nil` for an aliased coefficient, where R gives `NA`.
public struct CoxCoefficient: Sendable, Codable, Equatable {
    /// Term name (`age`, `sex=2`, `age:sex=2`), as R's row name.
    public var term: String
    /// Estimated coefficient (log hazard ratio), `coef(fit)`.
    public var coef: Double?
    /// Model-based standard error, `sqrt(diag(fit$naive.var))` under robust variance.
    public var se: Double?
    /// Robust (sandwich) standard error, when asked for.
    public var robustSE: Double?
    /// `coef / se`, with the robust se when there is one.
    public var z: Double?
    /// Two-sided normal p-value of `z`.
    public var p: Double?
    /// Hazard ratio `exp(coef)`.
    public var hr: Double?
    /// Lower limit of the hazard ratio, `exp(coef − z·se)` (robust se if any) at `CoxOptions.confLevel`.
    public var hrLower: Double?
    /// Upper confidence limit of the hazard ratio; `nil` when not finite.
    public var hrUpper: Double?
    /// A penalised (frailty) fit's second standard error, R's `se2`
    /// (√diag(H⁻¹ I H⁻¹)); `nil` for an ordinary fit.
    public var se2: Double? = nil

    /// Creates a coefficient row from its parts.
    public init(
        term: String, coef: Double?, se: Double?, robustSE: Double?, z: Double?, p: Double?,
        hr: Double?, hrLower: Double?, hrUpper: Double?
    ) {
        self.term = term
        self.coef = coef
        self.se = se
        self.robustSE = robustSE
        self.z = z
        self.p = p
        self.hr = hr
        self.hrLower = hrLower
        self.hrUpper = hrUpper
    }
}

/// A chi-square test: statistic, degrees of freedom, upper-tail p-value.
public struct CoxTest: Sendable, Codable, Equatable {
    /// Chi-square statistic.
    public var statistic: Double
    /// Degrees of freedom (the number of non-aliased coefficients).
    public var df: Int
    /// Upper-tail chi-square p-value.
    public var p: Double

    /// Creates a test from its parts.
    public init(statistic: Double, df: Int, p: Double) {
        self.statistic = statistic
        self.df = df
        self.p = p
    }
}

/// The three global tests of `summary(coxph)`.
public struct CoxTests: Sendable, Codable, Equatable {
    /// Likelihood-ratio test `2·(loglik − loglik_null)`, always model based.
    public var likelihoodRatio: CoxTest
    /// Uses the robust variance when there is one, as R's `fit$wald.test`.
    public var wald: CoxTest
    /// The score (log-rank) test at the initial coefficients, model based.
    /// `nil` for a penalized (frailty) fit, for which R computes none (`fit$score` is NULL).
    public var score: CoxTest?

    /// Creates the set of tests from its parts.
    public init(likelihoodRatio: CoxTest, wald: CoxTest, score: CoxTest?) {
        self.likelihoodRatio = likelihoodRatio
        self.wald = wald
        self.score = score
    }
}

/// Harrell's concordance of the fitted linear predictor, as `coxph$concordance`.
public struct CoxConcordance: Sendable, Codable, Equatable {
    /// Concordance, `fit$concordance["concordance"]`.
    public var c: Double
    /// Infinitesimal-jackknife standard error, `sqrt(fit$concordance["var"])`.
    public var se: Double

    /// Creates a concordance from its parts.
    public init(c: Double, se: Double) {
        self.c = c
        self.se = se
    }
}

/// One line of a proportional-hazards test, as a row of `cox.zph()$table`.
public struct CoxZPHTerm: Sendable, Codable, Equatable {
    /// Term name, or `GLOBAL` for the global test.
    public var term: String
    /// Score-test chi-square statistic.
    public var chisq: Double
    /// Degrees of freedom.
    public var df: Int
    /// Upper-tail chi-square p-value.
    public var p: Double

    /// Creates a row from its parts.
    public init(term: String, chisq: Double, df: Int, p: Double) {
        self.term = term
        self.chisq = chisq
        self.df = df
        self.p = p
    }
}

/// The proportional-hazards test of R's `cox.zph` (survival ≥ 3.0).
public struct CoxZPH: Sendable, Codable, Equatable {
    /// Time transform (`km`, `identity`, `rank`, `log`), as `cox.zph(transform = )`.
    public var transform: String
    /// One test per term, as the rows of `cox.zph()$table` before `GLOBAL`.
    public var terms: [CoxZPHTerm]
    /// The global test over all terms, the `GLOBAL` row.
    public var global: CoxZPHTerm

    /// Creates a test from its parts.
    public init(transform: String, terms: [CoxZPHTerm], global: CoxZPHTerm) {
        self.transform = transform
        self.terms = terms
        self.global = global
    }
}

/// Per-row residuals, in the input's row order (Schoenfeld: one row per event).
public struct CoxResiduals: Sendable, Codable, Equatable {
    /// Martingale residuals, `residuals(fit, "martingale")`; `nil` unless asked for.
    public var martingale: [Double]?
    /// Deviance residuals, `residuals(fit, "deviance")`; `nil` unless asked for.
    public var deviance: [Double]?
    /// Score residuals, one row per used row, one value per term (`residuals(fit, "score")`).
    public var score: [[Double]]?
    /// Schoenfeld residuals, one row per event, one value per term (`residuals(fit, "schoenfeld")`).
    public var schoenfeld: [[Double]]?
    /// Scaled Schoenfeld residuals, one row per event (`residuals(fit, "scaledsch")`).
    public var scaledSchoenfeld: [[Double]]?
    /// dfbeta residuals, one row per used row, one value per term (`residuals(fit, "dfbeta")`).
    public var dfbeta: [[Double]]?

    /// Creates a set of residuals; kinds not asked for stay `nil`.
    public init(
        martingale: [Double]? = nil, deviance: [Double]? = nil, score: [[Double]]? = nil,
        schoenfeld: [[Double]]? = nil, scaledSchoenfeld: [[Double]]? = nil, dfbeta: [[Double]]? = nil
    ) {
        self.martingale = martingale
        self.deviance = deviance
        self.score = score
        self.schoenfeld = schoenfeld
        self.scaledSchoenfeld = scaledSchoenfeld
        self.dfbeta = dfbeta
    }
}

/// The result of a Cox proportional-hazards fit, as R's `summary(coxph)`
/// with the options it was fitted with (tie method, confidence level).
public struct CoxResult: Sendable, Codable, Equatable {
    /// Tie handling used (`efron`, `breslow` or `exact`), as `coxph(ties = )`.
    public var ties: CoxTies
    /// Confidence level of the hazard-ratio limits (`CoxOptions.confLevel`),
    /// as `summary(coxph, conf.int = )`.
    public var confLevel: Double
    /// Rows used.
    public var n: Int
    /// Number of events (`fit$nevent`).
    public var events: Int
    /// Rows dropped for a missing value in a variable the formula uses.
    public var nDroppedMissing: Int
    /// Newton–Raphson iterations as R reports them (`fit$iter`): 0 with
    /// `maxIterations = 0`; when the iteration runs out, `maxIterations + 1` for
    /// right-censored data (R's `coxfit6` loop counter) and `maxIterations` for
    /// `(start, stop]` data (`agfit4`).
    public var iterations: Int
    /// Whether the Newton–Raphson iteration converged within `CoxOptions.maxIterations`
    /// (R's fitter did not flag "out of iterations"); `false` with `maxIterations = 0`,
    /// where the initial values are returned. R warns only when `maxIterations > 1`.
    public var converged: Bool
    /// The coefficient table, one row per term in design order.
    public var coefficients: [CoxCoefficient]
    /// Log partial likelihood at the initial values (`fit$loglik[1]`).
    public var loglikNull: Double
    /// Log partial likelihood at the estimate (`fit$loglik[2]`).
    public var loglik: Double
    /// Likelihood-ratio, Wald and score tests, as `summary(coxph)`.
    public var tests: CoxTests
    /// Harrell's concordance (`fit$concordance`); `nil` when there are no rows.
    public var concordance: CoxConcordance?
    /// Variance of the estimates (robust when asked for), aliased rows and columns zero
    /// (R fills them with 0 in `fit$var` too).
    public var variance: [[Double]]
    /// Proportional-hazards test (`cox.zph`); `nil` unless asked for.
    public var zph: CoxZPH?
    /// Per-row residuals; `nil` unless asked for.
    public var residuals: CoxResiduals?
    /// Predictions for new data (`predict(fit, newdata)`); `nil` unless asked for.
    public var predictions: CoxNewDataPrediction?
    /// Warnings (dropped rows, infinite coefficients, non-convergence), also printed on stderr.
    public var warnings: [String]
    /// Rows read, used and dropped (with reasons).
    public var rows: RowAccounting
    /// How the data file was read (format, dialect); set by the caller that read it.
    public var input: InputDescription? = nil
    /// The bootstrap of the coefficients; `nil` unless asked for
    /// (``CoxModel/bootstrap(_:fit:bootstrap:)``).
    public var bootstrap: CoxBootstrap? = nil
    /// Akaike's information criterion, R's `AIC(fit)` (``InformationCriteria``); `nil` only for
    /// a result not made from a fit.
    public var aic: Double? = nil
    /// Schwarz's criterion, R's `BIC(fit)` with n = the number of events (`nobs(fit)`).
    public var bic: Double? = nil
    /// The sequential analysis of deviance, R's `anova(fit)`; `nil` unless asked for
    /// (``CoxFit/anova(termLabels:)``).
    public var anova: [CoxAnovaRow]? = nil
    /// The joint Wald test of each spline term (`ns(x)`, `bs(x)`), model-based variance; `nil` without splines.
    public var termTests: [TermWaldTest]? = nil
    /// The shared frailty's row (`frailty(g)`); `nil` without a frailty term.
    public var frailty: CoxFrailtySummary? = nil
    /// The gamma frailty's integrated likelihood (R's I-likelihood); `nil` otherwise.
    public var loglikIntegrated: Double? = nil
    /// A penalised fit's likelihood-ratio test on its effective df (R's printed
    /// line; `tests.likelihood_ratio` then carries the df rounded to a whole number).
    public var penalizedLikelihoodRatio: PenalizedLikelihoodRatio? = nil
    /// The linear and non-linear tests of each `pspline()` term (R's printed
    /// `linear` / `nonlin` rows); `nil` without penalised splines.
    public var splineTests: [CoxSplineTest]? = nil
    /// What R's `print.coxph.penal` shows besides the coefficients (text output only).
    public var penalizedPrint: CoxPenalizedPrint? = nil

    /// Creates a result from its parts.
    public init(
        ties: CoxTies, n: Int, events: Int, nDroppedMissing: Int, iterations: Int, converged: Bool,
        coefficients: [CoxCoefficient], loglikNull: Double, loglik: Double, tests: CoxTests,
        concordance: CoxConcordance?, variance: [[Double]], zph: CoxZPH? = nil,
        residuals: CoxResiduals? = nil, warnings: [String], rows: RowAccounting, confLevel: Double = 0.95
    ) {
        self.ties = ties
        self.confLevel = confLevel
        self.n = n
        self.events = events
        self.nDroppedMissing = nDroppedMissing
        self.iterations = iterations
        self.converged = converged
        self.coefficients = coefficients
        self.loglikNull = loglikNull
        self.loglik = loglik
        self.tests = tests
        self.concordance = concordance
        self.variance = variance
        self.zph = zph
        self.residuals = residuals
        self.warnings = warnings
        self.rows = rows
    }
}
