import CohortData

/// One row of the coefficient table, as R's `summary(coxph)`. Every number is
/// `nil` (JSON `null`) for an aliased coefficient, as R reports `NA`.
public struct CoxCoefficient: Sendable, Codable, Equatable {
    public var term: String
    public var coef: Double?
    /// Model-based standard error, `sqrt(diag(fit$naive.var))` under robust variance.
    public var se: Double?
    /// Robust (sandwich) standard error, when asked for.
    public var robustSE: Double?
    /// `coef / se`, with the robust se when there is one.
    public var z: Double?
    public var p: Double?
    public var hr: Double?
    public var hrLower: Double?
    public var hrUpper: Double?

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

    enum CodingKeys: String, CodingKey {
        case term, coef, se, robustSE = "robust_se", z, p, hr, hrLower = "hr_lower", hrUpper = "hr_upper"
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
        try c.encode(hr, forKey: .hr)
        try c.encode(hrLower, forKey: .hrLower)
        try c.encode(hrUpper, forKey: .hrUpper)
    }
}

/// A chi-square test: statistic, degrees of freedom, upper-tail p-value.
public struct CoxTest: Sendable, Codable, Equatable {
    public var statistic: Double
    public var df: Int
    public var p: Double

    public init(statistic: Double, df: Int, p: Double) {
        self.statistic = statistic
        self.df = df
        self.p = p
    }
}

/// The three global tests of `summary(coxph)`.
public struct CoxTests: Sendable, Codable, Equatable {
    public var likelihoodRatio: CoxTest
    /// Uses the robust variance when there is one, as R's `fit$wald.test`.
    public var wald: CoxTest
    /// The score (log-rank) test at the initial coefficients, model based.
    public var score: CoxTest

    public init(likelihoodRatio: CoxTest, wald: CoxTest, score: CoxTest) {
        self.likelihoodRatio = likelihoodRatio
        self.wald = wald
        self.score = score
    }

    enum CodingKeys: String, CodingKey {
        case likelihoodRatio = "likelihood_ratio", wald, score
    }
}

/// Harrell's concordance of the fitted linear predictor, as `coxph$concordance`.
public struct CoxConcordance: Sendable, Codable, Equatable {
    public var c: Double
    public var se: Double

    public init(c: Double, se: Double) {
        self.c = c
        self.se = se
    }
}

/// One line of a proportional-hazards test, as a row of `cox.zph()$table`.
public struct CoxZPHTerm: Sendable, Codable, Equatable {
    public var term: String
    public var chisq: Double
    public var df: Int
    public var p: Double

    public init(term: String, chisq: Double, df: Int, p: Double) {
        self.term = term
        self.chisq = chisq
        self.df = df
        self.p = p
    }
}

/// The proportional-hazards test of R's `cox.zph` (survival ≥ 3.0).
public struct CoxZPH: Sendable, Codable, Equatable {
    public var transform: String
    public var terms: [CoxZPHTerm]
    public var global: CoxZPHTerm

    public init(transform: String, terms: [CoxZPHTerm], global: CoxZPHTerm) {
        self.transform = transform
        self.terms = terms
        self.global = global
    }
}

/// Per-row residuals, in the input's row order (Schoenfeld: one row per event).
public struct CoxResiduals: Sendable, Codable, Equatable {
    public var martingale: [Double]?
    public var deviance: [Double]?
    public var score: [[Double]]?
    public var schoenfeld: [[Double]]?
    public var scaledSchoenfeld: [[Double]]?
    public var dfbeta: [[Double]]?

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

    enum CodingKeys: String, CodingKey {
        case martingale, deviance, score, schoenfeld, scaledSchoenfeld = "scaled_schoenfeld", dfbeta
    }
}

/// The result of a Cox proportional-hazards fit, in the JSON contract's shape
/// (`survkit cox --format json`): see `spec/cli-json.md`, section *cox*.
public struct CoxResult: Sendable, Codable, Equatable {
    public var analysis: String = "cox"
    /// The recurrent-event model (`survkit recur`: `ag`, `pwp-tt`, `pwp-gt`, `wlw`);
    /// `nil` — and absent from the JSON — for `survkit cox`.
    public var model: String? = nil
    public var ties: CoxTies
    /// Rows used.
    public var n: Int
    /// Number of events (`fit$nevent`).
    public var events: Int
    public var nDroppedMissing: Int
    /// Newton–Raphson iterations (`fit$iter`).
    public var iterations: Int
    public var converged: Bool
    public var coefficients: [CoxCoefficient]
    /// Log partial likelihood at the initial values and at the estimate (`fit$loglik`).
    public var loglikNull: Double
    public var loglik: Double
    public var tests: CoxTests
    public var concordance: CoxConcordance?
    /// Variance of the estimates (robust when asked for), aliased rows and columns zero
    /// (R fills them with 0 in `fit$var` too).
    public var variance: [[Double]]
    public var zph: CoxZPH?
    public var residuals: CoxResiduals?
    /// Predictions for new data (`survkit cox --predict FILE`).
    public var predictions: CoxNewDataPrediction?
    public var warnings: [String]
    public var rows: RowAccounting

    public init(
        ties: CoxTies, n: Int, events: Int, nDroppedMissing: Int, iterations: Int, converged: Bool,
        coefficients: [CoxCoefficient], loglikNull: Double, loglik: Double, tests: CoxTests,
        concordance: CoxConcordance?, variance: [[Double]], zph: CoxZPH? = nil,
        residuals: CoxResiduals? = nil, warnings: [String], rows: RowAccounting
    ) {
        self.ties = ties
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

    enum CodingKeys: String, CodingKey {
        case analysis, model, ties, n, events, nDroppedMissing = "n_dropped_missing", iterations, converged
        case coefficients, loglikNull = "loglik_null", loglik, tests, concordance, variance, zph
        case residuals, predictions, warnings, rows
    }
}
